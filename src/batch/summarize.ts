/**
 * The research figures of an ensemble (docs/research.md section 1), from its rows alone: so a merge of
 * shards recomputes exactly what a single run prints. Everything but the discipline comparison
 * is computed on nonviolent runs only; non-success = failure + stalemate.
 */
import type { CausalStats } from './causal';
import { pivotalPillars, PIVOTAL_PILLARS, type Row } from './rows';
import { parsePolicy } from '../scenarios/policies';
import { shareDifference, Z95, impliedByTargets, oddsRatio, ratio, riskRatio, wilson, type ShareDifference, type Implied, type Proportion, type Ratio, type RatioKind } from './stats';

export interface Targets {
  successRate: number;
  defectionShareInSuccesses: number;
  successMultiplier: number;
  kind: RatioKind;
  /** What counts as a campaign (absent: every run counts). */
  campaign?: CampaignDefinition;
}

/**
 * NAVCO's campaign threshold (docs/research.md section 1): a run counts when its peak crowd stands
 * for at least `minParticipants` people, i.e. peakParticipation × representedPopulation ×
 * citizensShareOfPopulation ≥ minParticipants. representedPopulation 0 (not stated): every run counts.
 * These are the batch's values; a row that holds one of these parameters as a column (sampled,
 * set or swept) is judged by its own.
 */
export interface CampaignDefinition { minParticipants: number; representedPopulation: number; citizensShareOfPopulation: number; }

/** The campaign definition of a run's parameters. */
export const campaignDefinition = (p: { campaignMinParticipants: number; representedPopulation: number; citizensShareOfPopulation: number }): CampaignDefinition =>
  ({ minParticipants: p.campaignMinParticipants, representedPopulation: p.representedPopulation, citizensShareOfPopulation: p.citizensShareOfPopulation });

const own = (r: Record<string, unknown>, key: string, base: number): number => (typeof r[key] === 'number' ? r[key] as number : base);

/** Whether a row is a campaign in NAVCO's sense under definition q (no definition: yes). */
export function qualifies(r: StatFields, q: CampaignDefinition | undefined): boolean {
  if (q === undefined) return true;
  const x = r as unknown as Record<string, unknown>;
  const pop = own(x, 'representedPopulation', q.representedPopulation);
  if (!(pop > 0)) return true;
  return r.peakParticipation * pop * own(x, 'citizensShareOfPopulation', q.citizensShareOfPopulation) >= own(x, 'campaignMinParticipants', q.minParticipants);
}

/** The tactics whose strategies aim at the pillars (Chenoweth, Hocking & Marks 2022): the offers, the fund, strikes and elite appeals. */
export const PILLAR_TACTICS: readonly string[] = ['defectorOutreach', 'solidarityFund', 'amnestyPledge', 'strike', 'eliteAppeals'];

/** Strategy kinds: marches only (`none`), one tactic, a mix of two or more, or other (a scenario's or an unparsed name). */
export const STRATEGY_KINDS = ['marchesOnly', 'oneTactic', 'mix', 'other'] as const;
export type StrategyKind = (typeof STRATEGY_KINDS)[number];

/** A strategy's kind and whether it aims at the pillars (plays one of PILLAR_TACTICS). */
export function strategyKind(strategy: string | undefined): { kind: StrategyKind; pillars: boolean } {
  if (strategy === 'none') return { kind: 'marchesOnly', pillars: false };
  if (strategy === undefined || !/^(every|once):/.test(strategy.trim())) return { kind: 'other', pillars: false };
  let tactics: string[];
  try {
    const p = parsePolicy(strategy);
    tactics = [...new Set([...p.every.flat(), ...p.once.map((o) => o.tactic)])];
  } catch { return { kind: 'other', pillars: false }; }
  return { kind: tactics.length === 0 ? 'marchesOnly' : tactics.length === 1 ? 'oneTactic' : 'mix', pillars: tactics.some((t) => PILLAR_TACTICS.includes(t)) };
}

/** A mean with its 95% interval (normal: mean ± z·sd/√n; null without runs). */
export interface Mean { value: number | null; lo: number | null; hi: number | null; }

/** Nonviolent campaigns of one kind of strategy: how many, how many won, how many saw defection, and how much of the force defected. */
export interface StrategyGroup { runs: number; success: Proportion; defection: Proportion; defectedShare: Mean; }

