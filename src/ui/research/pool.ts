/**
 * The page's batch pool: `navigator.hardwareConcurrency − 1` module workers (at least 1; one core
 * stays for the game's own worker and the page), fed small consecutive jobs of run indices from
 * one queue as they become free, the rows written back by position, so the result is in run
 * order and identical to the CLI's whatever the worker count. Cancel terminates every worker.
 */
import type { BatchPlan, Row } from '../../batch/index';
import type { WebJobReply, WebJobRequest } from '../../batch/webWorker';

/** What the pool needs of a Worker (a fake one serves the tests). */
export interface WorkerLike {
  postMessage(message: WebJobRequest): void;
  onmessage: ((e: { data: WebJobReply }) => void) | null;
  onerror: ((e: { message?: string; preventDefault?(): void }) => void) | null;
  terminate(): void;
}

/** The real thing: src/batch/webWorker.ts as a module worker (Vite bundles it). */
export function createBatchWorker(): WorkerLike {
  return new Worker(new URL('../../batch/webWorker.ts', import.meta.url), { type: 'module' }) as unknown as WorkerLike;
}

/** Workers for a batch: every core but one (the game keeps running), at least one. */
export function defaultWorkerCount(cores: number | undefined = globalThis.navigator?.hardwareConcurrency): number {
  return Math.max(1, Math.floor((cores ?? 2) - 1));
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

export interface PoolOptions {
  workers?: number;
  createWorker?: () => WorkerLike;
  /** After every chunk of rows: runs done and runs in total. */
  onProgress?: (done: number, total: number) => void;
}

export interface PoolRun {
  /** The rows of `indices`, in that order. */
  result: Promise<Row[]>;
  cancel(): void;
}

export function runPool(plan: BatchPlan, indices: readonly number[], opts: PoolOptions = {}): PoolRun {
  const n = indices.length;
  const k = Math.max(1, Math.min(opts.workers ?? defaultWorkerCount(), n));
  const jobs = splitJobs(n, jobSize(n, k));
  const rows: Row[] = new Array(n);
  const workers: WorkerLike[] = [];
  let nextJob = 0, done = 0, settled = false;
  let resolve!: (r: Row[]) => void, reject!: (e: Error) => void;
  const result = new Promise<Row[]>((ok, fail) => { resolve = ok; reject = fail; });

  const stop = (): void => { for (const w of workers) { w.onmessage = null; w.onerror = null; w.terminate(); } };
  const finish = (e: Error | null): void => {
    if (settled) return;
    settled = true;
    stop();
    if (e) reject(e); else resolve(rows);
  };

  const start = (w: WorkerLike, first: boolean): { job: number; written: number } | null => {
    if (nextJob >= jobs.length) return null;
    const job = nextJob++;
    const { from, to } = jobs[job];
    const req: WebJobRequest = { job, indices: indices.slice(from, to) };
    if (first) req.plan = plan;
    w.postMessage(req);
    return { job, written: 0 };
  };

  if (n === 0) { resolve(rows); return { result, cancel() { /* nothing to stop */ } }; }
  for (let i = 0; i < k; i++) {
    let w: WorkerLike;
    try { w = (opts.createWorker ?? createBatchWorker)(); } catch (e) { finish(e instanceof Error ? e : new Error(String(e))); break; }
    workers.push(w);
    let current: { job: number; written: number } | null = null;
    w.onmessage = ({ data }) => {
      if (settled || current === null || data.job !== current.job) return;
      if ('error' in data) {
        const err = new Error(data.error.message);
        err.name = data.error.name;
        return finish(err);
      }
      const { from, to } = jobs[current.job];
      for (const r of data.rows) rows[from + current.written++] = r;
      done += data.rows.length;
      if (current.written > to - from) return finish(new Error(`batch worker sent too many rows for job ${current.job}`));
      opts.onProgress?.(done, n);
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
