/**
 * Calendar arithmetic without Date objects (the sim never touches the clock): civil dates from
 * day numbers (Howard Hinnant's days_from_civil algorithm), hour of day and weekday of a tick.
 */
export function daysFromCivil(y: number, m: number, d: number): number {
  y -= m <= 2 ? 1 : 0;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

export function civilFromDays(z: number): [number, number, number] {
  z += 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp + (mp < 10 ? 3 : -9);
  return [yoe + era * 400 + (m <= 2 ? 1 : 0), m, d];
}

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Day number of a YYYY-MM-DD string, or null when it is not a real date. */
export function parseDate(s: string): number | null {
  const m = DATE_RE.exec(s);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (mo < 1 || mo > 12 || d < 1 || d > 31) return null;
  const z = daysFromCivil(y, mo, d);
  const back = civilFromDays(z);
  return back[1] === mo && back[2] === d ? z : null;
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

export function formatDate(z: number): string {
  const [y, m, d] = civilFromDays(z);
  return `${pad(y, 4)}-${pad(m)}-${pad(d)}`;
}

/** ISO-like local time of the start of tick `tick` ("2020-08-09T18:00"). */
export function tickDate(startDay: number, tick: number, hoursPerTick: number): string {
  const hours = tick * hoursPerTick;
  const day = startDay + Math.floor(hours / 24);
  return `${formatDate(day)}T${pad(hours % 24)}:00`;
}

/** 0 = Sunday ... 6 = Saturday. Day 0 (1970-01-01) was a Thursday. */
export const weekday = (z: number): number => (((z + 4) % 7) + 7) % 7;
