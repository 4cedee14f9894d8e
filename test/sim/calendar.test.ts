/**
 * Calendar arithmetic without Date objects (src/sim/calendar.ts). The tests may use Date as an
 * oracle: only the simulation core must not touch it.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { advance, createState, formatDate, parseDate, seriesRow, tickDate } from '../../src/sim';
import { weekday } from '../../src/sim/calendar';
import { bareScenario, smallCityParams } from './helpers';

const DAY_MS = 86_400_000;
/** Day number of a civil date by the JavaScript Date oracle (proleptic Gregorian, UTC). */
function oracleDay(y: number, m: number, d: number): number {
  const t = new Date(0);
  t.setUTCFullYear(y, m - 1, d);
  return Math.round(t.getTime() / DAY_MS);
}
const pad = (n: number, w = 2) => String(n).padStart(w, '0');

describe('parseDate / formatDate', () => {
  it('anchors the epoch and the election day', () => {
    expect(parseDate('1970-01-01')).toBe(0);
    expect(parseDate('1970-01-02')).toBe(1);
    expect(parseDate('1969-12-31')).toBe(-1);
    expect(parseDate('2020-08-09')).toBe(oracleDay(2020, 8, 9));
    expect(parseDate('2020-08-09')).toBe(18483);
    expect(formatDate(18483)).toBe('2020-08-09');
  });

  it('round-trips every day number (years 0000..9999) and agrees with the Date oracle', () => {
    const lo = oracleDay(0, 1, 1), hi = oracleDay(9999, 12, 31);
    fc.assert(fc.property(fc.integer({ min: lo, max: hi }), (z) => {
      const s = formatDate(z);
      expect(s).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(parseDate(s)).toBe(z);
      const t = new Date(z * DAY_MS);
      expect(s).toBe(`${pad(t.getUTCFullYear(), 4)}-${pad(t.getUTCMonth() + 1)}-${pad(t.getUTCDate())}`);
    }), { numRuns: 2000 });
  });

  it('round-trips every valid date string', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 9999 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 31 }), (y, m, d) => {
      const s = `${pad(y, 4)}-${pad(m)}-${pad(d)}`;
      const z = parseDate(s);
      const t = new Date(0);
      t.setUTCFullYear(y, m - 1, d);
      const real = t.getUTCDate() === d; // Date rolls 2021-02-30 over into March
      if (real) { expect(z).toBe(oracleDay(y, m, d)); expect(formatDate(z as number)).toBe(s); }
      else expect(z).toBeNull();
    }), { numRuns: 2000 });
  });

  it('handles leap years (Gregorian rules)', () => {
    expect(parseDate('2020-02-29')).not.toBeNull();
    expect(parseDate('2000-02-29')).not.toBeNull();
    expect(parseDate('2021-02-29')).toBeNull();
    expect(parseDate('1900-02-29')).toBeNull();
    expect(parseDate('2100-02-29')).toBeNull();
    expect((parseDate('2020-03-01') as number) - (parseDate('2020-02-28') as number)).toBe(2);
    expect((parseDate('2021-03-01') as number) - (parseDate('2021-02-28') as number)).toBe(1);
  });

  it('rejects invalid dates and malformed strings', () => {
    for (const bad of ['2020-02-30', '2020-04-31', '2020-06-31', '2020-13-01', '2020-00-10', '2020-01-00', '2020-01-32',
      '2020-1-01', '2020-01-1', '20-01-01', '2020-01-01T00:00', ' 2020-01-01', '2020-01-01 ', '', '2020/01/01',
      '01-08-2020', 'yesterday', '2020-08-09\n', '+2020-08-09', '2020-08-9a'])
      expect(parseDate(bad), JSON.stringify(bad)).toBeNull();
  });
});

describe('weekday', () => {
  it('2020-08-09 (the election, a Sunday) is 0; 1970-01-01 was a Thursday', () => {
    expect(weekday(parseDate('2020-08-09') as number)).toBe(0);
    expect(weekday(0)).toBe(4);
    expect(weekday(parseDate('2020-08-10') as number)).toBe(1);
    expect(weekday(parseDate('2020-08-15') as number)).toBe(6);
  });
  it('agrees with the Date oracle, before and after the epoch', () => {
    fc.assert(fc.property(fc.integer({ min: -800_000, max: 2_900_000 }), (z) => {
      expect(weekday(z)).toBe(new Date(z * DAY_MS).getUTCDay());
    }), { numRuns: 1000 });
  });
});

describe('tickDate', () => {
  const start = parseDate('2020-08-09') as number;
  it('gives the local time at the start of a tick', () => {
    expect(tickDate(start, 0, 1)).toBe('2020-08-09T00:00');
    expect(tickDate(start, 18, 1)).toBe('2020-08-09T18:00');
    expect(tickDate(start, 23, 1)).toBe('2020-08-09T23:00');
    expect(tickDate(start, 24, 1)).toBe('2020-08-10T00:00');
    expect(tickDate(start, 25, 1)).toBe('2020-08-10T01:00');
    expect(tickDate(start, 3, 6)).toBe('2020-08-09T18:00');
    expect(tickDate(start, 4, 6)).toBe('2020-08-10T00:00');
    expect(tickDate(start, 1, 24)).toBe('2020-08-10T00:00');
    expect(tickDate(start, 23 * 24, 1)).toBe('2020-09-01T00:00');
    expect(tickDate(parseDate('2020-12-31') as number, 24, 1)).toBe('2021-01-01T00:00');
    expect(tickDate(parseDate('2020-02-28') as number, 2, 24)).toBe('2020-03-01T00:00');
  });
  it('agrees with the Date oracle for any tick and tick length', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 200_000 }), fc.constantFrom(1, 2, 3, 4, 6, 8, 12, 24), (tick, hpt) => {
      const t = new Date(start * DAY_MS + tick * hpt * 3_600_000);
      const want = `${pad(t.getUTCFullYear(), 4)}-${pad(t.getUTCMonth() + 1)}-${pad(t.getUTCDate())}T${pad(t.getUTCHours())}:00`;
      expect(tickDate(start, tick, hpt)).toBe(want);
    }), { numRuns: 500 });
  });
  it('dates the series rows of a run from the scenario start date', () => {
    const s = createState(bareScenario('cal', { startDate: '2020-08-09' }),
      smallCityParams({ citizenCount: 200, officerCount: 20, nationalForce: 20, gridWidth: 10, gridHeight: 10 }), 1);
    expect(seriesRow(s).date).toBe('2020-08-09T00:00');
    advance(s, 18);
    expect(seriesRow(s).date).toBe('2020-08-09T18:00');
    advance(s, 30);
    expect(seriesRow(s).date).toBe('2020-08-11T00:00');
  });
});
