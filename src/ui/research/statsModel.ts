/**
 * What the results show, as text, from a batch's statistics (src/batch/summarize.ts): the research
 * figures beside their targets, the targets' arithmetic, the per-point figures of a sweep, and
 * plain notes when a figure is undefined (null) or its interval is wide. Pure: tested in Node.
 */
import type { BatchStats, CausalStats, Implied, PointStats, Proportion, Ratio, RatioKind } from '../../batch/index';
import { statement, statementText } from '../../batch/statement';
import { STRATEGY_KINDS } from '../../batch/index';
import { fmtNum, fmtPct } from '../format';
import { t } from '../strings';

/** A share's interval wider than this, or a ratio's hi/lo above WIDE_RATIO, earns a note. */
export const WIDE_SHARE = 0.2;
export const WIDE_RATIO = 4;

export interface StatRow {
  id: string;
  label: string;
  measured: string;
  interval: string;
  count: string;
  target: string;
  /** Target inside the interval: 'yes' | 'no' | '' (no target) | '—' (undefined). */
  inside: string;
  insideState: boolean | null;
  corrected: boolean;
  defined: boolean;
  wide: boolean;
}

export const pct = (x: number | null): string => fmtPct(x, 1);
export const ratioText = (x: number | null): string => (x === null ? fmtNum(null) : fmtNum(x, x >= 100 ? 0 : x >= 10 ? 1 : 2));
const range = (lo: number | null, hi: number | null, f: (x: number | null) => string): string =>
  (lo === null || hi === null ? t('value.none') : `${f(lo)} – ${f(hi)}`);
export const kindName = (k: RatioKind): string => t(k === 'odds' ? 'research.kindOdds' : 'research.kindRisk');

const wideShare = (p: Proportion): boolean => p.lo !== null && p.hi !== null && p.hi - p.lo > WIDE_SHARE;
const wideRatio = (r: Ratio): boolean => r.lo !== null && r.hi !== null && (r.lo <= 0 || r.hi / r.lo > WIDE_RATIO);
const yesNo = (b: boolean | null): string => (b === null ? t('value.none') : t(b ? 'value.yes' : 'value.no'));

function shareRow(id: string, label: string, p: Proportion, target: number | null, inside: boolean | null): StatRow {
  return {
    id, label, measured: pct(p.value), interval: range(p.lo, p.hi, pct), count: `${p.k} / ${p.n}`,
    target: target === null ? '' : pct(target), inside: target === null ? '' : yesNo(inside), insideState: target === null ? null : inside,
    corrected: false, defined: p.value !== null, wide: wideShare(p),
  };
}

function ratioRow(id: string, label: string, r: Ratio, target: number | null, inside: boolean | null): StatRow {
  return {
    id, label, measured: ratioText(r.value), interval: range(r.lo, r.hi, ratioText), count: r.corrected ? t('research.corrected') : '',
    target: target === null ? '' : ratioText(target), inside: target === null ? '' : yesNo(inside), insideState: target === null ? null : inside,
    corrected: r.corrected, defined: r.value !== null, wide: wideRatio(r),
  };
}

/** The research figures: the three with targets first, then the conditional shares and the other ratio. */
export function statRows(st: BatchStats): StatRow[] {
  const [sr, share, mult] = st.comparison;
  const kind = st.successMultiplier.kind;
  const other = kind === 'odds' ? st.riskRatio : st.oddsRatio;
  return [
    shareRow('successRate', t('research.stat.successRate'), st.successRate, sr.target, sr.inside),
    shareRow('defectionShareInSuccesses', t('research.stat.defectionShareInSuccesses'), st.defectionShareInSuccesses, share.target, share.inside),
    ratioRow('successMultiplier', t('research.stat.multiplier', { kind: kindName(kind) }), st.successMultiplier, mult.target, mult.inside),
    shareRow('defectionRate', t('research.stat.defectionRate'), st.defectionRate, null, null),
    shareRow('successWithDefection', t('research.stat.successWithDefection'), st.successWithDefection, null, null),
    shareRow('successWithoutDefection', t('research.stat.successWithoutDefection'), st.successWithoutDefection, null, null),
    ratioRow(kind === 'odds' ? 'riskRatio' : 'oddsRatio', t('research.stat.other', { kind: kindName(other.kind) }), other, null, null),
  ];
}

export interface ImpliedRow { label: string; pD: string; pSD: string; pSnD: string; }

const impliedRow = (label: string, s: number | null, im: Implied | null): ImpliedRow => (s === null
  ? { label, pD: t('value.none'), pSD: t('value.none'), pSnD: t('value.none') }
  : im === null ? { label, pD: t('research.impliedNone'), pSD: '', pSnD: '' }
    : { label, pD: pct(im.defectionRate), pSD: pct(im.successWithDefection), pSnD: pct(im.successWithoutDefection) });

