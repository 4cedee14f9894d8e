/**
 * Live charts (uPlot), one at a time in the strip below the map, chosen by tabs: participation,
 * effective vs needed force (with the tipping line), officers by state, the loyalty histogram and
 * momentum. The app's redraw loop calls draw() at most 10 times a second; the series are read from
 * getSeries(). uPlot is loaded on first use, so the page and the DOM tests start without it.
 * Each chart has a legend (colour and dash) and a caption with the current values in words.
 */
import type uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import type { GameStore } from '../store/types';
import { SeriesColumns } from './chartData';
import type { ChartEnv } from './chartOptions';
import { CHARTS, chartCaption, chartColumns, chartData, chartLines, chartOptions, type ChartId } from './chartSpecs';
import { fmtNum } from './format';
import { el, setText, watch } from './dom';
import { t } from './strings';
import type { Panel, PanelDeps } from './types';

const MIN_HEIGHT = 110;
const SVG = 'http://www.w3.org/2000/svg';

function swatch(stroke: string, dash: number[]): SVGSVGElement {
  const svg = document.createElementNS(SVG, 'svg');
  svg.setAttribute('width', '36'); svg.setAttribute('height', '12'); svg.setAttribute('aria-hidden', 'true');
  const l = document.createElementNS(SVG, 'line');
  for (const [k, v] of Object.entries({ x1: '1', y1: '6', x2: '35', y2: '6', stroke, 'stroke-width': '4', 'stroke-dasharray': dash.join(' ') })) l.setAttribute(k, v);
  svg.append(l);
  return svg;
}

interface Slot { id: ChartId; tab: HTMLButtonElement; figure: HTMLElement; host: HTMLElement; caption: HTMLElement; plot: uPlot | null; withB: boolean;
  table: HTMLDetailsElement; tableBody: HTMLElement; tableHead: HTMLElement; tableRows: number }

