/** The worker pool and shard merging: rows identical whatever the workers or the sharding. */
import { describe, expect, it } from 'vitest';
import {
  asShard, batchInfo, batchResult, campaignPriors, campaignScenario, checkPlan, mergeShards, parseSweepArg, resultJson,
  shardIndices, totalRuns, type BatchPlan,
} from '../../src/batch/index';
import { runRows } from '../../src/batch/nodePool';
import { MODEL_VERSION, ParamError } from '../../src/sim/index';

// A tiny campaign world: short horizons keep each run to a few milliseconds.
const plan: BatchPlan = checkPlan({
  scenarioName: 'campaigns', scenario: campaignScenario(), seed: 11, runs: 5, strategy: 'scenario', actions: [], sets: [['horizonDays', '8']],
  sweep: [parseSweepArg('arrestRate=0.1:0.3:0.2')], calibration: null, priors: campaignPriors(),
});
const all = shardIndices(totalRuns(plan), null);
const info = batchInfo(plan, 'odds');

describe('worker pool', () => {
  it('gives the same rows on 1 and 2 workers, in run order', async () => {
    const one = await runRows(plan, all, { workers: 1 });
    const progress: number[] = [];
    const two = await runRows(plan, all, { workers: 2, onProgress: (d) => progress.push(d) });
    expect(two).toEqual(one);
    expect(one.map((r) => r.run)).toEqual(all);
    expect(one.map((r) => r.point)).toEqual([0, 0, 0, 0, 0, 1, 1, 1, 1, 1]);
    expect(progress[progress.length - 1]).toBe(10);
    // Common random numbers: point 1 repeats point 0's seeds and sampled values, with its own arrestRate.
    expect(one[5].seed).toBe(one[0].seed);
    expect(one[5].legitimacy).toBe(one[0].legitimacy);
    expect([one[0].arrestRate, one[5].arrestRate]).toEqual([0.1, 0.3]);
  });

  it('hands rows on in run order as soon as every earlier one is in (1 and 2 workers)', async () => {
    for (const workers of [1, 2]) {
      const seen: number[] = [];
      const rows = await runRows(plan, all, { workers, onRows: (from, rs) => { expect(from).toBe(seen.length); seen.push(...rs.map((r) => r.run)); } });
      expect(seen).toEqual(rows.map((r) => r.run));
      expect(seen).toEqual(all);
    }
  });

  it('keep: false hands every row on in order and keeps none (a batch of any size in flat memory)', async () => {
    const one = await runRows(plan, all, { workers: 1 });
    for (const [workers, thread] of [[1, false], [1, true], [2, false]] as const) {
      const seen: unknown[] = [];
      const kept = await runRows(plan, all, { workers, thread, keep: false, onRows: (from, rs) => { expect(from).toBe(seen.length); seen.push(...rs); } });
      expect(kept).toEqual([]);
      expect(seen).toEqual(one);
    }
  });

  it('reports a failing run as the error class the CLI knows', async () => {
    // officerCount above nationalForce is allowed; detentionMinDays above the maximum is not.
    const bad = { ...plan, sets: [...plan.sets, ['detentionMinDays', '30'] as [string, string]] };
    const err = await runRows(bad, [0, 1, 2], { workers: 2 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ParamError);
    expect((err as Error).message).toMatch(/^run \d \(seed \d+\): parameter 'detentionMinDays' \(30\) exceeds/);
  });
});

describe('shards and merge', () => {
  const single = async () => resultJson(batchResult(info, await runRows(plan, all, { workers: 1 })));
  const shard = async (index: number, count: number, source = `s${index}.json`) => {
    const r = batchResult(info, await runRows(plan, shardIndices(totalRuns(plan), { index, count }), { workers: 1 }));
    return asShard(JSON.parse(resultJson(r, { index, count })), source);
  };

  it('merged shards print the single run byte for byte', async () => {
    const whole = await single();
    for (const n of [1, 3, 4]) {
      const parts = await Promise.all(Array.from({ length: n }, (_, i) => shard(i + 1, n)));
      expect(resultJson(mergeShards(parts.reverse()))).toBe(whole);
    }
  });

  it('names incompatible, overlapping and missing shards', async () => {
    const [a, b, c] = await Promise.all([shard(1, 3), shard(2, 3), shard(3, 3)]);
    expect(() => mergeShards([a, b])).toThrow(/missing shard 3\/3/);
    expect(() => mergeShards([a, b, c, { ...b, source: 'copy.json' }])).toThrow(/copy.json and s2.json are both shard 2\/3/);
    const older = { ...c, source: 'old.json', batch: { ...c.batch, modelVersion: 1 } };
    expect(() => mergeShards([a, b, older])).toThrow(`old.json was made with model 1 and s1.json with model ${MODEL_VERSION}: merge shards of one model only`);
    const other = { ...c, batch: { ...c.batch, seed: 12 } };
    expect(() => mergeShards([a, b, other])).toThrow(/different batches .*'seed'/);
    const two = await shard(2, 2, 'half.json');
    expect(() => mergeShards([a, two])).toThrow(/half.json is shard 2\/2 but s1.json is one of 3/);
    expect(() => mergeShards([a, b, { ...c, rows: c.rows.slice(1) }])).toThrow(/should hold 3 rows, found 2/);
    expect(() => mergeShards([])).toThrow(/no shard files/);
    expect(() => asShard({ batch: info, rows: [] }, 'single.json')).toThrow(/single.json: not a shard/);
    expect(() => asShard([1, 2], 'x.json')).toThrow(/not a batch JSON output/);
  });
});
