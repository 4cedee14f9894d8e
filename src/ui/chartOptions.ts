/**
 * uPlot options for the live charts, built for a projector: large type, thick lines, a legend,
 * the Okabe–Ito colour-blind-safe palette, and a dash pattern per line so greyscale still reads.
 * The x axis is days since the start, labelled with the day and its date.
 */
import type uPlot from 'uplot';
import { fmtNum, fmtPct, shortDate } from './format';
import { t } from './strings';

/** Okabe & Ito (2008), "Color Universal Design". */
export const PALETTE = {
  orange: '#E69F00', sky: '#56B4E9', green: '#009E73', yellow: '#F0E442',
  blue: '#0072B2', vermillion: '#D55E00', purple: '#CC79A7', grey: '#7a7a7a',
} as const;

export const DASH = { solid: [] as number[], dash: [10, 6], dot: [3, 5], dashDot: [12, 5, 3, 5], long: [18, 6] };

export interface LineSpec {
  label: string;
  stroke: string;
  dash?: number[];
  scale?: string;
  format: (v: number) => string;
}

export interface ChartEnv {
  /** Text colour of the page (axes, labels), from CSS. */
  fg: string;
  grid: string;
  startDate: () => string;
  /** Tipping point in days, or null. */
  tippingDay: () => number | null;
  /** The game's length in days (null: not known): its last edge is labelled as the end of the last day, not a day after it. */
  horizonDays?: () => number | null;
}

const FONT = '600 16px system-ui, -apple-system, "Segoe UI", Roboto, Ubuntu, sans-serif';
const LABEL_FONT = '700 16px system-ui, -apple-system, "Segoe UI", Roboto, Ubuntu, sans-serif';

/** Draws vertical markers: the tipping line (labelled) and any fixed x guides. */
function markers(env: ChartEnv, guides: () => { x: number; label: string; color: string }[]): uPlot.Plugin {
  return {
    hooks: {
      draw: (u: uPlot) => {
        const ctx = u.ctx;
        const { left, top, width, height } = u.bbox;
        const dpr = window.devicePixelRatio || 1;
        for (const g of guides()) {
          const x = u.valToPos(g.x, 'x', true);
          if (!Number.isFinite(x) || x < left - 1 || x > left + width + 1) continue;
          ctx.save();
          ctx.strokeStyle = g.color;
          ctx.lineWidth = 3 * dpr;
          ctx.setLineDash([8 * dpr, 5 * dpr]);
          ctx.beginPath(); ctx.moveTo(x, top); ctx.lineTo(x, top + height); ctx.stroke();
          ctx.setLineDash([]);
          ctx.fillStyle = g.color;
          ctx.font = `700 ${14 * dpr}px system-ui, sans-serif`;
          ctx.textBaseline = 'top';
          ctx.textAlign = 'left'; // uPlot leaves the axes' alignment on the context
          const w = ctx.measureText(g.label).width;
          ctx.fillText(g.label, x + 6 * dpr + w > left + width ? x - w - 6 * dpr : x + 6 * dpr, top + 4 * dpr);
          ctx.restore();
        }
      },
    },
  };
}

const tippingGuide = (env: ChartEnv) => () => {
  const d = env.tippingDay();
  return d === null ? [] : [{ x: d, label: t('charts.tipping'), color: env.fg }];
};

function dayAxis(env: ChartEnv): uPlot.Axis {
  return {
    stroke: env.fg, font: FONT, labelFont: LABEL_FONT, size: 58, space: 70, lineGap: 1.3,
    grid: { stroke: env.grid, width: 1 }, ticks: { stroke: env.grid },
    incrs: [1, 2, 5, 7, 14, 28, 56, 91, 182, 364, 728, 1456],
    values: (_u, splits) => splits.map((d) => (d === env.horizonDays?.() ? `${t('charts.end')}\n${shortDate(env.startDate(), d - 1)}` : `${d + 1}\n${shortDate(env.startDate(), d)}`)),
  };
}

function valueAxis(env: ChartEnv, fmt: (v: number) => string, scale = 'y', side: 1 | 3 = 3): uPlot.Axis {
  return {
    scale, side, stroke: env.fg, font: FONT, size: 66, space: 36,
    grid: side === 3 ? { stroke: env.grid, width: 1 } : { show: false },
    ticks: { stroke: env.grid }, values: (_u, splits) => splits.map((v) => fmt(v)),
  };
}

/** Days a time chart shows at least (or the whole run, if shorter), so the first day is not drawn as a point on a blown-up axis. */
export const MIN_DAYS_SHOWN = 14;

/**
 * The x range of a time chart: from day 0 to the last day drawn, but at least MIN_DAYS_SHOWN days
 * (never past the run's horizon). uPlot's own range for one point pads it to a round magnitude
 * (day 1 of a 42-day game spread over days 0 to 99).
 */
