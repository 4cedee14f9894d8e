/**
 * `batch --causal` wired through the plan, the rows, the statistics and merge (docs/research.md
 * section 1b), on a tiny world whose regime can fall only through defection: one unit of 20
 * officers leaving duty one a day (Granovetter's thresholds 0..19) in front of 100 protesters.
 *   forcePerProtester 0.05: the 5 officers the crowd needs are there until day 17, past the
 *     15-day horizon: a stalemate (the knock-out replays it: a stalemate too);
 *   forcePerProtester 0.15: the force falls below 0.6 of the 15 needed once 12 have left: a
 *     success by defection alone (pivotal force), which the knock-out does not repeat.
 * Without --causal nothing changes: no column, no key, the same rows and statistics.
 */
import { describe, expect, it } from 'vitest';
import {
  asShard, BatchError, batchInfo, batchResult, checkPlan, mergeShards, paramColumns, parseSweepArg, replayArgs, resultJson, runOne, runParams,
  CAUSAL_KEYS, type BatchPlan, type Row,
} from '../../src/batch/index';
import { knockoutSucceeds } from '../../src/batch/causalRun';
import type { RunSpec } from '../../src/scenarios/index';
import { defectionOnlyScenario } from './defectionOnly';

const plan = (over: Partial<BatchPlan> = {}): BatchPlan => checkPlan({
  scenarioName: 'defection-only', scenario: defectionOnlyScenario(), seed: 4, runs: 3, strategy: 'scenario', actions: [],
  sets: [['landmarkDay', '3']], sweep: [parseSweepArg('forcePerProtester=0.05:0.15:0.1')], calibration: null, priors: null, ...over,
});
const OFF = plan(), ON = plan({ causal: true });
const TOTAL = 6;
const offRows = Array.from({ length: TOTAL }, (_, g) => runOne(OFF, g));
const onRows = Array.from({ length: TOTAL }, (_, g) => runOne(ON, g));
const strip = (r: Row): Row => Object.fromEntries(Object.entries(r).filter(([k]) => !(CAUSAL_KEYS as readonly string[]).includes(k))) as Row;

/** Run g's spec, as runOne builds it. */
function specOf(p: BatchPlan, g: number): RunSpec {
  const { inputs, params, origin } = runParams(p, g);
  return { scenario: p.scenario, seed: inputs.seed, strategy: inputs.strategy, actions: p.actions, calibration: p.calibration,
    priors: inputs.priors, sets: p.sets, sweep: inputs.sweep, resolved: { params, origin } };
}

