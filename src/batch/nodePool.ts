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
import type { BatchPlan } from './plan';
import { runPool, type WorkerLike } from './pool';
import type { Row } from './rows';
import { runIndex, type JobPlan, type JobReply, type JobRequest } from './job';

export interface NodePoolOptions<R = Row> {
  /** Worker threads; default: the machine's cores. 1 runs in the calling thread. */
  workers?: number;
  /** Called after each finished chunk with runs done and runs in total. */
  onProgress?: (done: number, total: number) => void;
  /** Rows in run order as soon as every earlier one is in. */
  onRows?: (from: number, rows: R[]) => void;
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

/** A worker thread as the pool sees it; a thread that stops early is an error. */
function threadWorker<R, P extends JobPlan>(): WorkerLike<R, P> {
  // execArgv [] : the bootstrap registers tsx itself, whatever flags started this process.
  const t = new Worker(new URL('./worker.mjs', import.meta.url), { execArgv: [] });
  let stopped = false;
  const w: WorkerLike<R, P> = {
    postMessage: (m: JobRequest<P>) => t.postMessage(m),
    onmessage: null, onerror: null,
    terminate: () => { stopped = true; void t.terminate(); },
  };
  t.on('message', (data: JobReply<R>) => w.onmessage?.({ data }));
  t.on('error', (e) => w.onerror?.({ message: e instanceof Error ? e.message : String(e) }));
  t.on('exit', (code) => { if (!stopped) w.onerror?.({ message: `batch worker stopped (exit code ${code}) before the batch finished` }); });
  return w;
}

/** The rows of the given run indices, in that order (a batch plan's rows; or another job kind's, typed by the caller). */
export async function runRows(plan: BatchPlan, indices: readonly number[], opts?: NodePoolOptions<Row>): Promise<Row[]>;
export async function runRows<R, P extends JobPlan = JobPlan>(plan: P, indices: readonly number[], opts?: NodePoolOptions<R>): Promise<R[]>;
export async function runRows<R, P extends JobPlan>(plan: P, indices: readonly number[], opts: NodePoolOptions<R> = {}): Promise<R[]> {
  const n = indices.length;
  const k = Math.max(1, Math.min(opts.workers ?? defaultWorkers(), n));
  if (k === 1) {
    const rows: R[] = [];
    for (const g of indices) {
      const r = runIndex(plan, g) as R;
      rows.push(r);
      opts.onRows?.(rows.length - 1, [r]);
      opts.onProgress?.(rows.length, n);
    }
    return rows;
  }
  return runPool<R, P>(plan, indices, { workers: k, createWorker: threadWorker<R, P>, revive, onProgress: opts.onProgress, onRows: opts.onRows }).result;
}
