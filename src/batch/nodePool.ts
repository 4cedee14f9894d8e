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
import { runOne, type BatchPlan } from './plan';
import { runPool, type WorkerLike } from './pool';
import type { Row } from './rows';
import type { JobReply, JobRequest } from './job';

export interface NodePoolOptions {
  /** Worker threads; default: the machine's cores. 1 runs in the calling thread. */
  workers?: number;
  /** Called after each finished chunk with runs done and runs in total. */
  onProgress?: (done: number, total: number) => void;
  /** Rows in run order as soon as every earlier one is in. */
  onRows?: (from: number, rows: Row[]) => void;
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
function threadWorker(): WorkerLike {
  // execArgv [] : the bootstrap registers tsx itself, whatever flags started this process.
  const t = new Worker(new URL('./worker.mjs', import.meta.url), { execArgv: [] });
  let stopped = false;
  const w: WorkerLike = {
    postMessage: (m: JobRequest) => t.postMessage(m),
    onmessage: null, onerror: null,
    terminate: () => { stopped = true; void t.terminate(); },
  };
  t.on('message', (data: JobReply) => w.onmessage?.({ data }));
  t.on('error', (e) => w.onerror?.({ message: e instanceof Error ? e.message : String(e) }));
  t.on('exit', (code) => { if (!stopped) w.onerror?.({ message: `batch worker stopped (exit code ${code}) before the batch finished` }); });
  return w;
}

/** The rows of the given run indices, in that order. */
export async function runRows(plan: BatchPlan, indices: readonly number[], opts: NodePoolOptions = {}): Promise<Row[]> {
  const n = indices.length;
  const k = Math.max(1, Math.min(opts.workers ?? defaultWorkers(), n));
  if (k === 1) {
    const rows: Row[] = [];
    for (const g of indices) {
      const r = runOne(plan, g);
      rows.push(r);
      opts.onRows?.(rows.length - 1, [r]);
      opts.onProgress?.(rows.length, n);
    }
    return rows;
  }
  return runPool(plan, indices, { workers: k, createWorker: threadWorker, revive, onProgress: opts.onProgress, onRows: opts.onRows }).result;
}