describe('causal rows', () => {
  it('without --causal: no causal column, no causal record, no stats.causal', () => {
    for (const r of offRows) for (const k of CAUSAL_KEYS) expect(Object.hasOwn(r, k)).toBe(false);
    const res = batchResult(batchInfo(OFF, 'odds'), offRows);
    expect(Object.hasOwn(res.batch, 'causal')).toBe(false);
    expect(Object.hasOwn(res.stats, 'causal')).toBe(false);
    expect(res.stats.points?.some((p) => Object.hasOwn(p.stats, 'causal'))).toBe(false);
  });

  it('with --causal: the same runs (every other column identical), the causal columns last, in order', () => {
    expect(onRows.map(strip)).toEqual(offRows);
    for (const r of onRows) expect(Object.keys(r).slice(-4)).toEqual(['strategy', ...CAUSAL_KEYS]);
    // Not parameters: not in the replay line.
    expect(paramColumns(onRows[0])).toEqual(paramColumns(offRows[0]));
    expect(replayArgs('x.json', onRows[0])).toEqual(replayArgs('x.json', offRows[0]));
  });

  it('the world does what it says: stalemates at 0.05, successes by defection alone at 0.15', () => {
    expect(onRows.map((r) => r.outcome)).toEqual(['stalemate', 'stalemate', 'stalemate', 'success', 'success', 'success']);
    for (const r of onRows.slice(3)) expect(r.pivotal).toMatch(/^force/);
    // Undecided at the end of day 3, with 3 of 20 gone: exposed at every threshold.
    for (const r of onRows) expect([r.landmarkUndecided, r.landmarkDefectedShare]).toEqual([true, 0.15]);
  });

  it('a success that needs defection does not happen knocked out; each knock-out is what its own replay says', () => {
    for (let g = 0; g < TOTAL; g++) {
      const r = onRows[g];
      if (!r.nonviolent) { expect(r.knockoutSuccess).toBeNull(); continue; }
      // A success reuses its attribution's force replay; a non-success is replayed: both must equal a fresh replay.
      expect(r.knockoutSuccess, `run ${g}`).toBe(knockoutSucceeds(specOf(ON, g)));
      if (r.outcome === 'success') expect(r.knockoutSuccess).toBe(false);
    }
    expect(onRows.filter((r) => r.nonviolent && r.outcome === 'success').length).toBeGreaterThan(0);
  });

  it('stats.causal: the landmark per threshold, the knock-out difference, the verdict, overall and per point', () => {
    const res = batchResult(batchInfo(ON, 'odds'), onRows);
    expect(res.batch.causal).toEqual({ landmarkDay: 3 });
    const { causal, ...rest } = res.stats;
    // The other figures are those of the batch without --causal.
    expect({ ...rest, points: rest.points?.map((p) => { const { causal: _c, ...s } = p.stats; return { ...p, stats: s }; }) })
      .toEqual(batchResult(batchInfo(OFF, 'odds'), offRows).stats);
    const c = causal!;
    const nv = onRows.filter((r) => r.nonviolent);
    expect(c.landmarkDay).toBe(3);
    expect(c.landmark.runs + c.landmark.excluded).toBe(nv.length);
    expect(c.landmark.byThreshold.map((f) => f.threshold)).toEqual([0.02, 0.05, 0.1]);
    for (const f of c.landmark.byThreshold) {
      expect(Object.keys(f.table)).toEqual(['exposedSuccess', 'exposedNonSuccess', 'unexposedSuccess', 'unexposedNonSuccess']);
      expect(Object.keys(f.oddsRatio)).toEqual(expect.arrayContaining(['value', 'lo', 'hi']));
    }
    expect(c.knockout.runs).toBe(nv.length);
    const s = nv.filter((r) => r.outcome === 'success').length;
    expect(c.knockout.difference.value).toBeCloseTo(s / nv.length, 12); // every success is lost, nothing gained
    expect(c.knockout.lostByCause.force.k).toBe(c.knockout.lostByCause.force.n);
    expect(Object.keys(c.pass)).toEqual(['landmark', 'knockout', 'holds']);
    expect(c.pass.landmark).toBeNull(); // everybody exposed: no odds ratio
    expect(res.stats.points?.map((p) => p.stats.causal?.knockout.runs)).toEqual([0, 1].map((p) => nv.filter((r) => r.point === p).length));
  });

  it('a landmark day swept under --causal is refused (one landmark per batch)', () => {
    expect(() => plan({ causal: true, sets: [], sweep: [parseSweepArg('landmarkDay=2:4:1')] })).toThrow(BatchError);
    expect(() => plan({ causal: true, sets: [], sweep: [parseSweepArg('landmarkDay=2:4:1')] })).toThrow(/--set landmarkDay=N/);
    expect(() => plan({ sets: [], sweep: [parseSweepArg('landmarkDay=2:4:1')] })).not.toThrow();
  });
});

describe('merge of causal shards', () => {
  const info = batchInfo(ON, 'odds');
  const shard = (i: number, rows: Row[] = onRows, inf = info) =>
    JSON.parse(resultJson(batchResult(inf, rows.filter((r) => r.run % 2 === i - 1)), { index: i, count: 2 }));

  it('merges into the single batch, statistics and all, byte for byte', () => {
    const merged = mergeShards([asShard(shard(2), 's2.json'), asShard(shard(1), 's1.json')]);
    expect(resultJson(merged)).toBe(resultJson(batchResult(info, onRows)));
  });

  it('refuses a causal shard beside a plain one', () => {
    const plain = JSON.parse(resultJson(batchResult(batchInfo(OFF, 'odds'), offRows.filter((r) => r.run % 2 === 1)), { index: 2, count: 2 }));
    expect(() => mergeShards([asShard(shard(1), 's1.json'), asShard(plain, 's2.json')])).toThrow(/come from different batches \(they differ in 'causal'\)/);
  });

  it.each([
    ['a causal row in a plain batch', (d: any) => { d.batch = batchInfo(OFF, 'odds'); }, /rows\[0\] has unknown column "landmarkUndecided"/],
    ['a missing causal column', (d: any) => { delete d.rows[0].knockoutSuccess; }, /rows\[0\]\.knockoutSuccess is missing/],
    ['a landmark flag that is no boolean', (d: any) => { d.rows[0].landmarkUndecided = 'yes'; }, /rows\[0\]\.landmarkUndecided must be true or false, got "yes"/],
    ['a share above 1', (d: any) => { d.rows[0].landmarkDefectedShare = 1.5; }, /rows\[0\]\.landmarkDefectedShare must be a number from 0 to 1, got 1.5/],
    ['a nonviolent run not replayed', (d: any) => { d.rows[0].nonviolent = true; d.rows[0].knockoutSuccess = null; }, /rows\[0\]\.knockoutSuccess must be true or false/],
    ['a bad landmark day', (d: any) => { d.batch.causal = { landmarkDay: 0 }; }, /batch\.causal\.landmarkDay must be an integer from 1 to 10000, got 0/],
    ['a causal record of another shape', (d: any) => { d.batch.causal = true; }, /batch\.causal must be absent or \{landmarkDay\}/],
  ])('refuses %s', (_n, mutate, msg) => {
    const d = shard(1);
    mutate(d);
    expect(() => asShard(d, 's1.json')).toThrow(msg);
  });
});
