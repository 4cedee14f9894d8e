/** Ensemble figures from hand-built rows: the 2x2 table, nonviolent filtering, bands, targets. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { batchStats, summarize, Tally, type BatchInfo, type Row, type Targets } from '../../src/batch/index';
import { impliedByTargets, oddsRatio, ratio, riskRatio, shareDifference, wilson } from '../../src/batch/stats';
import { NAVCO_VIOLENT_SUCCESS, PARTICIPATION_BANDS, PEAK_BINS, PEAK_MIN, peakBin, peakBinValue, SHARE_UNITS, shareMean, shareMeanDifference, STRATEGY_KINDS, strategyKind } from '../../src/batch/summarize';

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

describe('pivotal pillars, median peaks by cause, nonviolent vs violent', () => {
  const r = (outcome: 'success' | 'failure', fallCause: string | null, pivotal: string | null, peak: number, nonviolent = true) =>
    ({ ...row(outcome, false, nonviolent, peak), fallCause, pivotal }) as Row;
  // Nonviolent successes (8): force pivotal in 4, elite in 3, economy in 2, patron in 1; two or more in 3
  // (force+elite, elite+economy, force+economy+patron); none (overwhelm) in 2. Peaks: overwhelm 0.4, 0.6;
  // the rest 0.05, 0.06, 0.1, 0.1, 0.12, 0.2 (lower median: the 3rd of 6, 0.1). Force alone: 0.05, 0.06, 0.1 (median 0.06).
  const rows = [
    r('success', 'force', 'force', 0.05), r('success', 'force', 'force+elite', 0.06), r('success', 'elite', 'elite', 0.1),
    r('success', 'economy', 'elite+economy', 0.1), r('success', 'force', 'force+economy+patron', 0.12), r('success', 'force', 'force', 0.2),
    r('success', 'overwhelm', 'none', 0.4), r('success', 'overwhelm', 'none', 0.6),
    r('failure', null, null, 0.01), r('failure', null, null, 0.02),
    // Violent: 5 runs, 2 successes (force, overwhelm), not counted in the pivotal shares.
    r('success', 'force', 'force+elite', 0.3, false), r('success', 'overwhelm', 'none', 0.3, false),
    r('failure', null, null, 0.01, false), r('failure', null, null, 0.01, false), r('failure', null, null, 0.01, false),
  ];
  const st = summarize(rows, targets);
  const near = (x: number | null, want: number) => { expect(x).not.toBeNull(); expect(Math.abs((x as number) / want - 1)).toBeLessThan(0.03); };

  it('counts each pillar\'s pivotal share of nonviolent successes, and two or more together', () => {
    expect([st.pivotal.force.k, st.pivotal.elite.k, st.pivotal.economy.k, st.pivotal.patron.k, st.pivotal.twoOrMore.k, st.pivotal.none.k])
      .toEqual([4, 3, 2, 1, 3, 2]);
    expect(st.pivotal.force).toMatchObject({ n: 8, value: 0.5 });
    expect(st.pivotal.twoOrMore.value).toBe(3 / 8);
  });

  it('medians of peak participation by cause (the histogram is within 3%)', () => {
    near(st.medianPeak.overwhelm, 0.4);
    near(st.medianPeak.pillars, 0.1);
    near(st.medianPeak.force, 0.06);
    near(st.medianPeak.elite, 0.1);
    near(st.medianPeak.economy, 0.1);
    expect(st.medianPeak.patron).toBeNull();
    near(st.medianPeak.overwhelmRatio, 4);
  });

  it('both success rates with intervals and their ratio; violent successes by cause', () => {
    expect(st.discipline.nonviolent).toMatchObject({ k: 8, n: 10 });
    expect(st.discipline.violent).toMatchObject({ k: 2, n: 5 });
    // (8/10) / (2/5) = 2; Katz: se = sqrt(1/8 − 1/10 + 1/2 − 1/5) = 0.5701.
    expect(st.discipline.riskRatio.value).toBeCloseTo(2, 10);
    expect(st.discipline.riskRatio.lo).toBeCloseTo(2 * Math.exp(-1.959964 * Math.sqrt(1 / 8 - 1 / 10 + 1 / 2 - 1 / 5)), 5);
    expect(st.violentFallCauses).toEqual({ force: 1, elite: 0, economy: 0, patron: 0, overwhelm: 1 });
  });

  it('peak bins: monotone, edges in range, each value inside its bin', () => {
    expect(peakBin(0)).toBe(0);
    expect(peakBin(PEAK_MIN / 2)).toBe(0);
    expect(peakBin(PEAK_MIN)).toBe(1);
    expect(peakBin(1)).toBe(PEAK_BINS);
    let last = 0;
    for (let x = 0.0005; x <= 1; x *= 1.01) { const b = peakBin(x); expect(b).toBeGreaterThanOrEqual(last); last = b; }
    for (const x of [0.002, 0.01, 0.035, 0.2, 0.9]) expect(Math.abs(peakBinValue(peakBin(x)) / x - 1)).toBeLessThan(0.03);
  });
});

/** summarize() as it was written over the whole row list (before the Tally): the reference. */
function listSummary(rows: readonly Row[], t: Targets) {
  const isSuccess = (r: Row) => r.outcome === 'success';
  const nv = rows.filter((r) => r.nonviolent);
  let a = 0, b = 0, c = 0, d = 0;
  const outcomes = { success: 0, failure: 0, stalemate: 0 };
  const fallCauses: Record<string, number> = { force: 0, elite: 0, economy: 0, patron: 0, overwhelm: 0 };
  for (const r of nv) {
    const s = isSuccess(r);
    if (r.defectionOccurred) { if (s) a++; else b++; } else if (s) c++; else d++;
    if (r.outcome !== null) outcomes[r.outcome]++;
    if (s && r.fallCause !== null) fallCauses[r.fallCause]++;
  }
  const tb = { a, b, c, d }, n = nv.length, successRate = wilson(a + c, n), successMultiplier = ratio(tb, t.kind);
  const violent = rows.filter((r) => !r.nonviolent), vs = violent.filter(isSuccess).length, nvs = a + c;
  const participation = PARTICIPATION_BANDS.map((band) => {
    const inBand = nv.filter((r) => r.peakParticipation >= band.from && (band.to === null || r.peakParticipation < band.to));
    return { band: band.label, from: band.from, to: band.to, success: wilson(inBand.filter(isSuccess).length, inBand.length) };
  });
  const share = wilson(a, a + c);
  const cmp = (name: string, target: number, m: { value: number | null; lo: number | null; hi: number | null }) =>
    ({ name, target, measured: m.value, lo: m.lo, hi: m.hi, inside: m.lo === null || m.hi === null ? null : target >= m.lo && target <= m.hi });
  const implied = (s: number | null) => (s === null ? null : impliedByTargets(s, t.defectionShareInSuccesses, t.successMultiplier, t.kind));
  return {
    runs: rows.length, nonviolentRuns: n, outcomes, fallCauses,
    table: { defectionSuccess: a, defectionNonSuccess: b, noDefectionSuccess: c, noDefectionNonSuccess: d },
    successRate, defectionRate: wilson(a + b, n), defectionShareInSuccesses: share, successWithDefection: wilson(a, a + b),
    successWithoutDefection: wilson(c, c + d), successMultiplier, oddsRatio: oddsRatio(tb), riskRatio: riskRatio(tb),
    discipline: { nonviolent: successRate, violent: wilson(vs, violent.length), oddsRatio: oddsRatio({ a: nvs, b: n - nvs, c: vs, d: violent.length - vs }), navcoViolentSuccessRate: NAVCO_VIOLENT_SUCCESS,
      riskRatio: riskRatio({ a: nvs, b: n - nvs, c: vs, d: violent.length - vs }) },
    participation, targets: t,
    comparison: [cmp('successRate', t.successRate, successRate), cmp('defectionShareInSuccesses', t.defectionShareInSuccesses, share), cmp('successMultiplier', t.successMultiplier, successMultiplier)],
    implied: { atTargetSuccessRate: implied(t.successRate), atMeasuredSuccessRate: implied(successRate.value) },
    ...listPillars(nv.filter(isSuccess), violent.filter(isSuccess)),
    qualification: { minParticipants: null, representedPopulation: null, excluded: wilson(0, rows.length), excludedNonviolent: 0 },
    strategies: listStrategies(nv),
  };
}