/** P(D), P(S|D), P(S|¬D) the targets imply (at the target and the measured success rate) and as measured. */
export function impliedRows(st: BatchStats): ImpliedRow[] {
  const s = st.successRate.value;
  return [
    impliedRow(t('research.impliedAt', { rate: pct(st.targets.successRate) }), st.targets.successRate, st.implied.atTargetSuccessRate),
    impliedRow(t('research.impliedAt', { rate: pct(s) }), s, st.implied.atMeasuredSuccessRate),
    { label: t('research.impliedMeasured'), pD: pct(st.defectionRate.value), pSD: pct(st.successWithDefection.value), pSnD: pct(st.successWithoutDefection.value) },
  ];
}

/**
 * The multiplier in words (src/batch/statement.ts), at the targets and as measured: "the odds are
 * m times higher (r times as likely)", never "m times more likely".
 */
export function statedFigures(st: BatchStats): string[] {
  const out: string[] = [];
  const im = st.implied.atTargetSuccessRate;
  const target = im === null ? null : statement(im.successWithDefection, im.successWithoutDefection);
  if (target !== null) out.push(t('research.statedTarget', { text: statementText(target) }));
  const measured = statement(st.successWithDefection.value, st.successWithoutDefection.value);
  if (measured !== null) out.push(t('research.statedMeasured', { text: statementText(measured) }));
  return out;
}

export function countsLine(st: BatchStats): string {
  const o = st.outcomes, f = st.fallCauses;
  return t('research.counts', { runs: st.runs, nonviolent: st.nonviolentRuns, success: o.success, force: f.force,
    overwhelm: f.overwhelm, elite: f.elite, economy: f.economy, patron: f.patron, failure: o.failure, stalemate: o.stalemate });
}

/** Plain notes: undefined figures, wide intervals, the 0.5 correction. */
export function statNotes(st: BatchStats): string[] {
  const rows = statRows(st);
  const notes: string[] = [];
  const undefinedNames = rows.filter((r) => !r.defined).map((r) => r.label);
  if (undefinedNames.length > 0) notes.push(t('research.note.null', { names: undefinedNames.join(', ') }));
  const wide = rows.filter((r) => r.defined && r.wide).map((r) => r.label);
  if (wide.length > 0) notes.push(t('research.note.wide', { names: wide.join(', ') }));
  if (rows.some((r) => r.corrected)) notes.push(t('research.note.corrected'));
  return notes;
}

export interface PointRow { value: string; success: string; interval: string; count: string; share: string; multiplier: string; }

/** One line per sweep point: its value, success rate with interval, share in successes, multiplier. */
export function pointRows(points: readonly PointStats[], key: string): PointRow[] {
  return points.map((p) => ({
    value: fmtValue(p.values[key]),
    success: pct(p.stats.successRate.value),
    interval: range(p.stats.successRate.lo, p.stats.successRate.hi, pct),
    count: `${p.stats.successRate.k} / ${p.stats.successRate.n}`,
    share: pct(p.stats.defectionShareInSuccesses.value),
    multiplier: ratioText(p.stats.successMultiplier.value) + (p.stats.successMultiplier.corrected ? '*' : ''),
  }));
}

/** A swept value as typed (no grouping separators, no forced decimals). */
export const fmtValue = (x: number | undefined): string => (x === undefined ? t('value.none') : String(x));

export interface CausalRow { threshold: string; exposed: string; unexposed: string; odds: string; interval: string; }

/** The causal figures (batch --causal; docs/research.md section 1b) in plain words and a small table. */
export interface CausalView { lines: string[]; rows: CausalRow[]; verdict: string; }

const points = (x: number | null): string => (x === null ? t('value.none') : fmtNum(100 * x, 1, true));

