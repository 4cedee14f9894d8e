/** The sensitivity report's pure parts: variants, their values, flips and relative changes. */
import { describe, expect, it } from 'vitest';
import { defaultParams, PARAM_SPECS, type Params } from '../../src/sim/index';
import { loadScenario } from '../../src/scenarios/load-node';
import { RunRegistry } from '../../src/balance/engine';
import { runBalanceTask } from '../../src/balance/job';
import { validateLessons } from '../../src/balance/lessons';
import {
  BASELINE, belowOddsFloor, checkKeys, eventNote, flips, historySource, lessonsSource, mechanismParams, ODDS_RATIO_FLOOR, relativeChange,
  researchFigures, variantsOf, variantValue,
} from '../../src/balance/sensitivity';
import { parseSensitivityArgs, SENSITIVITY_CAMPAIGN_RUNS } from '../../src/cli/balanceArgs';

const p = (over: Partial<Params> = {}): Params => ({ ...defaultParams(), ...over });

describe('which parameters vary', () => {
  it('every non-structural number, integer and boolean mechanism parameter', () => {
    const keys = mechanismParams();
    expect(keys).toContain('backfireWeight');
    expect(keys).toContain('collapseDays');
    expect(keys).toContain('peersOn');
    for (const k of keys) expect(PARAM_SPECS[k as keyof typeof PARAM_SPECS].kind).toBe('mechanism');
    expect(keys).not.toContain('legitimacy');
  });

  it('--keys must name such parameters', () => {
    expect(checkKeys(['regimeWeight', 'backfireWeight', 'regimeWeight'])).toEqual(['regimeWeight', 'backfireWeight']);
    expect(() => checkKeys(['legitimacy'])).toThrow(/'legitimacy' is a situation parameter/);
    expect(() => checkKeys(['defectionOccurredShare'])).toThrow(/measurement parameter/);
    expect(() => checkKeys(['nope'])).toThrow(/unknown parameter 'nope'/);
  });

  it('the baseline, then ×0.8 and ×1.2, or a flipped switch', () => {
    expect(variantsOf(['backfireWeight', 'peersOn']).map((v) => v.id)).toEqual(['baseline', 'backfireWeight:x0.8', 'backfireWeight:x1.2', 'peersOn:flip']);
  });
});

describe('variantValue', () => {
  const [, down, up] = variantsOf(['backfireWeight']);
  it('×0.8 and ×1.2 of the value a run would use, to 4 significant digits', () => {
    expect(variantValue(down, p({ backfireWeight: 0.0315 }))).toEqual({ sets: [['backfireWeight', '0.0252']], from: 0.0315, to: 0.0252 });
    expect(variantValue(up, p({ backfireWeight: 0.0315 }))).toEqual({ sets: [['backfireWeight', '0.0378']], from: 0.0315, to: 0.0378 });
    expect(variantValue(BASELINE, p())).toEqual({ sets: [], from: null, to: null });
  });

  it('an integer rounds; no change or leaving the range is a skip, with the reason (nothing is clamped)', () => {
    const [, cd, cu] = variantsOf(['collapseDays']);
    expect(variantValue(cd, p({ collapseDays: 3 }))).toMatchObject({ sets: [['collapseDays', '2']], to: 2 });
    expect(variantValue(cu, p({ collapseDays: 3 }))).toMatchObject({ sets: [['collapseDays', '4']], to: 4 });
    expect(variantValue(cu, p({ collapseDays: 2 }))).toMatchObject({ skip: '×1.2 of 2 is 2 (rounded): no change' });
    expect(variantValue(down, p({ backfireWeight: 0 }))).toMatchObject({ skip: '×0.8 of 0 is 0: no change' });
    const [, , gu] = variantsOf(['symbolsGain']);
    expect(variantValue(gu, p({ symbolsGain: 0.9 }))).toMatchObject({ skip: '×1.2 = 1.08 is above the maximum 1' });
  });

  it('a switch flips', () => {
    const [, f] = variantsOf(['peersOn']);
    expect(variantValue(f, p({ peersOn: true }))).toEqual({ sets: [['peersOn', 'false']], from: true, to: false });
  });

  it('names scheduled events that set the key', () => {
    const s = loadScenario('test/balance/fixtures/tiny-mechanism.json', process.cwd());
    expect(eventNote(s, 'threatWeight')).toBe('balance-tiny-mechanism: 1 scheduled event sets threatWeight, replacing the variant from then on');
    expect(eventNote(s, 'regimeWeight')).toBeNull();
  });
});

