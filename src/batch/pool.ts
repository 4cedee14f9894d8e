/**
 * The one worker pool of the batch runner, for Node's worker threads (nodePool.ts) and the
 * page's Web Workers (ui/research) alike: small consecutive jobs of run indices fed from one
 * queue as workers become free (fast runs do not wait for slow ones), rows written back by
 * position, so the result is in run order and identical whatever the worker count. Rows are also
 * handed on in run order as soon as every earlier one is in (`onRows`: what streaming output and
 * a resumable partial file need); if onRows or onProgress throws, the pool stops and rejects with
 * that error. Cancel terminates every worker. Browser-safe: no Node import.
 */
import type { BatchPlan } from './plan';
import type { Row } from './rows';
import type { JobPlan, JobReply, JobRequest } from './job';

/** What the pool needs of a worker (Web Worker, a Node worker thread through an adapter, a fake). */
export interface WorkerLike<R = Row, P extends JobPlan = BatchPlan> {
  postMessage(message: JobRequest<P>): void;
  onmessage: ((e: { data: JobReply<R> }) => void) | null;
  onerror: ((e: { message?: string; preventDefault?(): void }) => void) | null;
  terminate(): void;
}

/** Runs per job: a few, so fast runs balance across workers and the queue hides message latency. */
export function jobSize(runs: number, workers: number): number {
  return Math.max(1, Math.min(8, Math.floor(runs / (Math.max(1, workers) * 16))));
}

/** Positions 0..n−1 cut into consecutive jobs of `size` (the last may be shorter). */
export function splitJobs(n: number, size: number): Array<{ from: number; to: number }> {
  const out: Array<{ from: number; to: number }> = [];
  for (let from = 0; from < n; from += size) out.push({ from, to: Math.min(n, from + size) });
  return out;
}

/** Raised (as the rejection) when the user cancelled. */
export class BatchCancelled extends Error {
  constructor(readonly done: number, readonly total: number) { super(`cancelled after ${done} of ${total} runs`); this.name = 'BatchCancelled'; }
}

export interface PoolOptions<R = Row, P extends JobPlan = BatchPlan> {
  workers: number;
  createWorker: () => WorkerLike<R, P>;
  /** After every chunk of rows: runs done and runs in total. */
  onProgress?: (done: number, total: number) => void;
  /** Rows in run order, as soon as every earlier one is in: position of the first, and the rows. */
  onRows?: (from: number, rows: R[]) => void;
  /** Turns a worker's error reply into the error to reject with (default: an Error of that name). */
  revive?: (e: { name: string; message: string }) => Error;
  /**
   * false: rows are only handed on (onRows) and forgotten once they are, so memory does not grow
   * with the batch; the result is then an empty array. Default true: the result holds every row.
   */
  keep?: boolean;
}

export interface PoolRun<R = Row> {
  /** The rows of `indices`, in that order (none with keep: false). */
  result: Promise<R[]>;
  cancel(): void;
}

const defaultRevive = (e: { name: string; message: string }): Error => { const err = new Error(e.message); err.name = e.name; return err; };

/** Runs `indices` of a job plan (a batch plan, or another job kind of job.ts: R is its row type). */
export function runPool<R = Row, P extends JobPlan = BatchPlan>(plan: P, indices: ArrayLike<number>, opts: PoolOptions<R, P>): PoolRun<R> {
  const n = indices.length;
  const k = Math.max(1, Math.min(opts.workers, n));
  // Job j holds positions j·size .. min(n, (j+1)·size) − 1 (splitJobs, computed rather than listed).
  const size = jobSize(n, k), jobCount = Math.ceil(n / size);
  const jobAt = (j: number): { from: number; to: number } => ({ from: j * size, to: Math.min(n, (j + 1) * size) });
  const keep = opts.keep ?? true;
  // keep: false holds only the rows that wait for an earlier one (by position).
  const rows: R[] = keep ? new Array(n) : [];
  const waiting = new Map<number, R>();
  const workers: WorkerLike<R, P>[] = [];
  let nextJob = 0, done = 0, settled = false, flushed = 0;
  let resolve!: (r: R[]) => void, reject!: (e: Error) => void;
  const result = new Promise<R[]>((ok, fail) => { resolve = ok; reject = fail; });

  const stop = (): void => { for (const w of workers) { w.onmessage = null; w.onerror = null; w.terminate(); } };
  const finish = (e: Error | null): void => {
    if (settled) return;
    settled = true;
    stop();
    if (e) reject(e); else resolve(rows);
  };
  const put = (at: number, r: R): void => { if (keep) rows[at] = r; else waiting.set(at, r); };
  const flush = (): void => {
    const from = flushed;
    if (keep) {
      while (flushed < n && rows[flushed] !== undefined) flushed++;
      if (flushed > from && opts.onRows) opts.onRows(from, rows.slice(from, flushed));
      return;
    }
    const out: R[] = [];
    for (let r = waiting.get(flushed); r !== undefined; r = waiting.get(flushed)) { waiting.delete(flushed++); out.push(r); }
    if (out.length > 0) opts.onRows?.(from, out);
  };

  const start = (w: WorkerLike<R, P>, first: boolean): { job: number; written: number } | null => {
    if (nextJob >= jobCount) return null;
    const job = nextJob++;
    const { from, to } = jobAt(job);
    const ids: number[] = [];
    for (let p = from; p < to; p++) ids.push(indices[p]);
    const req: JobRequest<P> = { job, indices: ids };
    if (first) req.plan = plan;
    w.postMessage(req);
    return { job, written: 0 };
  };

  if (n === 0) { resolve(rows); return { result, cancel() { /* nothing to stop */ } }; }
  for (let i = 0; i < k; i++) {
    let w: WorkerLike<R, P>;
    try { w = opts.createWorker(); } catch (e) { finish(e instanceof Error ? e : new Error(String(e))); break; }
    workers.push(w);
    let current: { job: number; written: number } | null = null;
    w.onmessage = ({ data }) => {
      if (settled || current === null || data.job !== current.job) return;
      if ('error' in data) return finish((opts.revive ?? defaultRevive)(data.error));
      const { from, to } = jobAt(current.job);
      if (current.written + data.rows.length > to - from) return finish(new Error(`batch worker sent too many rows for job ${current.job}`));
      for (const r of data.rows) put(from + current.written++, r);
      done += data.rows.length;
      // A consumer that fails (a full disk, a closed pipe) stops the pool with its error.
      try {
        flush();
        opts.onProgress?.(done, n);
      } catch (e) { return finish(e instanceof Error ? e : new Error(String(e))); }
      if (!data.final) return;
      if (current.written !== to - from) return finish(new Error(`batch worker sent ${current.written} of ${to - from} rows for job ${current.job}`));
      if (done === n) return finish(null);
      current = start(w, false);
    };
    w.onerror = (e) => {
      e.preventDefault?.();
      finish(new Error(`batch worker failed: ${e.message || 'it could not start'}`));
    };
    current = start(w, true);
  }

  return {
    result,
    cancel() { if (!settled) finish(new BatchCancelled(done, n)); },
  };
}
