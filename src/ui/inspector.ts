/**
 * The officer inspector: his state, loyalty against his threshold, unit, district, branch, mask,
 * exposure and abuses; his loyalty over time with the threshold line; and each loyalty channel's
 * signed contribution with a one-line explanation ("why is he wavering?"). Escape closes it.
 */
import type uPlot from 'uplot';
import type { OfficerDetail, RunMeta } from '../store/types';
import { channelRows, signedBars } from './bars';
import { DASH, PALETTE } from './chartOptions';
import { button, el, setText, throttle, watch } from './dom';
import { channelName, districtName } from './eventText';
import { dayOf, fmtInt, fmtNum, fmtPct } from './format';
import { t, tMaybe } from './strings';
import type { Panel, PanelDeps } from './types';

/** Rows of facts about an officer, as [label, value]. */
export function officerFacts(d: OfficerDetail, meta: RunMeta | null): [string, string][] {
  const ctx = { ticksPerDay: meta?.ticksPerDay ?? 1, districtIds: meta?.districtIds ?? [], districtNames: meta?.districtNames ?? [] };
  const rows: [string, string][] = [
    [t('inspector.state'), tMaybe(`officerState.${d.state}`, d.state)],
    [t('inspector.unit'), fmtInt(d.unit)],
    [t('inspector.district'), districtName(ctx, d.district) || t('value.none')],
    [t('inspector.branch'), tMaybe(`branch.${d.branch}`, d.branch)],
    [t('inspector.masked'), t(d.masked ? 'value.yes' : 'value.no')],
    [t('inspector.exposure'), fmtPct(d.exposure, 0)],
    [t('inspector.abuses'), fmtInt(d.abuses)],
  ];
  if (d.defectTick !== null) rows.push([t('inspector.left'), t('inspector.leftOn', { day: dayOf(d.defectTick, ctx.ticksPerDay) + 1 })]);
  return rows;
}

