/**
 * Runs a batch's runs on a pool of worker threads (Node only; the browser panel brings its own
 * worker). Each run is a pure function of (plan, index), so workers take small chunks from one
 * queue as they become free (fast runs do not wait for slow ones) and the rows are put back in
 * the order of the indices: identical whatever the worker count.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { ParamError } from '../sim/index';
import { ScenarioError } from '../scenarios/index';
import { BatchError } from './errors';
import { runOne, type BatchPlan } from './plan';
import type { Row } from './rows';
import type { WorkReply, WorkRequest } from './worker';

export interface PoolOptions {
  /** Worker threads; default: the machine's cores. 1 runs in the calling thread. */
  workers?: number;
  /** Called after each finished chunk with runs done and runs in total. */
  onProgress?: (done: number, total: number) => void;
}

export const defaultWorkers = (): number => availableParallelism();

/** Rebuilds a worker's error as the class the CLI knows (one line, exit 2) where it is one. */
function revive(e: { name: string; message: string }): Error {
  switch (e.name) {
    case 'ParamError': return new ParamError(e.message);
    case 'ScenarioError': return new ScenarioError(e.message);
    case 'BatchError': return new BatchError(e.message);
    default: { const err = new Error(e.message); err.name = e.name; return err; }
  }
}

/** The rows of the given run indices, in that order. */
export async function runRows(plan: BatchPlan, indices: readonly number[], opts: PoolOptions = {}): Promise<Row[]> {
  const n = indices.length;
  const k = Math.max(1, Math.min(opts.workers ?? defaultWorkers(), n));
  if (k === 1) {
    const rows: Row[] = [];
    for (const g of indices) { rows.push(runOne(plan, g)); opts.onProgress?.(rows.length, n); }
    return rows;
  }
  // Chunks of a few runs: enough to hide message latency, small enough to balance the load.
  const chunk = Math.max(1, Math.min(8, Math.floor(n / (k * 16))));
  const rows: Row[] = new Array(n);
  const workers: Worker[] = [];
  let next = 0, done = 0;
  try {
    await new Promise<void>((resolve, reject) => {
      let failed = false;
      const fail = (e: Error) => { if (!failed) { failed = true; reject(e); } };
      const feed = (w: Worker, state: { from: number; size: number }) => {
        if (next >= n) { state.size = 0; return; }
        state.from = next;
        state.size = Math.min(chunk, n - next);
        next += state.size;
        const req: WorkRequest = { indices: indices.slice(state.from, state.from + state.size) };
        w.postMessage(req);
      };
      for (let i = 0; i < k; i++) {
        // execArgv [] : the bootstrap registers tsx itself, whatever flags started this process.
        const w = new Worker(new URL('./worker.mjs', import.meta.url), { workerData: { plan }, execArgv: [] });
        const state = { from: 0, size: 0 };
        workers.push(w);
        w.on('message', (reply: WorkReply) => {
          if ('error' in reply) return fail(revive(reply.error));
          for (let j = 0; j < reply.rows.length; j++) rows[state.from + j] = reply.rows[j];
          done += reply.rows.length;
          opts.onProgress?.(done, n);
          if (done === n) return resolve();
          feed(w, state);
        });
        w.on('error', (e) => fail(e instanceof Error ? e : new Error(String(e))));
        w.on('exit', (code) => { if (done < n) fail(new Error(`batch worker stopped (exit code ${code}) before the batch finished`)); });
        feed(w, state);
      }
    });
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
  return rows;
}
