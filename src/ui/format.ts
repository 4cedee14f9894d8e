/**
 * Numbers and dates as the learner reads them. Model time is ticks; the page speaks in days since
 * the start (day 0 is the start date) and in calendar dates, in the locale named in strings.
 */
import { parseDate } from '../sim/calendar';
import { t } from './strings';

const LOCALE = t('app.locale');
const whole = new Intl.NumberFormat(LOCALE, { maximumFractionDigits: 0 });
const pct1 = new Intl.NumberFormat(LOCALE, { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 });
const pct0 = new Intl.NumberFormat(LOCALE, { style: 'percent', maximumFractionDigits: 0 });
const dayMonth = new Intl.DateTimeFormat(LOCALE, { day: 'numeric', month: 'short', timeZone: 'UTC' });
const weekdayDayMonth = new Intl.DateTimeFormat(LOCALE, { weekday: 'short', day: 'numeric', month: 'short', timeZone: 'UTC' });
const longDate = new Intl.DateTimeFormat(LOCALE, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

const ok = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x);
const dash = (): string => t('value.none');

export const fmtInt = (x: unknown): string => (ok(x) ? whole.format(x).replace('-', '\u2212') : dash());
export const fmtPct = (x: unknown, digits: 0 | 1 = 1): string => (ok(x) ? (digits ? pct1 : pct0).format(x) : dash());
/** A number with `digits` decimals; a minus sign for negatives, a plus when `signed`. */
export function fmtNum(x: unknown, digits = 2, signed = false): string {
  if (!ok(x)) return dash();
  const s = new Intl.NumberFormat(LOCALE, { minimumFractionDigits: digits, maximumFractionDigits: digits,
    signDisplay: signed ? 'exceptZero' : 'auto' }).format(x);
  return s.replace('-', '\u2212');
}

/** Whole days since the start of the run at `tick` (0 on the first day: for dates and JSON). */
export const dayOf = (tick: number, ticksPerDay: number): number => Math.floor(tick / Math.max(1, ticksPerDay));
/** The day as the page shows it, counting from 1 ("Day 3 of 42"); links' `day=` use it too. */
export const dayNo = (tick: number, ticksPerDay: number): number => dayOf(tick, ticksPerDay) + 1;
/** The tick at which day N (counted from 1) starts. */
export const dayStartTick = (day: number, ticksPerDay: number): number => (Math.max(1, Math.floor(day)) - 1) * Math.max(1, ticksPerDay);

/** Milliseconds since 1970 (UTC midnight) of the start date plus `days` (fractional days allowed). */
function msOf(startDate: string, days: number): number | null {
  const z = parseDate(startDate);
  return z === null ? null : (z + days) * 86_400_000;
}

/** "12 Sep" for day `days` of a run starting on `startDate`. */
export function shortDate(startDate: string, days: number): string {
  const ms = msOf(startDate, Math.floor(days));
  return ms === null ? '' : dayMonth.format(ms);
}

/** "Fri 12 Sep" */
export function weekdayDate(startDate: string, days: number): string {
  const ms = msOf(startDate, Math.floor(days));
  return ms === null ? '' : weekdayDayMonth.format(ms);
}

/** "12 September 2020" */
export function fullDate(startDate: string, days: number): string {
  const ms = msOf(startDate, Math.floor(days));
  return ms === null ? '' : longDate.format(ms);
}

/** Hour of day of a tick, "18:00". */
export function clock(tick: number, ticksPerDay: number): string {
  const tpd = Math.max(1, ticksPerDay);
  const minutes = Math.round(((tick % tpd) / tpd) * 24 * 60);
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

/** "Day 12 (Fri 12 Sep)" */
export function dayLabel(startDate: string, tick: number, ticksPerDay: number): string {
  const d = dayOf(tick, ticksPerDay);
  return t('time.dayDate', { day: d + 1, date: weekdayDate(startDate, d) });
}
