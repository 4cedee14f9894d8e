/** The page's batch worker: a module Web Worker speaking the job protocol of job.ts. */
import { jobHandler, type JobPlan, type JobRequest } from './job';

export { runJob, type WebJobReply, type WebJobRequest } from './job';

// Bind to the worker scope only inside a worker (tests import this module in Node and jsdom).
if (typeof WorkerGlobalScope !== 'undefined' && typeof self !== 'undefined') {
  const scope = self as unknown as DedicatedWorkerGlobalScope;
  const handle = jobHandler((r) => scope.postMessage(r), () => performance.now());
  scope.onmessage = (e: MessageEvent<JobRequest<JobPlan>>) => handle(e.data);
}