export function causalView(c: CausalStats): CausalView {
  const day = c.landmarkDay, lm = c.landmark, k = c.knockout, d = k.difference;
  const lines: string[] = [];
  // The sentence at 5% (the definition of "defection occurred"); every threshold is in the table.
  const mid = lm.byThreshold.find((f) => f.threshold === 0.05) ?? lm.byThreshold[0];
  if (mid !== undefined) {
    const vars = { day, runs: lm.runs, excluded: lm.excluded, threshold: fmtPct(mid.threshold, 0) };
    const or = mid.oddsRatio;
    lines.push(or.value === null ? t('research.causalLandmarkNone', vars)
      : t('research.causalLandmark', { ...vars, or: ratioText(or.value), lo: ratioText(or.lo), hi: ratioText(or.hi) }));
  }
  if (d.value === null) lines.push(t('research.causalKnockoutNone'));
  else {
    const vars = { from: pct(k.successAsRun.value), to: pct(k.successKnockedOut.value), d: points(d.value), lo: points(d.lo), hi: points(d.hi) };
    lines.push(t(d.value > 0 ? 'research.causalKnockoutFalls' : d.value < 0 ? 'research.causalKnockoutRises' : 'research.causalKnockoutSame', vars));
  }
  const lost = Object.entries(k.lostByCause).filter(([, p]) => p.n > 0).map(([cause, p]) => `${cause} ${p.k} / ${p.n}`);
  if (lost.length > 0) lines.push(t('research.causalLost', { list: lost.join(', ') }));
  const rows = lm.byThreshold.map((f) => ({
    threshold: `≥ ${fmtPct(f.threshold, 0)}`,
    exposed: `${f.table.exposedSuccess} / ${f.table.exposedSuccess + f.table.exposedNonSuccess}`,
    unexposed: `${f.table.unexposedSuccess} / ${f.table.unexposedSuccess + f.table.unexposedNonSuccess}`,
    odds: ratioText(f.oddsRatio.value) + (f.oddsRatio.corrected ? '*' : ''),
    interval: range(f.oddsRatio.lo, f.oddsRatio.hi, ratioText),
  }));
  const p = c.pass;
  const which = [p.landmark === false ? t('research.causalFailLandmark') : null, p.knockout === false ? t('research.causalFailKnockout') : null]
    .filter((x): x is string => x !== null);
  const verdict = p.holds === true ? t('research.causalPass') : p.holds === false ? t('research.causalFail', { which: which.join('; ') }) : t('research.causalUndefined');
  return { lines, rows, verdict };
}

/** Who counts as a campaign, in one sentence (null: every run counts). */
export function qualificationLine(st: BatchStats): string | null {
  const q = st.qualification;
  if (q === undefined || q.representedPopulation === null) return null;
  return t('research.qualification', { min: (q.minParticipants ?? 0).toLocaleString('en-US'), pop: q.representedPopulation.toLocaleString('en-US'),
    excluded: q.excluded.k, total: q.excluded.n, share: fmtPct(q.excluded.value ?? 0, 1) });
}

const signedPoints = (x: number | null): string => (x === null ? t('value.none') : `${x > 0 ? '+' : ''}${(x * 100).toFixed(1)}`);
const diffInterval = (d: { lo: number | null; hi: number | null }): string => (d.lo === null ? '' : `[${signedPoints(d.lo)}, ${signedPoints(d.hi)}]`);
const shareCell = (p: { value: number | null; lo: number | null; hi: number | null }): string =>
  (p.value === null ? t('value.none') : `${fmtPct(p.value, 1)} [${fmtPct(p.lo ?? 0, 1)}, ${fmtPct(p.hi ?? 0, 1)}]`);

/** The strategy comparisons as table rows and sentences (null when fewer than two kinds of strategy ran). */
export function strategyView(st: BatchStats): { rows: string[][]; below: string[][]; lines: string[] } | null {
  const s = st.strategies;
  if (s === undefined) return null;
  const kinds = STRATEGY_KINDS.filter((k) => s.byKind[k].runs > 0);
  if (kinds.length < 2) return null;
  const row = (label: string, g: { runs: number; success: Parameters<typeof shareCell>[0]; defection: Parameters<typeof shareCell>[0]; defectedShare: Parameters<typeof shareCell>[0] }) =>
    [label, String(g.runs), shareCell(g.success), shareCell(g.defection), shareCell(g.defectedShare)];
  const b = s.belowMedianPeak;
  return {
    rows: kinds.map((k) => row(t(`research.kind.${k}`), s.byKind[k])),
    below: [row(t('research.pillarAimed'), b.pillarAimed), row(t('research.kind.marchesOnly'), b.marchesOnly)],
    lines: [
      t('research.mixVsMarches', { d: signedPoints(s.mixVsMarches.value), ci: diffInterval(s.mixVsMarches) }),
      t('research.belowMedian', { median: b.medianPeak === null ? t('value.none') : fmtPct(b.medianPeak, 1) }),
      t('research.belowMedianDiff', { s: signedPoints(b.successDifference.value), sci: diffInterval(b.successDifference),
        d: signedPoints(b.defectionDifference.value), dci: diffInterval(b.defectionDifference),
        m: signedPoints(b.defectedShareDifference.value), mci: diffInterval(b.defectedShareDifference) }),
    ],
  };
}
