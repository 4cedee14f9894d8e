/**
 * The runs a batch has finished, kept as they finish so an interrupted batch (Ctrl-C, SIGTERM
 * from a scheduler, a lost worker, a kill) can continue where it stopped: `FILE.partial.jsonl`
 * beside `--out FILE`. Its first line is the batch record (everything that defines the batch:
 * the `batch` header with modelVersion and the inputs' fingerprint, the shard and the format);
 * then one row per line, in run order, written as the pool hands rows on and fsync'd at least
 * every second. `--resume` reads it back as a stream: a row is kept only if its line is whole,
 * parses and passes merge's row checks as the next run of the batch; a torn last line (a kill in
 * the middle of a write) is dropped, and so is everything after a line that fails.
 */
import { closeSync, constants, fsyncSync, ftruncateSync, openSync, readSync, unlinkSync } from 'node:fs';
import { dirname } from 'node:path';
import { BatchError, checkRow, rowColumns, type BatchInfo, type Row, type ShardInfo } from '../batch/index';
import { show } from '../scenarios/check';
import type { Format } from './args';
import { CliError } from './errors';
import { errText, writeAll, WriteError } from './sink';

/** The first line: what the kept rows are rows of. */
export interface PartialRecord { batch: BatchInfo; shard: ShardInfo | null; format: Format; }

export const partialPath = (outPath: string): string => `${outPath}.partial.jsonl`;

/** The flag that sets each field of the record, for the message when a resume is refused. */
const FLAGS: Record<string, string> = {
  modelVersion: 'the model version', scenario: '--scenario', strategy: '--strategy', actions: '--a / --actions', seed: '--seed',
  runs: '--runs', points: '--sweep', total: '--runs and --sweep', sets: '--set', sweep: '--sweep', sampled: '--priors',
  targets: 'the targets (--multiplier, the scenario or --set)', fingerprint: 'the contents of the scenario, calibration, priors or actions',
  shard: '--shard', format: '--format', causal: '--causal',
};

/** The first field (in record order) where a kept record and this call's differ, or null. */
export function recordDifference(kept: unknown, now: PartialRecord): { field: string; kept: unknown; now: unknown } | null {
  const k = (kept !== null && typeof kept === 'object' ? kept : {}) as Record<string, unknown>;
  const kb = (k.batch !== null && typeof k.batch === 'object' ? k.batch : {}) as Record<string, unknown>;
  const nb = now.batch as unknown as Record<string, unknown>;
  const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
  for (const f of [...new Set([...Object.keys(nb), ...Object.keys(kb)])]) if (!same(kb[f], nb[f])) return { field: f, kept: kb[f], now: nb[f] };
  if (!same(k.shard ?? null, now.shard)) return { field: 'shard', kept: k.shard ?? null, now: now.shard };
  if (!same(k.format, now.format)) return { field: 'format', kept: k.format, now: now.format };
  return null;
}

/** The record's `causal` field as the user knows it: off, or on at its landmark day. */
const causalText = (c: unknown): string => {
  if (c === undefined || c === null) return 'off';
  const day = (c as { landmarkDay?: unknown }).landmarkDay;
  return typeof c === 'object' ? `on, landmark day ${show(day)}` : show(c);
};

const shardText = (s: unknown): string => {
  const o = s as ShardInfo | null;
  return o === null || typeof o !== 'object' ? 'none' : `${String(o.index)}/${String(o.count)}`;
};

export interface Kept {
  /** Rows kept (runs indices[0..rows-1]). */
  rows: number;
  /** Bytes of the file that hold the record and those rows (the rest is dropped). */
  bytes: number;
}

/** Bytes read at a time. */
const READ_BYTES = 1 << 16;
/** A line longer than this is no row (and no record): the file is not ours. */
const MAX_LINE = 1 << 26;

/**
 * Reads a partial file as a stream: checks its record against this call's (a CliError naming the
 * first field that differs), then hands each kept row to `onRow` in order. Null when there is no
 * file; `warn` hears about dropped lines (other than a torn last one).
 */
