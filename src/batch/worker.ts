/** A Node worker thread of the batch pool (nodePool.ts), speaking the job protocol of job.ts. */
import { parentPort } from 'node:worker_threads';
import { jobHandler, type JobPlan, type JobRequest } from './job';

const port = parentPort;
if (port === null) throw new Error('src/batch/worker.ts must run as a worker thread');
const handle = jobHandler((r) => port.postMessage(r), () => performance.now());
port.on('message', (msg: JobRequest<JobPlan>) => handle(msg));
