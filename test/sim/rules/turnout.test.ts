/**
 * Crowd calendar (src/sim/rules/turnout.ts): the share of citizens out at a tick. Sunday from
 * sundayStartHour to eveningEndHour: sundayTurnout; any evening from eveningStartHour to
 * eveningEndHour: eveningTurnout; otherwise offHoursTurnout; calendar off: 1 (Epstein).
 * The tiny world starts on 2020-08-09, a Sunday, at 00:00.
 */
import { describe, expect, it } from 'vitest';
import type { Params } from '../../../src/sim';
import { turnout } from '../../../src/sim/rules/turnout';
import { tinyWorld } from './world';

const CAL: Partial<Params> = {
  calendarOn: true, eveningStartHour: 18, eveningEndHour: 23, sundayStartHour: 13,
  sundayTurnout: 0.875, eveningTurnout: 0.5, offHoursTurnout: 0.125,
};

describe('turnout', () => {
  it('calendar off: everyone is out at every hour', () => {
    const s = tinyWorld({ ...CAL, calendarOn: false });
    for (const t of [0, 13, 20, 40]) expect(turnout(s, t)).toBe(1);
  });

  it('Sunday: off hours before 13:00, the march from 13:00 to 23:00 (evening included), off hours after', () => {
    const s = tinyWorld(CAL);
    expect(turnout(s, 12)).toBe(0.125);
    expect(turnout(s, 13)).toBe(0.875);
    expect(turnout(s, 18)).toBe(0.875); // the march covers the evening
    expect(turnout(s, 22)).toBe(0.875);
    expect(turnout(s, 23)).toBe(0.125); // eveningEndHour is exclusive
  });

  it('Monday (ticks 24-47): off hours at 13:00, the evening from 18:00 to 23:00', () => {
    const s = tinyWorld(CAL);
    expect(turnout(s, 24 + 13)).toBe(0.125);
    expect(turnout(s, 24 + 17)).toBe(0.125);
    expect(turnout(s, 24 + 18)).toBe(0.5);
    expect(turnout(s, 24 + 22)).toBe(0.5);
    expect(turnout(s, 24 + 23)).toBe(0.125);
    expect(turnout(s, 7 * 24 + 13)).toBe(0.875); // next Sunday
  });

  it('each hour parameter moves its boundary; hoursPerTick 2 makes tick 9 = 18:00', () => {
    const s = tinyWorld({ ...CAL, sundayStartHour: 15, eveningStartHour: 20, eveningEndHour: 22 });
    expect(turnout(s, 14)).toBe(0.125);
    expect(turnout(s, 15)).toBe(0.875);
    expect(turnout(s, 22)).toBe(0.125);
    expect(turnout(s, 24 + 19)).toBe(0.125);
    expect(turnout(s, 24 + 20)).toBe(0.5);
    const t = tinyWorld({ ...CAL, hoursPerTick: 2 });
    expect(turnout(t, 6)).toBe(0.125);  // Sunday 12:00
    expect(turnout(t, 9)).toBe(0.875);  // Sunday 18:00
    expect(turnout(t, 12 + 9)).toBe(0.5); // Monday 18:00
  });
});
