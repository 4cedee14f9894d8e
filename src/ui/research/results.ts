/**
 * The results of a finished batch: counts, the research figures against their targets (a table:
 * it reads on a projector and to a screen reader), notes on undefined figures and wide
 * intervals, the 2×2 table, the targets' arithmetic, and for a sweep the chart of success rate
 * against the swept parameter with a table of every point. CSV and JSON downloads are the CLI's
 * `--format csv` and `--format json` bytes.
 */
import { resultJson, rowsToCsv, type BatchResult } from '../../batch/index';
import { specOf, type ParamKey } from '../../sim';
import { fmtPct } from '../format';
import { specFor } from '../paramModel';
import { button, el } from '../dom';
import { t } from '../strings';
import { drawSweepChart, sweepLegend, type SweepChart } from './sweepChart';
import { causalView, countsLine, impliedRows, pointRows, qualificationLine, statedFigures, statNotes, statRows, strategyView } from './statsModel';

type Cell = string | Node;

/** A table with a header row; `rowHeads` makes each row's first cell a <th scope="row">. */
export function table(cls: string, caption: string | null, head: string[], rows: Cell[][], rowHeads = true): HTMLTableElement {
  return el('table', { class: `br-table ${cls}` },
    caption ? el('caption', {}, caption) : null,
    el('thead', {}, el('tr', {}, ...head.map((h) => el('th', { scope: 'col' }, h)))),
    el('tbody', {}, ...rows.map((r) => el('tr', {}, ...r.map((c, i) => (i === 0 && rowHeads ? el('th', { scope: 'row' }, c) : el('td', {}, c)))))));
}

/** Saves text as a file through a Blob link (the page's only way to hand the user a file). */
export function download(text: string, filename: string, type: string): void {
  const a = document.createElement('a');
  a.href = URL.createObjectURL(new Blob([text], { type }));
  a.download = filename;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
}

export function statsTable(r: BatchResult): HTMLTableElement {
  const rows = statRows(r.stats);
  const tbl = table('br-research-stats', null,
    [t('research.figure'), t('research.measured'), t('research.interval'), t('research.count'), t('research.target'), t('research.inside')],
    rows.map((s) => [s.label, s.measured, s.interval, s.count, s.target,
      s.insideState === null ? s.inside : el('span', { class: s.insideState ? 'br-inside' : 'br-outside' }, s.inside)]));
  tbl.querySelectorAll('tbody tr').forEach((tr, i) => {
    tr.setAttribute('data-stat', rows[i].id);
    if (i === 2) tr.classList.add('br-research-last-target');
  });
  return tbl;
}

export interface Results { root: HTMLElement; destroy(): void; }

export function renderResults(r: BatchResult, fileBase: string): Results {
  const st = r.stats, tb = st.table;
  const notes = statNotes(st);
  const runsText = r.batch.sweep.length > 0 ? t('research.resultsRuns', { points: r.batch.points, runs: r.batch.runs })
    : t('research.resultsRunsOne', { total: r.batch.total });
  const root = el('section', { class: 'br-research-results', 'aria-labelledby': 'br-research-results-title' },
    el('h3', { id: 'br-research-results-title', tabindex: -1 }, t('research.results'),
      el('span', { class: 'br-muted br-research-of' }, ` · ${t('research.resultsOf', { scenario: r.batch.scenario, seed: r.batch.seed, runs: runsText })}`)),
    el('p', { class: 'br-research-counts' }, countsLine(st)),
    qualificationLine(st) === null ? null : el('p', { class: 'br-help br-research-qualification' }, qualificationLine(st)),
    r.batch.sweep.length > 0 ? el('p', { class: 'br-muted' }, t('research.pooled')) : null);

  let chart: SweepChart | null = null;
  const axis = r.batch.sweep[0];
  if (r.batch.sweep.length === 2 && st.points) root.append(heatMap(st.points, r.batch.sweep[0].key, r.batch.sweep[1].key));
  else if (axis && st.points) {
    const label = specOf(axis.key).label;
    const host = el('div', { class: 'br-research-chart-host', 'aria-hidden': 'true' });
    root.append(el('figure', { class: 'br-research-chart', 'aria-labelledby': 'br-research-chart-title' },
      el('figcaption', {}, el('strong', { id: 'br-research-chart-title' }, t('research.chartTitle', { param: label })), ' ',
        el('span', { class: 'br-muted' }, t('research.chartCaption'))),
      sweepLegend(st.targets.successRate), host));
    root.append(table('br-research-points', t('research.points'),
      [label, t('research.chartSuccess'), t('research.interval'), t('research.count'), t('research.stat.defectionShareInSuccesses'),
        t('research.stat.multiplier', { kind: t(st.successMultiplier.kind === 'odds' ? 'research.kindOdds' : 'research.kindRisk') })],
      pointRows(st.points, axis.key).map((p) => [p.value, p.success, p.interval, p.count, p.share, p.multiplier])));
    if (st.points.some((p) => p.stats.successMultiplier.corrected)) root.append(el('p', { class: 'br-help' }, t('research.pointsNote')));
    // Drawn once the drawer has laid the host out.
    const later = typeof requestAnimationFrame === 'function' ? requestAnimationFrame : (f: () => void) => setTimeout(f, 0);
    later(() => { if (host.isConnected) chart = drawSweepChart(host, st.points!, axis.key, label, st.targets.successRate); });
  }

  root.append(el('h4', {}, t('research.figuresTitle')), statsTable(r));
  if (notes.length > 0) root.append(el('ul', { class: 'br-research-notes', role: 'note' }, ...notes.map((n) => el('li', {}, n))));
  root.append(el('p', { class: 'br-help' }, t('research.note.nonviolent')));

  root.append(
    el('h4', {}, t('research.table2x2')),
    table('br-research-2x2', null, ['', t('research.success'), t('research.nonSuccess')], [
      [t('research.withDefection'), String(tb.defectionSuccess), String(tb.defectionNonSuccess)],
      [t('research.noDefection'), String(tb.noDefectionSuccess), String(tb.noDefectionNonSuccess)],
    ]),
    ...(st.causal !== undefined ? [causalSection(st.causal)] : []),
    ...strategySection(st),
    el('h4', {}, t('research.implied')),
    table('br-research-implied', null, ['', t('research.pD'), t('research.pSD'), t('research.pSnD')],
      impliedRows(st).map((x) => [x.label, x.pD, x.pSD, x.pSnD])),
    ...statedFigures(st).map((line) => el('p', { class: 'br-help br-research-stated' }, line)),
  );

  const csv = button(t('research.csv'), () => download(rowsToCsv(r.rows), `${fileBase}.csv`, 'text/csv'), { class: 'br-research-csv' });
  const json = button(t('research.json'), () => download(resultJson(r), `${fileBase}.json`, 'application/json'), { class: 'br-research-json' });
  root.append(el('h4', {}, t('research.export')), el('div', { class: 'br-inline' }, csv, json), el('p', { class: 'br-help' }, t('research.exportHelp')));
  return { root, destroy() { chart?.destroy(); root.remove(); } };
}

