/**
 * The words of the outcome banner (no Phaser): what happened, by which route, and when.
 */
import type { FallCause, Outcome } from '../sim';
import { parseDate, tickDate } from '../sim/calendar';
import { formatDateTime, vt } from './strings';

export interface OutcomeState {
  outcome: Outcome | null;
  fallCause: FallCause | null;
  tippingTick: number | null;
  /** The current date of the run ("2020-09-14T18:00"): the decision's date when it is first seen. */
  date: string;
}

export interface BannerText {
  kind: Outcome;
  title: string;
  lines: string[];
}

/** Calendar time of a tick, formatted; null when the scenario's start date is unreadable. */
export function dateOfTick(startDate: string, ticksPerDay: number, tick: number): string | null {
  const day = parseDate(startDate);
  if (day === null || !(ticksPerDay > 0)) return null;
  return formatDateTime(tickDate(day, tick, 24 / ticksPerDay));
}

export function bannerText(s: OutcomeState, meta: { startDate: string; ticksPerDay: number } | null): BannerText | null {
  if (s.outcome === null) return null;
  const lines: string[] = [];
  if (s.outcome === 'success') {
    lines.push(s.fallCause ? vt(`banner.route.${s.fallCause}`) : '');
    const tip = s.tippingTick !== null && meta ? dateOfTick(meta.startDate, meta.ticksPerDay, s.tippingTick) : null;
    if (tip) lines.push(vt('banner.tipping', { date: tip }));
  } else {
    lines.push(vt(s.outcome === 'failure' ? 'banner.failure.why' : 'banner.stalemate.why'));
  }
  if (s.date) lines.push(vt('banner.decided', { date: formatDateTime(s.date) }));
  return { kind: s.outcome, title: vt(`banner.${s.outcome}`), lines: lines.filter((l) => l !== '') };
}
