/**
 * Where a command's output goes, written so that it never lies: every write is checked, and a
 * file is replaced only once it is complete.
 *
 *   const sink = openSink(out, baseDir);   // null = standard output
 *   sink.write(chunk); sink.write(chunk); ...
 *   sink.commit();                         // or sink.abort() on failure
 *
 * A target that is absent or a regular file (symlinks followed; the old file's mode kept) is
 * written to `.<name>.<pid>.tmp` beside it, fsync'd and renamed into place, so a reader sees the
 * old file or the new one, never half of one; a failed or interrupted write removes the temp
 * file and leaves the old one as it was (only SIGKILL or a power cut leaves the temp file
 * behind, never a truncated target). Other targets (/dev/null, FIFOs, terminals) are written
 * directly and never renamed over. Standard output is written with checked synchronous writes:
 * a closed pipe (`| head`) is PipeClosed (the command ends quietly with exit 0), any other
 * failure a WriteError (one line, exit 1).
 */
import {
  closeSync, constants, fchmodSync, fchownSync, fstatSync, fsyncSync, lstatSync, openSync, readlinkSync, renameSync, statSync,
  unlinkSync, writeSync, type Stats,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { CliError } from './errors';

/** A write that failed (disk full, I/O error, ...): reported as one line, exit 1. */
export class WriteError extends Error {
  constructor(message: string) { super(message); this.name = 'WriteError'; }
}

/** Standard output's reader went away (`| head`): not an error, the command just stops. */
export class PipeClosed extends Error {
  constructor() { super('standard output closed'); this.name = 'PipeClosed'; }
}

export interface Sink {
  /** Appends a chunk, text (UTF-8) or bytes (throws WriteError or PipeClosed, after aborting a file). */
  write(chunk: string | Uint8Array): void;
  /** Makes the output final: fsync and rename for a file; nothing more to do otherwise. */
  commit(): void;
  /** Drops what was written to a temp file (the old target stays); safe to call twice. */
  abort(): void;
}

/** Bytes per write() call: a big output goes out in pieces, each checked. */
const CHUNK_BYTES = 1 << 16;

/**
 * Test hook (fault injection): `kill-after-first-chunk` makes the process SIGKILL itself right
 * after the first chunk reaches a temp file, as an outside kill in the middle of the write would.
 */
const FAULT_ENV = 'BREAKING_RANKS_WRITE_FAULT';

/** "ENOSPC: no space left on device" (Node adds ", write" or ", open '/path'"). */
export function errText(e: unknown): string {
  const err = e as NodeJS.ErrnoException;
  if (err === null || typeof err !== 'object' || typeof err.message !== 'string') return String(e);
  return err.syscall ? err.message.replace(new RegExp(`, ${err.syscall}( '.*')?$`), '') : err.message;
}

const sleepMs = (ms: number): void => { Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms); };

const bytesOf = (chunk: string | Uint8Array): Uint8Array => (typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk);

/** Writes all of buf to fd, waiting out EAGAIN (a non-blocking pipe that is full). */
export function writeAll(fd: number, buf: Uint8Array, afterChunk?: () => void): void {
  for (let off = 0; off < buf.length;) {
    const end = Math.min(buf.length, off + CHUNK_BYTES);
    let n: number;
    try {
      n = writeSync(fd, buf, off, end - off);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'EAGAIN') { sleepMs(2); continue; }
      throw e;
    }
    off += n;
    afterChunk?.();
  }
}

/** Where a path really leads: symlinks followed (a dangling one to the path it names). */
function followLinks(path: string): { path: string; stat: Stats | null } {
  let p = path;
  for (let hops = 0; hops < 40; hops++) {
    let st: Stats;
    try { st = lstatSync(p); } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return { path: p, stat: null };
      throw e;
    }
    if (!st.isSymbolicLink()) return { path: p, stat: st };
    p = resolve(dirname(p), readlinkSync(p));
  }
  throw new CliError(`cannot write '${path}': too many symbolic links`);
}

/** Checks before any work that `out` can be written: its folder exists and it is not a folder. */
export function checkOut(out: string | null, baseDir: string): void {
  if (out === null) return;
  const { path, stat } = followLinks(resolve(baseDir, out));
  if (stat?.isDirectory()) throw new CliError(`cannot write '${out}': it is a folder`);
  let dir: Stats | null = null;
  try { dir = statSync(dirname(path)); } catch { dir = null; }
  if (!dir?.isDirectory()) throw new CliError(`cannot write '${out}': folder ${dirname(path)} does not exist`);
}

