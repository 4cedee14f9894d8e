/**
 * Scheduled events (src/sim/rules/events.ts): at a tick, day (x ticks per day) or date (days after
 * the start x ticks per day, never before tick 0), set parameters or ramp one linearly:
 *   value(t) = from + (to - from) x min(1, (t - start + 1) / (end - start)),  end = start + max(1, round(overDays x tpd))
 * `from` is the value when the ramp starts (after the event's own `set`).
 */
import { describe, expect, it } from 'vitest';
import type { EventDef } from '../../../src/sim';
import { applyEvents, atToTick } from '../../../src/sim/rules/events';
import { tinyWorld } from './world';

/** Runs applyEvents for ticks from..to and returns legitimacy after each. */
function legitimacyOver(events: EventDef[], from: number, to: number, start = 0.8): number[] {
  const s = tinyWorld({ legitimacy: start }, { events });
  const out: number[] = [];
  for (let t = 0; t <= to; t++) { s.tick = t; applyEvents(s); if (t >= from) out.push(s.params.legitimacy); }
  return out;
}

describe('when an event happens', () => {
  it('tick, day and date', () => {
    const aug9 = 18483; // 2020-08-09: 18262 days to 2020-01-01, + 213 (Jan-Jul) + 8
    expect(atToTick({ tick: 5 }, aug9, 24)).toBe(5);
    expect(atToTick({ day: 2 }, aug9, 24)).toBe(48);
    expect(atToTick({ day: 2 }, aug9, 12)).toBe(24);
    expect(atToTick({ date: '2020-08-11' }, aug9, 24)).toBe(48);
    expect(atToTick({ date: '2020-08-01' }, aug9, 24)).toBe(0);  // before the start
    expect(atToTick({ date: '2020-02-30' }, aug9, 24)).toBe(0);  // not a date
  });

  it('a set applies at its tick and is logged; events are ordered by tick, stably', () => {
    const s = tinyWorld({ arrestRate: 0.3 }, { events: [
      { at: { day: 1 }, label: 'crackdown', set: { arrestRate: 0.9 } },
      { at: { tick: 24 }, label: 'second', set: { arrestRate: 0.5, legitimacy: 0.25 } },
    ] });
    s.tick = 23; applyEvents(s);
    expect(s.params.arrestRate).toBe(0.3);
    s.tick = 24; applyEvents(s);
    expect(s.params.arrestRate).toBe(0.5); // both at tick 24: the later one in the file wins
    expect(s.params.legitimacy).toBe(0.25);
    expect(s.eventLog.map((e) => [e.kind, e.detail])).toEqual([['scenario', 'crackdown'], ['scenario', 'second']]);
  });
});

describe('ramps', () => {
  it('legitimacy 0.8 -> 0.2 over 0.25 days = 6 ticks from tick 10: 0.8 - 0.6 x k/6 at tick 9 + k, then stays', () => {
    const v = legitimacyOver([{ at: { tick: 10 }, ramp: { key: 'legitimacy', to: 0.2, overDays: 0.25 } }], 9, 17);
    [0.8, 0.7, 0.6, 0.5, 0.4, 0.3, 0.2, 0.2, 0.2].forEach((x, k) => expect(v[k]).toBeCloseTo(x, 12));
  });

  it('the ramp is gone after its last tick; overDays 0 takes 1 tick', () => {
    const s = tinyWorld({ legitimacy: 0.8 }, { events: [{ at: { tick: 2 }, ramp: { key: 'legitimacy', to: 0.4, overDays: 0 } }] });
    for (const t of [0, 1, 2]) { s.tick = t; applyEvents(s); }
    expect(s.params.legitimacy).toBeCloseTo(0.4, 12); // min(1, (2 - 2 + 1)/1)
    expect(s.ramps).toEqual([]);
  });

  it('from is the value after the same event\'s set: 0.6 -> 0.2 over 4 ticks gives 0.5 at its first tick', () => {
    const v = legitimacyOver([{ at: { tick: 0 }, set: { legitimacy: 0.6 }, ramp: { key: 'legitimacy', to: 0.2, overDays: 4 / 24 } }], 0, 1);
    expect(v[0]).toBeCloseTo(0.5, 12); // 0.6 + (0.2 - 0.6) x 1/4
    expect(v[1]).toBeCloseTo(0.4, 12);
  });

  it('a later ramp of the same key replaces the running one', () => {
    const v = legitimacyOver([
      { at: { tick: 0 }, ramp: { key: 'legitimacy', to: 0, overDays: 10 / 24 } },   // 0.8 - 0.08 per tick
      { at: { tick: 2 }, ramp: { key: 'legitimacy', to: 1, overDays: 2 / 24 } },    // from 0.64 (tick 1) to 1 in 2 ticks
    ], 1, 4);
    [0.64, 0.82, 1, 1].forEach((x, k) => expect(v[k]).toBeCloseTo(x, 12));
  });
});
