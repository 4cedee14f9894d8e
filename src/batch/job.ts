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
import { runBalanceTask, type BalancePlan, type BalanceRow } from '../balance/job';

/**
 * What a pool runs: a batch plan (rows of src/batch/rows.ts) or another job kind, told apart by
 * its `kind` (a batch plan has none). Kinds: 'balance' (src/balance/job.ts: the balance and
 * sensitivity reports' runs, each a scenario, its actions and --set values, and a seed).
 */
export type JobPlan = BatchPlan | BalancePlan;
export type JobRow = Row | BalanceRow;

/** The result of run g of any job plan: the one dispatch on the job kind. */
export function runIndex(plan: JobPlan, g: number): JobRow {
  return 'kind' in plan && plan.kind === 'balance' ? runBalanceTask(plan, g) : runOne(plan as BatchPlan, g);
}

/** A job: the plan (sent once, with a worker's first job) and the run indices to compute. */
export type JobRequest<P extends JobPlan = BatchPlan> = { plan?: P; job: number; indices: number[] };
export type JobReply<R = Row> =
  | { job: number; rows: R[]; final: boolean }
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
export function runJob(plan: BatchPlan, req: { job: number; indices: readonly number[] }, post: (r: JobReply<Row>) => void,
  now?: () => number, flushMs?: number): void;
export function runJob(plan: JobPlan, req: { job: number; indices: readonly number[] }, post: (r: JobReply<JobRow>) => void,
  now?: () => number, flushMs?: number): void;
export function runJob(plan: JobPlan, req: { job: number; indices: readonly number[] }, postAny: (r: JobReply<never>) => void,
  now: () => number = () => 0, flushMs = FLUSH_MS): void {
  // The rows are of the plan's kind (the overloads tie the two together).
  const post = postAny as (r: JobReply<JobRow>) => void;
  let chunk: JobRow[] = [];
  let last = now();
  try {
    for (let i = 0; i < req.indices.length; i++) {
      chunk.push(runIndex(plan, req.indices[i]));
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
export function jobHandler(post: (r: JobReply<JobRow>) => void, now: () => number): (msg: JobRequest<JobPlan>) => void {
  let plan: JobPlan | null = null;
  return (msg) => {
    if (msg.plan) plan = msg.plan;
    if (plan === null) { post({ job: msg.job, error: { name: 'Error', message: 'batch worker: no plan received' } }); return; }
    runJob(plan, msg, post, now);
  };
}
