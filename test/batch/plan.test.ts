/** Seeds, sweep grids, priors and plans: deterministic, validated, and replayable with `sim`. */
import { describe, expect, it } from 'vitest';
import {
  BatchError, campaignPriors, campaignScenario, checkPlan, parseSweepArg, pointValues, replayArgs, runInputs, runOne, runSeed,
  pivotalCell, pivotalPillars, samplePriors, sampleStrategy, shardIndices, validatePriors, type BatchPlan, type PriorSet,
} from '../../src/batch/index';
import { getPreset } from '../../src/scenarios/index';
import { PARAM_SPECS } from '../../src/sim/index';
import { parseArgs } from '../../src/cli/args';
import { runSim } from '../../src/cli/run';

const plan = (over: Partial<BatchPlan> = {}): BatchPlan => checkPlan({
  scenarioName: 'granovetter-riot', scenario: getPreset('granovetter-riot'), seed: 7, runs: 3, strategy: 'scenario', actions: [], sets: [], sweep: [],
  calibration: null, priors: null, ...over,
});

describe('seeds', () => {
  it('are a pure function of (batch seed, run): fixed values, no repeats', () => {
    // Pinned so a change of the derivation (which would change every published batch) is noticed.
    expect([0, 1, 2].map((r) => runSeed(1, r))).toEqual([2571226413, 1435675793, 4278476930]);
    expect(runSeed(1, 5)).toBe(runSeed(1, 5));
    const seen = new Set(Array.from({ length: 10_000 }, (_, r) => runSeed(42, r)));
    expect(seen.size).toBe(10_000);
    expect(runSeed(1, 0)).not.toBe(runSeed(2, 0));
  });

  it('are the same at every sweep point (common random numbers)', () => {
    const p = plan({ sweep: [parseSweepArg('legitimacy=0.2:0.4:0.1')] });
    const seeds = [0, 1, 2, 3, 4, 5, 6, 7, 8].map((g) => runInputs(p, g).seed);
    expect(seeds.slice(0, 3)).toEqual(seeds.slice(3, 6));
    expect(seeds.slice(0, 3)).toEqual([0, 1, 2].map((r) => runSeed(7, r)));
  });
});

