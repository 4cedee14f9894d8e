/**
 * The five live charts as data: their lines (label, colour, dash), uPlot options, data columns
 * and a caption with the current values in words. charts.ts lays them out and redraws them.
 */
import type uPlot from 'uplot';
import type { RunMeta } from '../store/types';
import { loyaltyBars, peak, type SeriesColumns } from './chartData';
import { DASH, PALETTE, histogramOptions, sharePct, timeChartOptions, type ChartEnv, type LineSpec } from './chartOptions';
import { fmtNum, fmtPct } from './format';
import { t, type StringId } from './strings';

export type ChartId = 'participation' | 'force' | 'officers' | 'loyalty' | 'momentum';
export const CHARTS: { id: ChartId; title: StringId; tab: StringId }[] = [
  { id: 'participation', title: 'charts.participation', tab: 'charts.tab.participation' },
  { id: 'force', title: 'charts.force', tab: 'charts.tab.force' },
  { id: 'officers', title: 'charts.officers', tab: 'charts.tab.officers' },
  { id: 'loyalty', title: 'charts.loyalty', tab: 'charts.tab.loyalty' },
  { id: 'momentum', title: 'charts.momentum', tab: 'charts.tab.momentum' },
];

const n0 = (v: number) => fmtNum(v, 0);
const line = (label: StringId, stroke: string, dash: number[], format: (v: number) => string, scale?: string): LineSpec =>
  ({ label: t(label), stroke, dash, format, scale });

/**
 * The lines of a chart with a comparison's run B: A's lines solid, then the same lines of B in
 * the same colours, dashed (the loyalty histogram shows A only).
 */
export function compareLines(id: ChartId, env: ChartEnv): LineSpec[] {
  const a = chartLines(id, env);
  if (id === 'loyalty') return a;
  return [...a.map((l) => ({ ...l, dash: DASH.solid, label: `${l.label} (A)` })), ...a.map((l) => ({ ...l, dash: DASH.dash, label: `${l.label} (B)` }))];
}

/** The lines of a chart, in legend order (the histogram's bars and threshold for 'loyalty'). */
export function chartLines(id: ChartId, env: ChartEnv): LineSpec[] {
  switch (id) {
    case 'participation': return [line('charts.active', PALETTE.vermillion, DASH.solid, sharePct), line('charts.detained', PALETTE.blue, DASH.dash, sharePct)];
    case 'force': return [line('charts.effective', PALETTE.blue, DASH.solid, n0), line('charts.needed', PALETTE.vermillion, DASH.dash, n0)];
    case 'officers': return [
      line('charts.onDuty', env.fg, DASH.solid, n0, 'duty'),
      line('charts.shirking', PALETTE.orange, DASH.dash, n0),
      line('charts.insider', PALETTE.purple, DASH.dot, n0),
      line('charts.resigned', PALETTE.sky, DASH.dashDot, n0),
      line('charts.joined', PALETTE.green, DASH.long, n0)];
    case 'momentum': return [line('charts.momentum', PALETTE.green, DASH.solid, (v) => fmtNum(v, 2))];
    case 'loyalty': return [line('charts.loyaltyCount', PALETTE.blue, DASH.solid, n0), line('inspector.threshold', PALETTE.vermillion, DASH.dash, n0)];
  }
}

/** uPlot options for a chart of the given size. */
export function chartOptions(U: typeof uPlot, id: ChartId, env: ChartEnv, size: { width: number; height: number },
  meta: () => RunMeta | null, compare = false): uPlot.Options {
  const lines = compare ? compareLines(id, env) : chartLines(id, env);
  switch (id) {
    case 'participation': return timeChartOptions(env, size, lines, { yFormat: (v) => fmtPct(v, 0), yTopAtLeast: 0.05 });
    case 'force': return timeChartOptions(env, size, lines, { yFormat: n0 });
    case 'officers': return timeChartOptions(env, size, lines, { yFormat: n0, right: { scale: 'duty', format: n0 } });
    case 'momentum': return timeChartOptions(env, size, lines, { yMax: 1, yFormat: (v) => fmtNum(v, 1), hGuide: 0.5 });
    case 'loyalty': return histogramOptions(U, env, size, () => {
      const p = meta()?.params;
      return p && p.defectionThresholdUnit === 'loyalty' ? Number(p.defectionThresholdMean) : null;
    });
  }
}

/** The chart's columns (without the day), for its data table. */
export function chartColumns(id: ChartId, cols: SeriesColumns): number[][] {
  const c = cols.cols;
  switch (id) {
    case 'participation': return [c.active, c.detained];
    case 'force': return [c.effective, c.needed];
    case 'officers': return [c.on_duty, c.shirking, c.insider, c.resigned, c.joined];
    case 'momentum': return [c.momentum];
    case 'loyalty': return [c.meanLoyalty];
  }
}

export function chartData(id: ChartId, cols: SeriesColumns, colsB: SeriesColumns | null = null): uPlot.AlignedData {
  const c = cols.cols;
  if (colsB && id !== 'loyalty') {
    // Lock-step: both runs have a row for every tick so far; draw the common part.
    const n = Math.min(c.day.length, colsB.cols.day.length);
    return [c.day.slice(0, n), ...chartColumns(id, cols).map((x) => x.slice(0, n)), ...chartColumns(id, colsB).map((x) => x.slice(0, n))];
  }
  switch (id) {
    case 'participation': return [c.day, c.active, c.detained];
    case 'force': return [c.day, c.effective, c.needed];
    case 'officers': return [c.day, c.on_duty, c.shirking, c.insider, c.resigned, c.joined];
    case 'momentum': return [c.day, c.momentum];
    case 'loyalty': return loyaltyBars(cols.last());
  }
}

/** The chart's current values in words (also what a screen reader gets instead of the canvas). */
export function chartCaption(id: ChartId, cols: SeriesColumns, meta: RunMeta | null): string {
  const r = cols.last();
  if (!r || !meta) return t('charts.empty');
  switch (id) {
    case 'participation': return t('charts.participationNow', { now: fmtPct(r.citizens.active / Math.max(1, meta.nCitizens)), peak: fmtPct(peak(cols.cols.active)) });
    case 'force': return t('charts.forceNow', { eff: n0(r.effectiveForce), need: n0(r.neededForce) });
    case 'officers': return t('charts.officersNow', { onDuty: n0(r.officers.on_duty),
      left: n0(r.officers.shirking + r.officers.insider + r.officers.resigned + r.officers.joined) });
    case 'momentum': return t('charts.momentumNow', { now: fmtNum(r.momentum, 2) });
    case 'loyalty': return t('charts.loyaltyNow', { mean: fmtNum(r.meanLoyalty, 2) });
  }
}