/**
 * Defected shares are summed in units of 1/SHARE_UNITS (rounded), so sums and sums of squares are
 * integers a double holds exactly (up to 10^7 runs): the same in any order, so merged shards agree.
 */
export const SHARE_UNITS = 10_000;

/** The mean defected share and its interval from the integer sums (docs/research.md section 1). */
export function shareMean(sum: number, sumSq: number, n: number): Mean {
  if (n <= 0) return { value: null, lo: null, hi: null };
  const m = sum / n, v = n > 1 ? Math.max(0, (sumSq - n * m * m) / (n - 1)) : 0, half = (Z95 * Math.sqrt(v / n)) / SHARE_UNITS;
  const value = m / SHARE_UNITS;
  return { value: r4(value), lo: r4(Math.max(0, value - half)), hi: r4(Math.min(1, value + half)) };
}

/** The difference of two means from their sums (Welch's normal interval: d ± z·√(s₁²/n₁ + s₂²/n₂)). */
export function shareMeanDifference(a: [number, number, number], b: [number, number, number]): ShareDifference {
  const [s1, q1, n1] = a, [s2, q2, n2] = b;
  if (n1 <= 1 || n2 <= 1) return { value: null, lo: null, hi: null };
  const m1 = s1 / n1, m2 = s2 / n2;
  const v1 = Math.max(0, (q1 - n1 * m1 * m1) / (n1 - 1)), v2 = Math.max(0, (q2 - n2 * m2 * m2) / (n2 - 1));
  const d = (m1 - m2) / SHARE_UNITS, half = (Z95 * Math.sqrt(v1 / n1 + v2 / n2)) / SHARE_UNITS;
  return { value: r4(d), lo: r4(d - half), hi: r4(d + half) };
}

/**
 * The strategy comparisons (docs/research.md section 1; nonviolent campaigns): success and
 * defection by kind of strategy, mixes against marches only, and, below the median peak
 * participation, strategies aimed at the pillars against marches only.
 */
export interface StrategyStats {
  byKind: Record<StrategyKind, StrategyGroup>;
  /** Success of mixes minus success of marches only (Newcombe interval). */
  mixVsMarches: ShareDifference;
  belowMedianPeak: {
    /** The median peak participation of all nonviolent campaigns (by the peak bins); runs below its bin count. */
    medianPeak: number | null;
    marchesOnly: StrategyGroup;
    pillarAimed: StrategyGroup;
    /** Pillar-aimed minus marches only. */
    successDifference: ShareDifference;
    defectionDifference: ShareDifference;
    /** Pillar-aimed minus marches only: the mean defected share at the decision. */
    defectedShareDifference: ShareDifference;
  };
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

/**
 * Peak participation is counted, per fall cause, in a fixed histogram (so a median costs constant
 * memory): bin 0 holds peaks below PEAK_MIN, bins 1..PEAK_BINS split [PEAK_MIN, 1] into equal steps
 * on a log scale (a factor of 10^(3/120) ≈ 1.059 each). A median is the geometric middle of the
 * bin that holds the lower median (rank ⌈n/2⌉): within ±3% of the exact median.
 */
export const PEAK_MIN = 0.001;
export const PEAK_BINS = 120;
const LOG_MIN = Math.log(PEAK_MIN);

export function peakBin(x: number): number {
  if (!(x >= PEAK_MIN)) return 0;
  return Math.min(PEAK_BINS, 1 + Math.floor(((Math.log(x) - LOG_MIN) / -LOG_MIN) * PEAK_BINS));
}
/** The value a bin stands for: its geometric middle (bin 0: half of PEAK_MIN). */
export function peakBinValue(b: number): number {
  if (b <= 0) return PEAK_MIN / 2;
  return Math.exp(LOG_MIN * (1 - (b - 0.5) / PEAK_BINS));
}
const r4 = (x: number): number => Number(x.toPrecision(4));

/** Median peak participation (by the bins above) of nonviolent successes, by fall cause; `pillars` = every cause but overwhelm. */
export interface MedianPeaks {
  force: number | null; elite: number | null; economy: number | null; patron: number | null; overwhelm: number | null;
  pillars: number | null;
  /** overwhelm / pillars (the check: ≥ 2). */
  overwhelmRatio: number | null;
}

/** Shares of nonviolent successes in which each pillar was pivotal (a success can count for several), and two or more together. */
export interface PivotalShares {
  force: Proportion; elite: Proportion; economy: Proportion; patron: Proportion;
  twoOrMore: Proportion;
  /**
   * No single pillar pivotal (rows' pivotal 'none'): either the crowd alone (fallCause overwhelm, the
   * run falls with every pillar held) or redundant pillars (a joint cause: src/scenarios/attribute.ts).
   */
  none: Proportion;
}

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
  /**
   * All runs: success of nonviolent vs violent runs; riskRatio = nonviolent / violent success rate
   * (Katz interval: "nonviolent runs succeed 1.5× as often").
   */
  discipline: { nonviolent: Proportion; violent: Proportion; oddsRatio: Ratio; navcoViolentSuccessRate: number; riskRatio: Ratio };
  participation: Array<{ band: string; from: number; to: number | null; success: Proportion }>;
  targets: Targets;
  comparison: Comparison[];
  /** The targets' arithmetic (docs/research.md section 1): at the target success rate, and at the measured one. */
  implied: { atTargetSuccessRate: Implied | null; atMeasuredSuccessRate: Implied | null };
  /** Nonviolent successes: each pillar's pivotal share, and two or more pillars together (rows' `pivotal`). */
  pivotal: PivotalShares;
  /** Nonviolent successes: median peak participation by fall cause. */
  medianPeak: MedianPeaks;
  /** Violent runs' successes by fall cause (as fallCauses for the nonviolent ones). */
  violentFallCauses: { force: number; elite: number; economy: number; patron: number; overwhelm: number };
  /** Runs left out of every figure above because they are not campaigns in NAVCO's sense (Targets.campaign). */
  qualification: { minParticipants: number | null; representedPopulation: number | null; excluded: Proportion; excludedNonviolent: number };
  /** Nonviolent campaigns by the kind of strategy they played. */
  strategies: StrategyStats;
  /** With `batch --causal` only (and in calibrate's report): the causal figures (src/batch/causal.ts, docs/research.md section 1b). */
  causal?: CausalStats;
}

