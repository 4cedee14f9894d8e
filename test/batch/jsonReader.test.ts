/** The incremental JSON reader accepts exactly what JSON.parse accepts, in any chunking, and hands out values as text. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { JsonReader, JsonSyntaxError, JsonTooLong } from '../../src/batch/jsonReader';

/** A byte source over a string, `chunk` bytes at a time (1 splits every token and every UTF-8 sequence). */
function source(text: string, chunk: number) {
  const bytes = Buffer.from(text, 'utf8');
  let at = 0;
  return (buf: Uint8Array): number => {
    const n = Math.min(chunk, buf.length, bytes.length - at);
    buf.set(bytes.subarray(at, at + n));
    at += n;
    return n;
  };
}

/** Walks a whole document with skip() and end(): true when the reader accepts it. */
function accepts(text: string, chunk: number): boolean {
  const r = new JsonReader(source(text, chunk), 64);
  try { r.skip(); r.end(); return true; } catch (e) {
    if (e instanceof JsonSyntaxError) return false;
    throw e;
  }
}

const parses = (text: string): boolean => { try { JSON.parse(text); return true; } catch { return false; } };

/** JSON text of a value with random whitespace around its tokens. */
const spaced = fc.tuple(fc.jsonValue(), fc.array(fc.constantFrom('', ' ', '\n', '\t', '\r\n  '), { minLength: 1, maxLength: 8 }))
  .map(([v, ws]) => { let i = 0; return ws[0] + JSON.stringify(v, null, 1).replace(/\n */g, () => ws[i++ % ws.length] || '') + ws[ws.length - 1]; });

describe('JsonReader', () => {
  it('accepts every JSON text, in any chunking, and gives back each value as its own text', () => {
    fc.assert(fc.property(spaced, fc.integer({ min: 1, max: 9 }), (text, chunk) => {
      expect(accepts(text, chunk)).toBe(true);
      const r = new JsonReader(source(text, chunk), 64);
      expect(JSON.parse(r.text())).toEqual(JSON.parse(text));
      r.end();
    }), { numRuns: 400 });
  });

  it('refuses exactly what JSON.parse refuses (texts one edit away from JSON)', () => {
    const edits = fc.tuple(spaced, fc.nat(), fc.constantFrom('delete', 'insert', 'replace'),
      fc.constantFrom(...'{}[],:"\\ 0123456789.eE+-tfnrulsax\u0000\u001f\u00e9'.split('')));
    fc.assert(fc.property(edits, fc.integer({ min: 1, max: 7 }), ([text, pos, op, ch], chunk) => {
      const at = text.length === 0 ? 0 : pos % text.length;
      const edited = op === 'delete' ? text.slice(0, at) + text.slice(at + 1)
        : op === 'insert' ? text.slice(0, at) + ch + text.slice(at) : text.slice(0, at) + ch + text.slice(at + 1);
      expect(accepts(edited, chunk), JSON.stringify(edited)).toBe(parses(edited));
    }), { numRuns: 3000 });
  });

  it.each([
    ['', false], ['   ', false], ['01', false], ['1.', false], ['.5', false], ['-', false], ['1e', false], ['+1', false],
    ['"\\x"', false], ['"\\u12"', false], ['"a\u0001"', false], ['[1,]', false], ['{"a":1,}', false], ['{"a" 1}', false],
    ['tru', false], ['nulll', false], ['[1] [2]', false], ['\ufeff{}', false], ['"\\ud800"', true], ['-0.0e+00', true], ['"é\\u00e9"', true],
  ])('%j: %s', (text, ok) => {
    for (const chunk of [1, 2, 3, 64]) expect(accepts(text, chunk)).toBe(ok);
    expect(parses(text)).toBe(ok);
  });

  it('steps through an object and an array, taking some values as text and skipping others', () => {
    const doc = '{ "batch": {"a": [1, {"b": null}]}, "rows": [ {"run":0}, {"run":1} ,{"run":2}], "stats": {"x": "\\"]}"}, "z": [] }';
    for (const chunk of [1, 5, 64]) {
      const r = new JsonReader(source(doc, chunk), 64);
      r.beginObject();
      expect(r.nextKey()).toBe('batch');
      expect(JSON.parse(r.text())).toEqual({ a: [1, { b: null }] });
      expect(r.nextKey()).toBe('rows');
      expect(r.next()).toBe('[');
      r.beginArray();
      const rows: unknown[] = [];
      while (r.nextElement()) rows.push(JSON.parse(r.text()));
      expect(rows).toEqual([{ run: 0 }, { run: 1 }, { run: 2 }]);
      expect(r.nextKey()).toBe('stats');
      r.skip();
      expect(r.nextKey()).toBe('z');
      r.skip();
      expect(r.nextKey()).toBeNull();
      r.end();
      expect(r.maxDepthSeen).toBe(4);
    }
  });

  it('refuses a value taken as text past its limit, and measures nesting without recursion', () => {
    const r = new JsonReader(source(`["${'x'.repeat(5000)}"]`, 100), 100);
    r.beginArray();
    r.nextElement();
    expect(() => r.text(1000)).toThrow(JsonTooLong);
    const deep = '['.repeat(100_000) + ']'.repeat(100_000);
    const d = new JsonReader(source(deep, 4096));
    d.skip();
    d.end();
    expect(d.maxDepthSeen).toBe(100_000);
  });
});
