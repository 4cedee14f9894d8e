/**
 * The sweep's chart (uPlot): success rate of the nonviolent runs against the swept parameter, a
 * shaded 95% Wilson band with whiskers and caps at every point (a point with no runs is a gap),
 * and the target success rate as a dashed line; the key is HTML above the chart. Large type and thick lines for a
 * projector, like the live charts (chartOptions.ts). uPlot is loaded on first use.
 */
import type uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import type { PointStats } from '../../batch/index';
import { PALETTE } from '../chartOptions';
import { el } from '../dom';
import { fmtPct } from '../format';
import { t } from '../strings';
import { fmtValue } from './statsModel';

const FONT = '600 16px system-ui, -apple-system, "Segoe UI", Roboto, Ubuntu, sans-serif';
const LABEL_FONT = '700 17px system-ui, -apple-system, "Segoe UI", Roboto, Ubuntu, sans-serif';

export type SweepData = [number[], Array<number | null>, Array<number | null>, Array<number | null>];

/** [x, success rate, lower bound, upper bound], one entry per point. */
export function sweepChartData(points: readonly PointStats[], key: string): SweepData {
  return [
    points.map((p) => p.values[key]),
    points.map((p) => p.stats.successRate.value),
    points.map((p) => p.stats.successRate.lo),
    points.map((p) => p.stats.successRate.hi),
  ];
}

export interface SweepEnv { fg: string; grid: string; }

function whiskers(target: number): uPlot.Plugin {
  return {
    hooks: {
      draw: (u: uPlot) => {
        const ctx = u.ctx, dpr = window.devicePixelRatio || 1;
        const [xs, , los, his] = u.data as unknown as SweepData;
        ctx.save();
        ctx.strokeStyle = PALETTE.blue;
        ctx.lineWidth = 3 * dpr;
        for (let i = 0; i < xs.length; i++) {
          const lo = los[i], hi = his[i];
          if (lo === null || hi === null) continue;
          const x = u.valToPos(xs[i], 'x', true), y0 = u.valToPos(lo, 'y', true), y1 = u.valToPos(hi, 'y', true);
          const cap = 9 * dpr;
          ctx.beginPath();
          ctx.moveTo(x, y0); ctx.lineTo(x, y1);
          ctx.moveTo(x - cap, y0); ctx.lineTo(x + cap, y0);
          ctx.moveTo(x - cap, y1); ctx.lineTo(x + cap, y1);
          ctx.stroke();
        }
        const { left, width } = u.bbox;
        const y = u.valToPos(target, 'y', true);
        ctx.strokeStyle = PALETTE.vermillion;
        ctx.lineWidth = 3 * dpr;
        ctx.setLineDash([10 * dpr, 6 * dpr]);
        ctx.beginPath(); ctx.moveTo(left, y); ctx.lineTo(left + width, y); ctx.stroke();
        ctx.restore();
      },
    },
  };
}

export function sweepChartOptions(env: SweepEnv, size: { width: number; height: number }, xLabel: string, xs: readonly number[], target: number): uPlot.Options {
  const lo = Math.min(...xs), hi = Math.max(...xs);
  const pad = hi > lo ? (hi - lo) * 0.06 : Math.max(Math.abs(lo) * 0.1, 0.5);
  const pctAxis = (v: number) => fmtPct(v, 0);
  return {
    ...size,
    padding: [12, 24, 0, 0],
    scales: { x: { time: false, range: [lo - pad, hi + pad] }, y: { range: [0, 1] } },
    axes: [
      { stroke: env.fg, font: FONT, labelFont: LABEL_FONT, label: xLabel, labelSize: 30, size: 40, grid: { stroke: env.grid, width: 1 },
        ticks: { stroke: env.grid }, splits: xs.length <= 12 ? () => [...xs] : undefined, values: (_u, splits) => splits.map((v) => fmtValue(v)) },
      { stroke: env.fg, font: FONT, labelFont: LABEL_FONT, label: t('research.chartSuccess'), labelSize: 30, size: 62, space: 36,
        grid: { stroke: env.grid, width: 1 }, ticks: { stroke: env.grid }, splits: () => [0, 0.2, 0.4, 0.6, 0.8, 1],
        values: (_u, splits) => splits.map(pctAxis) },
    ],
    bands: [{ series: [3, 2], fill: `${PALETTE.sky}55` }],
    plugins: [whiskers(target)],
    cursor: { drag: { x: false, y: false }, points: { size: 12 } },
    legend: { show: false },
    series: [
      { label: xLabel, value: (_u, v) => fmtValue(v ?? undefined) },
      { label: t('research.chartSuccess'), stroke: PALETTE.blue, width: 4, points: { show: true, size: 13, fill: PALETTE.blue }, spanGaps: false,
        value: (_u, v) => fmtPct(v, 1) },
      { label: t('research.chartBand'), stroke: 'transparent', width: 0, points: { show: false } },
      { label: t('research.chartBand'), stroke: 'transparent', width: 0, points: { show: false } },
    ],
  };
}