export function createInspector({ store }: PanelDeps): Panel {
  const title = el('h2', { id: 'br-inspector-title' }, t('inspector.heading'));
  const close = button('×', () => store.getState().selectOfficer(null),
    { class: 'br-close', 'aria-label': t('inspector.close'), title: t('inspector.close'), 'aria-keyshortcuts': 'Escape' });
  const summary = el('p', { class: 'br-inspector-summary' });
  const meterFill = el('span', { class: 'br-meter-fill' });
  const meterMark = el('span', { class: 'br-meter-mark' });
  const meter = el('div', { class: 'br-meter', role: 'img' }, meterFill, meterMark);
  const facts = el('dl', { class: 'br-facts' });
  const chartHost = el('div', { class: 'br-inspector-chart', 'aria-hidden': 'true' });
  const channelsBox = el('div', { class: 'br-inspector-channels' });
  const body = el('div', { class: 'br-inspector-body', hidden: true }, summary, meter, facts,
    el('h3', {}, t('inspector.history')), chartHost,
    el('h3', {}, t('inspector.channels')), el('p', { class: 'br-muted' }, t('inspector.channelsHelp')), channelsBox);
  const hint = el('p', { class: 'br-muted' }, t('inspector.hint'));
  const root = el('section', { class: 'br-panel br-inspector', 'aria-labelledby': 'br-inspector-title', id: 'br-inspector' },
    el('div', { class: 'br-panel-head' }, title, close), hint, body);

  let plot: uPlot | null = null;
  let U: typeof uPlot | null = null;
  let plotOfficer = -1;
  let lastDetail: OfficerDetail | null = null;
  const fg = getComputedStyle(document.documentElement).getPropertyValue('--fg').trim() || '#1b1b1b';

  function drawHistory(d: OfficerDetail, meta: RunMeta | null): void {
    const tpd = Math.max(1, meta?.ticksPerDay ?? 1);
    const xs = d.history.map((h) => h.tick / tpd);
    const data: uPlot.AlignedData = [xs, d.history.map((h) => h.loyalty),
      d.thresholdUnit === 'loyalty' ? xs.map(() => d.threshold) : xs.map(() => null)];
    if (plot && plotOfficer !== d.officer) { plot.destroy(); plot = null; }
    if (plot) { plot.setData(data); return; }
    if (chartHost.clientWidth === 0) return; // no room yet (or a DOM test): nothing to draw on
    if (!U) { void import('uplot').then((m) => { U = m.default; if (lastDetail) drawHistory(lastDetail, store.getState().meta); }); return; }
    const font = '600 15px system-ui, sans-serif';
    plot = new U({
      width: chartHost.clientWidth, height: 150,
      scales: { x: { time: false }, y: { range: [0, 1] } },
      axes: [{ stroke: fg, font, size: 36, values: (_u, s) => s.map((v) => fmtNum(v, 0)) },
        { stroke: fg, font, size: 44, splits: () => [0, 0.5, 1], values: (_u, s) => s.map((v) => fmtNum(v, 1)) }],
      legend: { show: false }, cursor: { show: false },
      series: [{}, { stroke: PALETTE.blue, width: 3, points: { show: false } },
        { stroke: PALETTE.vermillion, width: 2.5, dash: DASH.dash, points: { show: false } }],
    }, data, chartHost);
    plotOfficer = d.officer;
  }

  function render(): void {
    const s = store.getState();
    const id = s.selectedOfficer;
    root.classList.toggle('br-open', id !== null);
    close.hidden = id === null;
    hint.hidden = id !== null;
    if (id === null) {
      setText(title, t('inspector.heading')); body.hidden = true; lastDetail = null;
      plot?.destroy(); plot = null;
      return;
    }
    setText(title, t('inspector.title', { id }));
    const d = s.inspected && s.inspected.officer === id ? s.inspected : null;
    body.hidden = d === null;
    if (!d) { hint.hidden = false; setText(hint, t('inspector.loading', { id })); return; }
    setText(hint, t('inspector.hint'));
    lastDetail = d;
    const peers = d.thresholdUnit === 'peers';
    setText(summary, peers ? t('inspector.peersVs', { threshold: fmtNum(d.threshold, 0) })
      : `${t('inspector.loyaltyVs', { loyalty: fmtNum(d.loyalty, 2), threshold: fmtNum(d.threshold, 2) })}. ${
        d.loyalty >= d.threshold ? t('inspector.margin', { margin: fmtNum(d.loyalty - d.threshold, 2) }) : t('inspector.below')}.`);
    meter.hidden = peers;
    meterFill.style.width = `${100 * Math.max(0, Math.min(1, d.loyalty))}%`;
    meterFill.classList.toggle('br-neg', d.loyalty < d.threshold);
    meterMark.style.left = `${100 * Math.max(0, Math.min(1, d.threshold))}%`;
    meter.setAttribute('aria-label', summary.textContent ?? '');
    facts.replaceChildren(...officerFacts(d, s.meta).flatMap(([k, v]) => [el('dt', {}, k), el('dd', {}, v)]));
    const rows = channelRows(d.channels);
    const push = rows.filter((r) => r.value < 0)[0];
    const hold = rows.filter((r) => r.value > 0)[0];
    channelsBox.replaceChildren(
      el('p', { class: 'br-verdict' }, [push ? t('inspector.mainPush', { channel: channelName(push.channel) }) : '',
        hold ? t('inspector.mainHold', { channel: channelName(hold.channel) }) : ''].join(' ').trim()),
      signedBars(rows, { explain: true }));
    drawHistory(d, s.meta);
  }

  // A new selection shows at once; the detail, which changes every frame, at most 8 times a second.
  const later = throttle(render, 125);
  const unsubs = [
    watch(store, (s) => [s.selectedOfficer, s.meta] as const, () => { later.cancel(); render(); }),
    watch(store, (s) => s.inspected, () => later.call()),
  ];
  return { root, destroy() { unsubs.forEach((u) => u()); later.cancel(); plot?.destroy(); root.remove(); } };
}
