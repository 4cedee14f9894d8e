/**
 * The page's batch pool: the batch runner's one pool (src/batch/pool.ts) on module Web Workers,
 * `navigator.hardwareConcurrency − 1` of them (at least 1; one core stays for the game's own
 * worker and the page).
 */
import { runPool as runBatchPool, type PoolRun, type WorkerLike } from '../../batch/pool';
import type { BatchPlan, Row } from '../../batch/index';

export { BatchCancelled, jobSize, splitJobs, type PoolRun, type WorkerLike } from '../../batch/pool';

/** The real thing: src/batch/webWorker.ts as a module worker (Vite bundles it). */
export function createBatchWorker(): WorkerLike {
  return new Worker(new URL('../../batch/webWorker.ts', import.meta.url), { type: 'module' }) as unknown as WorkerLike;
}

/** Workers for a batch: every core but one (the game keeps running), at least one. */
export function defaultWorkerCount(cores: number | undefined = globalThis.navigator?.hardwareConcurrency): number {
  return Math.max(1, Math.floor((cores ?? 2) - 1));
}

export interface PagePoolOptions {
  workers?: number;
  createWorker?: () => WorkerLike;
  onProgress?: (done: number, total: number) => void;
}

export function runPool(plan: BatchPlan, indices: readonly number[], opts: PagePoolOptions = {}): PoolRun {
  return runBatchPool(plan, indices, {
    workers: opts.workers ?? defaultWorkerCount(), createWorker: opts.createWorker ?? createBatchWorker, onProgress: opts.onProgress,
  });
}

export type { Row };
