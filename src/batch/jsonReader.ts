/**
 * An incremental JSON reader for inputs too big to hold (merge's shard files, whose `rows`
 * array may hold millions of rows): it reads the bytes in chunks and walks the document one
 * token at a time, checking the whole grammar (RFC 8259) as it goes, so a file is accepted
 * exactly when JSON.parse would accept it. The caller steps through the outer object and array
 * (beginObject, nextKey, beginArray, nextElement) and takes each value either as text (for
 * JSON.parse: a header record, one row) or skipped (checked, never held). No recursion: nesting
 * is tracked on a counter, and `maxDepthSeen` reports how deep the document went.
 * Browser-safe: the bytes come from a callback.
 */

/** Fills buf from the input; returns how many bytes it put there (0 at the end of the input). */
export type ReadBytes = (buf: Uint8Array) => number;

/** The input is not JSON (or ends inside a value). */
export class JsonSyntaxError extends Error {
  constructor(message: string) { super(message); this.name = 'JsonSyntaxError'; }
}

/** A value taken as text was longer than the caller allows. */
export class JsonTooLong extends Error {
  constructor(readonly limit: number) { super(`a value longer than ${limit} characters`); this.name = 'JsonTooLong'; }
}

const NUMBER = /-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?/y;
/** The next character a string scan must look at: its end, an escape or a forbidden control character. */
const STRING_STOP = /["\\\u0000-\u001f]/g;
const ESCAPE = /^(?:["\\/bfnrt]|u[0-9a-fA-F]{4})$/;
const WS = (c: number): boolean => c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;

export class JsonReader {
  private s = '';
  private i = 0;
  /** Start of the token being read: what fill() keeps of the buffer. */
  private tok = 0;
  /** The value being taken as text: pieces already dropped from s, and where its rest starts in s (-1: none). */
  private parts: string[] = [];
  private cap = -1;
  private capLen = 0;
  private capLimit = Infinity;
  private eof = false;
  private readonly decoder = new TextDecoder('utf-8', { ignoreBOM: true });
  private readonly buf: Uint8Array;
  /** The caller's open containers: has each one had an element yet? */
  private readonly had: boolean[] = [];
  /** Current nesting (the outermost value counts 1) and the deepest seen so far. */
  depth = 0;
  maxDepthSeen = 0;

  constructor(private readonly read: ReadBytes, chunkBytes = 1 << 16) { this.buf = new Uint8Array(chunkBytes); }

  /**
   * Reads more input; false at its end. Everything from the current token on stays in s (its
   * positions move down by what was dropped); a value being captured keeps the dropped part.
   */
  private fill(): boolean {
    if (this.eof) return false;
    const n = this.read(this.buf);
    if (n === 0) this.eof = true;
    const text = n === 0 ? this.decoder.decode() : this.decoder.decode(this.buf.subarray(0, n), { stream: true });
    const keep = this.tok;
    if (this.cap >= 0) {
      const piece = this.s.slice(this.cap, keep);
      this.parts.push(piece);
      this.capLen += piece.length;
      this.cap = 0;
      if (this.capLen > this.capLimit) throw new JsonTooLong(this.capLimit);
    }
    this.s = keep === 0 ? this.s + text : this.s.slice(keep) + text;
    this.i -= keep;
    this.tok = 0;
    return text.length > 0 || !this.eof;
  }

  private fail(what: string): never {
    throw new JsonSyntaxError(what);
  }

  /** The next character code after whitespace, not consumed (tok is set there); -1 at the end of the input. */
  private peek(): number {
    for (;;) {
      while (this.i < this.s.length) {
        const c = this.s.charCodeAt(this.i);
        if (!WS(c)) { this.tok = this.i; return c; }
        this.i++;
      }
      this.tok = this.i;
      if (!this.fill()) return -1;
    }
  }

  /** Consumes the character c after whitespace. */
  private eat(c: number, what: string): void {
    const d = this.peek();
    if (d !== c) this.fail(d === -1 ? 'unexpected end of input' : `expected ${what}`);
    this.i++;
    this.tok = this.i;
  }

  /** A string token (the reader is at its opening quote); returns where it started in s. */
  private string(): number {
    let j = this.i + 1;
    for (;;) {
      STRING_STOP.lastIndex = j;
      const m = STRING_STOP.exec(this.s);
      if (m === null) {
        const rel = this.s.length - this.tok;
        if (!this.fill()) this.fail('unterminated string');
        j = this.tok + rel;
        continue;
      }
      let k = m.index;
      const c = this.s.charCodeAt(k);
      if (c === 0x22) {
        const start = this.tok;
        this.i = k + 1;
        this.tok = this.i;
        return start;
      }
      if (c !== 0x5c) this.fail('control character in a string');
      // An escape: its whole text (at most \uXXXX) must be here before it is checked.
      while (this.s.length < k + 6 && !this.eof) {
        const rel = k - this.tok;
        this.fill();
        k = this.tok + rel;
      }
      const next = this.s.charAt(k + 1);
      const esc = next === 'u' ? this.s.slice(k + 1, k + 6) : next;
      if (!ESCAPE.test(esc)) this.fail(this.eof && k + 1 + esc.length >= this.s.length ? 'unterminated string' : 'bad escape in a string');
      j = k + 1 + esc.length;
    }
  }

  /** A number, true, false or null (the reader is at its first character c). */
  private scalar(c: number): void {
    // The whole token must be in s: it ends at a delimiter or at the end of the input.
    let j = this.i;
    for (;;) {
      while (j < this.s.length) {
        const d = this.s.charCodeAt(j);
        if (WS(d) || d === 0x2c || d === 0x5d || d === 0x7d || d === 0x3a) break;
        j++;
      }
      if (j < this.s.length) break;
      const rel = j - this.tok;
      const more = this.fill();
      j = this.tok + rel;
      if (!more) break;
    }
    if (c === 0x74 || c === 0x66 || c === 0x6e) {
      const word = c === 0x74 ? 'true' : c === 0x66 ? 'false' : 'null';
      if (!this.s.startsWith(word, this.i)) this.fail('unexpected word');
      this.i += word.length;
    } else {
      NUMBER.lastIndex = this.i;
      const m = NUMBER.exec(this.s);
      if (m === null) this.fail('bad number');
      this.i += m[0].length;
    }
    if (this.i !== j) this.fail('unexpected character after a value');
    this.tok = this.i;
  }

  private enter(): void {
    this.depth++;
    if (this.depth > this.maxDepthSeen) this.maxDepthSeen = this.depth;
  }

  /** A member's key and colon inside a value being walked. */
  private memberKey(): void {
    if (this.peek() !== 0x22) this.fail('expected a key');
    this.string();
    this.eat(0x3a, "':'");
  }

  /** Walks one whole value, any nesting, without recursion. */
  private value(): void {
    // One entry per open container: true for an object (a key before each value), false for an array.
    const stack: boolean[] = [];
    for (;;) {
      const c = this.peek();
      if (c === 0x7b || c === 0x5b) {
        this.i++;
        this.tok = this.i;
        this.enter();
        const obj = c === 0x7b;
        if (this.peek() !== (obj ? 0x7d : 0x5d)) {
          stack.push(obj);
          if (obj) this.memberKey();
          continue;
        }
        this.i++;
        this.tok = this.i;
        this.depth--;
      } else if (c === 0x22) this.string();
      else if (c === 0x2d || (c >= 0x30 && c <= 0x39) || c === 0x74 || c === 0x66 || c === 0x6e) this.scalar(c);
      else this.fail(c === -1 ? 'unexpected end of input' : 'unexpected character');
      // After a value: close what ends here, or go on to the next member or element.
      for (;;) {
        if (stack.length === 0) return;
        const obj = stack[stack.length - 1];
        const d = this.peek();
        if (d === 0x2c) {
          this.i++;
          this.tok = this.i;
          if (obj) this.memberKey();
          break;
        }
        if (d !== (obj ? 0x7d : 0x5d)) this.fail(d === -1 ? 'unexpected end of input' : `expected ',' or '${obj ? '}' : ']'}'`);
        this.i++;
        this.tok = this.i;
        stack.pop();
        this.depth--;
      }
    }
  }

  // ---- What the caller steps through ----

  /** The next value's first character: '{', '[', or another ('' at the end of the input); nothing consumed. */
  next(): string {
    const c = this.peek();
    return c === -1 ? '' : String.fromCharCode(c);
  }

  /** Consumes '{' (then nextKey() until it returns null). */
  beginObject(): void { this.eat(0x7b, "'{'"); this.enter(); this.had.push(false); }

  /** The next member's key (its colon consumed), or null at the closing '}' (consumed). */
  nextKey(): string | null {
    if (!this.step(0x7d)) return null;
    if (this.peek() !== 0x22) this.fail('expected a key');
    const start = this.string();
    const key = JSON.parse(this.s.slice(start, this.i)) as string;
    this.eat(0x3a, "':'");
    return key;
  }

  /** Consumes '[' (then nextElement() until it returns false). */
  beginArray(): void { this.eat(0x5b, "'['"); this.enter(); this.had.push(false); }

  /** True when another element follows (its comma consumed); false at the closing ']' (consumed). */
  nextElement(): boolean { return this.step(0x5d); }

  /** Before a member or element of the caller's container: the comma, or its end. */
  private step(close: number): boolean {
    const c = this.peek();
    const had = this.had[this.had.length - 1];
    if (c === close) {
      this.i++;
      this.tok = this.i;
      this.depth--;
      this.had.pop();
      return false;
    }
    if (had) {
      if (c !== 0x2c) this.fail(c === -1 ? 'unexpected end of input' : `expected ',' or '${String.fromCharCode(close)}'`);
      this.i++;
      this.tok = this.i;
    } else if (c === -1) this.fail('unexpected end of input');
    this.had[this.had.length - 1] = true;
    return true;
  }

  /** The next value's text (checked), at most `limit` characters (JsonTooLong past it). */
  text(limit = Infinity): string {
    this.peek();
    this.parts = [];
    this.capLen = 0;
    this.cap = this.i;
    this.capLimit = limit;
    try {
      this.value();
      const rest = this.s.slice(this.cap, this.i);
      if (this.capLen + rest.length > limit) throw new JsonTooLong(limit);
      return this.parts.length === 0 ? rest : this.parts.join('') + rest;
    } finally {
      this.cap = -1;
      this.parts = [];
    }
  }

  /** Checks and skips the next value (nothing of it is kept). */
  skip(): void { this.value(); }

  /** After the outermost value: nothing but whitespace may follow. */
  end(): void {
    if (this.peek() !== -1) this.fail('text after the end of the document');
  }
}
