/**
 * Comparing two games: the dialog that opens run B beside the player's game A (one or more
 * changed settings, tactic kinds B never plays), and the readout of their difference (outcome,
 * tipping day, defected share, protesting now). B shares A's scenario, seed (common random
 * numbers), mode and calibration; the player's live moves go to both, except the kinds B never plays.
 */
import type { CompareSpec } from '../runner/protocol';
import type { GameState } from '../store/types';
import { button, el, focusTrap, setText, watch } from './dom';
import { tacticName } from './eventText';
import { fmtNum, fmtPct } from './format';
import { checkParam, paramSections, specFor } from './paramModel';
import { t, tMaybe } from './strings';
import type { Panel, PanelDeps } from './types';
import type { ParamKey } from '../sim';

/** "visionRadius = 3, no Strikes": what B changes, in words. */
export function changesText(vs: CompareSpec): string {
  const parts = [
    ...vs.sets.map(([k, v]) => t('compare.changeSet', { key: specFor(k as ParamKey)?.label ?? k, value: v })),
    ...vs.exclude.map((x) => t('compare.changeNo', { tactic: tacticName(x) })),
  ];
  if (vs.actions.length) parts.push(t('compare.changeAdd', { n: vs.actions.length }));
  return parts.join(', ') || t('value.none');
}

type Side = { outcome: GameState['outcome']; tippingTick: number | null; summary: GameState['summary'] };

export interface CompareRow { label: string; a: string; b: string; diff: string }

/** The difference readout's rows (pure). */
export function compareRows(a: Side, b: Side, ticksPerDay: number, nowA: number | null, nowB: number | null): CompareRow[] {
  const out = (x: Side) => (x.outcome === null ? t('compare.undecided') : tMaybe(`outcome.${x.outcome}`, x.outcome));
  const day = (x: Side) => (x.tippingTick === null ? t('value.none') : String(Math.floor(x.tippingTick / ticksPerDay) + 1));
  const days = a.tippingTick !== null && b.tippingTick !== null ? Math.floor(b.tippingTick / ticksPerDay) - Math.floor(a.tippingTick / ticksPerDay) : null;
  const dA = a.summary?.defectedShare ?? null, dB = b.summary?.defectedShare ?? null;
  const pts = (x: number | null, y: number | null): string => {
    if (x === null || y === null) return t('value.none');
    // Percentage points, said so: "−11.2%" beside 23.7% and 12.5% would read as a relative change.
    const d = fmtNum(100 * Math.abs(y - x), 1);
    // A difference too small to show is no difference on screen ("−0.0 points" would read as a change).
    return x === y || d === fmtNum(0, 1) ? t('compare.diffNone') : t('compare.diffPoints', { sign: y > x ? '+' : '\u2212', n: d });
  };
  return [
    { label: t('compare.row.outcome'), a: out(a), b: out(b), diff: a.outcome === b.outcome ? t('compare.diffNone') : '≠' },
    { label: t('compare.row.tipping'), a: day(a), b: day(b),
      diff: days === null ? t('value.none') : days === 0 ? t('compare.diffNone') : t('compare.diffDays', { sign: days > 0 ? '+' : '\u2212', n: Math.abs(days) }) },
    { label: t('compare.row.defected'), a: fmtPct(dA), b: fmtPct(dB), diff: pts(dA, dB) },
    { label: t('compare.row.active'), a: fmtPct(nowA), b: fmtPct(nowB), diff: pts(nowA, nowB) },
  ];
}

export function createCompareReadout({ store, getSeries, getSeriesB }: PanelDeps): Panel & { draw(): void } {
  const body = el('tbody');
  const caption = el('caption', {}, t('compare.readout'));
  const head = el('tr', {}, el('th', { scope: 'col' }, ''), el('th', { scope: 'col' }, 'A'), el('th', { scope: 'col' }, 'B'), el('th', { scope: 'col' }, 'B − A'));
  const root = el('section', { class: 'br-panel br-compare-readout', id: 'br-compare-readout', hidden: true },
    el('table', { class: 'br-table' }, caption, el('thead', {}, head), body));
  const lastActive = (v: ReturnType<PanelDeps['getSeries']> | undefined, n: number) => {
    if (!v) return null;
    const k = Math.min(v.length, v.rows.length);
    return k > 0 ? v.rows[k - 1].citizens.active / Math.max(1, n) : null;
  };
  return {
    root,
    draw() {
      const s = store.getState();
      root.hidden = s.compare === null;
      if (!s.compare || !s.meta) return;
      const n = s.meta.nCitizens;
      const rows = compareRows(s, s.compare, Math.max(1, s.meta.ticksPerDay), lastActive(getSeries(), n), lastActive(getSeriesB?.(), n));
      const text = rows.map((r) => `${r.label}|${r.a}|${r.b}|${r.diff}`).join('\n');
      if (body.dataset.text === text) return;
      body.dataset.text = text;
      body.replaceChildren(...rows.map((r) => el('tr', {}, el('th', { scope: 'row' }, r.label), el('td', {}, r.a), el('td', {}, r.b), el('td', {}, r.diff))));
    },
    destroy() { root.remove(); },
  };
}

