/**
 * The check of a calibration on seeds it was not fitted on (src/batch/validate.ts): bands,
 * the order in which targets give way, the odds-ratio floor, the seeds and the run count.
 */
import { describe, expect, it } from 'vitest';
import { checkSeed, judgeValidation, validationNonviolentRuns, validationSeeds, VALIDATION_BANDS, runsForTargets } from '../../src/batch';

const stats = (success: number | null, share: number | null, odds: number | null) => ({
  runs: 100, nonviolentRuns: 60,
  successRate: { value: success, lo: null, hi: null, k: 0, n: 60 },
  defectionShareInSuccesses: { value: share, lo: null, hi: null, k: 0, n: 30 },
  oddsRatio: { value: odds, lo: null, hi: null, kind: 'odds' as const, corrected: false },
}) as unknown as Parameters<typeof checkSeed>[1];

describe('validation on unseen seeds', () => {
  it('bands are closed intervals: 0.48-0.58, 0.46-0.58, 23-92', () => {
    expect(VALIDATION_BANDS).toEqual({ successRate: [0.48, 0.58], defectionShareInSuccesses: [0.46, 0.58], oddsRatio: [23, 92] });
    expect(checkSeed(1, stats(0.48, 0.58, 23)).inside).toEqual({ successRate: true, defectionShareInSuccesses: true, oddsRatio: true });
    expect(checkSeed(1, stats(0.4799, 0.5801, 92.01)).inside).toEqual({ successRate: false, defectionShareInSuccesses: false, oddsRatio: false });
    expect(checkSeed(1, stats(null, 0.5, null)).inside).toEqual({ successRate: false, defectionShareInSuccesses: true, oddsRatio: false });
  });

  it('holds only when every band holds on every seed', () => {
    const v = judgeValidation([checkSeed(2, stats(0.53, 0.52, 46)), checkSeed(3, stats(0.5, 0.5, 30)), checkSeed(4, stats(0.55, 0.56, 80))]);
    expect(v).toMatchObject({ holds: true, binding: null, outside: [], belowFloor: false });
  });

  it('the targets give way in the order odds ratio, P(defection | success), success: the binding one is the last that had to', () => {
    const orOnly = judgeValidation([checkSeed(2, stats(0.53, 0.52, 120)), checkSeed(3, stats(0.53, 0.52, 46))]);
    expect(orOnly).toMatchObject({ holds: false, binding: 'oddsRatio', outside: ['oddsRatio'], belowFloor: false });
    const share = judgeValidation([checkSeed(2, stats(0.53, 0.97, 72)), checkSeed(3, stats(0.5, 0.96, 150))]);
    expect(share).toMatchObject({ binding: 'defectionShareInSuccesses', outside: ['oddsRatio', 'defectionShareInSuccesses'] });
    const all = judgeValidation([checkSeed(2, stats(0.7, 0.52, 46))]);
    expect(all).toMatchObject({ binding: 'successRate', outside: ['successRate'] });
  });

  it('an odds ratio below 10 on any seed is flagged (never acceptable), as is one that cannot be computed', () => {
    expect(judgeValidation([checkSeed(2, stats(0.53, 0.52, 9.9))]).belowFloor).toBe(true);
    expect(judgeValidation([checkSeed(2, stats(0.53, 0.52, 10))]).belowFloor).toBe(false);
    expect(judgeValidation([checkSeed(2, stats(0.53, 0.52, null))]).belowFloor).toBe(true);
  });

  it('three seeds after the fit\'s, and 1.5 x the runs of a x2 interval (3,269 at the default targets: 4,904)', () => {
    expect(validationSeeds(1)).toEqual([2, 3, 4]);
    expect(validationSeeds(0xffffffff)).toEqual([0, 1, 2]);
    const need = runsForTargets({ successRate: 0.53, defectionShareInSuccesses: 0.52, successMultiplier: 46, kind: 'odds' });
    expect(need).toBe(3269);
    expect(validationNonviolentRuns(need)).toBe(4904);
    expect(validationNonviolentRuns(null)).toBeNull();
  });
});

describe('the check in the report and the fit record', () => {
  it('prints one line per seed with OUTSIDE marks and the binding target; records the figures rounded', async () => {
    const { validationLines, validationRecord } = await import('../../src/cli/calibrateFormat');
    const v = judgeValidation([checkSeed(2, stats(0.53, 0.97, 72.25)), checkSeed(3, stats(0.5, 0.5, 46))]);
    const lines = validationLines(v, 4904);
    expect(lines[0]).toMatch(/bands: success 48\.0%–58\.0%, P\(defection \| success\) 46\.0%–58\.0%, odds ratio 23–92; 4904 nonviolent runs each wanted/);
    expect(lines[1]).toMatch(/^  seed 2 .*success 53\.0%, P\(defection \| success\) 97\.0% OUTSIDE, odds ratio 72\.3$/);
    expect(lines[2]).not.toMatch(/OUTSIDE/);
    expect(lines.join('\n')).toMatch(/the binding target .*: P\(defection \| success\)/);
    expect(lines.join('\n')).toMatch(/fewer nonviolent runs than wanted on a seed: the check is indicative only/); // 60 < 4904
    expect(validationRecord(v, 4904)).toEqual({ nonviolentRunsWanted: 4904, holds: false, binding: 'defectionShareInSuccesses',
      outside: ['defectionShareInSuccesses'], oddsBelowFloor: false,
      seeds: [{ seed: 2, runs: 100, nonviolentRuns: 60, successRate: 0.53, defectionShareInSuccesses: 0.97, oddsRatio: 72.25 },
        { seed: 3, runs: 100, nonviolentRuns: 60, successRate: 0.5, defectionShareInSuccesses: 0.5, oddsRatio: 46 }] });
  });
});

describe('lessons re-checked after a fit', () => {
  it('a lesson is broken when it passed at the start values and fails at the fitted ones; per-preset verdicts count apart', async () => {
    const { brokenLessons, lessonName } = await import('../../src/cli/calibrateFormat');
    const l = (id: string, preset: string | string[], status: 'pass' | 'fail' | 'n/a', value: number | null = 0.5) =>
      ({ id, kind: 'target', preset, status, pass: status === 'n/a' ? null : status === 'pass', value, policy: 'rotation', quantity: 'success', bound: { max: 0.1 } }) as never;
    const before = [l('a', 'p1', 'pass'), l('a', 'p2', 'fail'), l('b', ['p1', 'p2'], 'pass'), l('c', 'p1', 'n/a'), l('d', 'p1', 'pass')];
    const after = [l('a', 'p1', 'fail', 0.7), l('a', 'p2', 'fail'), l('b', ['p1', 'p2'], 'pass'), l('c', 'p1', 'fail'), l('d', 'p1', 'pass')];
    const r = brokenLessons(before, after);
    expect(r.broken.map(lessonName)).toEqual(['a (p1: rotation 0.7)']);
    expect(r.failing).toHaveLength(3); // a@p1 (broken), a@p2 (failed before too), c (n/a before)
  });
});
