/** A Node worker thread of the batch pool (nodePool.ts), speaking the job protocol of job.ts. */
import { parentPort } from 'node:worker_threads';
import { jobHandler, type JobPlan, type JobReply, type JobRequest } from './job';

const port = parentPort;
if (port === null) throw new Error('src/batch/worker.ts must run as a worker thread');
// Test hook (nodePool.ts, BREAKING_RANKS_BATCH_FAULT=kill-worker-after:K): a worker ends its thread
// once it has sent K rows, as a crashed thread would. Every worker carries the hook, so the batch
// loses a thread however the runs happen to be shared (a slow-starting first thread may get none).
const fault = /^kill-worker-after:(\d+)$/.exec(process.env.BREAKING_RANKS_BATCH_FAULT ?? '');
const limit = fault !== null ? Number(fault[1]) : Infinity;
let sent = 0;
const post = (r: JobReply<unknown>): void => {
  port.postMessage(r);
  if ('rows' in r && (sent += r.rows.length) >= limit) process.exit(70);
};
const handle = jobHandler(post, () => performance.now());
port.on('message', (msg: JobRequest<JobPlan>) => handle(msg));
