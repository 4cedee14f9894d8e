/**
 * The historical figures that are not plain sums (src/sim/historical.ts): the national defected
 * share, the fall-off of resignations, the riot-police over district-police loss and the districts
 * emptied, each on a hand-set state with hand-computed values.
 */
import { describe, expect, it } from 'vitest';
import { createState, OfficerState, type SimState } from '../../src/sim';
import { bandDigits, historicalDay, historicalInit, historicalReport } from '../../src/sim/historical';
import type { HistoricalDef } from '../../src/sim/scenarioData';
import { smallCity } from './helpers';

function withFigures(defs: Record<string, Omit<HistoricalDef, 'label' | 'source' | 'value'> & { value?: number }>): SimState {
  const { scenario, params } = smallCity('historical-figures', { officerCount: 10, nationalForce: 20, citizenCount: 50 });
  scenario.historical = Object.fromEntries(Object.entries(defs).map(([k, d]) => [k, { label: k, source: 'test', value: 0, ...d }]));
  const s = createState(scenario, params, 1);
  s.historical = historicalInit(s);
  return s;
}

/** End day `day` (0-based) with the given expected resignations. */
function endDay(s: SimState, day: number, resignHazard = 0): void {
  s.day = day;
  s.today.resignHazard = resignHazard;
  historicalDay(s);
}

const model = (s: SimState, k: string): number | null => historicalReport(s)![k].model;

describe('historical figures beyond sums', () => {
  it('defectedShareAt: 100 x defected / the whole force, frozen after its date', () => {
    const s = withFigures({ d: { metric: 'defectedShareAt', date: '2020-08-10' }, end: { metric: 'defectedShareAt' } });
    expect(s.o.initialForce).toBe(20);
    s.defectedCount = 1; endDay(s, 0);
    s.defectedCount = 3; endDay(s, 1); // 2020-08-10 is day 2 counted from 1 (the start is 2020-08-09)
    s.defectedCount = 5; endDay(s, 2);
    expect(model(s, 'd')).toBe(15); // 100 x 3 / 20, at its date
    expect(model(s, 'end')).toBe(25); // 100 x 5 / 20, at the last day
  });

  it('resignationsFalloff: per-day rate from the date on over the rate before it', () => {
    const s = withFigures({ f: { metric: 'resignationsFalloff', date: '2020-08-12' } }); // day 4: days 1-3 before
    endDay(s, 0, 2); endDay(s, 1, 4);
    expect(model(s, 'f')).toBeNull(); // no day of the later window yet
    endDay(s, 2, 6); // before: 12 over 3 days = 4 a day
    endDay(s, 3, 1); endDay(s, 4, 3); // after: 4 over 2 days = 2 a day
    expect(model(s, 'f')).toBe(0.5);
  });

  it('resignationsFalloff is null without resignations before its date', () => {
    const s = withFigures({ f: { metric: 'resignationsFalloff', date: '2020-08-10' } });
    endDay(s, 0, 0); endDay(s, 1, 3);
    expect(model(s, 'f')).toBeNull();
  });

  it('branchLossRatio: OMON share lost over district-police share lost among the city staff', () => {
    const s = withFigures({ r: { metric: 'branchLossRatio' } });
    // 10 city staff: 4 OMON, 6 district police; the reserve (10..19) does not count.
    for (let j = 0; j < s.o.n; j++) { s.o.branch[j] = j < 4 ? 0 : 1; s.o.state[j] = OfficerState.on_duty; }
    expect(s.cityStaff).toBe(10);
    endDay(s, 0);
    expect(model(s, 'r')).toBeNull(); // the district police lost nobody: nothing to compare with
    s.o.state[0] = OfficerState.resigned; // OMON: 1 of 4
    s.o.state[4] = OfficerState.purged; s.o.state[5] = OfficerState.joined; s.o.state[6] = OfficerState.shirking; // district: 2 of 6 gone (a shirker serves)
    s.o.state[15] = OfficerState.resigned; // reserve
    endDay(s, 1);
    expect(model(s, 'r')).toBe(0.75); // (1/4) / (2/6)
  });

  it('districtsEmptied: the most districts below half their staffing at the end of one day', () => {
    const s = withFigures({ e: { metric: 'districtsEmptied', date: '2020-08-10' } });
    s.districtIds = ['a', 'b', 'c'];
    s.districtInitialStaff = new Float64Array([4, 4, 0]);
    s.today.staffing = [0.5, 0.25, 0]; endDay(s, 0); // b only (c has no staff)
    s.today.staffing = [0.25, 0.25, 0]; endDay(s, 1); // a and b
    s.today.staffing = [1, 1, 0]; endDay(s, 2); // after the date: not counted
    expect(model(s, 'e')).toBe(2);
  });
});

describe('bandDigits: printed values agree with their band verdict', () => {
  it('adds decimals only where rounding would cross the band edge', () => {
    expect(bandDigits(-19.96, [-38, -20], 1)).toBe(2); // -20.0 would read as inside
    expect(bandDigits(-20.04, [-38, -20], 1)).toBe(1); // -20.0 reads as inside, and is
    expect(bandDigits(0.52, [0, 0.5], 1)).toBe(2); // 0.5 would read as inside
    expect(bandDigits(0.46, [0, 0.5], 1)).toBe(1);
    expect(bandDigits(4.996, [0, 5], 0)).toBe(0); // 5 is inside, and so is 4.996
    expect(bandDigits(5.004, [0, 5], 0)).toBe(3); // 5, 5.0, 5.00 read as inside; 5.004 does not
    expect(bandDigits(12.3, null, 1)).toBe(1); // no band: the default
  });
});

describe('staffingChangeAt by branch', () => {
  it("counts only that branch's city staff still serving, district recruits as district police", () => {
    const s = withFigures({ all: { metric: 'staffingChangeAt', date: '2020-08-09' }, dp: { metric: 'staffingChangeAt', date: '2020-08-09', branch: 'district_police' },
      omon: { metric: 'staffingChangeAt', date: '2020-08-09', branch: 'omon' } });
    // 10 city staff in one district: 4 OMON (1 gone), 6 district police (3 gone), 1 recruit.
    for (let j = 0; j < s.o.n; j++) { s.o.branch[j] = j < 4 ? 0 : 1; s.o.state[j] = OfficerState.on_duty; s.o.district[j] = 0; }
    s.districtIds = ['a']; s.districtInitialStaff = new Float64Array([10]); s.recruitsByDistrict = new Float64Array([1]);
    s.o.state[0] = OfficerState.resigned; s.o.state[4] = OfficerState.purged; s.o.state[5] = OfficerState.joined; s.o.state[6] = OfficerState.resigned;
    s.today.staffing = [(10 - 4 + 1) / 10];
    endDay(s, 0);
    expect(model(s, 'all')).toBeCloseTo(-30, 9); // (7/10 - 1) x 100
    expect(model(s, 'dp')).toBeCloseTo(((3 + 1) / 6 - 1) * 100, 2); // -33.33
    expect(model(s, 'omon')).toBe(-25); // (3/4 - 1) x 100, no recruits
  });
});