/** The strategy comparisons (marches only, one tactic, mixes; pillar-aimed below the median peak), when more than one kind ran. */
function strategySection(st: BatchResult['stats']): HTMLElement[] {
  const v = strategyView(st);
  if (v === null) return [];
  const head = [t('research.strategy'), t('research.runsCol'), t('research.successCol'), t('research.defectionCol'), t('research.defectedCol')];
  return [el('section', { class: 'br-research-strategies', 'aria-labelledby': 'br-research-strategies-title' },
    el('h4', { id: 'br-research-strategies-title' }, t('research.strategiesTitle')),
    el('p', { class: 'br-help' }, t('research.strategiesIntro')),
    table('br-research-strategy-table', null, head, v.rows),
    el('p', {}, v.lines[0]),
    el('p', {}, v.lines[1]),
    table('br-research-below-table', null, head, v.below),
    el('p', {}, v.lines[2]))];
}

/** Beside the 2×2 table: the causal check's figures in words, its landmark table and its verdict. */
export function causalSection(c: NonNullable<BatchResult['stats']['causal']>): HTMLElement {
  const v = causalView(c);
  return el('section', { class: 'br-research-causal', 'aria-labelledby': 'br-research-causal-title' },
    el('h4', { id: 'br-research-causal-title' }, t('research.causalTitle')),
    el('p', { class: 'br-help' }, t('research.causalIntro')),
    ...v.lines.map((line) => el('p', { class: 'br-research-causal-line' }, line)),
    table('br-research-causal-table', null,
      [t('research.causalThreshold', { day: c.landmarkDay }), t('research.causalExposed'), t('research.causalUnexposed'), t('research.causalOdds'), t('research.interval')],
      v.rows.map((r) => [r.threshold, r.exposed, r.unexposed, r.odds, r.interval])),
    v.rows.some((r) => r.odds.endsWith('*')) ? el('p', { class: 'br-help' }, t('research.causalCorrected')) : null,
    el('p', { class: 'br-research-causal-verdict', role: 'note' }, v.verdict));
}

/**
 * Two swept parameters: the success rate at every point of the grid as a table whose cells are
 * shaded by the rate (a heat map that is also its own data table; the numbers are in the cells).
 */
export function heatMap(points: NonNullable<BatchResult['stats']['points']>, keyA: string, keyB: string): HTMLElement {
  const as = [...new Set(points.map((p) => p.values[keyA]))].sort((x, y) => x - y);
  const bs = [...new Set(points.map((p) => p.values[keyB]))].sort((x, y) => x - y);
  const at = new Map(points.map((p) => [`${p.values[keyA]}|${p.values[keyB]}`, p]));
  const labelA = specFor(keyA as ParamKey)?.label ?? keyA, labelB = specFor(keyB as ParamKey)?.label ?? keyB;
  const cell = (a: number, b: number): HTMLElement => {
    const p = at.get(`${a}|${b}`);
    const v = p?.stats.successRate.value ?? null;
    const shade = v === null ? 'none' : String(Math.min(9, Math.floor(v * 10)));
    return el('td', { 'data-shade': shade, title: v === null ? '' : `${labelA} ${a}, ${labelB} ${b}` }, v === null ? t('value.none') : fmtPct(v, 0));
  };
  const tb = el('table', { class: 'br-table br-heatmap', id: 'br-research-heatmap' },
    el('caption', {}, t('research.heatTitle', { a: labelA, b: labelB })),
    el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, `${labelA} \\ ${labelB}`), ...bs.map((b) => el('th', { scope: 'col' }, String(b))))),
    el('tbody', {}, ...as.map((a) => el('tr', {}, el('th', { scope: 'row' }, String(a)), ...bs.map((b) => cell(a, b))))));
  return el('figure', { class: 'br-research-heat' }, tb, el('figcaption', { class: 'br-help' }, t('research.heatCaption')));
}
