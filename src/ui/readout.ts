/**
 * "Now": four numbers a class can read from the back of the room, from the latest series row:
 * share protesting, share of the force that defected, momentum, effective over needed force.
 */
import type { SeriesRow } from '../sim';
import { el, setText } from './dom';
import { fmtNum, fmtPct } from './format';
import { t, type StringId } from './strings';
import type { Panel, PanelDeps } from './types';

const ITEMS: { id: string; label: StringId }[] = [
  { id: 'active', label: 'readout.active' },
  { id: 'defected', label: 'readout.defected' },
  { id: 'momentum', label: 'readout.momentum' },
  { id: 'force', label: 'readout.force' },
];

/** Effective over needed force: "0.8×"; "over 10×" when there is hardly a crowd to hold. */
export const ratioText = (r: number): string => (r >= 10 ? t('readout.ratioBig') : t('readout.ratio', { x: fmtNum(r, r < 1 ? 2 : 1) }));

/** Display text of each readout for a row (dashes when there is none). */
export function readoutValues(row: SeriesRow | null, nCitizens: number): Record<string, string> {
  const none = t('value.none');
  if (!row) return { active: none, defected: none, momentum: none, force: none };
  return {
    active: fmtPct(row.citizens.active / Math.max(1, nCitizens)),
    defected: fmtPct(row.defectedShare),
    momentum: fmtNum(row.momentum, 2),
    force: row.neededForce > 0 ? ratioText(row.effectiveForce / row.neededForce) : none,
  };
}

export function createReadout({ store, getSeries }: PanelDeps): Panel & { draw(): void } {
  const cells = new Map<string, HTMLElement>();
  const list = el('dl', { class: 'br-readout-list' });
  for (const it of ITEMS) {
    const dd = el('dd', { 'data-readout': it.id }, t('value.none'));
    cells.set(it.id, dd);
    list.append(el('div', { class: 'br-readout-item' }, el('dt', {}, t(it.label)), dd));
  }
  const root = el('section', { class: 'br-panel br-readout', 'aria-label': t('readout.title') }, list);
  return {
    root,
    draw() {
      const series = getSeries();
      const n = Math.min(series.length, series.rows.length);
      const values = readoutValues(n > 0 ? series.rows[n - 1] : null, store.getState().meta?.nCitizens ?? 1);
      for (const [id, cell] of cells) setText(cell, values[id]);
    },
    destroy() { root.remove(); },
  };
}