const SVG = 'http://www.w3.org/2000/svg';

function swatch(draw: Array<Record<string, string>>): SVGSVGElement {
  const svg = document.createElementNS(SVG, 'svg');
  for (const [k, v] of Object.entries({ width: '40', height: '20', 'aria-hidden': 'true' })) svg.setAttribute(k, v);
  for (const attrs of draw) {
    const shape = document.createElementNS(SVG, attrs.tag);
    for (const [k, v] of Object.entries(attrs)) if (k !== 'tag') shape.setAttribute(k, v);
    svg.append(shape);
  }
  return svg;
}

/** The chart's key in HTML (large, never overlapping the data): line, interval, target. */
export function sweepLegend(target: number): HTMLElement {
  const item = (svg: SVGSVGElement, text: string) => el('li', {}, svg, text);
  return el('ul', { class: 'br-research-legend' },
    item(swatch([{ tag: 'line', x1: '2', y1: '10', x2: '38', y2: '10', stroke: PALETTE.blue, 'stroke-width': '4' },
      { tag: 'circle', cx: '20', cy: '10', r: '6', fill: PALETTE.blue }]), t('research.chartSuccess')),
    item(swatch([{ tag: 'rect', x: '2', y: '2', width: '36', height: '16', fill: `${PALETTE.sky}55` },
      { tag: 'line', x1: '20', y1: '2', x2: '20', y2: '18', stroke: PALETTE.blue, 'stroke-width': '3' }]), t('research.chartBand')),
    item(swatch([{ tag: 'line', x1: '2', y1: '10', x2: '38', y2: '10', stroke: PALETTE.vermillion, 'stroke-width': '4', 'stroke-dasharray': '9 5' }]),
      t('research.chartTarget', { rate: fmtPct(target, 0) })));
}

export interface SweepChart { root: HTMLElement; destroy(): void; }

/** Draws into `host` once uPlot has loaded; resizes with the host. */
export function drawSweepChart(host: HTMLElement, points: readonly PointStats[], key: string, xLabel: string, target: number): SweepChart {
  const css = getComputedStyle(document.documentElement);
  const env: SweepEnv = { fg: css.getPropertyValue('--fg').trim() || '#161616', grid: css.getPropertyValue('--grid').trim() || 'rgba(128,128,128,0.35)' };
  const data = sweepChartData(points, key);
  let plot: uPlot | null = null, destroyed = false;
  const size = () => ({ width: Math.max(280, host.clientWidth), height: Math.max(220, host.clientHeight) });
  const resize = typeof ResizeObserver === 'function' ? new ResizeObserver(() => plot?.setSize(size())) : null;
  if (host.clientWidth > 0) {
    import('uplot').then(({ default: U }) => {
      if (destroyed) return;
      plot = new U(sweepChartOptions(env, size(), xLabel, data[0], target), data as unknown as uPlot.AlignedData, host);
      resize?.observe(host);
    }).catch((e) => console.error('[ui] sweep chart unavailable', e));
  }
  return { root: host, destroy() { destroyed = true; resize?.disconnect(); plot?.destroy(); } };
}