export function createCompareDialog({ store }: PanelDeps): Panel & { open(): void; close(): void; isOpen(): boolean } {
  const heading = el('h2', { id: 'br-compare-title', tabindex: -1 }, t('compare.title'));
  const keySel = el('select', { id: 'br-compare-key' }, el('option', { value: '' }, t('value.none')));
  for (const sec of paramSections()) {
    const group = el('optgroup', { label: sec.title });
    for (const g of sec.groups) for (const k of g.keys) {
      const sp = specFor(k);
      if (sp.kind === 'measurement') continue;
      group.append(el('option', { value: k }, sp.label));
    }
    if (group.childElementCount) keySel.append(group);
  }
  const valueIn = el('input', { id: 'br-compare-value', type: 'text', autocomplete: 'off', 'aria-describedby': 'br-compare-error' });
  const error = el('p', { id: 'br-compare-error', class: 'br-error', hidden: true });
  const tactics = el('fieldset', { class: 'br-compare-tactics' }, el('legend', {}, t('compare.exclude')));
  const openBtn = button(t('compare.open'), () => void submit(), { class: 'br-primary', id: 'br-compare-open' });
  const closeB = button(t('compare.close'), () => { void store.getState().setCompare(null); hide(); }, { class: 'br-secondary', id: 'br-compare-close' });
  const cancel = button(t('compare.cancel'), () => hide(), { class: 'br-secondary' });
  const root = el('section', { class: 'br-overlay br-compare-dialog', role: 'dialog', 'aria-modal': 'true', 'aria-labelledby': 'br-compare-title', hidden: true },
    el('div', { class: 'br-overlay-head' }, heading),
    el('div', { class: 'br-overlay-body' }, el('p', {}, t('compare.intro')),
      el('div', { class: 'br-field' }, el('label', { for: 'br-compare-key' }, t('compare.param')), keySel),
      el('div', { class: 'br-field' }, el('label', { for: 'br-compare-value' }, t('compare.value')), valueIn), error, tactics),
    el('div', { class: 'br-overlay-foot' }, openBtn, closeB, cancel));
  const trap = focusTrap(root, () => keySel);
  keySel.addEventListener('change', () => {
    const s = store.getState();
    const k = keySel.value as ParamKey;
    if (k && s.meta) valueIn.value = String((s.meta.params as unknown as Record<string, unknown>)[k] ?? '');
  });

  function renderTactics(): void {
    const s = store.getState();
    const boxes = (s.meta?.tactics ?? []).map((tac) => {
      const id = `br-compare-x-${tac.id}`;
      return el('div', { class: 'br-check' }, el('input', { type: 'checkbox', id, value: tac.id, checked: s.vs?.exclude.includes(tac.id) ?? false }),
        el('label', { for: id }, ` ${tacticName(tac.id, tac.label)}`));
    });
    tactics.replaceChildren(el('legend', {}, t('compare.exclude')), ...boxes);
    closeB.hidden = s.compare === null;
  }

  async function submit(): Promise<void> {
    const sets: Array<[string, string]> = [];
    const k = keySel.value as ParamKey;
    if (k) {
      const c = checkParam(k, valueIn.value);
      if (!c.ok) { error.hidden = false; setText(error, c.error); valueIn.setAttribute('aria-invalid', 'true'); valueIn.focus(); return; }
      sets.push([k, c.text]);
    }
    const exclude = [...tactics.querySelectorAll<HTMLInputElement>('input:checked')].map((x) => x.value) as CompareSpec['exclude'];
    if (sets.length === 0 && exclude.length === 0) { error.hidden = false; setText(error, t('compare.none')); return; }
    error.hidden = true;
    valueIn.removeAttribute('aria-invalid');
    hide();
    await store.getState().setCompare({ sets, actions: [], exclude });
  }

  function show(): void { renderTactics(); root.hidden = false; trap.opened(); }
  function hide(): void { if (root.hidden) return; root.hidden = true; trap.closed(); }
  const unsub = watch(store, (s) => s.status, (st) => { if (st !== 'ready') hide(); });
  return { root, open: show, close: hide, isOpen: () => !root.hidden, destroy() { unsub(); root.remove(); } };
}
