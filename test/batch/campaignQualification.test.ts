/**
 * What counts as a campaign (NAVCO's 1,000 participants at the peak) and the strategy comparisons of
 * docs/research.md section 1, on hand-built rows with hand-computed figures.
 */
import { describe, expect, it } from 'vitest';
import { campaignPriors, campaignScenario, qualifies, strategyKind, summarize, type CampaignDefinition, type Row, type Targets } from '../../src/batch/index';
import { shareDifference, wilson } from '../../src/batch/stats';
import { shareMean, shareMeanDifference } from '../../src/batch/summarize';
import { loadPresets } from '../../src/cli/balanceRun';
import { parsePolicy } from '../../src/scenarios/policies';
import { resolveParams } from '../../src/scenarios/index';

// A country of 10 million, a tenth potential protesters: 1,000 people are a peak share of 0.001.
const campaign: CampaignDefinition = { minParticipants: 1000, representedPopulation: 10_000_000, citizensShareOfPopulation: 0.1 };
const targets: Targets = { successRate: 0.53, defectionShareInSuccesses: 0.52, successMultiplier: 46, kind: 'odds', campaign };

let next = 0;
function row(outcome: 'success' | 'failure', defection: boolean, peak: number, strategy = 'none', nonviolent = true): Row {
  return {
    run: next++, seed: 0, outcome, fallCause: outcome === 'success' ? 'force' : null, tippingTick: null, tippingDay: null,
    peakParticipation: peak, defectedShare: defection ? 0.2 : 0, defectionOccurred: defection, violenceShare: nonviolent ? 0 : 0.1, nonviolent, strategy,
  } as Row;
}
const times = (n: number, f: () => Row): Row[] => Array.from({ length: n }, f);

describe('shareDifference (Newcombe 1998, method 10)', () => {
  it('56/70 minus 48/80 = 0.2 with the published interval [0.0524, 0.3339]', () => {
    const d = shareDifference(wilson(56, 70), wilson(48, 80));
    expect(d.value).toBeCloseTo(0.2, 10);
    expect(d.lo).toBeCloseTo(0.0524, 4);
    expect(d.hi).toBeCloseTo(0.3339, 4);
  });
  it('is undefined when a share is', () => {
    expect(shareDifference(wilson(0, 0), wilson(1, 2))).toEqual({ value: null, lo: null, hi: null });
  });
});

describe('campaigns in NAVCO\'s sense', () => {
  it('a peak that stands for 1,000 people counts; one that stands for fewer does not', () => {
    expect(qualifies(row('failure', false, 0.001), campaign)).toBe(true); // 0.001 × 10M × 0.1 = 1,000
    expect(qualifies(row('failure', false, 0.000999), campaign)).toBe(false);
    expect(qualifies(row('failure', false, 0), undefined)).toBe(true);
    expect(qualifies(row('failure', false, 0), { ...campaign, representedPopulation: 0 })).toBe(true);
  });
  it('a row that holds a parameter of the definition is judged by its own value', () => {
    const r = { ...row('failure', false, 0.002), representedPopulation: 1_000_000 } as Row; // 0.002 × 1M × 0.1 = 200
    expect(qualifies(r, campaign)).toBe(false);
    expect(qualifies({ ...r, campaignMinParticipants: 200 } as Row, campaign)).toBe(true);
  });
  it('runs that are not campaigns are left out of every figure and counted as excluded', () => {
    const rows = [...times(3, () => row('success', true, 0.2)), ...times(2, () => row('failure', false, 0.0005)), row('failure', false, 0.0001, 'none', false)];
    const st = summarize(rows, targets);
    expect(st.runs).toBe(3);
    expect(st.nonviolentRuns).toBe(3);
    expect(st.successRate).toMatchObject({ k: 3, n: 3 });
    expect(st.qualification).toMatchObject({ minParticipants: 1000, representedPopulation: 10_000_000, excludedNonviolent: 2 });
    expect(st.qualification.excluded).toMatchObject({ k: 3, n: 6, value: 0.5 });
    const all = summarize(rows, { ...targets, campaign: undefined });
    expect(all.runs).toBe(6);
    expect(all.qualification).toMatchObject({ minParticipants: null, representedPopulation: null, excludedNonviolent: 0 });
  });
  it('the campaigns world states its country and the schema NAVCO\'s threshold', () => {
    const p = resolveParams(campaignScenario(), [], null);
    expect(p.representedPopulation).toBe(10_000_000);
    expect(p.campaignMinParticipants).toBe(1000);
  });
});