/** Standard output, written with checked synchronous writes on fd 1. */
function stdoutSink(): Sink {
  return {
    write(chunk) {
      try { writeAll(1, bytesOf(chunk)); } catch (e) {
        if ((e as NodeJS.ErrnoException).code === 'EPIPE') throw new PipeClosed();
        throw new WriteError(`cannot write to standard output (${errText(e)})`);
      }
    },
    commit() { /* every write is already out */ },
    abort() { /* nothing to undo */ },
  };
}

/**
 * What to do when the process is interrupted (SIGINT, SIGTERM, SIGHUP), before it dies of the
 * signal as it would without a handler: remove temp files, keep a batch's finished runs and say
 * so. Each callback runs once, synchronously, in the order registered; the returned function
 * unregisters it.
 */
const onStop = new Set<(sig: NodeJS.Signals) => void>();
const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
function onSignal(sig: NodeJS.Signals): void {
  const todo = [...onStop];
  onStop.clear();
  for (const s of SIGNALS) process.removeListener(s, onSignal);
  for (const f of todo) { try { f(sig); } catch { /* the others still run */ } }
  process.kill(process.pid, sig); // die of the signal, as without this handler
}
export function onInterrupt(f: (sig: NodeJS.Signals) => void): () => void {
  if (onStop.size === 0) for (const s of SIGNALS) process.on(s, onSignal);
  onStop.add(f);
  return () => {
    if (!onStop.delete(f)) return;
    if (onStop.size === 0) for (const s of SIGNALS) process.removeListener(s, onSignal);
  };
}

/** Temp files being written, removed if the process is interrupted. */
const pending = new Map<string, () => void>();
function track(tmp: string): void {
  if (!pending.has(tmp)) pending.set(tmp, onInterrupt(() => { try { unlinkSync(tmp); } catch { /* already gone */ } }));
}
function untrack(tmp: string): void {
  pending.get(tmp)?.();
  pending.delete(tmp);
}

/** A file written directly (a device, a FIFO, a terminal): nothing to rename, nothing to undo. */
function directSink(out: string, path: string): Sink {
  let fd: number | null = null;
  const fail = (e: unknown): never => {
    if (fd !== null) { try { closeSync(fd); } catch { /* reported below */ } fd = null; }
    throw new WriteError(`cannot write '${out}' (${errText(e)})`);
  };
  try { fd = openSync(path, constants.O_WRONLY | constants.O_NOCTTY); } catch (e) { fail(e); }
  return {
    write(chunk) {
      if (fd === null) throw new WriteError(`cannot write '${out}': already closed`);
      try { writeAll(fd, bytesOf(chunk)); } catch (e) { fail(e); }
    },
    commit() {
      if (fd === null) return;
      try { closeSync(fd); } catch (e) { fd = null; fail(e); }
      fd = null;
    },
    abort() {
      if (fd !== null) { try { closeSync(fd); } catch { /* nothing to keep */ } fd = null; }
    },
  };
}

/** A regular file (or none yet): written beside it, then renamed over it. */
function atomicSink(out: string, path: string, old: Stats | null): Sink {
  const dir = dirname(path);
  const tmp = join(dir, `.${basename(path)}.${process.pid}.tmp`);
  const fault = process.env[FAULT_ENV] === 'kill-after-first-chunk';
  let fd: number | null = null;
  const cleanup = (): void => {
    if (fd !== null) { try { closeSync(fd); } catch { /* removed below */ } fd = null; }
    try { unlinkSync(tmp); } catch { /* never created or already gone */ }
    untrack(tmp);
  };
  const fail = (e: unknown): never => { cleanup(); throw new WriteError(`cannot write '${out}' (${errText(e)}); ${old ? 'the old file is unchanged' : 'nothing written'}`); };
  const create = () => openSync(tmp, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL, 0o666);
  try {
    track(tmp);
    try { fd = create(); } catch (e) {
      // A leftover of a killed process that had our pid: no live process can be writing it.
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      unlinkSync(tmp);
      fd = create();
    }
    if (old) {
      fchmodSync(fd, old.mode & 0o7777);
      const st = fstatSync(fd);
      if (st.uid !== old.uid || st.gid !== old.gid) { try { fchownSync(fd, old.uid, old.gid); } catch { /* not ours to give away */ } }
    }
  } catch (e) { fail(e); }
  let chunks = 0;
  return {
    write(chunk) {
      if (fd === null) throw new WriteError(`cannot write '${out}': already closed`);
      const wrote = fault ? () => { if (++chunks === 1) process.kill(process.pid, 'SIGKILL'); } : undefined;
      try { writeAll(fd, bytesOf(chunk), wrote); } catch (e) { fail(e); }
    },
    commit() {
      if (fd === null) throw new WriteError(`cannot write '${out}': already closed`);
      try {
        fsyncSync(fd);
        closeSync(fd);
        fd = null;
        renameSync(tmp, path);
      } catch (e) { fail(e); }
      untrack(tmp);
      // The rename itself reaches the disk with the folder's own fsync (not every system has one).
      try { const d = openSync(dir, constants.O_RDONLY); try { fsyncSync(d); } finally { closeSync(d); } } catch { /* best effort */ }
    },
    abort: cleanup,
  };
}

