import { describe, it, expect } from 'vitest';
import { ScenarioError, validateScenario } from '../../src/scenarios';

const base = (): Record<string, any> => ({ id: 'x', title: 'X', startDate: '2020-08-09' });

/** The one-line message a bad file produces. */
function errorOf(raw: unknown, source = 'x.json'): string {
  try {
    validateScenario(raw, source);
  } catch (e) {
    expect(e).toBeInstanceOf(ScenarioError);
    return (e as Error).message;
  }
  throw new Error('expected a ScenarioError');
}
const withBase = (patch: Record<string, unknown>): string => errorOf({ ...base(), ...patch });

describe('validateScenario: defaults', () => {
  it('fills every optional field', () => {
    expect(validateScenario(base(), 'x.json')).toEqual({
      id: 'x', title: 'X', summary: '', startDate: '2020-08-09', params: {}, why: {}, map: null,
      events: [], strategy: [], strategies: {}, tactics: null, historical: null,
    });
  });
  it('fills district weights and point ids, and sorts the strategy stably by tick', () => {
    const s = validateScenario({
      ...base(),
      map: { districts: [{ id: 'a', name: 'A', rect: [0, 0, 1, 1] }], squares: [{ name: 'Freedom Square', at: [0.5, 0.5] }] },
      strategy: [{ tick: 5, tactic: 'strike' }, { tick: 1, tactic: 'symbols' }, { tick: 5, tactic: 'courts' }],
    }, 'x.json');
    expect(s.map?.districts[0]).toEqual({ id: 'a', name: 'A', rect: [0, 0, 1, 1], population: 1, staffing: 1 });
    expect(s.map?.squares[0].id).toBe('freedom-square');
    expect(s.map?.metro).toEqual([]);
    expect(s.strategy.map((a) => a.tactic)).toEqual(['symbols', 'strike', 'courts']);
  });
});

