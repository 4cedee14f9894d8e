/**
 * Worker thread of the batch pool: holds one plan (from workerData) and answers each message
 * {indices} with {rows} in the same order, or {error} with the first failure's name and message.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { runOne, type BatchPlan } from './plan';

export interface WorkRequest { indices: number[]; }
export type WorkReply = { rows: ReturnType<typeof runOne>[] } | { error: { name: string; message: string } };

const plan = (workerData as { plan: BatchPlan }).plan;
const port = parentPort;
if (port === null) throw new Error('src/batch/worker.ts must run as a worker thread');

port.on('message', (msg: WorkRequest) => {
  let reply: WorkReply;
  try {
    reply = { rows: msg.indices.map((g) => runOne(plan, g)) };
  } catch (e) {
    const err = e instanceof Error ? e : new Error(String(e));
    reply = { error: { name: err.name, message: err.message } };
  }
  port.postMessage(reply);
});