export function readKept(path: string, shown: string, now: PartialRecord, indices: ArrayLike<number>,
  onRow: (row: Row) => void, warn: (line: string) => void): Kept | null {
  let fd: number;
  try { fd = openSync(path, constants.O_RDONLY | constants.O_NOFOLLOW); } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw new CliError(`cannot read ${shown} (${(e as NodeJS.ErrnoException).code ?? String(e)})`);
  }
  try {
    const columns = rowColumns(now.batch);
    let kept = 0, bytes = 0, lineNo = 0, stop = false;
    const line = (text: string, end: number, whole: boolean): void => {
      lineNo++;
      if (lineNo === 1) {
        let rec: unknown;
        try { rec = whole ? JSON.parse(text) : undefined; } catch { rec = undefined; }
        if (rec === undefined) { stop = true; warn(`${shown} has no complete batch record: starting from the first run`); return; }
        const d = recordDifference(rec, now);
        if (d !== null) {
          const flag = FLAGS[d.field] ?? `'${d.field}'`;
          const [was, is] = d.field === 'shard' ? [shardText(d.kept), shardText(d.now)]
            : d.field === 'causal' ? [causalText(d.kept), causalText(d.now)] : [show(d.kept), show(d.now)];
          throw new CliError(d.field === 'modelVersion'
            ? `cannot resume: the runs kept in ${shown} were made by model ${was}, this is model ${is}; delete it to start over`
            : `cannot resume: the runs kept in ${shown} are of another batch: '${d.field}' (${flag}) differs (kept ${was}, now ${is}); give the same flags, or delete it to start over`);
        }
        bytes = end;
        return;
      }
      if (!whole) return; // a torn last line: the write it was part of never finished
      const k = lineNo - 2;
      let why: string | null = null;
      try {
        if (k >= indices.length) why = 'more rows than the batch has';
        else {
          const row = checkRow(JSON.parse(text), k, now.batch, columns, shown);
          if (row.run !== indices[k]) why = `row ${k} is run ${row.run}, not run ${indices[k]}`;
          else { onRow(row); kept++; bytes = end; return; }
        }
      } catch (e) {
        if (!(e instanceof SyntaxError || e instanceof BatchError)) throw e;
        why = e instanceof SyntaxError ? 'not JSON' : e.message.replace(`${shown}: `, '');
      }
      stop = true;
      warn(`${shown}: line ${lineNo} is not a kept row (${why}): keeping the ${kept} runs before it`);
    };
    // Lines are split on bytes (a row is ASCII; the record may not be), so `bytes` is exact.
    const buf = Buffer.allocUnsafe(READ_BYTES);
    let pending: Buffer[] = [], pendingLen = 0, offset = 0;
    for (;;) {
      const n = readSync(fd, buf, 0, buf.length, null);
      if (n === 0) break;
      let from = 0;
      for (let nl = buf.indexOf(10, 0); nl !== -1 && nl < n && !stop; nl = buf.indexOf(10, from)) {
        const piece = buf.subarray(from, nl);
        const text = pendingLen > 0 ? Buffer.concat([...pending, piece]).toString('utf8') : piece.toString('utf8');
        offset += pendingLen + piece.length + 1;
        pending = []; pendingLen = 0;
        from = nl + 1;
        line(text, offset, true);
      }
      if (stop) break;
      if (from < n) {
        pending.push(Buffer.from(buf.subarray(from, n)));
        pendingLen += n - from;
        if (pendingLen > MAX_LINE) { line('', offset, false); stop = true; break; }
      }
    }
    if (!stop && pendingLen > 0) line(Buffer.concat(pending).toString('utf8'), offset + pendingLen, false);
    if (lineNo === 0 || bytes === 0) return { rows: 0, bytes: 0 };
    return { rows: kept, bytes };
  } finally {
    closeSync(fd);
  }
}

/** How often kept rows reach the disk, at the latest. */
const SYNC_MS = 1000;

/** The partial file being written: rows appended as they come, fsync'd at least every second. */
export class PartialFile {
  private fd: number | null;
  private dirty = false;
  private lastSync = performance.now();
  private readonly timer: NodeJS.Timeout;
  /** Rows in the file (kept from before and added since). */
  rows: number;

  /**
   * Opens `path`: with `kept`, the file of an earlier call, cut back to what it keeps; else a new
   * file (replacing any) holding the record.
   */
  constructor(readonly path: string, readonly shown: string, record: PartialRecord, kept: Kept | null) {
    try {
      if (kept !== null && kept.bytes > 0) {
        // Appends after what is kept: a torn or failed tail is cut off first.
        this.fd = openSync(path, constants.O_WRONLY | constants.O_APPEND | constants.O_NOFOLLOW);
        ftruncateSync(this.fd, kept.bytes);
        this.rows = kept.rows;
      } else {
        this.fd = openSync(path, constants.O_WRONLY | constants.O_CREAT | constants.O_TRUNC | constants.O_NOFOLLOW, 0o666);
        writeAll(this.fd, Buffer.from(`${JSON.stringify(record)}\n`, 'utf8'));
        this.rows = 0;
      }
      fsyncSync(this.fd);
      // The new file's name reaches the disk with its folder (best effort: not every system can).
      try { const d = openSync(dirname(path), constants.O_RDONLY); try { fsyncSync(d); } finally { closeSync(d); } } catch { /* best effort */ }
    } catch (e) {
      throw new WriteError(`cannot write ${shown} (${errText(e)})`);
    }
    this.timer = setInterval(() => { if (this.dirty) this.sync(); }, SYNC_MS);
    this.timer.unref();
  }

  /** Appends rows, each a line of its JSON text; written at once (a kill keeps them), fsync'd at most a second later. */
  add(lines: readonly string[]): void {
    if (this.fd === null || lines.length === 0) return;
    const buf = Buffer.from(`${lines.join('\n')}\n`, 'utf8');
    try { writeAll(this.fd, buf); } catch (e) { throw new WriteError(`cannot write ${this.shown} (${errText(e)})`); }
    this.rows += lines.length;
    this.dirty = true;
    if (performance.now() - this.lastSync >= SYNC_MS) this.sync();
  }

  /** Everything written reaches the disk now. */
  sync(): void {
    if (this.fd === null) return;
    try { fsyncSync(this.fd); } catch { /* the rows written are still in the file for this boot */ }
    this.dirty = false;
    this.lastSync = performance.now();
  }

  close(): void {
    clearInterval(this.timer);
    if (this.fd === null) return;
    this.sync();
    try { closeSync(this.fd); } catch { /* nothing more to keep */ }
    this.fd = null;
  }

  /** The batch is complete (its output committed): the kept runs are not needed any more. */
  remove(): void {
    this.close();
    try { unlinkSync(this.path); } catch { /* already gone */ }
  }
}
