/**
 * The batch pool on Node's worker threads (the CLI): pool.ts's algorithm with each thread behind
 * a WorkerLike adapter, or every run in the calling thread for one worker. Node only: the page's
 * bundle never imports this file.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { ParamError } from '../sim/index';
import { ScenarioError } from '../scenarios/index';
import { BatchError } from './errors';
import { runIndex, type JobPlan, type JobReply, type JobRequest } from './job';
import type { BatchPlan } from './plan';
import { BatchCancelled, runPool, type WorkerLike } from './pool';
import type { Row } from './rows';

export interface NodePoolOptions<R = Row> {
  /** Worker threads; default: the machine's cores. 1 runs in the calling thread. */
  workers?: number;
  /** Called after each finished chunk with runs done and runs in total. */
  onProgress?: (done: number, total: number) => void;
  /** Rows in run order as soon as every earlier one is in. */
  onRows?: (from: number, rows: R[]) => void;
  /** false: rows are only handed to onRows, never gathered (the result is empty); memory stays flat. */
  keep?: boolean;
  /** Stops the batch: the workers are ended and the result rejects with BatchCancelled. */
  signal?: AbortSignal;
  /**
   * Run even a single worker in a thread of its own (not the calling thread), so the calling
   * thread stays free for signals and timers between the rows (a batch keeping a partial file).
   */
  thread?: boolean;
}

export const defaultWorkers = (): number => availableParallelism();

/** Rebuilds a worker's error as the class the CLI knows (one line, exit 2) where it is one. */
export function revive(e: { name: string; message: string }): Error {
  switch (e.name) {
    case 'ParamError': return new ParamError(e.message);
    case 'ScenarioError': return new ScenarioError(e.message);
    case 'BatchError': return new BatchError(e.message);
    default: { const err = new Error(e.message); err.name = e.name; return err; }
  }
}

/** Each worker thread's young generation (MB). */
const YOUNG_MB = 16;

/** A worker thread as the pool sees it; a thread that stops early is an error. */
function threadWorker<R, P extends JobPlan>(): WorkerLike<R, P> {
  // execArgv [] : the bootstrap registers tsx itself, whatever flags started this process.
  // A third of V8's default young generation: a run's garbage is short-lived, and the default lets
  // each thread's heap grow some 30 MB more over a long batch for no measurable speed.
  const t = new Worker(new URL('./worker.mjs', import.meta.url), { execArgv: [], resourceLimits: { maxYoungGenerationSizeMb: YOUNG_MB } });
  let stopped = false;
  const w: WorkerLike<R, P> = {
    postMessage: (m: JobRequest<P>) => t.postMessage(m),
    onmessage: null, onerror: null,
    terminate: () => { stopped = true; void t.terminate(); },
  };
  t.on('message', (data: JobReply<R>) => w.onmessage?.({ data }));
  t.on('error', (e) => w.onerror?.({ message: e instanceof Error ? e.message : String(e) }));
  t.on('exit', (code) => { if (!stopped) w.onerror?.({ message: `its thread stopped (exit code ${code}) before the batch finished` }); });
  return w;
}

/** Lets timers and signal handlers run between runs of the calling thread this often. */
const YIELD_MS = 50;
const breather = (): Promise<void> => new Promise((ok) => { setImmediate(ok); });

/**
 * The rows of the given run indices, in that order (none with keep: false: see onRows); a batch
 * plan's rows, or another job kind's, typed by the caller.
 */
export async function runRows(plan: BatchPlan, indices: ArrayLike<number>, opts?: NodePoolOptions<Row>): Promise<Row[]>;
export async function runRows<R, P extends JobPlan = JobPlan>(plan: P, indices: ArrayLike<number>, opts?: NodePoolOptions<R>): Promise<R[]>;
export async function runRows<R, P extends JobPlan>(plan: P, indices: ArrayLike<number>, opts: NodePoolOptions<R> = {}): Promise<R[]> {
  const n = indices.length;
  const k = Math.max(1, Math.min(opts.workers ?? defaultWorkers(), n));
  const keep = opts.keep ?? true;
  const cancelled = (done: number) => new BatchCancelled(done, n);
  if (opts.signal?.aborted) throw cancelled(0);
  if (k === 1 && opts.thread !== true) {
    const rows: R[] = [];
    let last = performance.now();
    for (let i = 0; i < n; i++) {
      const r = runIndex(plan, indices[i]) as R;
      if (keep) rows.push(r);
      opts.onRows?.(i, [r]);
      opts.onProgress?.(i + 1, n);
      if (performance.now() - last >= YIELD_MS) {
        await breather();
        last = performance.now();
      }
      if (opts.signal?.aborted) throw cancelled(i + 1);
    }
    return rows;
  }
  const run = runPool<R, P>(plan, indices, { workers: k, createWorker: () => threadWorker<R, P>(), revive, onProgress: opts.onProgress, onRows: opts.onRows, keep });
  const stop = (): void => run.cancel();
  opts.signal?.addEventListener('abort', stop, { once: true });
  try { return await run.result; } finally { opts.signal?.removeEventListener('abort', stop); }
}
