/** The "whenever affordable" scheduler: exact ticks on a tiny capacity world, and agreement with the sim. */
import { describe, expect, it } from 'vitest';
import { defaultParams, type ActionDef, type EventDef, type Params } from '../../src/sim/index';
import { CapacityModel, replayCapacity, spamSchedule } from '../../src/balance/schedule';
import { runBalanceTask, type BalancePlan } from '../../src/balance/job';
import { loadScenario } from '../../src/scenarios/load-node';

/** 6-hour ticks (4 a day), evenings from 18:00 (tick 3 of each day), 3 days, 10 points a day kept up to 30. */
function tiny(over: Partial<Params> = {}): Params {
  return { ...defaultParams(), hoursPerTick: 6, eveningStartHour: 18, horizonDays: 3, organisingCapacityPerDay: 10, capacityCarryDays: 3,
    symbolsCost: 4, strikeCost: 8, ...over };
}
const ticks = (as: ActionDef[]) => as.map((a) => `${a.tick}.${a.tactic}`);

describe('CapacityModel', () => {
  it('plays at the evening start tick: ceil(eveningStartHour / hoursPerTick), at most the last tick of the day', () => {
    expect(new CapacityModel(tiny()).eveningTick).toBe(3);
    expect(new CapacityModel(tiny({ eveningStartHour: 19 })).eveningTick).toBe(3); // ceil(19/6) = 4 is past the day: clamped
    expect(new CapacityModel(tiny({ hoursPerTick: 1 })).eveningTick).toBe(18);
    expect(new CapacityModel(tiny({ hoursPerTick: 4, eveningStartHour: 17 })).eveningTick).toBe(5);
    expect(new CapacityModel(tiny()).eveningOf(2)).toBe(11);
  });
});

describe('spamSchedule', () => {
  it('alone: as often as the capacity covers, every evening', () => {
    // day 0: 10 -> 6 -> 2 (two plays); end of day min(30, 2 + 10) = 12; day 1: 12 -> 8 -> 4 -> 0 (three);
    // end of day 10; day 2: 10 -> 6 -> 2 (two).
    expect(ticks(spamSchedule(new CapacityModel(tiny()), ['symbols']))).toEqual(['3.symbols', '3.symbols', '7.symbols', '7.symbols', '7.symbols', '11.symbols', '11.symbols']);
  });

  it('a pair alternates when both are affordable and keeps its turn from day to day', () => {
    // day 0: symbols (6), strike unaffordable, symbols (2), stop; end 12. day 1: the turn is strike's: strike (4), symbols (0).
    // end 10. day 2: strike (2); symbols unaffordable (2 < 4), stop.
    expect(ticks(spamSchedule(new CapacityModel(tiny()), ['symbols', 'strike']))).toEqual(['3.symbols', '3.symbols', '7.strike', '7.symbols', '11.strike']);
  });

  it('keeps unspent capacity up to capacityCarryDays days', () => {
    // strike costs 25: day 0 has 10, day 1 20, day 2 min(30, 30): one strike at tick 11.
    expect(ticks(spamSchedule(new CapacityModel(tiny({ strikeCost: 25 })), ['strike']))).toEqual(['11.strike']);
    // carry 1 day: the capacity never exceeds 10, so a 25-point strike never comes.
    expect(spamSchedule(new CapacityModel(tiny({ strikeCost: 25, capacityCarryDays: 1 })), ['strike'])).toEqual([]);
  });

  it('follows scheduled events that change the capacity, at the tick they start', () => {
    // Day 1 (tick 4) raises the daily capacity to 20: day 0 still ends with 2 + 10 = 12 (its last tick is 3);
    // day 1: 12 -> 0 (three symbols), ends with min(60, 0 + 20) = 20; day 2: five symbols.
    const ev: EventDef[] = [{ at: { day: 1 }, set: { organisingCapacityPerDay: 20 } }];
    const s = spamSchedule(new CapacityModel(tiny(), ev), ['symbols']);
    expect(ticks(s)).toEqual(['3.symbols', '3.symbols', '7.symbols', '7.symbols', '7.symbols', ...Array(5).fill('11.symbols')]);
    // A cost raised from tick 7 on: day 1 plays at 8 (12 -> 4), day 2 at 8 (14 -> 6).
    const cost: EventDef[] = [{ at: { tick: 7 }, set: { symbolsCost: 8 } }];
    expect(ticks(spamSchedule(new CapacityModel(tiny(), cost), ['symbols']))).toEqual(['3.symbols', '3.symbols', '7.symbols', '11.symbols']);
  });

  it('plays a free tactic once per evening', () => {
    expect(ticks(spamSchedule(new CapacityModel(tiny({ symbolsCost: 0 })), ['symbols']))).toEqual(['3.symbols', '7.symbols', '11.symbols']);
  });

  it('replayCapacity applies what the sim would and refuses the rest', () => {
    const m = new CapacityModel(tiny());
    const as: ActionDef[] = [{ tick: 3, tactic: 'strike' }, { tick: 3, tactic: 'symbols' }, { tick: 7, tactic: 'strike' }, { tick: 7, tactic: 'strike' }];
    // 10 - 8 = 2; symbols (4) refused; end 12; strike (4); strike refused.
    expect(replayCapacity(m, as)).toEqual([true, false, true, false]);
    expect(replayCapacity(m, as, ['symbols'])).toEqual([false, true, false, false]);
  });
});

describe('the schedule is what the sim spends', () => {
  const scenario = loadScenario('test/balance/fixtures/tiny.json', process.cwd());
  const plan = (actions: ActionDef[]): BalancePlan => ({ kind: 'balance', scenarios: [scenario], calibration: null, variants: [{ scenario: 0, actions, sets: [] }], tasks: [[0, 5]] });
  const params = { ...defaultParams(), ...(scenario.params as Partial<Params>) } as Params;

  it('no spammed action is refused, and one more on any evening is', () => {
    for (const order of [['symbols'], ['disciplineTraining', 'amnestyPledge']] as const) {
      const s = spamSchedule(new CapacityModel(params, scenario.events, scenario.startDate), order);
      expect(s.length).toBeGreaterThan(8);
      expect(runBalanceTask(plan(s), 0).refused).toBe(0);
      const more = [...s, { tick: s[s.length - 1].tick, tactic: order[0] }];
      expect(runBalanceTask(plan(more), 0).refused).toBe(1);
    }
  });
});