/** The strategy comparisons over the row list (the median by sorting). */
function listStrategies(nv: readonly Row[]) {
  const units = (r: Row) => Math.round(Math.min(1, Math.max(0, r.defectedShare)) * SHARE_UNITS);
  const sums = (rs: readonly Row[]): [number, number, number] => [rs.reduce((a, r) => a + units(r), 0), rs.reduce((a, r) => a + units(r) ** 2, 0), rs.length];
  const group = (rs: readonly Row[]) => ({ runs: rs.length, success: wilson(rs.filter((r) => r.outcome === 'success').length, rs.length),
    defection: wilson(rs.filter((r) => r.defectionOccurred === true).length, rs.length), defectedShare: shareMean(...sums(rs)) });
  const kindOf = (r: Row) => strategyKind(r.strategy);
  const byKind = Object.fromEntries(STRATEGY_KINDS.map((k) => [k, group(nv.filter((r) => kindOf(r).kind === k))]));
  const xs = nv.map((r) => r.peakParticipation).sort((x, y) => x - y);
  const mb = xs.length === 0 ? -1 : peakBin(xs[Math.ceil(xs.length / 2) - 1]);
  const below = nv.filter((r) => peakBin(r.peakParticipation) < mb);
  const mRows = below.filter((r) => kindOf(r).kind === 'marchesOnly'), pRows = below.filter((r) => kindOf(r).pillars);
  const marches = group(mRows), pillars = group(pRows);
  return {
    byKind, mixVsMarches: shareDifference(byKind.mix.success, byKind.marchesOnly.success),
    belowMedianPeak: { medianPeak: mb < 0 ? null : Number(peakBinValue(mb).toPrecision(4)), marchesOnly: marches, pillarAimed: pillars,
      successDifference: shareDifference(pillars.success, marches.success), defectionDifference: shareDifference(pillars.defection, marches.defection),
      defectedShareDifference: shareMeanDifference(sums(pRows), sums(mRows)) },
  };
}