describe('sweep grids', () => {
  it('keeps the end point and removes binary noise', () => {
    expect(parseSweepArg('legitimacy=0.3:0.7:0.1').values).toEqual([0.3, 0.4, 0.5, 0.6, 0.7]);
    expect(parseSweepArg('officerCount=10:25:5').values).toEqual([10, 15, 20, 25]);
    expect(parseSweepArg('legitimacy=0.5:0.5:0.1').values).toEqual([0.5]);
  });

  it('forms the cartesian product, last axis fastest', () => {
    const axes = [parseSweepArg('officerCount=10:20:10'), parseSweepArg('legitimacy=0.1:0.3:0.1')];
    expect([0, 1, 2, 3, 5].map((p) => pointValues(axes, p))).toEqual([
      [['officerCount', 10], ['legitimacy', 0.1]], [['officerCount', 10], ['legitimacy', 0.2]],
      [['officerCount', 10], ['legitimacy', 0.3]], [['officerCount', 20], ['legitimacy', 0.1]],
      [['officerCount', 20], ['legitimacy', 0.3]],
    ]);
  });

  it.each([
    ['legitimacy', /expects key=from:to:step/],
    ['legitimacy=0.1:0.5', /expects key=from:to:step/],
    ['nosuch=0:1:0.1', /unknown parameter 'nosuch'/],
    ['torus=0:1:1', /only number and integer parameters.*boolean/],
    ['visionShape=0:1:1', /only number and integer parameters.*enum/],
    ['legitimacy=0.1:0.5:0', /step must be positive/],
    ['legitimacy=0.5:0.1:0.1', /from \(0.5\) exceeds to/],
    ['legitimacy=a:0.5:0.1', /from must be a number/],
    ['officerCount=1.5:3:1', /integer parameter/],
    ['legitimacy=0.5:1.5:0.5', /legitimacy' = 1.5 is out of range/],
    ['legitimacy=0:1:0.00001', /exceed the limit/],
  ])('rejects %s', (arg, msg) => {
    expect(() => parseSweepArg(arg)).toThrow(msg);
  });

  it('rejects an axis twice and a key both set and swept', () => {
    expect(() => plan({ sweep: [parseSweepArg('legitimacy=0.1:0.2:0.1'), parseSweepArg('legitimacy=0.3:0.4:0.1')] })).toThrow(/more than once/);
    expect(() => plan({ sets: [['legitimacy', '0.2']], sweep: [parseSweepArg('legitimacy=0.3:0.4:0.1')] })).toThrow(BatchError);
  });
});

describe('priors', () => {
  const priors = campaignPriors();

  it('the campaigns world draws situation keys only: how strongly people respond is the calibrated world\'s', () => {
    const kinds = priors.priors.map((p) => [p.key, PARAM_SPECS[p.key].kind, p.relative]);
    expect(kinds.filter(([, kind, rel]) => kind !== 'situation' || rel)).toEqual([]);
    expect(priors.priors.map((p) => p.key)).toEqual(expect.arrayContaining(['legitimacy', 'forcePerProtester', 'horizonDays', 'eliteLoyalty']));
  });

  it('draw within their ranges, from the run seed alone', () => {
    const a = samplePriors(priors, 123), b = samplePriors(priors, 123), c = samplePriors(priors, 124);
    expect(a).toEqual(b);
    expect(a).not.toEqual(c);
    for (const [{ key: k, value: v, relative }, p] of a.map((x, i) => [x, priors.priors[i]] as const)) {
      expect(k).toBe(p.key);
      expect(relative).toBe(p.relative);
      expect(v).toBeGreaterThanOrEqual(p.min);
      expect(v).toBeLessThanOrEqual(p.max);
      if (p.dist === 'int') expect(Number.isInteger(v)).toBe(true);
    }
  });

  it.each([
    [{ version: 2, priors: [{ key: 'legitimcy', dist: 'uniform', min: 0, max: 1 }] }, /did you mean 'legitimacy'/],
    [{ version: 2, priors: [{ key: 'torus', dist: 'uniform', min: 0, max: 1 }] }, /not a number or integer/],
    [{ version: 2, priors: [{ key: 'legitimacy', dist: 'normal', min: 0, max: 1 }] }, /must be one of uniform/],
    [{ version: 2, priors: [{ key: 'legitimacy', dist: 'uniform', min: 0.8, max: 0.2 }] }, /min \(0.8\) exceeds max/],
    [{ version: 2, priors: [{ key: 'legitimacy', dist: 'uniform', min: 0, max: 2 }] }, /out of range \[0, 1\]/],
    [{ version: 2, priors: [{ key: 'officerCount', dist: 'uniform', min: 1, max: 9 }] }, /integer parameter/],
    [{ version: 2, priors: [{ key: 'backfireWeight', dist: 'logUniform', min: 0, max: 1, relative: true }] }, /positive for logUniform/],
    [{ version: 2, priors: [{ key: 'backfireWeight', dist: 'uniform', min: 0.01, max: 0.02 }] }, /mechanism parameter: a prior may vary it only as a factor/],
    [{ version: 2, priors: [{ key: 'legitimacy', dist: 'uniform', min: 0.5, max: 2, relative: true }] }, /situation parameter: draw its values/],
    [{ version: 2, priors: [{ key: 'defectionOccurredShare', dist: 'uniform', min: 0, max: 1 }] }, /measurement parameter/],
    [{ version: 1, priors: [] }, /version must be 2/],
  ])('reject a bad prior file (%#)', (raw, msg) => {
    expect(() => validatePriors(raw, 'p.json')).toThrow(msg);
  });
});

describe('runs', () => {
  it('a campaigns row replays exactly with `sim` and its --set flags', () => {
    // The shipped priors draw situation keys only; a user's prior file may add a relative mechanism prior.
    const base = campaignPriors();
    const priors: PriorSet = { ...base, priors: [...base.priors, { key: 'regimeWeight', dist: 'logUniform', min: 0.5, max: 2, relative: true, why: '' }] };
    const p = checkPlan({ scenarioName: 'campaigns', scenario: campaignScenario(), seed: 3, runs: 2, strategy: 'scenario', actions: [],
      sets: [['horizonDays', '12']], sweep: [], calibration: null, priors });
    const row = runOne(p, 1);
    expect(row.horizonDays).toBe(12); // --set wins over the sampled value
    expect(row.legitimacy).toBe(samplePriors(priors, runSeed(3, 1))[0].value);
    // A relative prior's column holds the value that ran (factor x value below, 4 digits), not the factor.
    const f = samplePriors(priors, runSeed(3, 1)).find((d) => d.key === 'regimeWeight');
    expect(f?.relative).toBe(true);
    expect(row.regimeWeight).toBe(Number(((f?.value ?? 0) * 0.03).toPrecision(4)));
    const args = replayArgs('src/batch/campaigns.json', row);
    const rep = runSim(parseArgs([...args, '--calibration', 'none']), process.cwd()).report;
    expect([rep.outcome, rep.fallCause, rep.tippingTick, rep.summary.defectedShare, rep.summary.peakParticipation, rep.summary.nonviolent])
      .toEqual([row.outcome, row.fallCause, row.tippingTick, row.defectedShare, row.peakParticipation, row.nonviolent]);
  });

  it('attribution: false runs the same runs without the pillar replays: a success keeps its route, has no cause and no pivotal pillars', () => {
    const base = { scenarioName: 'campaigns', scenario: campaignScenario(), seed: 5, runs: 10, strategy: 'scenario', actions: [],
      sets: [['horizonDays', '40']] as Array<[string, string]>, sweep: [], calibration: null, priors: campaignPriors() };
    const full = checkPlan(base), bare = checkPlan({ ...base, attribution: false });
    let successes = 0;
    for (let g = 0; g < 10; g++) {
      const a = runOne(full, g), b = runOne(bare, g);
      expect([b.outcome, b.fallRoute, b.tippingTick, b.defectedShare, b.peakParticipation]).toEqual([a.outcome, a.fallRoute, a.tippingTick, a.defectedShare, a.peakParticipation]);
      if (a.outcome === 'success') {
        successes++;
        expect(a.fallCause).not.toBeNull();
        expect([b.fallCause, b.pivotal]).toEqual([null, null]);
      } else expect([b.fallCause, b.pivotal]).toEqual([a.fallCause, a.pivotal]);
    }
    expect(successes).toBeGreaterThan(0);
  });

  it('shards are strided, disjoint and cover every run', () => {
    expect(shardIndices(10, { index: 1, count: 3 })).toEqual([0, 3, 6, 9]);
    expect(shardIndices(10, { index: 3, count: 3 })).toEqual([2, 5, 8]);
    expect(shardIndices(2, { index: 3, count: 3 })).toEqual([]);
    expect(shardIndices(4, null)).toEqual([0, 1, 2, 3]);
  });
});

describe('strategy prior', () => {
  const withStrategies = (strategies: Array<{ name: string; weight: number }>) =>
    validatePriors({ version: 2, priors: campaignPriors().priors, strategies: strategies.map((s) => ({ ...s, why: '' })) }, 'p.json');
  const set = withStrategies([{ name: 'none', weight: 1 }, { name: 'every:strike', weight: 2 }, { name: 'every:eliteAppeals', weight: 1 }]);

  it('draws a strategy per run, deterministically, in proportion to the weights', () => {
    const seeds = Array.from({ length: 4000 }, (_, r) => runSeed(9, r));
    const a = seeds.map((s) => sampleStrategy(set, s)), b = seeds.map((s) => sampleStrategy(set, s));
    expect(a).toEqual(b);
    const share = (n: string) => a.filter((x) => x === n).length / a.length;
    expect(share('every:strike')).toBeGreaterThan(0.46);
    expect(share('every:strike')).toBeLessThan(0.54);
    expect(share('none')).toBeGreaterThan(0.21);
    expect(share('none')).toBeLessThan(0.29);
    // A choice of weight 0 is never drawn; no strategy prior draws nothing.
    expect(seeds.slice(0, 500).some((s) => sampleStrategy(withStrategies([{ name: 'none', weight: 0 }, { name: 'every:strike', weight: 1 }]), s) === 'none')).toBe(false);
    expect(sampleStrategy(null, 1)).toBeNull();
    expect(sampleStrategy(validatePriors({ version: 2, priors: [] }, 'p.json'), 1)).toBeNull();
  });

  it('is a stream of its own: adding it leaves every parameter draw as it was', () => {
    const bare = validatePriors({ version: 2, priors: campaignPriors().priors }, 'p.json');
    for (const s of [1, 2, 3, 77, 4000]) expect(samplePriors(set, s)).toEqual(samplePriors(bare, s));
    // ... and the strategy does not follow the parameter stream: different seeds differ.
    const picks = new Set(Array.from({ length: 50 }, (_, r) => sampleStrategy(set, runSeed(3, r))));
    expect(picks.size).toBe(3);
  });

  it('is recorded in the row, and --strategy other than scenario fixes it', () => {
    const p = checkPlan({ scenarioName: 'campaigns', scenario: campaignScenario(), seed: 3, runs: 4, strategy: 'scenario', actions: [],
      sets: [['horizonDays', '6']], sweep: [], calibration: null, priors: set });
    for (let g = 0; g < 4; g++) expect(runInputs(p, g).strategy).toBe(sampleStrategy(set, runSeed(3, g)));
    const row = runOne(p, 0);
    expect(row.strategy).toBe(sampleStrategy(set, runSeed(3, 0)));
    expect(Object.keys(row).at(-1)).toBe('strategy');
    expect(Object.keys(row).at(-2)).toBe('pivotal');
    const fixed = checkPlan({ ...p, strategy: 'every:symbols' });
    expect(runInputs(fixed, 0).strategy).toBe('every:symbols');
    expect(runOne(fixed, 0).strategy).toBe('every:symbols');
  });

  it('rejects an unknown strategy, a repeated one, scenario and all-zero weights', () => {
    expect(() => checkPlan({ scenarioName: 'campaigns', scenario: campaignScenario(), seed: 1, runs: 1, strategy: 'scenario', actions: [], sets: [],
      sweep: [], calibration: null, priors: withStrategies([{ name: 'every:nosuch', weight: 1 }]) })).toThrow(/'nosuch' is not a tactic/);
    expect(() => withStrategies([{ name: 'none', weight: 1 }, { name: 'none', weight: 1 }])).toThrow(/'none' is listed already/);
    expect(() => withStrategies([{ name: 'scenario', weight: 1 }])).toThrow(/'scenario' would hand the choice back/);
    expect(() => withStrategies([{ name: 'none', weight: 0 }])).toThrow(/weights must not all be 0/);
    expect(() => withStrategies([{ name: 'none', weight: -1 }])).toThrow(/weight/);
  });
});

describe('a row with a sampled strategy and its pivotal pillars', () => {
  it('replays exactly with `sim --strategy`', () => {
    const priors = campaignPriors();
    expect(priors.strategies?.length ?? 0).toBeGreaterThan(1);
    const p = checkPlan({ scenarioName: 'campaigns', scenario: campaignScenario(), seed: 5, runs: 40, strategy: 'scenario', actions: [],
      sets: [['horizonDays', '20']], sweep: [], calibration: null, priors });
    // The first run whose drawn strategy plays tactics.
    const g = Array.from({ length: 40 }, (_, i) => i).find((i) => runInputs(p, i).strategy !== 'none') ?? 0;
    const row = runOne(p, g);
    expect(row.strategy).not.toBe('none');
    const args = replayArgs('src/batch/campaigns.json', row);
    expect(args.slice(-2)).toEqual(['--strategy', row.strategy]);
    const rep = runSim(parseArgs([...args, '--calibration', 'none']), process.cwd()).report;
    expect([rep.outcome, rep.fallCause, rep.tippingTick, rep.summary.defectedShare, rep.summary.peakParticipation, rep.summary.nonviolent])
      .toEqual([row.outcome, row.fallCause, row.tippingTick, row.defectedShare, row.peakParticipation, row.nonviolent]);
    expect(row.pivotal).toBe(rep.outcome === 'success' ? pivotalCell(rep.pivotal) : null);
  });

  it('pivotal cells: pillars in order, none, null', () => {
    expect(pivotalCell({ force: true, elite: false, economy: true, patron: false })).toBe('force+economy');
    expect(pivotalCell({ force: false, elite: false, economy: false, patron: false })).toBe('none');
    expect(pivotalCell(null)).toBeNull();
    expect(pivotalPillars('elite+patron')).toEqual(['elite', 'patron']);
    expect(pivotalPillars('none')).toEqual([]);
    expect(pivotalPillars(null)).toEqual([]);
  });
});