function compare(name: Comparison['name'], target: number, m: { value: number | null; lo: number | null; hi: number | null }): Comparison {
  const inside = m.lo === null || m.hi === null ? null : target >= m.lo && target <= m.hi;
  return { name, target, measured: m.value, lo: m.lo, hi: m.hi, inside };
}

/** The fields of a row the figures read (so a tally never needs the rest of the row). */
export type StatFields = Pick<Row, 'nonviolent' | 'outcome' | 'defectionOccurred' | 'fallCause' | 'peakParticipation'> & { pivotal?: string | null; strategy?: string; defectedShare?: number };

const FALL_CAUSES = ['force', 'elite', 'economy', 'patron', 'overwhelm'] as const;
// Counter slots of one group (an ensemble or one sweep point).
const A = 0, B = 1, C = 2, D = 3, FAILURE = 4, STALEMATE = 5, CAUSE0 = 6, VIOLENT = CAUSE0 + FALL_CAUSES.length, VIOLENT_SUCCESS = VIOLENT + 1, BAND0 = VIOLENT + 2;
// Pivotal pillars of nonviolent successes (one slot each, then two or more), violent successes by cause, then the peak histograms (one per cause).
const PIVOT0 = BAND0 + 2 * PARTICIPATION_BANDS.length, TWO_PLUS = PIVOT0 + PIVOTAL_PILLARS.length, NONE = TWO_PLUS + 1, VCAUSE0 = NONE + 1;
const HIST0 = VCAUSE0 + FALL_CAUSES.length, HIST = PEAK_BINS + 1;
// Runs that are not campaigns (nonviolent, violent); nonviolent campaigns by strategy kind (runs, successes, defections);
// peak histograms of all nonviolent campaigns, and of marches only and pillar-aimed ones (runs, successes, defections a bin).
const EXCL_NV = HIST0 + FALL_CAUSES.length * HIST, EXCL_V = EXCL_NV + 1, KIND0 = EXCL_V + 1;
const PEAK_ALL = KIND0 + 3 * STRATEGY_KINDS.length, PEAK_MARCH = PEAK_ALL + HIST, PEAK_PILLAR = PEAK_MARCH + 3 * HIST;
const SLOTS = PEAK_PILLAR + 3 * HIST;
// Sums (value, square) by kind, then a bin each of marches only and pillar-aimed runs.
const SUM_KIND0 = 0, SUM_MARCH = 2 * STRATEGY_KINDS.length, SUM_PILLAR = SUM_MARCH + 2 * HIST, SUMS = SUM_PILLAR + 2 * HIST;

