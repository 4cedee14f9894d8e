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
import { CHARTS, chartCaption, chartData, chartLines, chartOptions, type ChartId } from './chartSpecs';
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

interface Slot { id: ChartId; tab: HTMLButtonElement; figure: HTMLElement; host: HTMLElement; caption: HTMLElement; plot: uPlot | null }

export function createCharts({ store, getSeries }: PanelDeps): Panel & { draw(): void; show(id: ChartId): void } {
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
  };

  const tabs = el('div', { class: 'br-chart-tabs', role: 'tablist', 'aria-label': t('charts.title') });
  const root = el('section', { class: 'br-panel br-chart-panel', 'aria-label': t('charts.title') }, tabs);
  let selected: ChartId = 'participation';
  const slots: Slot[] = CHARTS.map(({ id, title, tab: tabText }) => {
    const host = el('div', { class: 'br-chart-host', 'aria-hidden': 'true' });
    const caption = el('p', { class: 'br-chart-caption' }, t('charts.empty'));
    const legend = el('ul', { class: 'br-chart-legend' }, ...chartLines(id, env).map((l) =>
      el('li', {}, swatch(l.stroke, l.dash ?? []), l.scale === 'duty' ? t('charts.rightAxis', { label: l.label }) : l.label)));
    const figure = el('div', { class: 'br-chart', role: 'tabpanel', id: `br-chart-${id}`, 'aria-label': t(title), 'data-chart': id },
      el('div', { class: 'br-chart-top' }, legend, caption), host);
    const tab = el('button', { type: 'button', role: 'tab', id: `br-tab-${id}`, 'aria-controls': figure.id, class: 'br-tab', title: t(title) }, t(tabText));
    tab.addEventListener('click', () => show(id));
    tabs.append(tab);
    root.append(figure);
    return { id, tab, figure, host, caption, plot: null };
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
    try { s.plot = new U(chartOptions(U, s.id, env, sizeOf(s), () => state().meta), chartData(s.id, cols), s.host); } catch (e) { console.error('[ui] chart failed', s.id, e); }
  }

  const resize = typeof ResizeObserver === 'function' ? new ResizeObserver(() => { dirty = true; }) : null;
  for (const s of slots) resize?.observe(s.host);
  const unsub = watch(store, (s) => [s.meta, s.tippingTick] as const, () => { dirty = true; });
  show(selected);

  return {
    root,
    show,
    draw() {
      if (destroyed) return;
      const changed = cols.update(getSeries(), state().meta, state().runId);
      const s = slots.find((x) => x.id === selected)!;
      ensurePlot(s);
      if (!changed && !dirty) return;
      dirty = false;
      setText(s.caption, chartCaption(s.id, cols, state().meta));
      if (!s.plot) return;
      const size = sizeOf(s);
      if (Math.abs(s.plot.width - size.width) > 2 || Math.abs(s.plot.height - size.height) > 2) s.plot.setSize(size);
      s.plot.setData(chartData(s.id, cols));
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
