/**
 * The batch workers' job protocol, shared by the Node worker threads (worker.ts) and the page's
 * module Web Workers (webWorker.ts): a worker keeps the plan it was sent once and answers each
 * job {job, indices} with the rows of those runs in the same order, posted in chunks as they
 * finish (so progress moves during long jobs), the last chunk marked `final`; or with {job, error}.
 * A run is a pure function of (plan, index), so any worker can compute any run and the rows are
 * identical whatever the worker count.
 */
import { runOne, type BatchPlan } from './plan';
import type { Row } from './rows';

export type JobRequest = { plan?: BatchPlan; job: number; indices: number[] };
export type JobReply =
  | { job: number; rows: Row[]; final: boolean }
  | { job: number; error: { name: string; message: string } };
/** Former names of the two message types (the page's research panel uses them). */
export type WebJobRequest = JobRequest;
export type WebJobReply = JobReply;

/** A chunk is posted when this much time has passed since the last one (and at the job's end). */
export const FLUSH_MS = 150;

/**
 * Runs one job, calling `post` with chunks of rows in index order; the last call has final=true.
 * `now` is a clock in milliseconds (performance.now in a worker; anything in tests).
 */
export function runJob(plan: BatchPlan, req: { job: number; indices: readonly number[] }, post: (r: JobReply) => void,
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

/** A worker's message handler: keeps the plan from the first request, runs every job. */
export function jobHandler(post: (r: JobReply) => void, now: () => number): (msg: JobRequest) => void {
  let plan: BatchPlan | null = null;
  return (msg) => {
    if (msg.plan) plan = msg.plan;
    if (plan === null) { post({ job: msg.job, error: { name: 'Error', message: 'batch worker: no plan received' } }); return; }
    runJob(plan, msg, post, now);
  };
}