describe('strategy comparisons', () => {
  it('kinds: marches only, one tactic, a mix, other; aimed at the pillars when it plays an offer, the fund, strikes or appeals', () => {
    expect(strategyKind('none')).toEqual({ kind: 'marchesOnly', pillars: false });
    expect(strategyKind('every:strike')).toEqual({ kind: 'oneTactic', pillars: true });
    expect(strategyKind('every:disciplineTraining')).toEqual({ kind: 'oneTactic', pillars: false });
    expect(strategyKind('every:symbols+disciplineTraining')).toEqual({ kind: 'mix', pillars: false });
    expect(strategyKind('every:symbols;once:amnestyPledge@3')).toEqual({ kind: 'mix', pillars: true });
    expect(strategyKind('every:strike+strike')).toEqual({ kind: 'oneTactic', pillars: true });
    expect(strategyKind('scenario').kind).toBe('other');
    expect(strategyKind('every:nope').kind).toBe('other');
  });

  // Nonviolent campaigns, peak 0.01 (low) or 0.3 (high):
  //   marches only: low 4 (1 success, 1 defection), high 2 (2 successes, 2 defections)
  //   strike (pillars, one tactic): low 4 (3 successes, 3 defections), high 2 (1 success, 1 defection)
  //   discipline+symbols (a mix, not pillars): high 5 (5 successes, 0 defections)
  // 17 runs, 8 low: the median (rank 9) lies in the high bin, so "below the median" = the low ones.
  const rows = [
    row('success', true, 0.01), ...times(3, () => row('failure', false, 0.01)), ...times(2, () => row('success', true, 0.3)),
    ...times(3, () => row('success', true, 0.01, 'every:strike')), row('failure', false, 0.01, 'every:strike'),
    row('success', true, 0.3, 'every:strike'), row('failure', false, 0.3, 'every:strike'),
    ...times(5, () => row('success', false, 0.3, 'every:disciplineTraining+symbols')),
  ];
  const st = summarize(rows, targets).strategies;
  it('success and defection by kind', () => {
    expect(st.byKind.marchesOnly.runs).toBe(6);
    expect(st.byKind.marchesOnly.success).toMatchObject({ k: 3, n: 6 });
    expect(st.byKind.marchesOnly.defection).toMatchObject({ k: 3, n: 6 });
    expect(st.byKind.oneTactic.success).toMatchObject({ k: 4, n: 6 });
    expect(st.byKind.mix.success).toMatchObject({ k: 5, n: 5 });
    expect(st.byKind.mix.defection).toMatchObject({ k: 0, n: 5 });
    expect(st.byKind.other.runs).toBe(0);
    expect(st.mixVsMarches.value).toBeCloseTo(1 - 0.5, 10);
    expect(st.mixVsMarches).toEqual(shareDifference(wilson(5, 5), wilson(3, 6)));
  });
  it('below the median peak: pillar-aimed 3/4 vs marches only 1/4', () => {
    const b = st.belowMedianPeak;
    expect(b.medianPeak).toBeGreaterThan(0.25);
    expect(b.pillarAimed.success).toMatchObject({ k: 3, n: 4 });
    expect(b.pillarAimed.defection).toMatchObject({ k: 3, n: 4 });
    expect(b.marchesOnly.success).toMatchObject({ k: 1, n: 4 });
    expect(b.successDifference.value).toBeCloseTo(0.5, 10);
    expect(b.defectionDifference).toEqual(shareDifference(wilson(3, 4), wilson(1, 4)));
    // Defected share 0.2 with defection, 0: pillar-aimed 3 × 0.2 of 4 = 0.15, marches 1 × 0.2 of 4 = 0.05.
    expect(b.pillarAimed.defectedShare.value).toBeCloseTo(0.15, 10);
    expect(b.marchesOnly.defectedShare.value).toBeCloseTo(0.05, 10);
    expect(b.defectedShareDifference.value).toBeCloseTo(0.1, 10);
  });
  it('mean shares from integer sums: hand-computed mean, sd and Welch interval', () => {
    // Shares 0.1, 0.2, 0.3 (1,000, 2,000, 3,000 units): mean 0.2, sd 0.1, half-width 1.96 × 0.1/√3 = 0.11316.
    const m = shareMean(6000, 1000 ** 2 + 2000 ** 2 + 3000 ** 2, 3);
    expect(m.value).toBe(0.2);
    expect(m.lo).toBeCloseTo(0.2 - 0.11316, 4);
    expect(m.hi).toBeCloseTo(0.2 + 0.11316, 4);
    expect(shareMean(0, 0, 0)).toEqual({ value: null, lo: null, hi: null });
    // Against shares 0, 0, 0.3 (mean 0.1, sd 0.17321): d = 0.1, half = 1.96 × √(0.01/3 + 0.03/3) = 0.22632.
    const d = shareMeanDifference([6000, 14e6, 3], [3000, 9e6, 3]);
    expect(d.value).toBeCloseTo(0.1, 10);
    expect(d.hi! - d.value!).toBeCloseTo(0.22632, 4);
  });
});

describe('the campaigns strategy prior', () => {
  const strategies = campaignPriors().strategies ?? [];
  const tacticSet = (name: string) => { const p = parsePolicy(name); return [...new Set([...p.every.flat(), ...p.once.map((o) => o.tactic)])].sort().join('+'); };
  it('draws marches only, single tactics and mixes', () => {
    const kinds = new Set(strategies.map((s) => strategyKind(s.name).kind));
    expect([...kinds].sort()).toEqual(['marchesOnly', 'mix', 'oneTactic']);
    expect(strategies.filter((s) => strategyKind(s.name).kind === 'oneTactic').length).toBeGreaterThanOrEqual(5);
  });
  it("holds each preset's briefing strategy as a mix of the same tactics", () => {
    const names = new Set(strategies.filter((s) => s.name !== 'none').map((s) => tacticSet(s.name)));
    for (const id of ['classroom-discipline', 'classroom-unmasking', 'minsk-2020']) {
      const sc = loadPresets([id], process.cwd())[0];
      const own = [...new Set(sc.strategy.map((a) => a.tactic))].sort().join('+');
      expect(names.has(own), `${id}: ${own}`).toBe(true);
    }
  });
});
