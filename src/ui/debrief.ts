/**
 * The debrief, laid over the map when the run is decided: why it ended as it did, the tipping
 * day, the day momentum turned, the channels that moved the officers, the run in numbers, the
 * scenario's historical figures beside the run's, and what would have had to change.
 * The outcome is announced through a polite live region.
 */
import { bandDigits, type Channel } from '../sim';
import type { GameState } from '../store/types';
import { signedBars } from './bars';
import { startFresh } from './controls';
import { button, el, focusTrap, setText, watch } from './dom';
import { counterfactualSentence, debriefOf, type ActualEnd, type Debrief } from './debriefModel';
import { fmtInt, fmtNum, fmtPct } from './format';
import { t, tMaybe } from './strings';
import type { Panel, PanelDeps } from './types';

/** A historical figure or the model's value beside it, in the figure's unit. */
export function fmtFigure(v: number | null, unit: string | null, band?: readonly [number, number] | null): string {
  if (v === null) return t('value.none');
  // Enough decimals that the printed value agrees with its verdict against the band (bandDigits).
  if (unit === 'share') {
    const ds = bandDigits(100 * v, band ? [100 * band[0], 100 * band[1]] : null, 0);
    return ds <= 1 ? fmtPct(v, ds as 0 | 1) : `${fmtNum(100 * v, ds)}%`;
  }
  const base = Math.abs(v) >= 100 || Number.isInteger(v) ? 0 : 1, d = bandDigits(v, band, base);
  const n = d === 0 ? fmtInt(v) : fmtNum(v, d);
  if (unit === 'percent') return `${n}%`;
  return unit ? `${n} ${unit}` : n;
}

function table(head: string[], rows: string[][], caption?: string): HTMLTableElement {
  const tb = el('table', { class: 'br-table' });
  if (caption) tb.append(el('caption', {}, caption));
  tb.append(el('thead', {}, el('tr', {}, ...head.map((h) => el('th', { scope: 'col' }, h)))));
  tb.append(el('tbody', {}, ...rows.map((r) => el('tr', {}, el('th', { scope: 'row' }, r[0]), ...r.slice(1).map((c) => el('td', {}, c))))));
  return tb;
}

export function renderDebrief(d: Debrief): HTMLElement[] {
  const out: HTMLElement[] = [
    el('p', { class: 'br-headline' }, d.headline),
    el('h3', {}, t('debrief.why')), el('p', {}, d.why), el('p', {}, d.tipping), d.momentum ? el('p', {}, d.momentum) : el('span'),
    d.crackdown ? el('p', {}, d.crackdown) : el('span'),
    el('h3', {}, t('debrief.channels')),
  ];
  const history: HTMLElement[] = [];
  const c = d.channels;
  if (c.source === 'none') out.push(el('p', { class: 'br-muted' }, t('debrief.channelsNone')));
  else {
    out.push(el('p', { class: 'br-muted' }, t(c.source === 'totals' ? 'debrief.channelsTotals' : 'debrief.channelsEvents')));
    const fmt = c.source === 'events' ? (v: number) => t('debrief.officersCount', { n: fmtInt(Math.abs(v)) }) : undefined;
    if (c.leaving.length) out.push(el('h4', {}, t('debrief.towardLeaving')), signedBars(c.leaving, { explain: true, format: fmt }));
    if (c.staying.length) out.push(el('h4', {}, t('debrief.towardStaying')), signedBars(c.staying, { explain: true }));
  }
  if (d.numbers.length) out.push(el('h3', {}, t('debrief.numbers')), el('dl', { class: 'br-facts' },
    ...d.numbers.flatMap(([k, v]) => [el('dt', {}, k), el('dd', {}, v)])));
  if (d.numbers.length && d.numbersNote) out.push(el('p', { class: 'br-muted' }, d.numbersNote));
  if (d.history.length) {
    // One section, laid across both columns of the debrief: a four-column table needs the width.
    history.push(el('h3', {}, t('debrief.history')), table(
      [t('debrief.historyFigure'), t('debrief.historyReal'), t('debrief.historyBand'), t('debrief.historyModel')],
      d.history.map((h) => [h.label, fmtFigure(h.historical, h.unit),
        // "5,000 to 10,000 people", "−24% to −12%": a count's unit once, after the range.
        h.band ? t('debrief.historyBandRange', { lo: fmtFigure(h.band[0], h.unit === 'percent' || h.unit === 'share' ? h.unit : null), hi: fmtFigure(h.band[1], h.unit) }) : t('value.none'),
        h.inBand === null ? fmtFigure(h.model, h.unit)
          : t(h.inBand ? 'debrief.historyIn' : 'debrief.historyOut', { value: fmtFigure(h.model, h.unit, h.band) })])));
    history.push(el('ul', { class: 'br-sources' }, ...d.history.map((h) => el('li', {}, `${h.label}: ${t('debrief.historySource', { source: h.source })}`))));
  }
  if (d.hints.length) out.push(el('h3', {}, t('debrief.change')), el('ul', { class: 'br-hints' }, ...d.hints.map((h) => el('li', {}, h))));
  if (history.length) out.push(el('section', { class: 'br-debrief-history' }, ...history));
  return out;
}

