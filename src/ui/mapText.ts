/**
 * The map's text alternative: a polite live region that describes each day once it is over —
 * where the crowds were largest, each district's staffing, and the latest officers to leave.
 * Pure text builder (mapDescription) + a small panel that updates once a day.
 */
import type { SeriesRow, SimEvent } from '../sim';
import type { GameState } from '../store/types';
import { el, setText, watch } from './dom';
import { districtName, eventWhat, type EventContext } from './eventText';
import { fmtInt, fmtPct } from './format';
import { LEAVING_KINDS } from './debriefModel';
import { t } from './strings';
import type { Panel, PanelDeps } from './types';

export function mapDescription(s: Pick<GameState, 'meta' | 'crowds' | 'events'>, row: SeriesRow | null): string {
  const meta = s.meta;
  if (!meta || !s.crowds) return t('mapText.waiting');
  const ctx: EventContext = { ticksPerDay: meta.ticksPerDay, districtIds: meta.districtIds, districtNames: meta.districtNames };
  const parts: string[] = [t('mapText.day', { day: s.crowds.day + 1 })];
  const crowds = s.crowds.byDistrict.map((n, k) => ({ n, name: meta.districtNames[k] ?? meta.districtIds[k] ?? '' }))
    .filter((c) => c.n > 0).sort((a, b) => b.n - a.n).slice(0, 3);
  parts[0] += crowds.length ? t('mapText.crowds', { list: crowds.map((c) => t('mapText.crowd', { name: c.name, n: fmtInt(c.n) })).join(', ') }) : t('mapText.noCrowds');
  const staffing = row?.staffing ?? {};
  const staff = Object.entries(staffing).map(([id, v]) => t('mapText.staff', { name: districtName(ctx, id), pct: fmtPct(Number(v), 0) }));
  if (staff.length) parts.push(t('mapText.staffing', { list: staff.join(', ') }));
  const left: SimEvent[] = [];
  for (let k = s.events.length - 1; k >= 0 && left.length < 3; k--) if (LEAVING_KINDS.has(s.events[k].kind)) left.push(s.events[k]);
  parts.push(left.length ? t('mapText.defections', {
    list: left.map((e) => `${eventWhat(e)}${e.district ? ` (${districtName(ctx, e.district)}, ${t('mapText.day', { day: Math.floor(e.tick / meta.ticksPerDay) + 1 }).replace(/: $/, '')})` : ''}`).join('; '),
  }) : t('mapText.noDefections'));
  return parts.join(' ');
}

export function createMapText({ store, getSeries }: PanelDeps): Panel {
  const live = el('p', { class: 'br-map-text', id: 'br-map-text', 'aria-live': 'polite' }, t('mapText.waiting'));
  const root = el('section', { class: 'br-sr-only', 'aria-labelledby': 'br-map-text-title' }, el('h2', { id: 'br-map-text-title' }, t('mapText.title')), live);
  const unsub = watch(store, (s) => [s.crowds, s.meta] as const, (_v, s) => {
    const series = getSeries();
    const n = Math.min(series.length, series.rows.length);
    setText(live, mapDescription(s, n > 0 ? series.rows[n - 1] : null));
  });
  return { root, destroy() { unsub(); root.remove(); } };
}