describe('comparisons', () => {
  it('flips: pass -> fail and fail -> pass; n/a on either side is none', () => {
    expect(flips({ a: 1, b: 0, c: 1, d: null, e: 1 }, { a: 0, b: 1, c: 1, d: 1, e: null })).toEqual({ toFail: ['a'], toPass: ['b'] });
  });

  it('relative change (v - b) / |b|', () => {
    expect(relativeChange(0.5, 0.6)).toBeCloseTo(0.2, 12);
    expect(relativeChange(-2, -1)).toBeCloseTo(0.5, 12);
    expect(relativeChange(0, 0)).toBe(0);
    expect(relativeChange(0, 1)).toBeNull();
    expect(relativeChange(null, 1)).toBeNull();
  });
});

describe('figure sources on the tiny fixture', () => {
  it('lessons give 1/0 per lesson and preset; a variant that cannot change a run shares it', () => {
    const scenario = loadScenario('test/balance/fixtures/tiny.json', process.cwd());
    const lessons = validateLessons({ version: 1, risks: [], targets: [
      { id: 'n', preset: 'balance-tiny', policy: 'nothing', quantity: 'success', bound: { max: 0.1 }, why: 'w' },
      { id: 'c', preset: 'balance-tiny', policy: 'alone:courts', quantity: 'effect', bound: { min: 0.1 }, why: 'w' },
    ] });
    const reg = new RunRegistry(null);
    const src = lessonsSource([{ scenario, seeds: 2 }], lessons, 1, true);
    const base = src.plan(reg, BASELINE);
    const before = reg.tasks.length;
    // strikeCost: the fixture does not offer strikes, so no run of the reduced set can change.
    const [, strikeDown] = variantsOf(['strikeCost']);
    const v = src.plan(reg, strikeDown);
    expect(reg.tasks.length).toBe(before);
    expect(v.values['balance-tiny']).toEqual({ from: 8, to: 6.4, skip: null });
    const plan = reg.plan(), pend = reg.pending();
    reg.accept(pend, pend.map((g) => runBalanceTask(plan, g)));
    expect(base.figures()).toEqual({ 'n@balance-tiny': 1, 'c@balance-tiny': null });
    expect(v.figures()).toEqual(base.figures());
    // No history-family world here: the history source has nothing to say.
    expect(historySource([{ scenario, seeds: 2 }], 1).plan(reg, BASELINE).figures()).toEqual({});
  });
});

describe('the research figures of a variant', () => {
  const share = (value: number | null, lo: number | null = null, hi: number | null = null) => ({ value, lo, hi });
  it('reads the three figures and their intervals from a campaigns summary', () => {
    const f = researchFigures({ nonviolentRuns: 600, successRate: share(0.53, 0.49, 0.57), defectionShareInSuccesses: share(0.52, 0.46, 0.58), oddsRatio: share(46, 30, 70) });
    expect(f).toEqual({ nonviolentRuns: 600, successRate: 0.53, successRateLo: 0.49, successRateHi: 0.57, defectionShareInSuccesses: 0.52,
      defectionShareInSuccessesLo: 0.46, defectionShareInSuccessesHi: 0.58, oddsRatio: 46, oddsRatioLo: 30, oddsRatioHi: 70 });
    expect(belowOddsFloor(f)).toBe(false);
  });
  it('flags an odds ratio below the floor of 10, and none when there is no ratio', () => {
    expect(ODDS_RATIO_FLOOR).toBe(10);
    const at = (or: number | null) => researchFigures({ nonviolentRuns: 10, successRate: share(0.5), defectionShareInSuccesses: share(0.5), oddsRatio: share(or) });
    expect(belowOddsFloor(at(9.99))).toBe(true);
    expect(belowOddsFloor(at(10))).toBe(false);
    expect(belowOddsFloor(at(null))).toBeNull();
  });
  it('--campaign-runs sets the ensemble per variant; 0 leaves the figures out', () => {
    expect(parseSensitivityArgs([]).campaignRuns).toBe(SENSITIVITY_CAMPAIGN_RUNS);
    expect(parseSensitivityArgs(['--campaign-runs', '0']).campaignRuns).toBe(0);
    expect(parseSensitivityArgs(['--campaign-runs', '250']).campaignRuns).toBe(250);
    expect(() => parseSensitivityArgs(['--campaign-runs', '-1'])).toThrow(/--campaign-runs/);
  });
});
