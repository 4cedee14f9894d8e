/**
 * Ensemble statistics, exactly as docs/research.md section 1 defines them: Wilson 95% intervals for
 * proportions; the odds ratio with Woolf's (log) interval and the risk ratio with Katz's (log)
 * interval, adding 0.5 to every cell if and only if some cell is zero (flagged `corrected`); and
 * the arithmetic the three research targets imply together. A statistic with no defined value is
 * null, never NaN or Infinity: zero cells and empty groups are routine in small ensembles.
 */

/** z for a two-sided 95% interval (the 0.975 normal quantile, to double precision). */
export const Z95 = 1.959963984540054;

export interface Proportion {
  /** Count with the property and the number of runs it is a share of. */
  k: number;
  n: number;
  value: number | null;
  lo: number | null;
  hi: number | null;
}

export type RatioKind = 'odds' | 'risk';

export interface Ratio {
  value: number | null;
  lo: number | null;
  hi: number | null;
  kind: RatioKind;
  /** True when 0.5 was added to every cell because some cell was zero. */
  corrected: boolean;
}

/**
 * A 2x2 table: rows exposed (e.g. defection occurred) or not, columns success or not.
 *   a = exposed and success      b = exposed, no success
 *   c = unexposed and success    d = unexposed, no success
 */
export interface Table2x2 { a: number; b: number; c: number; d: number; }

/** Wilson score interval; null when n = 0 (a share of nothing is undefined). */
export function wilson(k: number, n: number, z = Z95): Proportion {
  if (n <= 0) return { k, n, value: null, lo: null, hi: null };
  const p = k / n, z2 = z * z;
  const denom = 1 + z2 / n;
  const centre = (p + z2 / (2 * n)) / denom;
  const half = (z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))) / denom;
  // At k = 0 the lower bound is exactly 0 and at k = n the upper bound exactly 1 (centre = half):
  // say so rather than print the rounding noise of the subtraction (5e-20 at k = 0 of 4,000).
  // Elsewhere clamp only rounding noise: mathematically the bounds lie in [0, 1] already.
  return { k, n, value: p, lo: k <= 0 ? 0 : Math.max(0, centre - half), hi: k >= n ? 1 : Math.min(1, centre + half) };
}

const nullRatio = (kind: RatioKind): Ratio => ({ value: null, lo: null, hi: null, kind, corrected: false });

/**
 * The comparison is undefined when a group is empty (a+b = 0 or c+d = 0: no risk to compare) or
 * when every run shares one outcome (a+c = 0 or b+d = 0): the 0.5 correction would then invent
 * the whole estimate, so we report null instead of a number made of pseudo-counts.
 */
function degenerate(t: Table2x2): boolean {
  return t.a + t.b === 0 || t.c + t.d === 0 || t.a + t.c === 0 || t.b + t.d === 0;
}

/** Haldane-Anscombe: +0.5 in every cell iff some cell is zero (docs/research.md section 1). */
function corrected(t: Table2x2): { t: Table2x2; corrected: boolean } {
  const zero = t.a === 0 || t.b === 0 || t.c === 0 || t.d === 0;
  return zero ? { t: { a: t.a + 0.5, b: t.b + 0.5, c: t.c + 0.5, d: t.d + 0.5 }, corrected: true } : { t, corrected: false };
}

/** Odds ratio (a·d)/(b·c) with Woolf's interval exp(ln OR ± z·sqrt(1/a + 1/b + 1/c + 1/d)). */
/**
 * 12 significant digits: Math.log and Math.exp may differ in the last bit between JavaScript
 * engines (Node 20 and Chromium do for log 3), so ratios are rounded to keep the JSON of the
 * page, the CLI and merged shards identical everywhere.
 */
const sig12 = (x: number): number => Number(x.toPrecision(12));

export function oddsRatio(table: Table2x2, z = Z95): Ratio {
  if (degenerate(table)) return nullRatio('odds');
  const { t, corrected: corr } = corrected(table);
  const ln = Math.log((t.a * t.d) / (t.b * t.c));
  const se = Math.sqrt(1 / t.a + 1 / t.b + 1 / t.c + 1 / t.d);
  return { value: sig12(Math.exp(ln)), lo: sig12(Math.exp(ln - z * se)), hi: sig12(Math.exp(ln + z * se)), kind: 'odds', corrected: corr };
}

