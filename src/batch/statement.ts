/**
 * The success multiplier stated in words, as the research figure must be stated (docs/research.md
 * section 1): an odds ratio says the odds are m times higher, not that success is m times more
 * likely. From P(S | D) = x and P(S | ¬D) = y:
 *   odds ratio = [x / (1 − x)] / [y / (1 − y)],   risk ratio = x / y   ("times as likely").
 * At the targets (53% success, 52% of successes with defection, odds ratio 46): x ≈ 0.962,
 * y ≈ 0.357, so "success 96% with defection, 36% without: the odds are 46 times higher (2.7 times
 * as likely)".
 */
export interface Statement { withDefection: number; withoutDefection: number; oddsRatio: number; riskRatio: number }

/** The two ratios of success with (x) and without (y) defection; null where a ratio is undefined. */
export function statement(x: number | null, y: number | null): Statement | null {
  if (x === null || y === null || !(x > 0 && x < 1 && y > 0 && y < 1)) return null;
  return { withDefection: x, withoutDefection: y, oddsRatio: (x / (1 - x)) / (y / (1 - y)), riskRatio: x / y };
}

const pct = (v: number): string => `${Math.round(v * 100)}%`;
const times = (v: number): string => (v >= 10 ? String(Math.round(v)) : v.toFixed(1));

/** "success 96% with defection, 36% without: the odds are 46 times higher (2.7 times as likely)". */
export function statementText(s: Statement): string {
  return `success ${pct(s.withDefection)} with defection, ${pct(s.withoutDefection)} without: ` +
    `the odds are ${times(s.oddsRatio)} times higher (${times(s.riskRatio)} times as likely)`;
}
