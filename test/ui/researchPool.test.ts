/**
 * The page's batch pool with fake workers (no Web Workers in Node): jobs cover every index once,
 * rows come back in run order whatever order the workers finish in, equal to runOne's; cancel
 * and errors stop every worker. The worker's job loop (runJob) is the real one.
 */
import { describe, expect, it } from 'vitest';
import { CAMPAIGNS, campaignPriors, campaignScenario, checkPlan, runOne, type BatchPlan, type Row } from '../../src/batch/index';
import { runJob, type WebJobReply, type WebJobRequest } from '../../src/batch/webWorker';
import { DEFAULT_CALIBRATION } from '../../src/scenarios';
import { BatchCancelled, defaultWorkerCount, jobSize, runPool, splitJobs, type WorkerLike } from '../../src/ui/research/pool';

const campaigns = (runs: number): BatchPlan => checkPlan({ scenarioName: CAMPAIGNS, scenario: campaignScenario(), seed: 5, runs, strategy: 'scenario', actions: [], sets: [],
  sweep: [{ key: 'legitimacy', values: [0.4, 0.8] }], calibration: DEFAULT_CALIBRATION, priors: campaignPriors() });

/** A worker that answers each job after a delay with the real job loop (runOne); `silent` never answers. */
class FakeWorker implements WorkerLike {
  onmessage: WorkerLike['onmessage'] = null;
  onerror: WorkerLike['onerror'] = null;
  terminated = false;
  plan: BatchPlan | null = null;
  jobs: WebJobRequest[] = [];
  constructor(protected readonly delay: () => number, private readonly silent = false) {}
  postMessage(req: WebJobRequest): void {
    if (req.plan) this.plan = req.plan;
    this.jobs.push(req);
    if (this.silent) return;
    setTimeout(() => {
      if (this.terminated) return;
      const replies: WebJobReply[] = [];
      let clock = 0;
      // Every row its own chunk (flush at 0 ms), to exercise partial chunks.
      runJob(this.plan!, req, (r) => replies.push(structuredClone(r)), () => clock++, 0);
      for (const r of replies) if (!this.terminated) this.onmessage?.({ data: r });
    }, this.delay());
  }
  terminate(): void { this.terminated = true; }
}

describe('jobs', () => {
  it('splits positions into consecutive jobs that cover each exactly once', () => {
    for (const [n, size] of [[0, 1], [1, 1], [10, 3], [17, 8], [100, 1]] as const) {
      const jobs = splitJobs(n, size);
      const flat = jobs.flatMap((j) => Array.from({ length: j.to - j.from }, (_, i) => j.from + i));
      expect(flat).toEqual(Array.from({ length: n }, (_, i) => i));
      expect(jobs.every((j) => j.to - j.from <= size && j.to > j.from)).toBe(true);
    }
  });

  it('sizes jobs between 1 and 8 runs and keeps a core free for the game', () => {
    expect(jobSize(6, 3)).toBe(1);
    expect(jobSize(10_000, 3)).toBe(8);
    expect(jobSize(100, 1)).toBe(6);
    expect(defaultWorkerCount(8)).toBe(7);
    expect(defaultWorkerCount(2)).toBe(1);
    expect(defaultWorkerCount(1)).toBe(1);
    expect(defaultWorkerCount(undefined)).toBe(1);
  });
});

describe('runJob (the worker loop)', () => {
  it('posts rows in chunks by time, the last one final, equal to runOne', () => {
    const plan = campaigns(2);
    const posts: WebJobReply[] = [];
    let clock = 0;
    runJob(plan, { job: 3, indices: [3, 0, 2] }, (r) => posts.push(r), () => (clock += 100), 150);
    expect(posts.map((p) => ('rows' in p ? [p.job, p.rows.length, p.final] : p))).toEqual([[3, 2, false], [3, 1, true]]);
    const rows = posts.flatMap((p) => ('rows' in p ? p.rows : []));
    expect(rows).toEqual([3, 0, 2].map((g) => runOne(plan, g)));
  });

  it('reports a failing run as an error reply', () => {
    const plan = { ...campaigns(1), sets: [['citizenCount', 'many']] as Array<[string, string]> };
    const posts: WebJobReply[] = [];
    runJob(plan, { job: 0, indices: [0] }, (r) => posts.push(r));
    expect(posts).toHaveLength(1);
    expect(posts[0]).toMatchObject({ job: 0, error: { name: 'ParamError' } });
  });
});