/** The pivotal shares, median peaks and violent causes over the row list (sorting, not a histogram). */
function listPillars(succ: readonly Row[], violentSucc: readonly Row[]) {
  const has = (r: Row, p: string) => typeof r.pivotal === 'string' && r.pivotal !== 'none' && r.pivotal.split('+').includes(p);
  const count = (f: (r: Row) => boolean) => wilson(succ.filter(f).length, succ.length);
  const pillars = ['force', 'elite', 'economy', 'patron'];
  const median = (rs: readonly Row[]) => {
    if (rs.length === 0) return null;
    const xs = rs.map((r) => r.peakParticipation).sort((x, y) => x - y);
    return Number(peakBinValue(peakBin(xs[Math.ceil(xs.length / 2) - 1])).toPrecision(4));
  };
  const causes = ['force', 'elite', 'economy', 'patron', 'overwhelm'];
  const med: Record<string, number | null> = {};
  for (const c of causes) med[c] = median(succ.filter((r) => r.fallCause === c));
  const rest = median(succ.filter((r) => r.fallCause !== null && causes.includes(r.fallCause) && r.fallCause !== 'overwhelm'));
  const vc: Record<string, number> = {};
  for (const c of causes) vc[c] = violentSucc.filter((r) => r.fallCause === c).length;
  return {
    pivotal: { ...Object.fromEntries(pillars.map((p) => [p, count((r) => has(r, p))])),
      twoOrMore: count((r) => pillars.filter((p) => has(r, p)).length >= 2), none: count((r) => r.pivotal === 'none') },
    medianPeak: { ...med, pillars: rest, overwhelmRatio: med.overwhelm !== null && rest !== null && rest > 0 ? Number((med.overwhelm / rest).toPrecision(4)) : null },
    violentFallCauses: vc,
  };
}