/**
 * The counts the figures are made of, for `groups` groups (the ensemble, or each sweep point),
 * in one Uint32Array (SLOTS counters a group): rows are added one at a time and forgotten, so an
 * ensemble of any size is summarized in constant memory. `figures(g)` gives exactly what
 * summarize() gives for the same rows.
 */
export class Tally {
  private readonly n: Uint32Array;
  /** Integer sums of defected shares (SHARE_UNITS) and their squares: by strategy kind, then below-median bins of marches only and pillar-aimed runs. */
  private readonly sums: Float64Array;
  /** Fall causes other than the model's five (only from an edited or foreign row), per group, in order seen. */
  private other: Map<number, string[]> | null = null;
  /** Each strategy name's kind, parsed once (an ensemble plays a few names over many rows). */
  private readonly kinds = new Map<string | undefined, { kind: StrategyKind; pillars: boolean }>();

  /** `campaign`: what counts as a campaign (Targets.campaign; absent: every run). */
  constructor(readonly groups = 1, readonly campaign?: CampaignDefinition) { this.n = new Uint32Array(groups * SLOTS); this.sums = new Float64Array(groups * SUMS); }

  /** Adds one row to group g (a group outside the tally is ignored, as summarize ignores such rows). */
  add(r: StatFields, g = 0): void {
    if (!(Number.isInteger(g) && g >= 0 && g < this.groups)) return;
    const n = this.n, o = g * SLOTS, s = r.outcome === 'success';
    if (!qualifies(r, this.campaign)) { n[o + (r.nonviolent ? EXCL_NV : EXCL_V)]++; return; }
    const k = s && r.fallCause !== null ? (FALL_CAUSES as readonly string[]).indexOf(r.fallCause) : -1;
    if (!r.nonviolent) {
      n[o + VIOLENT]++;
      if (s) n[o + VIOLENT_SUCCESS]++;
      if (k >= 0) n[o + VCAUSE0 + k]++;
      return;
    }
    n[o + (r.defectionOccurred ? (s ? A : B) : s ? C : D)]++;
    if (r.outcome === 'failure') n[o + FAILURE]++;
    else if (r.outcome === 'stalemate') n[o + STALEMATE]++;
    if (s && r.fallCause !== null) {
      if (k >= 0) {
        n[o + CAUSE0 + k]++;
        n[o + HIST0 + k * HIST + peakBin(r.peakParticipation)]++;
      } else this.otherCause(g, r.fallCause);
    }
    if (s) {
      const on = pivotalPillars(r.pivotal);
      PIVOTAL_PILLARS.forEach((pl, i) => { if (on.includes(pl)) n[o + PIVOT0 + i]++; });
      if (on.length >= 2) n[o + TWO_PLUS]++;
      if (r.pivotal === 'none') n[o + NONE]++;
    }
    PARTICIPATION_BANDS.forEach((band, i) => {
      if (r.peakParticipation >= band.from && (band.to === null || r.peakParticipation < band.to)) {
        n[o + BAND0 + 2 * i]++;
        if (s) n[o + BAND0 + 2 * i + 1]++;
      }
    });
    let sk = this.kinds.get(r.strategy);
    if (sk === undefined) { sk = strategyKind(r.strategy); this.kinds.set(r.strategy, sk); }
    const ki = STRATEGY_KINDS.indexOf(sk.kind), pb = peakBin(r.peakParticipation), dfc = r.defectionOccurred === true;
    n[o + KIND0 + 3 * ki]++;
    if (s) n[o + KIND0 + 3 * ki + 1]++;
    if (dfc) n[o + KIND0 + 3 * ki + 2]++;
    n[o + PEAK_ALL + pb]++;
    const x = Math.round(Math.min(1, Math.max(0, Number.isFinite(r.defectedShare) ? r.defectedShare as number : 0)) * SHARE_UNITS), so = g * SUMS, sm = this.sums;
    sm[so + SUM_KIND0 + 2 * ki] += x; sm[so + SUM_KIND0 + 2 * ki + 1] += x * x;
    const h = sk.kind === 'marchesOnly' ? PEAK_MARCH : sk.pillars ? PEAK_PILLAR : -1;
    if (h >= 0) {
      n[o + h + pb]++;
      if (s) n[o + h + HIST + pb]++;
      if (dfc) n[o + h + 2 * HIST + pb]++;
      const hs = h === PEAK_MARCH ? SUM_MARCH : SUM_PILLAR;
      sm[so + hs + 2 * pb] += x; sm[so + hs + 2 * pb + 1] += x * x;
    }
  }

