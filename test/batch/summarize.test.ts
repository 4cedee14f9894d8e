/** Ensemble figures from hand-built rows: the 2x2 table, nonviolent filtering, bands, targets. */
import { describe, expect, it } from 'vitest';
import { summarize, type Row, type Targets } from '../../src/batch/index';

const targets: Targets = { successRate: 0.53, defectionShareInSuccesses: 0.52, successMultiplier: 46, kind: 'odds' };

let next = 0;
function row(outcome: 'success' | 'failure' | 'stalemate', defection: boolean, nonviolent = true, peak = 0.05): Row {
  return {
    run: next++, seed: 0, outcome, fallCause: outcome === 'success' ? 'force' : null, tippingTick: null, tippingDay: null,
    peakParticipation: peak, defectedShare: defection ? 0.2 : 0, defectionOccurred: defection, violenceShare: nonviolent ? 0 : 0.1, nonviolent,
  } as Row;
}
const times = (n: number, f: () => Row): Row[] => Array.from({ length: n }, f);

describe('summarize', () => {
  // Nonviolent: a = 6 (defection, success), b = 2 (defection, 1 failure + 1 stalemate),
  // c = 3 (no defection, success), d = 9 (no defection, 4 failure + 5 stalemate); n = 20.
  // Violent: 2 successes, 3 failures (left out of everything but the discipline comparison).
  const rows = [
    ...times(6, () => row('success', true)), row('failure', true), row('stalemate', true),
    ...times(3, () => row('success', false)), ...times(4, () => row('failure', false)), ...times(5, () => row('stalemate', false)),
    ...times(2, () => row('success', true, false)), ...times(3, () => row('failure', false, false)),
  ];
  const st = summarize(rows, targets);

  it('counts nonviolent runs only in the table and the research figures', () => {
    expect(st.runs).toBe(25);
    expect(st.nonviolentRuns).toBe(20);
    expect(st.table).toEqual({ defectionSuccess: 6, defectionNonSuccess: 2, noDefectionSuccess: 3, noDefectionNonSuccess: 9 });
    expect(st.outcomes).toEqual({ success: 9, failure: 5, stalemate: 6 });
    expect(st.fallCauses.force).toBe(9);
    expect(st.successRate).toMatchObject({ k: 9, n: 20, value: 0.45 });
    expect(st.defectionRate).toMatchObject({ k: 8, n: 20, value: 0.4 });
    expect(st.defectionShareInSuccesses).toMatchObject({ k: 6, n: 9 }); // P(D|S) = 6/9
    expect(st.successWithDefection).toMatchObject({ k: 6, n: 8, value: 0.75 });
    expect(st.successWithoutDefection).toMatchObject({ k: 3, n: 12, value: 0.25 });
  });

  it('multiplier: OR = (6·9)/(2·3) = 9, RR = (6/8)/(3/12) = 3, no correction', () => {
    expect(st.successMultiplier.kind).toBe('odds');
    expect(st.successMultiplier.value).toBeCloseTo(9, 10);
    expect(st.successMultiplier.corrected).toBe(false);
    expect(st.riskRatio.value).toBeCloseTo(3, 10);
    expect(summarize(rows, { ...targets, kind: 'risk' }).successMultiplier.value).toBeCloseTo(3, 10);
  });

  it('discipline: all runs, nonviolent 9/20 vs violent 2/5; OR = (9·3)/(11·2) = 27/22', () => {
    expect(st.discipline.nonviolent).toMatchObject({ k: 9, n: 20 });
    expect(st.discipline.violent).toMatchObject({ k: 2, n: 5 });
    expect(st.discipline.oddsRatio.value).toBeCloseTo(27 / 22, 10);
  });

  it('targets beside the measured values, with "inside" read from the interval', () => {
    const [sr, share, mult] = st.comparison;
    // Wilson 9/20 = [0.2582, 0.6579] holds 0.53; 6/9 = [0.3542, 0.8794] holds 0.52.
    expect(sr).toMatchObject({ name: 'successRate', target: 0.53, measured: 0.45, inside: true });
    expect(share.inside).toBe(true);
    // Woolf for OR 9: se = sqrt(1/6+1/2+1/3+1/9) = 1.0541 → 9·exp(∓2.0660) = [1.14, 71.0]: holds 46.
    expect(mult.inside).toBe(true);
    expect(st.implied.atTargetSuccessRate!.defectionRate).toBeCloseTo(0.286414, 5);
    expect(st.implied.atMeasuredSuccessRate!.successRate).toBe(0.45);
  });

  it('participation bands: edges belong to the upper band', () => {
    const b = summarize([row('success', false, true, 0.035), row('failure', false, true, 0.0349), row('success', true, true, 0.1)], targets);
    expect(b.participation.map((p) => [p.band, p.success.k, p.success.n])).toEqual([
      ['<1%', 0, 0], ['1-3.5%', 0, 1], ['3.5-10%', 1, 1], ['>=10%', 1, 1],
    ]);
    expect(b.participation[0].success.value).toBeNull();
  });

  it('an empty ensemble is all nulls and zeros, never NaN', () => {
    const e = summarize([], targets);
    expect(JSON.stringify(e)).not.toMatch(/NaN|Infinity/);
    expect(e.successRate.value).toBeNull();
    expect(e.successMultiplier.value).toBeNull();
    expect(e.comparison.every((c) => c.inside === null)).toBe(true);
    expect(e.implied.atMeasuredSuccessRate).toBeNull();
  });
});