/**
 * Risk ratio [a/(a+b)] / [c/(c+d)] with Katz's interval
 * exp(ln RR ± z·sqrt(1/a − 1/(a+b) + 1/c − 1/(c+d))).
 */
export function riskRatio(table: Table2x2, z = Z95): Ratio {
  if (degenerate(table)) return nullRatio('risk');
  const { t, corrected: corr } = corrected(table);
  const ln = Math.log((t.a / (t.a + t.b)) / (t.c / (t.c + t.d)));
  const se = Math.sqrt(1 / t.a - 1 / (t.a + t.b) + 1 / t.c - 1 / (t.c + t.d));
  return { value: sig12(Math.exp(ln)), lo: sig12(Math.exp(ln - z * se)), hi: sig12(Math.exp(ln + z * se)), kind: 'risk', corrected: corr };
}

export const ratio = (table: Table2x2, kind: RatioKind): Ratio => (kind === 'odds' ? oddsRatio(table) : riskRatio(table));

/** What a success rate, a share of successes with defection and a multiplier imply together. */
export interface Implied {
  successRate: number;
  /** P(D): share of campaigns in which defection occurs. */
  defectionRate: number;
  /** P(S | D) and P(S | not D). */
  successWithDefection: number;
  successWithoutDefection: number;
}

/**
 * Solves for P(D), P(S|D), P(S|¬D) given s = P(S), q = P(D|S) and the multiplier m. With
 * P(S∧D) = q·s and P(S∧¬D) = (1−q)·s, write d = P(D), x = qs/d, y = (1−q)s/(1−d).
 *   odds:  m = [x/(1−x)] / [y/(1−y)] = q(1−d−(1−q)s) / ((1−q)(d−qs)), linear in d:
 *          d = q·(1 + (1−q)·s·(m−1)) / (m·(1−q) + q)
 *   risk:  m = x / y = q(1−d) / ((1−q)d)  ⇒  d = q / (q + m·(1−q))
 * Null when the inputs leave (0,1) or the three figures cannot hold together (x or y outside
 * [0, 1]). Check (docs/research.md section 1): s=0.53, q=0.52, OR=46 → d≈0.286, x≈0.962, y≈0.357.
 */
export function impliedByTargets(s: number, q: number, m: number, kind: RatioKind = 'odds'): Implied | null {
  if (!(s > 0 && s < 1 && q > 0 && q < 1 && m > 0) || !Number.isFinite(m)) return null;
  const d = kind === 'odds' ? (q * (1 + (1 - q) * s * (m - 1))) / (m * (1 - q) + q) : q / (q + m * (1 - q));
  if (!(d > 0 && d < 1)) return null;
  const x = (q * s) / d, y = ((1 - q) * s) / (1 - d);
  const eps = 1e-12;
  if (x > 1 + eps || y > 1 + eps || x < 0 || y < 0) return null;
  return { successRate: s, defectionRate: d, successWithDefection: Math.min(1, x), successWithoutDefection: Math.min(1, y) };
}

/** A difference of two shares, p1 − p2, with its 95% interval (null when either share is undefined). */
export interface ShareDifference { value: number | null; lo: number | null; hi: number | null; }

/**
 * p1 − p2 with Newcombe's hybrid score interval (1998, method 10), built from the two Wilson
 * intervals: lo = d − √((p1 − l1)² + (u2 − p2)²), hi = d + √((u1 − p1)² + (p2 − l2)²). It stays
 * inside [−1, 1] and behaves at 0 and n, where the plain Wald interval does not.
 */
export function shareDifference(p1: Proportion, p2: Proportion): ShareDifference {
  if (p1.value === null || p2.value === null || p1.lo === null || p1.hi === null || p2.lo === null || p2.hi === null) return { value: null, lo: null, hi: null };
  const d = p1.value - p2.value;
  const lo = d - Math.sqrt((p1.value - p1.lo) ** 2 + (p2.hi - p2.value) ** 2);
  const hi = d + Math.sqrt((p1.hi - p1.value) ** 2 + (p2.value - p2.lo) ** 2);
  return { value: sig12(d), lo: sig12(Math.max(-1, lo)), hi: sig12(Math.min(1, hi)) };
}