  /** The strategy comparisons of group g. */
  private strategies(g: number): StrategyStats {
    const n = this.n, o = g * SLOTS, sm = this.sums, so = g * SUMS;
    const group = (runs: number, succ: number, def: number, sum: number, sq: number): StrategyGroup =>
      ({ runs, success: wilson(succ, runs), defection: wilson(def, runs), defectedShare: shareMean(sum, sq, runs) });
    const byKind = Object.fromEntries(STRATEGY_KINDS.map((k, i) => [k, group(n[o + KIND0 + 3 * i], n[o + KIND0 + 3 * i + 1], n[o + KIND0 + 3 * i + 2],
      sm[so + SUM_KIND0 + 2 * i], sm[so + SUM_KIND0 + 2 * i + 1])])) as Record<StrategyKind, StrategyGroup>;
    // The median's bin: runs in lower bins are below the median peak.
    let total = 0;
    for (let b = 0; b < HIST; b++) total += n[o + PEAK_ALL + b];
    let mb = -1;
    for (let b = 0, acc = 0; b < HIST && total > 0; b++) { acc += n[o + PEAK_ALL + b]; if (acc >= Math.ceil(total / 2)) { mb = b; break; } }
    // Counts and sums of the bins below the median's, for one histogram (h) and its sums (hs).
    const below = (h: number, hs: number) => {
      let runs = 0, succ = 0, def = 0, sum = 0, sq = 0;
      for (let b = 0; b < mb; b++) {
        runs += n[o + h + b]; succ += n[o + h + HIST + b]; def += n[o + h + 2 * HIST + b];
        sum += sm[so + hs + 2 * b]; sq += sm[so + hs + 2 * b + 1];
      }
      return { group: group(runs, succ, def, sum, sq), sums: [sum, sq, runs] as [number, number, number] };
    };
    const m = below(PEAK_MARCH, SUM_MARCH), pl = below(PEAK_PILLAR, SUM_PILLAR);
    const marchesOnly = m.group, pillarAimed = pl.group;
    return {
      byKind,
      mixVsMarches: shareDifference(byKind.mix.success, byKind.marchesOnly.success),
      belowMedianPeak: { medianPeak: mb < 0 ? null : r4(peakBinValue(mb)), marchesOnly, pillarAimed,
        successDifference: shareDifference(pillarAimed.success, marchesOnly.success), defectionDifference: shareDifference(pillarAimed.defection, marchesOnly.defection),
        defectedShareDifference: shareMeanDifference(pl.sums, m.sums) },
    };
  }

  private otherCause(g: number, cause: string): void {
    this.other ??= new Map();
    const seen = this.other.get(g) ?? [];
    if (!seen.includes(cause)) seen.push(cause);
    this.other.set(g, seen);
  }