/**
 * Where scratch files of an output go: beside `out` when it is a file (the disk the user chose
 * for it), else the system's temp folder (standard output, devices).
 */
export function scratchDir(out: string | null, baseDir: string): string {
  if (out === null) return tmpdir();
  const { path, stat } = followLinks(resolve(baseDir, out));
  return stat === null || stat.isFile() ? dirname(path) : tmpdir();
}

/** True when `out` names a regular file (or nothing yet): an output written atomically, with room for files beside it. */
export function isFileTarget(out: string | null, baseDir: string): boolean {
  if (out === null) return false;
  const { stat } = followLinks(resolve(baseDir, out));
  return stat === null || stat.isFile();
}

/** Opens the output: standard output for null, else `out` resolved against baseDir. */
export function openSink(out: string | null, baseDir: string): Sink {
  if (out === null) return stdoutSink();
  const { path, stat } = followLinks(resolve(baseDir, out));
  if (stat === null || stat.isFile()) return atomicSink(out, path, stat);
  if (stat.isDirectory()) throw new CliError(`cannot write '${out}': it is a folder`);
  return directSink(out, path);
}

/**
 * Bytes gathered in one reused buffer: text is encoded into it as it comes, so nothing written
 * waits as a string on the JavaScript heap (where a long run's pending text, surviving garbage
 * collections, would make the heap grow). `out` receives pieces of at least `size` bytes (the
 * last one at flush() may be shorter); it must be done with a piece when it returns.
 */
export class ByteGather {
  private readonly buf: Buffer;
  private n = 0;
  constructor(private readonly out: (bytes: Uint8Array) => void, private readonly size = CHUNK_BYTES) {
    this.buf = Buffer.allocUnsafe(2 * size);
  }

  add(chunk: string | Uint8Array): void {
    if (typeof chunk === 'string') {
      // At most 3 bytes per UTF-16 unit; a text too big for the buffer goes out whole.
      if (this.n + 3 * chunk.length > this.buf.length) this.flush();
      if (3 * chunk.length > this.buf.length) { this.out(Buffer.from(chunk, 'utf8')); return; }
      this.n += this.buf.write(chunk, this.n, 'utf8');
      if (this.n >= this.size) this.flush();
      return;
    }
    for (let at = 0; at < chunk.length;) {
      const k = Math.min(chunk.length - at, this.buf.length - this.n);
      this.buf.set(chunk.subarray(at, at + k), this.n);
      this.n += k;
      at += k;
      if (this.n >= this.size) this.flush();
    }
  }

  flush(): void {
    if (this.n === 0) return;
    const piece = this.buf.subarray(0, this.n);
    this.n = 0;
    this.out(piece);
  }
}

/**
 * A sink behind a buffer: small writes (one row at a time) are gathered and handed on in chunks
 * of at least CHUNK_BYTES; flush() hands on the rest. Nothing is committed here.
 */
export interface Writer { write(text: string | Uint8Array): void; flush(): void; }
export function bufferedWriter(sink: Sink, size = CHUNK_BYTES): Writer {
  const g = new ByteGather((bytes) => sink.write(bytes), size);
  return { write: (chunk) => g.add(chunk), flush: () => g.flush() };
}

/** The whole text in one go. */
export function writeAllTo(text: string, out: string | null, baseDir: string): void {
  const sink = openSink(out, baseDir);
  try {
    sink.write(text);
    sink.commit();
  } catch (e) {
    sink.abort();
    throw e;
  }
}

/**
 * Streams a command's output: `produce` writes through a buffered writer, then the output is
 * committed (a file renamed into place only now); a failure aborts it (the old file stays).
 */
export function writeStreamTo(out: string | null, baseDir: string, produce: (w: Writer) => void): void {
  const sink = openSink(out, baseDir);
  try {
    const w = bufferedWriter(sink);
    produce(w);
    w.flush();
    sink.commit();
  } catch (e) {
    sink.abort();
    throw e;
  }
}