export function dayRange(max: number | null, horizonDays: number | null): [number, number] {
  const floor = horizonDays !== null && horizonDays > 0 ? Math.min(MIN_DAYS_SHOWN, horizonDays) : MIN_DAYS_SHOWN;
  return [0, Math.max(max !== null && Number.isFinite(max) ? max : 0, floor)];
}

/** A line chart over days. `yMax` fixes the top of the y scale (e.g. 1 for shares). */
export function timeChartOptions(env: ChartEnv, size: { width: number; height: number }, lines: LineSpec[],
  opts: { yMax?: number; yTopAtLeast?: number; right?: { scale: string; format: (v: number) => string }; yFormat: (v: number) => string; hGuide?: number }): uPlot.Options {
  const floor = opts.yTopAtLeast ?? 1;
  const scales: uPlot.Scales = { x: { time: false, range: (_u, _min, max) => dayRange(max, env.horizonDays?.() ?? null) }, y: { range: (_u, _min, max) => [0, opts.yMax ?? Math.max((Number.isFinite(max) ? max : 0) * 1.1, floor)] } };
  if (opts.right) scales[opts.right.scale] = { range: (_u, _min, max) => [0, Math.max(max * 1.1, 1)] };
  const axes = [dayAxis(env), valueAxis(env, opts.yFormat)];
  if (opts.right) axes.push(valueAxis(env, opts.right.format, opts.right.scale, 1));
  const plugins = [markers(env, tippingGuide(env))];
  if (opts.hGuide !== undefined) {
    const y0 = opts.hGuide;
    plugins.push({ hooks: { drawAxes: (u: uPlot) => {
      const y = u.valToPos(y0, 'y', true);
      const { left, width } = u.bbox;
      u.ctx.save(); u.ctx.strokeStyle = env.fg; u.ctx.lineWidth = 1.5 * (window.devicePixelRatio || 1);
      u.ctx.setLineDash([2, 6]); u.ctx.beginPath(); u.ctx.moveTo(left, y); u.ctx.lineTo(left + width, y); u.ctx.stroke(); u.ctx.restore();
    } } });
  }
  return {
    ...size,
    // Room on the right for half of the last day label ("End / 15 Sept" is centred on its tick).
    padding: [10, opts.right ? 28 : 40, 0, 0],
    scales,
    axes,
    plugins,
    cursor: { drag: { x: false, y: false }, points: { size: 10 } },
    legend: { show: false },
    series: [
      { label: t('charts.day'), value: (_u, v) => (v === null ? t('value.none') : `${Math.floor(v) + 1} (${shortDate(env.startDate(), v)})`) },
      ...lines.map((l): uPlot.Series => ({
        label: l.label, stroke: l.stroke, width: 3.5, dash: l.dash, scale: l.scale ?? 'y', points: { show: false },
        value: (_u, v) => (v === null ? t('value.none') : l.format(v)),
      })),
    ],
  };
}

/** Bars of the loyalty histogram (bins over [0,1]) with the mean threshold marked. */
export function histogramOptions(U: typeof uPlot, env: ChartEnv, size: { width: number; height: number },
  threshold: () => number | null): uPlot.Options {
  const bars = U.paths.bars ? U.paths.bars({ size: [0.85, Infinity], align: 0 }) : undefined;
  return {
    ...size,
    padding: [10, 16, 0, 0],
    scales: { x: { time: false, range: [0, 1] }, y: { range: (_u, _min, max) => [0, Math.max(1, max * 1.1)] } },
    axes: [
      { stroke: env.fg, font: FONT, labelFont: LABEL_FONT, label: t('charts.loyaltyAxis'), labelSize: 28, size: 36,
        grid: { show: false }, ticks: { stroke: env.grid }, splits: () => [0, 0.2, 0.4, 0.6, 0.8, 1],
        values: (_u, splits) => splits.map((v) => fmtNum(v, 1)) },
      valueAxis(env, (v) => fmtNum(v, 0)),
    ],
    plugins: [markers(env, () => {
      const th = threshold();
      return th === null ? [] : [{ x: th, label: t('inspector.threshold'), color: PALETTE.vermillion }];
    })],
    cursor: { drag: { x: false, y: false }, points: { show: false } },
    legend: { show: false },
    series: [
      { label: t('charts.loyaltyAxis'), value: (_u, v) => (v === null ? t('value.none') : `${fmtNum(v - 0.05, 1)}–${fmtNum(v + 0.05, 1)}`) },
      { label: t('charts.loyaltyCount'), stroke: PALETTE.blue, fill: `${PALETTE.blue}cc`, width: 2, paths: bars, points: { show: false },
        value: (_u, v) => (v === null ? t('value.none') : fmtNum(v, 0)) },
    ],
  };
}

export const sharePct = (v: number): string => fmtPct(v, v < 0.1 ? 1 : 0);