/** The "What your choices changed" section from the store's replays. */
export function renderChoices(s: Pick<GameState, 'counterfactuals' | 'outcome' | 'tippingTick' | 'summary' | 'meta' | 'strategy' | 'takeover' | 'actions'>): HTMLElement[] {
  const out: HTMLElement[] = [el('h3', {}, t('debrief.yourChoices'))];
  const cf = s.counterfactuals;
  const tpd = s.meta?.ticksPerDay ?? 1;
  const actual: ActualEnd = { outcome: s.outcome, tippingTick: s.tippingTick, defectedShare: s.summary?.defectedShare ?? 0 };
  const own = s.actions.filter((a) => s.takeover === null || a.tick >= s.takeover);
  if (s.strategy !== 'none') { out.push(el('p', {}, t('debrief.cfNoneWatched'))); return out; }
  if (own.length === 0) { out.push(el('p', {}, t('debrief.cfNone'))); return out; }
  if (cf.status === 'error') { out.push(el('p', { class: 'br-error' }, t('debrief.cfError', { message: cf.message }))); return out; }
  const results = cf.status === 'running' || cf.status === 'done' ? cf.results : [];
  const list = el('ul', { class: 'br-choices' }, ...results.map((c) => el('li', { 'data-tactic': c.tactic }, counterfactualSentence(c, actual, tpd))));
  out.push(list);
  if (cf.status === 'running' || cf.status === 'idle')
    out.push(el('p', { class: 'br-muted', role: 'status' }, t('debrief.cfRunning', { done: cf.status === 'running' ? cf.done : 0, total: cf.status === 'running' && cf.total ? cf.total : '…' })));
  if (s.takeover !== null && s.takeover > 0) out.push(el('p', { class: 'br-muted' }, t('debrief.cfHistoryNote')));
  return out;
}

export function createDebrief({ store, getSeries }: PanelDeps): Panel & { open(): void; close(): void; isOpen(): boolean } {
  const live = el('p', { class: 'br-sr-only', role: 'status', 'aria-live': 'polite' });
  const body = el('div', { class: 'br-overlay-body' });
  const choices = el('div', { class: 'br-debrief-choices' });
  const historyCell = el('div', { class: 'br-debrief-history-cell' });
  const close = button('×', () => hide(), { class: 'br-close', 'aria-label': t('debrief.close'), title: t('debrief.close') });
  const again = button(t('debrief.again'), () => { hide(); startFresh(store.getState()); }, { class: 'br-primary', title: t('debrief.againHelp') });
  const replay = button(t('debrief.replay'), () => { hide(); store.getState().reset(); }, { class: 'br-secondary', title: t('debrief.replayHelp') });
  const print = button(t('debrief.print'), () => window.print(), { class: 'br-secondary', title: t('debrief.printHelp') });
  const heading = el('h2', { id: 'br-debrief-title', tabindex: -1 }, t('debrief.title'));
  const panel = el('section', { class: 'br-overlay br-debrief', role: 'dialog', 'aria-modal': 'true', 'aria-labelledby': 'br-debrief-title', hidden: true },
    el('div', { class: 'br-overlay-head' }, heading, close), el('div', { class: 'br-debrief-cols' }, body, choices, historyCell),
    el('div', { class: 'br-overlay-foot' }, again, replay, print));
  const root = el('div', { class: 'br-debrief-wrap' }, live, panel);
  const trap = focusTrap(panel, () => heading);

  let shownFor: number | null = null;

  function render(s: GameState): void {
    const rows = getSeries().rows.slice(0, getSeries().length);
    const totals = (s as GameState & { channelTotals?: Partial<Record<Channel, number>> | null }).channelTotals ?? null;
    const d = debriefOf({ ...s, channelTotals: totals }, rows);
    if (!d) return;
    const parts = renderDebrief(d);
    body.replaceChildren(...parts.filter((e) => !e.classList.contains('br-debrief-history')));
    historyCell.replaceChildren(...parts.filter((e) => e.classList.contains('br-debrief-history')));
    choices.replaceChildren(...renderChoices(s));
  }
  function show(): void {
    const s = store.getState();
    if (s.outcome !== null && s.counterfactuals.status === 'idle') s.runCounterfactuals();
    render(store.getState());
    if (panel.hidden) { panel.hidden = false; document.body.classList.add('br-debriefing'); trap.opened(); }
  }
  function hide(): void {
    if (panel.hidden) return;
    panel.hidden = true;
    document.body.classList.remove('br-debriefing');
    trap.closed();
  }

  const unsubs = [
    watch(store, (s) => [s.outcome, s.summary, s.historical] as const, ([outcome], s) => {
      if (outcome === null) { hide(); setText(live, ''); return; }
      setText(live, t('debrief.outcomeLive', { outcome: tMaybe(`outcome.${outcome}`, outcome) }));
      // Opens by itself once per run; after the player closes it, the controls re-open it.
      if (panel.hidden && shownFor !== s.runId) { shownFor = s.runId; show(); } else if (!panel.hidden) render(s);
    }),
    watch(store, (s) => s.counterfactuals, (_c, s) => { if (!panel.hidden) choices.replaceChildren(...renderChoices(s)); }),
  ];
  return { root, open: show, close: hide, isOpen: () => !panel.hidden, destroy() { unsubs.forEach((u) => u()); root.remove(); } };
}