const arbRow = fc.record({
  outcome: fc.constantFrom('success', 'failure', 'stalemate', null),
  fallCause: fc.constantFrom('force', 'overwhelm', 'elite', 'economy', 'patron', null),
  peakParticipation: fc.constantFrom(0, 0.005, 0.01, 0.02, 0.035, 0.05, 0.1, 0.5, 1),
  defectionOccurred: fc.boolean(),
  nonviolent: fc.boolean(),
  point: fc.integer({ min: 0, max: 2 }),
  pivotal: fc.constantFrom(null, 'none', 'force', 'elite', 'force+economy', 'elite+patron', 'force+elite+economy+patron'),
  strategy: fc.constantFrom(undefined, 'none', 'every:strike', 'every:disciplineTraining', 'every:symbols+disciplineTraining', 'every:strike+eliteAppeals', 'scenario'),
  defectedShare: fc.constantFrom(0, 0.03, 0.2, 0.55, 1),
}).map((r) => ({ run: 0, seed: 0, tippingTick: null, tippingDay: null, violenceShare: 0, ...r }) as unknown as Row);

describe('Tally: the figures from counts, one row at a time', () => {
  it('prints exactly what the figures over the whole list printed (random ensembles, both ratio kinds)', () => {
    fc.assert(fc.property(fc.array(arbRow, { maxLength: 60 }), fc.constantFrom('odds', 'risk'), (rows, kind) => {
      const t = { ...targets, kind: kind as 'odds' | 'risk' };
      expect(JSON.stringify(summarize(rows, t))).toBe(JSON.stringify(listSummary(rows, t)));
    }), { numRuns: 300 });
  });

  it('keeps one group per sweep point: each equals the figures of that point\'s rows', () => {
    fc.assert(fc.property(fc.array(arbRow, { maxLength: 60 }), (rows) => {
      const tally = new Tally(3);
      for (const r of rows) tally.add(r, r.point);
      for (const p of [0, 1, 2])
        expect(JSON.stringify(tally.figures(targets, p))).toBe(JSON.stringify(listSummary(rows.filter((r) => r.point === p), targets)));
    }), { numRuns: 100 });
    const info = { targets, points: 3, sweep: [{ key: 'arrestRate', values: [0.1, 0.2, 0.3] }] } as unknown as BatchInfo;
    const rows = fc.sample(fc.array(arbRow, { minLength: 30, maxLength: 30 }), 1)[0];
    const st = batchStats(info, rows);
    expect(st.points!.map((p) => p.values)).toEqual([{ arrestRate: 0.1 }, { arrestRate: 0.2 }, { arrestRate: 0.3 }]);
    expect(JSON.stringify(st.points![1].stats)).toBe(JSON.stringify(listSummary(rows.filter((r) => r.point === 1), targets)));
  });

  it('with a campaign definition: exactly the figures of the qualifying rows, plus the count left out', () => {
    // 1,000 people of a country of 100,000 with a tenth potential protesters: a peak share of 0.1 counts.
    const campaign = { minParticipants: 1000, representedPopulation: 100_000, citizensShareOfPopulation: 0.1 };
    fc.assert(fc.property(fc.array(arbRow, { maxLength: 60 }), (rows) => {
      const st = summarize(rows, { ...targets, campaign });
      const kept = rows.filter((r) => r.peakParticipation >= 0.1);
      const ref = summarize(kept, targets);
      const { qualification, targets: _t, ...rest } = st;
      const { qualification: _q, targets: _r, ...restRef } = ref;
      expect(JSON.stringify(rest)).toBe(JSON.stringify(restRef));
      expect(qualification.excluded).toMatchObject({ k: rows.length - kept.length, n: rows.length });
      expect(qualification.excludedNonviolent).toBe(rows.filter((r) => r.nonviolent && r.peakParticipation < 0.1).length);
    }), { numRuns: 200 });
  });

  it('a fall cause the model does not know still appears, as null (as the list version printed NaN)', () => {
    const rows = [row('success', true), { ...row('success', false), fallCause: 'coup' } as unknown as Row];
    expect(summarize(rows, targets).fallCauses).toEqual({ force: 1, elite: 0, economy: 0, patron: 0, overwhelm: 0, coup: null });
  });
});