export function createCharts({ store, getSeries, getSeriesB }: PanelDeps): Panel & { draw(): void; show(id: ChartId): void } {
  const state = (): GameStore => store.getState();
  const css = getComputedStyle(document.documentElement);
  const env: ChartEnv = {
    fg: css.getPropertyValue('--fg').trim() || '#161616',
    grid: css.getPropertyValue('--grid').trim() || 'rgba(128,128,128,0.35)',
    startDate: () => state().meta?.startDate ?? '',
    tippingDay: () => {
      const s = state();
      return s.tippingTick === null || !s.meta ? null : s.tippingTick / Math.max(1, s.meta.ticksPerDay);
    },
    horizonDays: () => { const m = state().meta; return m ? m.horizonTicks / Math.max(1, m.ticksPerDay) : null; },
  };

  const tabs = el('div', { class: 'br-chart-tabs', role: 'tablist', 'aria-label': t('charts.title') });
  const root = el('section', { class: 'br-panel br-chart-panel', 'aria-label': t('charts.title') }, tabs);
  let selected: ChartId = 'participation';
  const slots: Slot[] = CHARTS.map(({ id, title, tab: tabText }) => {
    const host = el('div', { class: 'br-chart-host', 'aria-hidden': 'true' });
    const caption = el('p', { class: 'br-chart-caption' }, t('charts.empty'));
    const legend = el('ul', { class: 'br-chart-legend' }, ...chartLines(id, env).map((l) =>
      el('li', {}, swatch(l.stroke, l.dash ?? []), l.scale === 'duty' ? t('charts.rightAxis', { label: l.label }) : l.label)));
    // The chart's data table: its text alternative, one row per day (built while it is open).
    const tableHead = el('tr');
    const tableBody = el('tbody');
    const table = el('details', { class: 'br-chart-table' }, el('summary', {}, t('charts.table')),
      el('div', { class: 'br-chart-table-scroll' }, el('table', { class: 'br-table' },
        el('caption', {}, t('charts.tableCaption', { title: t(title) })), el('thead', {}, tableHead), tableBody)));
    table.addEventListener('toggle', () => { dirty = true; });
    legend.append(el('li', { class: 'br-chart-ab', hidden: true }, t('charts.abNote')));
    const figure = el('div', { class: 'br-chart', role: 'tabpanel', id: `br-chart-${id}`, 'aria-label': t(title), 'data-chart': id },
      el('div', { class: 'br-chart-top' }, legend, caption), host, table);
    const tab = el('button', { type: 'button', role: 'tab', id: `br-tab-${id}`, 'aria-controls': figure.id, class: 'br-tab', title: t(title) }, t(tabText));
    tab.addEventListener('click', () => show(id));
    tabs.append(tab);
    root.append(figure);
    return { id, tab, figure, host, caption, plot: null, withB: false, table, tableBody, tableHead, tableRows: -1 };
  });
  tabs.addEventListener('keydown', (e) => {
    if (e.key !== 'ArrowRight' && e.key !== 'ArrowLeft') return;
    const k = slots.findIndex((s) => s.id === selected);
    const next = slots[(k + (e.key === 'ArrowRight' ? 1 : slots.length - 1)) % slots.length];
    show(next.id);
    next.tab.focus();
    e.preventDefault();
  });

  function show(id: ChartId): void {
    selected = id;
    for (const s of slots) {
      const on = s.id === id;
      s.tab.setAttribute('aria-selected', String(on));
      s.tab.tabIndex = on ? 0 : -1;
      s.figure.hidden = !on;
    }
    dirty = true;
  }

  const cols = new SeriesColumns();
  const colsB = new SeriesColumns();
  const hasB = (): boolean => state().compare !== null && getSeriesB !== undefined;

  /** The open data table: one row per day (the day's last row) and the latest row, A's columns then B's. */
  function fillTable(s: Slot): void {
    if (!s.table.open) return;
    const meta = state().meta;
    const c = cols.cols, n = c.day.length;
    if (n === s.tableRows) return;
    s.tableRows = n;
    const lines = chartLines(s.id, env).map((l) => l.label);
    const b = hasB();
    const head = [t('charts.day'), ...(s.id === 'loyalty' ? [t('charts.loyaltyNow', { mean: '' }).trim()] : lines), ...(b && s.id !== 'loyalty' ? lines.map((l) => t('charts.tableB', { label: l })) : [])];
    s.tableHead.replaceChildren(...head.map((h) => el('th', { scope: 'col' }, h)));
    const colA = chartColumns(s.id, cols), colB = b && s.id !== 'loyalty' ? chartColumns(s.id, colsB) : [];
    const share = s.id === 'participation';
    const fmt = (v: number | undefined) => (v === undefined ? t('value.none') : share ? `${fmtNum(v * 100, 1)}%` : Number.isInteger(v) ? fmtNum(v, 0) : fmtNum(v, 2));
    const tpd = Math.max(1, meta?.ticksPerDay ?? 1);
    const rows: HTMLElement[] = [];
    for (let k = 0; k < n; k++) {
      const tick = Math.round(c.day[k] * tpd);
      if (k !== n - 1 && tick % tpd !== 0) continue;
      rows.push(el('tr', {}, el('th', { scope: 'row' }, String(Math.max(1, Math.ceil(tick / tpd)))), ...colA.map((x) => el('td', {}, fmt(x[k]))), ...colB.map((x) => el('td', {}, fmt(x[k])))));
    }
    s.tableBody.replaceChildren(...rows);
  }
  let U: typeof uPlot | null = null;
  let loading = false;
  let dirty = true;
  let destroyed = false;

  const sizeOf = (s: Slot) => ({ width: s.host.clientWidth, height: Math.max(MIN_HEIGHT, s.host.clientHeight) });

  /** Creates the selected chart once uPlot is loaded and its host has a size. */
  function ensurePlot(s: Slot): void {
    if (s.plot || s.host.clientWidth === 0) return; // no room (or a DOM test): nothing to draw on
    if (!U) {
      if (!loading) {
        loading = true;
        import('uplot').then((m) => { U = m.default; dirty = true; }).catch((e) => console.error('[ui] charts unavailable', e));
      }
      return;
    }
    s.withB = hasB();
    try { s.plot = new U(chartOptions(U, s.id, env, sizeOf(s), () => state().meta, s.withB), chartData(s.id, cols, s.withB ? colsB : null), s.host); } catch (e) { console.error('[ui] chart failed', s.id, e); }
  }

  const resize = typeof ResizeObserver === 'function' ? new ResizeObserver(() => { dirty = true; }) : null;
  for (const s of slots) resize?.observe(s.host);
  const unsub = watch(store, (s) => [s.meta, s.tippingTick, s.compare !== null] as const, () => { dirty = true; });
  show(selected);

  return {
    root,
    show,
    draw() {
      if (destroyed) return;
      let changed = cols.update(getSeries(), state().meta, state().runId);
      if (getSeriesB) changed = colsB.update(getSeriesB(), state().meta, state().runId) || changed;
      const s = slots.find((x) => x.id === selected)!;
      // Opening or closing a comparison changes the chart's lines: build it again.
      if (s.plot && s.withB !== hasB()) { s.plot.destroy(); s.plot = null; s.host.replaceChildren(); }
      for (const note of root.querySelectorAll<HTMLElement>('.br-chart-ab')) note.hidden = !hasB();
      ensurePlot(s);
      if (changed || dirty) { if (changed) s.tableRows = -1; fillTable(s); }
      if (!changed && !dirty) return;
      dirty = false;
      setText(s.caption, chartCaption(s.id, cols, state().meta));
      if (!s.plot) return;
      const size = sizeOf(s);
      if (Math.abs(s.plot.width - size.width) > 2 || Math.abs(s.plot.height - size.height) > 2) s.plot.setSize(size);
      s.plot.setData(chartData(s.id, cols, s.withB ? colsB : null));
    },
    destroy() {
      destroyed = true;
      unsub();
      resize?.disconnect();
      for (const s of slots) s.plot?.destroy();
      root.remove();
    },
  };
}