  /** The research figures of group g's rows. */
  figures(targets: Targets, g = 0): BatchStats {
    const n = this.n, o = g * SLOTS;
    const a = n[o + A], b = n[o + B], c = n[o + C], d = n[o + D];
    const t = { a, b, c, d }, nv = a + b + c + d;
    const fallCauses: Record<string, number | null> = {};
    FALL_CAUSES.forEach((k, i) => { fallCauses[k] = n[o + CAUSE0 + i]; });
    // summarize() once counted a cause it does not know as NaN (printed null): kept so outputs stay the same.
    for (const k of this.other?.get(g) ?? []) fallCauses[k] = null;
    const st = figuresOf(t, nv, { success: a + c, failure: n[o + FAILURE], stalemate: n[o + STALEMATE] },
      fallCauses as BatchStats['fallCauses'], n[o + VIOLENT], n[o + VIOLENT_SUCCESS],
      PARTICIPATION_BANDS.map((_, i) => [n[o + BAND0 + 2 * i + 1], n[o + BAND0 + 2 * i]]), targets);
    const succ = a + c;
    const share = (k: number) => wilson(k, succ);
    const pivot = n.subarray(o + PIVOT0, o + PIVOT0 + PIVOTAL_PILLARS.length);
    const pivotal: PivotalShares = { force: share(pivot[0]), elite: share(pivot[1]), economy: share(pivot[2]), patron: share(pivot[3]),
      twoOrMore: share(n[o + TWO_PLUS]), none: share(n[o + NONE]) };
    const hist = (causes: number[]): number | null => {
      const h = new Float64Array(HIST);
      for (const ci of causes) for (let b = 0; b < HIST; b++) h[b] += n[o + HIST0 + ci * HIST + b];
      return medianOf(h);
    };
    const med: Record<string, number | null> = {};
    FALL_CAUSES.forEach((c, i) => { med[c] = hist([i]); });
    const pillars = hist(FALL_CAUSES.map((_, i) => i).filter((i) => FALL_CAUSES[i] !== 'overwhelm'));
    const ratioOw = med.overwhelm !== null && pillars !== null && pillars > 0 ? r4(med.overwhelm / pillars) : null;
    const medianPeak: MedianPeaks = { ...(med as Omit<MedianPeaks, 'pillars' | 'overwhelmRatio'>), pillars, overwhelmRatio: ratioOw };
    const vc: Record<string, number> = {};
    FALL_CAUSES.forEach((c, i) => { vc[c] = n[o + VCAUSE0 + i]; });
    const q = this.campaign, exNv = n[o + EXCL_NV], ex = exNv + n[o + EXCL_V];
    const stated = q !== undefined && q.representedPopulation > 0;
    const qualification = { minParticipants: stated ? q.minParticipants : null, representedPopulation: stated ? q.representedPopulation : null,
      excluded: wilson(ex, ex + st.runs), excludedNonviolent: exNv };
    return { ...st, pivotal, medianPeak, violentFallCauses: vc as BatchStats['violentFallCauses'], qualification, strategies: this.strategies(g) };
  }
}

/** The median of a histogram of peak bins (null when empty): the value of the bin holding rank ⌈n/2⌉. */
function medianOf(h: ArrayLike<number>): number | null {
  let total = 0;
  for (let b = 0; b < h.length; b++) total += h[b];
  if (total === 0) return null;
  const rank = Math.ceil(total / 2);
  let acc = 0;
  for (let b = 0; b < h.length; b++) {
    acc += h[b];
    if (acc >= rank) return r4(peakBinValue(b));
  }
  return null;
}

/** The figures of the 2x2 table and the bands; Tally.figures adds the pivotal shares, the median peaks and the violent causes. */
function figuresOf(t: { a: number; b: number; c: number; d: number }, n: number, outcomes: BatchStats['outcomes'],
  fallCauses: BatchStats['fallCauses'], violentRuns: number, vs: number, bands: Array<[number, number]>,
  targets: Targets): Omit<BatchStats, 'pivotal' | 'medianPeak' | 'violentFallCauses' | 'qualification' | 'strategies'> {
  const { a, b, c, d } = t;
  const successRate = wilson(a + c, n);
  const successMultiplier = ratio(t, targets.kind);
  const nvs = a + c;
  const discTable = { a: nvs, b: n - nvs, c: vs, d: violentRuns - vs };

  const participation = PARTICIPATION_BANDS.map((band, i) => ({ band: band.label, from: band.from, to: band.to, success: wilson(bands[i][0], bands[i][1]) }));

  const defectionShareInSuccesses = wilson(a, a + c);
  const comparison = [
    compare('successRate', targets.successRate, successRate),
    compare('defectionShareInSuccesses', targets.defectionShareInSuccesses, defectionShareInSuccesses),
    compare('successMultiplier', targets.successMultiplier, successMultiplier),
  ];
  const implied = (s: number | null) => (s === null ? null
    : impliedByTargets(s, targets.defectionShareInSuccesses, targets.successMultiplier, targets.kind));

  return {
    runs: n + violentRuns,
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
    discipline: { nonviolent: successRate, violent: wilson(vs, violentRuns), oddsRatio: oddsRatio(discTable), navcoViolentSuccessRate: NAVCO_VIOLENT_SUCCESS,
      riskRatio: riskRatio(discTable) },
    participation,
    targets,
    comparison,
    implied: { atTargetSuccessRate: implied(targets.successRate), atMeasuredSuccessRate: implied(successRate.value) },
  };
}

/** The figures of a list of rows (a Tally of one group). */
export function summarize(rows: readonly StatFields[], targets: Targets): BatchStats {
  const t = new Tally(1, targets.campaign);
  for (const r of rows) t.add(r);
  return t.figures(targets);
}