describe('validateScenario: messages name the file and the field', () => {
  it('rejects a non-object', () => {
    expect(errorOf([1, 2], 'a.json')).toBe('a.json: the scenario must be a JSON object, got [1,2]');
    expect(errorOf(null)).toBe('x.json: the scenario must be a JSON object, got null');
  });
  it('rejects unknown top-level keys, naming them', () => {
    expect(withBase({ parms: {} })).toMatch(/^x\.json: unknown top-level key 'parms' \(did you mean 'params'\?\) \(allowed: \$schema, id, title/);
  });
  it('requires id, title, startDate', () => {
    expect(errorOf({ id: 'x', title: 'X' })).toBe('x.json: startDate is required');
    expect(withBase({ id: 'Minsk 2020' })).toBe("x.json: id 'Minsk 2020' must use only a-z, 0-9 and '-'");
  });
  it('rejects bad dates', () => {
    expect(withBase({ startDate: '2020-13-01' })).toBe("x.json: startDate '2020-13-01' is not a valid date (YYYY-MM-DD)");
    expect(withBase({ events: [{ at: { day: 1 }, set: { legitimacy: 0.5 } }, { at: { day: 2 }, set: { legitimacy: 0.4 } },
      { at: { date: '2020-13-01' }, set: { legitimacy: 0.3 } }] }))
      .toBe("x.json: events[2].at.date '2020-13-01' is not a valid date (YYYY-MM-DD)");
    expect(withBase({ events: [{ at: { date: '2020-08-01' }, set: { legitimacy: 0.3 } }] }))
      .toBe("x.json: events[0].at.date '2020-08-01' is before startDate");
  });
  it('rejects unknown and out-of-range parameters', () => {
    expect(errorOf({ ...base(), params: { legitimacy: 1.7 } }, 'minsk.json')).toBe('minsk.json: params.legitimacy = 1.7 is out of range [0, 1]');
    expect(withBase({ params: { legitimcy: 0.5 } })).toBe("x.json: params.legitimcy is not a parameter (did you mean 'legitimacy'?)");
    expect(withBase({ params: { torus: 'yes' } })).toBe('x.json: params.torus must be true or false, got "yes"');
    expect(withBase({ params: { defectionThresholdList: [1, -2] } })).toBe('x.json: params.defectionThresholdList[1] = -2 is out of range [0, 1000000]');
    expect(withBase({ params: { detentionMinDays: 20 } })).toMatch(/^x\.json: params: parameter 'detentionMinDays' \(20\) exceeds detentionMaxDays/);
  });
  it('rejects events that touch structural parameters or lack an action', () => {
    expect(withBase({ events: [{ at: { tick: 3 }, set: { gridWidth: 80 } }] }))
      .toBe('x.json: events[0].set.gridWidth is structural (read only when the run starts: array sizes, the map, starting stocks) and cannot be changed by an event');
    expect(withBase({ events: [{ at: { tick: 3 }, ramp: { key: 'citizenCount', to: 10, overDays: 2 } }] }))
      .toBe("x.json: events[0].ramp.key 'citizenCount' is structural (read only when the run starts: array sizes, the map, starting stocks) and cannot be changed by an event");
    expect(withBase({ events: [{ at: { tick: 3 }, ramp: { key: 'calendarOn', to: 1, overDays: 2 } }] }))
      .toBe("x.json: events[0].ramp.key 'calendarOn' is a boolean parameter; only numbers can ramp");
    expect(withBase({ events: [{ at: { tick: 3 }, ramp: { key: 'legitimcy', to: 1, overDays: 2 } }] }))
      .toBe("x.json: events[0].ramp.key 'legitimcy' is not a parameter (did you mean 'legitimacy'?)");
    expect(withBase({ events: [{ at: { tick: 3 }, ramp: { key: 'arrestRate', to: 2, overDays: 2 } }] }))
      .toBe('x.json: events[0].ramp.to = 2 is out of range [0, 1]');
    expect(withBase({ events: [{ at: { tick: 3 }, ramp: { key: 'arrestRate', to: 0.5, overDays: 0 } }] }))
      .toBe('x.json: events[0].ramp.overDays must be > 0 (use set for a jump)');
    expect(withBase({ events: [{ at: { tick: 3 }, label: 'nothing' }] })).toBe("x.json: events[0] needs 'set' or 'ramp' (or both)");
    expect(withBase({ events: [{ at: { tick: 3, day: 1 }, set: { legitimacy: 0.2 } }] }))
      .toBe('x.json: events[0].at must have exactly one of tick, day, date');
    expect(withBase({ events: [{ at: { tick: -1 }, set: { legitimacy: 0.2 } }] })).toBe('x.json: events[0].at.tick = -1 must be >= 0');
  });
  it('rejects bad tactics in strategy and tactics', () => {
    expect(withBase({ strategy: [{ tick: 0, tactic: 'symbols' }, { tick: 18, tactic: 'riot' }] }))
      .toMatch(/^x\.json: strategy\[1\]\.tactic "riot" is not a tactic \(known: disciplineTraining, /);
    expect(withBase({ tactics: ['symbols', 'bribes'] })).toMatch(/^x\.json: tactics\[1\] "bribes" is not a tactic/);
    expect(withBase({ tactics: ['symbols'], strategy: [{ tick: 0, tactic: 'strike' }] }))
      .toBe("x.json: strategy[0].tactic 'strike' is not among this scenario's tactics");
    expect(withBase({ strategy: [{ tick: 1.5, tactic: 'strike' }] })).toBe('x.json: strategy[0].tick must be an integer, got 1.5');
  });
  it('rejects bad map geometry and duplicate ids', () => {
    const d = (rect: unknown, id = 'a') => ({ id, name: 'A', rect });
    expect(withBase({ map: { districts: [d([0, 0, 1, 1]), d([0.5, 0, 0.2, 1], 'b')] } }))
      .toBe('x.json: map.districts[1].rect must be [x0,y0,x1,y1] fractions in [0,1] with x0<x1, y0<y1, got [0.5,0,0.2,1]');
    expect(withBase({ map: { districts: [d([0, 0, 1, 1]), d([0, 0, 1, 1.2], 'b')] } })).toMatch(/^x\.json: map\.districts\[1\]\.rect must be/);
    expect(withBase({ map: { districts: [d([0, 0, 1, 1]), d([0, 0, 1, 1])] } }))
      .toBe("x.json: map.districts[1].id 'a' repeats the id of map.districts[0]");
    expect(withBase({ map: { districts: [d([0, 0, 1, 1])], squares: [{ name: 'S', at: [0.5, 2] }] } }))
      .toBe('x.json: map.squares[0].at must be [x,y] fractions in [0,1], got [0.5,2]');
    expect(withBase({ map: { districts: [{ ...d([0, 0, 1, 1]), colour: 'red' }] } }))
      .toMatch(/^x\.json: map\.districts\[0\] has unknown key 'colour'/);
  });
  it('checks the historical block', () => {
    const h = { label: 'L', value: 1, source: 's', metric: 'detentionsUntil', date: '2020-08-13' };
    expect(validateScenario({ ...base(), historical: { a: h } }, 'x.json').historical?.a).toEqual(h);
    expect(withBase({ historical: { a: { ...h, metric: 'arrests' } } })).toMatch(/^x\.json: historical\.a\.metric "arrests" is not a metric/);
    expect(withBase({ historical: { a: { ...h, date: undefined } } })).toBe('x.json: historical.a.date is required for metric detentionsUntil');
    expect(withBase({ historical: { a: { ...h, district: 'central' } } }))
      .toBe("x.json: historical.a.district 'central' is not a district of this scenario's map");
    const banded = { ...h, band: [0.5, 3], bandWhy: 'why' };
    expect(validateScenario({ ...base(), historical: { a: banded } }, 'x.json').historical?.a).toEqual(banded);
    expect(withBase({ historical: { a: { ...h, band: [2, 3] } } })).toBe('x.json: historical.a.band [2, 3] must hold the figure 1 (lo <= value <= hi)');
    expect(withBase({ historical: { a: { ...h, band: [0, 'x'] } } })).toMatch(/^x\.json: historical\.a\.band must be \[lo, hi\], two finite numbers/);
    expect(withBase({ historical: { a: { ...h, band: [0] } } })).toMatch(/^x\.json: historical\.a\.band must be \[lo, hi\]/);
  });
  it('checks the briefing', () => {
    expect(withBase({ briefing: { goal: 3 } })).toBe('x.json: briefing.goal must be a non-empty string, got 3');
  });
});

describe('validateScenario: map weights', () => {
  const map = (population: number, staffing = 1) => ({ map: { districts: [
    { id: 'a', name: 'A', rect: [0, 0, 0.5, 1], population, staffing }, { id: 'b', name: 'B', rect: [0.5, 0, 1, 1], population, staffing }] } });
  it('refuses weights whose sum is not finite (1e308 + 1e308 = Infinity)', () => {
    expect(withBase(map(1e308))).toBe('x.json: map.districts population weights must have a finite sum (they add up to Infinity): give relative shares such as 1, 2, 0.5');
    expect(withBase(map(1, 1e308))).toMatch(/^x\.json: map\.districts staffing weights must have a finite sum/);
    expect(withBase(map(0))).toMatch(/must give some district a population > 0/);
    expect(() => validateScenario({ ...base(), ...map(1e300) }, 'x.json')).not.toThrow();
  });
});

describe('validateScenario: events keep the cross-parameter rules', () => {
  it('rejects an event that breaks one, naming the event', () => {
    expect(() => validateScenario({ id: 'x', title: 'X', startDate: '2020-08-09',
      events: [{ at: { day: 2 }, set: { eveningStartHour: 23 } }] }, 'x.json'))
      .toThrow("x.json: events[0]: after this event parameter 'eveningStartHour' must be before eveningEndHour");
    expect(() => validateScenario({ id: 'x', title: 'X', startDate: '2020-08-09',
      events: [{ at: { day: 1 }, set: { detentionMaxDays: 30 } }, { at: { day: 2 }, set: { detentionMinDays: 20 } }] }, 'x.json')).not.toThrow();
    expect(() => validateScenario({ id: 'x', title: 'X', startDate: '2020-08-09',
      events: [{ at: { day: 2 }, set: { detentionMinDays: 20 } }, { at: { day: 1 }, set: { detentionMaxDays: 30 } }] }, 'x.json')).not.toThrow();
    expect(() => validateScenario({ id: 'x', title: 'X', startDate: '2020-08-09',
      events: [{ at: { day: 1 }, set: { detentionMinDays: 20 } }] }, 'x.json')).toThrow(/events\[0\]: after this event .*detentionMinDays.*exceeds/);
  });
});
