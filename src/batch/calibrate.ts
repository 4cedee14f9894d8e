/**
 * Calibration (docs/research.md section 5): fits the values of the small, documented set of
 * mechanism parameters below (never a measurement definition) until each research target lies inside its 95% interval and the
 * multiplier's interval spans no more than a factor of 2. Pure: the ensemble is an `evaluate`
 * callback (the CLI runs the campaigns ensemble on the worker pool; tests pass a fake), always
 * with the same seeds (common random numbers), so two sets of values differ by their effect,
 * not by luck. The search (fit.ts): damped least squares in log-value space, coarse to fine
 * (small ensembles first, then the full size to confirm). Why these coefficients and their
 * ranges: docs/research.md.
 */
import type { ParamKey } from '../sim/index';
import { impliedByTargets, Z95 } from './stats';
import type { BatchStats, Targets } from './summarize';

export interface FitKey { key: ParamKey; min: number; max: number; }

/** The fitted mechanism parameters and the box of values the search stays in (docs/research.md section 5). */
export const CALIBRATION_KEYS: readonly FitKey[] = [
  { key: 'momentumWeight', min: 0.075, max: 1.8 },
  { key: 'momentumLoyaltyWeight', min: 0.00375, max: 0.12 },
  { key: 'regimeWeight', min: 0.0075, max: 0.24 },
  { key: 'backfireWeight', min: 0.0025, max: 0.08 },
];

/** The criterion's limit on the multiplier's interval: hi / lo ≤ 2. */
export const MAX_INTERVAL_FACTOR = 2;

/** Values of calibrated parameters, by key. */
export type Coefficients = Record<string, number>;
export type Evaluate = (values: Coefficients, runs: number) => Promise<BatchStats>;

const pct = (x: number): string => `${(100 * x).toFixed(1)}%`;

/** Why targets cannot hold together (docs/research.md section 1: their arithmetic), or null when they can. */
export function infeasibility(t: Targets): string | null {
  const { successRate: s, defectionShareInSuccesses: q, successMultiplier: m, kind } = t;
  if (!(s > 0 && s < 1)) return `the target success rate must lie strictly between 0 and 1, got ${s}`;
  if (!(q > 0 && q < 1)) return `the target defection share in successes must lie strictly between 0 and 1, got ${q}`;
  if (!(m > 0 && Number.isFinite(m))) return `the target multiplier must be a positive number, got ${m}`;
  if (impliedByTargets(s, q, m, kind) !== null) return null;
  const d = kind === 'odds' ? (q * (1 + (1 - q) * s * (m - 1))) / (m * (1 - q) + q) : q / (q + m * (1 - q));
  const x = (q * s) / d, y = ((1 - q) * s) / (1 - d);
  return `success ${pct(s)}, defection in ${pct(q)} of successes and a ${kind} ratio of ${m} cannot hold together: `
    + `they imply defection in ${pct(d)} of campaigns, success ${pct(x)} with defection and ${pct(y)} without, `
    + 'and a probability must lie between 0% and 100%';
}

/** A statistic of the fit on a common scale: g(value) (logit or log), half-width h, or undefined. */
interface Scaled { name: string; g: number | null; target: number; h: number; }

const logit = (p: number): number => Math.log(p / (1 - p));
/** Cells with 0.5 added to each iff one is zero (as the ratio's own correction). */
const cells = (st: BatchStats) => {
  const t = st.table;
  const c = [t.defectionSuccess, t.defectionNonSuccess, t.noDefectionSuccess, t.noDefectionNonSuccess];
  return c.some((v) => v === 0) ? c.map((v) => v + 0.5) : c;
};

/** ln of the multiplier and its standard error, from the (corrected) table: defined whenever n > 0. */
export function logRatio(st: BatchStats): { ln: number; se: number } | null {
  if (st.nonviolentRuns === 0) return null;
  const [a, b, c, d] = cells(st);
  if (st.targets.kind === 'odds') return { ln: Math.log((a * d) / (b * c)), se: Math.sqrt(1 / a + 1 / b + 1 / c + 1 / d) };
  return { ln: Math.log(a / (a + b) / (c / (c + d))), se: Math.sqrt(1 / a - 1 / (a + b) + 1 / c - 1 / (c + d)) };
}

function scaled(st: BatchStats): Scaled[] {
  const prop = (name: string, k: number, n: number, target: number): Scaled => {
    if (n === 0) return { name, g: null, target: logit(target), h: 1 };
    const p = Math.min(1 - 0.5 / n, Math.max(0.5 / n, k / n));
    return { name, g: logit(p), target: logit(target), h: Z95 / Math.sqrt(n * p * (1 - p)) };
  };
  const t = st.targets, r = logRatio(st);
  return [
    prop('successRate', st.successRate.k, st.successRate.n, t.successRate),
    prop('defectionShareInSuccesses', st.defectionShareInSuccesses.k, st.defectionShareInSuccesses.n, t.defectionShareInSuccesses),
    // The ratio's scale is capped, so a table with a nearly empty cell (a huge interval) cannot
    // look close to the target merely by being uncertain.
    { name: 'successMultiplier', g: r ? r.ln : null, target: Math.log(t.successMultiplier), h: r ? Math.min(Z95 * r.se, Math.log(MAX_INTERVAL_FACTOR)) : 1 },
  ];
}