describe('runPool', () => {
  it('reassembles rows in run order, equal to runOne, with 3 workers finishing out of order', async () => {
    const plan = campaigns(3);
    const indices = [0, 1, 2, 3, 4, 5];
    const workers: FakeWorker[] = [];
    const progress: number[] = [];
    const run = runPool(plan, indices, {
      workers: 3,
      createWorker: () => { const w = new FakeWorker(() => Math.random() * 20); workers.push(w); return w; },
      onProgress: (d, n) => { progress.push(d); expect(n).toBe(6); },
    });
    const rows = await run.result;
    expect(rows).toEqual(indices.map((g) => runOne(plan, g)));
    expect(workers).toHaveLength(3);
    expect(workers.every((w) => w.terminated)).toBe(true);
    expect(workers.filter((w) => w.jobs[0].plan !== undefined)).toHaveLength(3); // the plan goes once per worker
    expect(workers.flatMap((w) => w.jobs.slice(1)).every((j) => j.plan === undefined)).toBe(true);
    expect(progress[progress.length - 1]).toBe(6);
    expect([...progress].sort((a, b) => a - b)).toEqual(progress);
  });

  it('keeps the order of any index list over many jobs and random delays', async () => {
    const plan = campaigns(1000);
    const indices = Array.from({ length: 700 }, (_, i) => (i * 7) % 2000); // a strided, shard-like list
    const run = runPool(plan, indices, { workers: 4, createWorker: () => new StubWorker(() => Math.random() * 5, (_p, g) => ({ run: g } as unknown as Row)) });
    const rows = await run.result;
    expect(rows.map((r) => r.run)).toEqual(indices);
  });

  it('cancel terminates every worker and rejects with BatchCancelled', async () => {
    const workers: FakeWorker[] = [];
    const run = runPool(campaigns(50), Array.from({ length: 100 }, (_, i) => i), {
      workers: 3, createWorker: () => { const w = new FakeWorker(() => 0, true); workers.push(w); return w; },
    });
    run.cancel();
    await expect(run.result).rejects.toBeInstanceOf(BatchCancelled);
    await expect(run.result).rejects.toMatchObject({ done: 0, total: 100 });
    expect(workers.every((w) => w.terminated && w.onmessage === null)).toBe(true);
  });

  it('a worker error stops the batch with its message', async () => {
    const workers: StubWorker[] = [];
    const run = runPool(campaigns(20), Array.from({ length: 40 }, (_, i) => i), {
      workers: 2,
      createWorker: () => { const w = new StubWorker(() => 1, (_p, g) => (g === 13 ? new Error('run 13 (seed 9): bad') : ({ run: g } as unknown as Row))); workers.push(w); return w; },
    });
    await expect(run.result).rejects.toThrow('run 13 (seed 9): bad');
    expect(workers.every((w) => w.terminated)).toBe(true);
  });
});

/** Like FakeWorker but makes rows itself (fast), one chunk per row; an Error becomes an error reply. */
class StubWorker extends FakeWorker {
  constructor(delay: () => number, private readonly mk: (plan: BatchPlan, g: number) => Row | Error) { super(delay); }
  override postMessage(req: WebJobRequest): void {
    if (req.plan) this.plan = req.plan;
    this.jobs.push(req);
    setTimeout(() => {
      if (this.terminated) return;
      for (let i = 0; i < req.indices.length; i++) {
        const r = this.mk(this.plan!, req.indices[i]);
        if (r instanceof Error) { this.onmessage?.({ data: { job: req.job, error: { name: r.name, message: r.message } } }); return; }
        this.onmessage?.({ data: { job: req.job, rows: [r], final: i === req.indices.length - 1 } });
        if (this.terminated) return;
      }
    }, this.delay());
  }
}
