/**
 * A spool: text that must wait for its place in an output (the series of `sim --format json`,
 * which comes after report fields known only at the end of the run) is written to a scratch
 * file and copied into the output afterwards, so it never waits in memory. The scratch file is
 * removed from its folder as soon as it is open (only the descriptor keeps it), so no kill
 * leaves it behind; where a system cannot do that, it is removed at close or on an interrupt.
 */
import { closeSync, constants, openSync, readSync, unlinkSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { ByteGather, WriteError, onInterrupt, writeAll, type Writer } from './sink';

export interface Spool {
  /** Appends text or bytes. */
  write(chunk: string | Uint8Array): void;
  /** Writes everything spooled so far to w, in order. */
  copyTo(w: Writer): void;
  /** Reads everything spooled so far from its start, like a file (0 at the end). */
  reader(): (buf: Uint8Array) => number;
  /** Frees it (the scratch file is gone afterwards). */
  close(): void;
}

/** Gathers small writes into pieces of this many bytes. */
const PIECE = 1 << 16;
/** Bytes read back at a time. */
const READ_BYTES = 1 << 20;

let made = 0;

/** A spool in a scratch file in `dir`. */
export function fileSpool(dir: string): Spool {
  const path = join(dir, `.breaking-ranks-spool.${process.pid}.${made++}.tmp`);
  let fd: number;
  try { fd = openSync(path, constants.O_RDWR | constants.O_CREAT | constants.O_EXCL, 0o600); } catch (e) {
    throw new WriteError(`cannot make a scratch file in ${dir} (${(e as NodeJS.ErrnoException).code ?? String(e)})`);
  }
  let forget: (() => void) | null = null;
  try { unlinkSync(path); } catch { forget = onInterrupt(() => { try { unlinkSync(path); } catch { /* gone */ } }); }
  let size = 0, open = true;
  const fail = (e: unknown): never => { throw new WriteError(`cannot write the scratch file in ${dir} (${(e as NodeJS.ErrnoException).code ?? String(e)})`); };
  const bytes = new ByteGather((piece) => {
    try { writeAll(fd, piece); } catch (e) { fail(e); }
    size += piece.length;
  }, PIECE);
  const flush = (): void => bytes.flush();
  return {
    write(chunk) { bytes.add(chunk); },
    reader() {
      flush();
      let at = 0;
      return (buf) => {
        if (at >= size) return 0;
        let n: number;
        try { n = readSync(fd, buf, 0, Math.min(buf.length, size - at), at); } catch (e) { return fail(e); }
        at += n;
        return n;
      };
    },
    copyTo(w) {
      flush();
      const buf = Buffer.allocUnsafe(Math.min(READ_BYTES, Math.max(1, size)));
      for (let at = 0; at < size;) {
        let n: number;
        try { n = readSync(fd, buf, 0, Math.min(buf.length, size - at), at); } catch (e) { return fail(e); }
        if (n === 0) fail(new Error('the scratch file is shorter than what was written to it'));
        w.write(buf.subarray(0, n));
        at += n;
      }
    },
    close() {
      if (!open) return;
      open = false;
      try { closeSync(fd); } catch { /* nothing to keep */ }
      if (forget !== null) { try { unlinkSync(path); } catch { /* gone */ } forget(); }
    },
  };
}

/** A spool in memory (tests and small outputs): the same interface over an array of strings. */
export function memorySpool(): Spool {
  let parts: Array<string | Uint8Array> = [];
  return {
    write(chunk) { parts.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk)); },
    copyTo(w) { for (const p of parts) w.write(p); },
    reader() {
      const all = Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'utf8') : p)));
      let at = 0;
      return (buf) => { const n = Math.min(buf.length, all.length - at); buf.set(all.subarray(at, at + n)); at += n; return n; };
    },
    close() { parts = []; },
  };
}
