/**
 * The research figures of an ensemble (docs/research.md section 1), from its rows alone: so a merge of
 * shards recomputes exactly what a single run prints. Everything but the discipline comparison
 * is computed on nonviolent runs only; non-success = failure + stalemate.
 */
import type { Row } from './rows';
import { impliedByTargets, oddsRatio, ratio, riskRatio, wilson, type Implied, type Proportion, type Ratio, type RatioKind } from './stats';

export interface Targets {
  successRate: number;
  defectionShareInSuccesses: number;
  successMultiplier: number;
  kind: RatioKind;
}

/** Peak-participation bands (share of citizens at the busiest tick): is there a "3.5%" tendency? */
export const PARTICIPATION_BANDS: ReadonlyArray<{ label: string; from: number; to: number | null }> = [
  { label: '<1%', from: 0, to: 0.01 },
  { label: '1-3.5%', from: 0.01, to: 0.035 },
  { label: '3.5-10%', from: 0.035, to: 0.1 },
  { label: '>=10%', from: 0.1, to: null },
];

/** NAVCO's success rate of violent campaigns (0.26): a check beside the model, not a target. */
export const NAVCO_VIOLENT_SUCCESS = 0.26;

export interface Comparison {
  name: 'successRate' | 'defectionShareInSuccesses' | 'successMultiplier';
  target: number;
  measured: number | null;
  lo: number | null;
  hi: number | null;
  /** Target inside the measured 95% interval; null when the interval is undefined. */
  inside: boolean | null;
}

export interface BatchStats {
  runs: number;
  nonviolentRuns: number;
  /** Outcomes of the nonviolent runs. */
  outcomes: { success: number; failure: number; stalemate: number };
  /** Fall routes of the nonviolent successes. */
  /** Successes by the pillar each is attributed to (docs/model.md section 9). */
  fallCauses: { force: number; elite: number; economy: number; patron: number; overwhelm: number };
  /** Nonviolent runs: defection occurred (yes/no) × success (yes/no). */
  table: { defectionSuccess: number; defectionNonSuccess: number; noDefectionSuccess: number; noDefectionNonSuccess: number };
  successRate: Proportion;
  defectionRate: Proportion;
  /** P(defection | success): the 52% figure. */
  defectionShareInSuccesses: Proportion;
  successWithDefection: Proportion;
  successWithoutDefection: Proportion;
  /** Success with vs without defection, of the requested kind (the 46× figure). */
  successMultiplier: Ratio;
  oddsRatio: Ratio;
  riskRatio: Ratio;
  /** All runs: success of nonviolent vs violent runs. */
  discipline: { nonviolent: Proportion; violent: Proportion; oddsRatio: Ratio; navcoViolentSuccessRate: number };
  participation: Array<{ band: string; from: number; to: number | null; success: Proportion }>;
  targets: Targets;
  comparison: Comparison[];
  /** The targets' arithmetic (docs/research.md section 1): at the target success rate, and at the measured one. */
  implied: { atTargetSuccessRate: Implied | null; atMeasuredSuccessRate: Implied | null };
}

const isSuccess = (r: Row): boolean => r.outcome === 'success';

function compare(name: Comparison['name'], target: number, m: { value: number | null; lo: number | null; hi: number | null }): Comparison {
  const inside = m.lo === null || m.hi === null ? null : target >= m.lo && target <= m.hi;
  return { name, target, measured: m.value, lo: m.lo, hi: m.hi, inside };
}

export function summarize(rows: readonly Row[], targets: Targets): BatchStats {
  const nv = rows.filter((r) => r.nonviolent);
  let a = 0, b = 0, c = 0, d = 0;
  const outcomes = { success: 0, failure: 0, stalemate: 0 };
  const fallCauses = { force: 0, elite: 0, economy: 0, patron: 0, overwhelm: 0 };
  for (const r of nv) {
    const s = isSuccess(r);
    if (r.defectionOccurred) { if (s) a++; else b++; } else if (s) c++; else d++;
    if (r.outcome !== null) outcomes[r.outcome]++;
    if (s && r.fallCause !== null && r.fallCause in fallCauses) fallCauses[r.fallCause as keyof typeof fallCauses]++;
  }
  const t = { a, b, c, d }, n = nv.length;
  const successRate = wilson(a + c, n);
  const successMultiplier = ratio(t, targets.kind);

  const violent = rows.filter((r) => !r.nonviolent);
  const vs = violent.filter(isSuccess).length, nvs = a + c;
  const discTable = { a: nvs, b: n - nvs, c: vs, d: violent.length - vs };

  const participation = PARTICIPATION_BANDS.map((band) => {
    const inBand = nv.filter((r) => r.peakParticipation >= band.from && (band.to === null || r.peakParticipation < band.to));
    return { band: band.label, from: band.from, to: band.to, success: wilson(inBand.filter(isSuccess).length, inBand.length) };
  });

  const defectionShareInSuccesses = wilson(a, a + c);
  const comparison = [
    compare('successRate', targets.successRate, successRate),
    compare('defectionShareInSuccesses', targets.defectionShareInSuccesses, defectionShareInSuccesses),
    compare('successMultiplier', targets.successMultiplier, successMultiplier),
  ];
  const implied = (s: number | null) => (s === null ? null
    : impliedByTargets(s, targets.defectionShareInSuccesses, targets.successMultiplier, targets.kind));

  return {
    runs: rows.length,
    nonviolentRuns: n,
    outcomes,
    fallCauses,
    table: { defectionSuccess: a, defectionNonSuccess: b, noDefectionSuccess: c, noDefectionNonSuccess: d },
    successRate,
    defectionRate: wilson(a + b, n),
    defectionShareInSuccesses,
    successWithDefection: wilson(a, a + b),
    successWithoutDefection: wilson(c, c + d),
    successMultiplier,
    oddsRatio: oddsRatio(t),
    riskRatio: riskRatio(t),
    discipline: { nonviolent: successRate, violent: wilson(vs, violent.length), oddsRatio: oddsRatio(discTable), navcoViolentSuccessRate: NAVCO_VIOLENT_SUCCESS },
    participation,
    targets,
    comparison,
    implied: { atTargetSuccessRate: implied(targets.successRate), atMeasuredSuccessRate: implied(successRate.value) },
  };
}
