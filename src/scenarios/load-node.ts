/**
 * Node-only input reading (CLI, scripts, tests): a preset id, or a JSON file relative to baseDir,
 * or `-` for standard input. Inputs are bounded: a regular file (or standard input) of at most
 * MAX_INPUT_BYTES, nested at most MAX_JSON_DEPTH levels; a FIFO, a device or a folder is refused
 * with a message rather than read (a FIFO without a writer would block forever, /dev/zero would
 * grow without end). Kept out of index.ts so the browser bundle never pulls in node:fs.
 */
import { closeSync, constants, fstatSync, openSync, readSync, type Stats } from 'node:fs';
import { resolve, sep } from 'node:path';
import type { ScenarioData } from '../sim/scenarioData';
import { ScenarioError } from './check';
import { MAX_INPUT_BYTES, MAX_JSON_DEPTH, nestingError } from './depth';
import { getPreset } from './presets';
import { validateScenario } from './validate';

/** A file path rather than a preset id: ends in .json, names a folder, or is `-` (standard input). */
export const isScenarioPath = (s: string): boolean => s === '-' || s.endsWith('.json') || s.includes('/') || s.includes(sep);

export { MAX_INPUT_BYTES };

const MIB = 1024 * 1024;
const sizeText = (n: number): string =>
  n % MIB === 0 ? `${n / MIB} MiB` : n >= MIB ? `${(n / MIB).toFixed(1)} MiB` : `${n} bytes`;

function kindOf(st: Stats): string {
  if (st.isDirectory()) return 'a folder';
  if (st.isFIFO()) return 'a FIFO (named pipe)';
  if (st.isCharacterDevice()) return 'a character device';
  if (st.isBlockDevice()) return 'a block device';
  if (st.isSocket()) return 'a socket';
  return 'not a regular file';
}

const sleepMs = (ms: number): void => { Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms); };

/** Reads fd to its end, failing past maxBytes (a file can grow while it is read). */
function readBounded(fd: number, maxBytes: number, tooBig: (n: number | null) => never): Buffer {
  const parts: Buffer[] = [];
  let total = 0;
  for (;;) {
    const buf = Buffer.allocUnsafe(Math.min(1 << 20, Math.max(1, maxBytes - total + 1)));
    let n: number;
    try {
      n = readSync(fd, buf, 0, buf.length, null);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'EAGAIN') { sleepMs(5); continue; }
      throw e;
    }
    if (n === 0) break;
    total += n;
    if (total > maxBytes) tooBig(null);
    parts.push(n === buf.length ? buf : buf.subarray(0, n));
  }
  return Buffer.concat(parts, total);
}

/** Standard input can feed one input of a run; a second read of it gets the same text. */
let stdinRead: { what: string; text: string } | null = null;

/**
 * The text of an input file (`what` names it in messages: 'scenario', 'actions', ...), or of
 * standard input for `-`. Refused with a ScenarioError (one line, exit 2): a missing file,
 * anything but a regular file, and more than maxBytes.
 */
export function readInputText(path: string, baseDir: string, what: string, maxBytes = MAX_INPUT_BYTES): string {
  const tooBig = (n: number | null): never => {
    throw new ScenarioError(`${path}: the ${what} file ${n === null ? 'is' : `is ${sizeText(n)},`} larger than the ${sizeText(maxBytes)} an input may have`);
  };
  if (path === '-') {
    if (stdinRead !== null) {
      if (stdinRead.what !== what) throw new ScenarioError(`-: standard input is already the ${stdinRead.what} file; give the ${what} file by name`);
      return stdinRead.text;
    }
    let text: string;
    try { text = readBounded(0, maxBytes, tooBig).toString('utf8'); } catch (e) {
      if (e instanceof ScenarioError) throw e;
      throw new ScenarioError(`-: cannot read the ${what} from standard input (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
    }
    stdinRead = { what, text };
    return text;
  }
  const fd = openInputFile(path, baseDir, what);
  try {
    const size = fstatSync(fd).size;
    if (size > maxBytes) tooBig(size);
    return readBounded(fd, maxBytes, tooBig).toString('utf8');
  } catch (e) {
    if (e instanceof ScenarioError) throw e;
    throw new ScenarioError(`${path}: cannot read ${what} file (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
  } finally {
    closeSync(fd);
  }
}

/**
 * Opens an input file (not `-`) for reading, refusing anything but a regular file (a FIFO, a
 * device, a folder) with a ScenarioError, as readInputText does; the caller closes the descriptor.
 */
export function openInputFile(path: string, baseDir: string, what: string): number {
  const file = resolve(baseDir, path);
  let fd: number;
  try {
    // Non-blocking: opening a FIFO nobody writes to returns at once (and is refused below).
    fd = openSync(file, constants.O_RDONLY | constants.O_NONBLOCK | constants.O_NOCTTY);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new ScenarioError(code === 'ENOENT' ? `${path}: ${what} file not found (looked for ${file})`
      : `${path}: cannot read ${what} file (${code ?? (e as Error).message})`);
  }
  try {
    const st = fstatSync(fd);
    if (!st.isFile()) throw new ScenarioError(`${path}: the ${what} file is ${kindOf(st)}; give a regular file, or - for standard input`);
    return fd;
  } catch (e) {
    closeSync(fd);
    if (e instanceof ScenarioError) throw e;
    throw new ScenarioError(`${path}: cannot read ${what} file (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
  }
}

/**
 * Reads up to buf.length bytes from fd into buf (0 at its end), waiting out EAGAIN (standard
 * input may be non-blocking); a read error is a ScenarioError naming the input.
 */
export function readSome(fd: number, buf: Uint8Array, path: string, what: string): number {
  for (;;) {
    try { return readSync(fd, buf, 0, buf.length, null); } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'EAGAIN') { sleepMs(5); continue; }
      throw new ScenarioError(`${path}: cannot read ${what} file (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
    }
  }
}

/** "line L, column C" for a character offset, since parsers report only the offset. */
function lineCol(text: string, pos: number): string {
  const before = text.slice(0, pos).split('\n');
  return `line ${before.length}, column ${before[before.length - 1].length + 1}`;
}

/**
 * Parses JSON text, turning a syntax error into one line with its position; then refuses a
 * value nested deeper than MAX_JSON_DEPTH (checked without recursion, before any validator).
 */
export function parseJson(text: string, source: string): unknown {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e);
    const m = /position (\d+)/.exec(msg);
    const pos = m ? Number(m[1]) : /end of JSON input/.test(msg) ? text.length : -1;
    throw new ScenarioError(`${source}: malformed JSON${pos >= 0 ? ` at ${lineCol(text, pos)}` : ''}: ${msg}`);
  }
  const deep = nestingError(value, MAX_JSON_DEPTH);
  if (deep !== null) throw new ScenarioError(`${source}: ${deep}`);
  return value;
}

export function loadScenario(idOrPath: string, baseDir: string): ScenarioData {
  if (!isScenarioPath(idOrPath)) return getPreset(idOrPath);
  return validateScenario(parseJson(readInputText(idOrPath, baseDir, 'scenario'), idOrPath), idOrPath);
}