/**
 * The distance of each statistic to its target, in logit (proportions) or log (the ratio) units,
 * over its interval's half-width: 0 exactly at a target, about ±1 on its interval's edge. An
 * undefined statistic counts 10.
 */
export function residuals(st: BatchStats): number[] {
  return scaled(st).map((x) => (x.g === null ? 10 : (x.g - x.target) / x.h));
}

/** Sum of the squared residuals: 0 exactly at the targets, about 1 when one sits on its interval's edge. */
export function objective(st: BatchStats): number {
  return residuals(st).reduce((sum, r) => sum + r * r, 0);
}

/** Runs (at this ensemble's nonviolent share) after which the multiplier's interval spans ≤ 2. */
export function runsNeeded(st: BatchStats): number | null {
  const r = logRatio(st);
  if (r === null || st.runs === 0) return null;
  const ratio = (2 * Z95 * r.se) / Math.log(MAX_INTERVAL_FACTOR);
  return Math.ceil((st.runs * ratio * ratio) / 100) * 100;
}

/**
 * Nonviolent runs the targets themselves need for the multiplier's interval to span ≤ 2: the
 * 2x2 cell shares they imply (the targets' arithmetic, docs/research.md section 1), each cell count = share × n, so
 * se² = (Σ 1/share)/n (odds; Katz's terms for risk). Null when the targets cannot hold together.
 */
export function runsForTargets(t: Targets): number | null {
  const im = impliedByTargets(t.successRate, t.defectionShareInSuccesses, t.successMultiplier, t.kind);
  if (im === null) return null;
  const d = im.defectionRate, x = im.successWithDefection, y = im.successWithoutDefection;
  const [a, b, c, e] = [d * x, d * (1 - x), (1 - d) * y, (1 - d) * (1 - y)];
  if (!(a > 0 && b > 0 && c > 0 && e > 0)) return null;
  const nSe2 = t.kind === 'odds' ? 1 / a + 1 / b + 1 / c + 1 / e : 1 / a - 1 / (a + b) + 1 / c - 1 / (c + e);
  return Math.ceil(nSe2 * ((2 * Z95) / Math.log(MAX_INTERVAL_FACTOR)) ** 2);
}

export interface Verdict { holds: boolean; reasons: string[]; intervalFactor: number | null; runsNeeded: number | null; }

const NAMES: Record<string, string> = {
  successRate: 'success rate', defectionShareInSuccesses: 'defection share in successes', successMultiplier: 'multiplier',
};

/** the calibration criterion (docs/research.md section 5): every target inside its interval, the multiplier's interval ≤ a factor 2. */
export function criterion(st: BatchStats): Verdict {
  const reasons: string[] = [];
  const fmt = (name: string, v: number) => (name === 'successMultiplier' ? v.toPrecision(3) : pct(v));
  for (const c of st.comparison) {
    const label = c.name === 'successMultiplier' ? `${st.targets.kind} ratio` : NAMES[c.name];
    if (c.inside === null || c.measured === null || c.lo === null || c.hi === null) reasons.push(`${label} is undefined in this ensemble`);
    else if (!c.inside)
      reasons.push(`${label} ${fmt(c.name, c.measured)} [${fmt(c.name, c.lo)}, ${fmt(c.name, c.hi)}]: the target ${fmt(c.name, c.target)} lies ${c.target > c.hi ? 'above' : 'below'} the interval`);
  }
  const m = st.successMultiplier;
  const factor = m.lo !== null && m.hi !== null && m.lo > 0 ? m.hi / m.lo : null;
  const need = runsNeeded(st);
  if (factor !== null && factor > MAX_INTERVAL_FACTOR)
    reasons.push(`the ${st.targets.kind} ratio's interval spans a factor ${factor.toFixed(2)} > ${MAX_INTERVAL_FACTOR}`
      + (need !== null ? `: about ${need} runs would narrow it (--runs ${need})` : ''));
  return { holds: reasons.length === 0, reasons, intervalFactor: factor, runsNeeded: need };
}

/** Ensemble sizes of the coarse-to-fine schedule: N/8 and N/2 (at least 200), then N. */
export function schedule(runs: number): number[] {
  const out = [Math.round(runs / 8), Math.round(runs / 2), runs].map((r) => Math.min(runs, Math.max(200, r)));
  return out.filter((r, i) => out.indexOf(r) === i);
}
