/**
 * The page's batch worker (a module Web Worker; the Node pool has its own, worker.ts). It keeps
 * the plan it was given once and answers each job {job, indices} with the rows of those runs in
 * the same order, posted in chunks as they finish (so the page's progress bar moves during long
 * runs), the last chunk marked `final`; or with {job, error}. Cancelling is terminate(): a run
 * is a pure function of (plan, index), so nothing is lost but the unfinished runs.
 * Only the browser-safe batch core is imported (runOne), so the page's rows equal the CLI's.
 */
import { runOne, type BatchPlan } from './plan';
import type { Row } from './rows';

export type WebJobRequest = { plan?: BatchPlan; job: number; indices: number[] };
export type WebJobReply =
  | { job: number; rows: Row[]; final: boolean }
  | { job: number; error: { name: string; message: string } };

/** A chunk is posted when this much time has passed since the last one (and at the job's end). */
export const FLUSH_MS = 150;

/**
 * Runs one job, calling `post` with chunks of rows in index order; the last call has final=true.
 * `now` is a clock in milliseconds (performance.now in the worker; anything in tests).
 */
export function runJob(plan: BatchPlan, req: { job: number; indices: readonly number[] }, post: (r: WebJobReply) => void,
  now: () => number = () => 0, flushMs = FLUSH_MS): void {
  let chunk: Row[] = [];
  let last = now();
  try {
    for (let i = 0; i < req.indices.length; i++) {
      chunk.push(runOne(plan, req.indices[i]));
      const t = now();
      if (i < req.indices.length - 1 && t - last >= flushMs) {
        post({ job: req.job, rows: chunk, final: false });
        chunk = [];
        last = t;
      }
    }
    post({ job: req.job, rows: chunk, final: true });
  } catch (e) {
    const err = e instanceof Error ? e : new Error(String(e));
    post({ job: req.job, error: { name: err.name, message: err.message } });
  }
}

// Bind to the worker scope only inside a worker (tests import runJob in Node and jsdom).
if (typeof WorkerGlobalScope !== 'undefined' && typeof self !== 'undefined') {
  const scope = self as unknown as DedicatedWorkerGlobalScope;
  let plan: BatchPlan | null = null;
  scope.onmessage = (e: MessageEvent<WebJobRequest>) => {
    const msg = e.data;
    if (msg.plan) plan = msg.plan;
    if (plan === null) {
      scope.postMessage({ job: msg.job, error: { name: 'Error', message: 'batch worker: no plan received' } } satisfies WebJobReply);
      return;
    }
    runJob(plan, msg, (r) => scope.postMessage(r), () => performance.now());
  };
}
