/**
 * What fades each day (src/sim/rules/fade.ts): contact x (1 - contactDecayPerDay) (0 below 0.001)
 * and a unit's backlash x (1 - unitBacklashDecayPerDay) (0 below 1e-6).
 */
import { describe, expect, it } from 'vitest';
import { fadeDay } from '../../../src/sim/rules/fade';
import { tinyWorld } from './world';

describe('fadeDay', () => {
  it('contact 1 x (1 - 0.5) = 0.5, then 0.25; 0.0015 x 0.5 = 0.00075 < 0.001 drops to 0', () => {
    const s = tinyWorld({ contactDecayPerDay: 0.5, unitBacklashDecayPerDay: 0.5 });
    s.o.contact.set([1, 0.0015]);
    fadeDay(s);
    expect(Array.from(s.o.contact)).toEqual([0.5, 0]);
    fadeDay(s);
    expect(s.o.contact[0]).toBe(0.25);
  });

  it('backlash 0.5 x (1 - 0.25) = 0.375; once every unit\'s is below 1e-6 no unit is angry', () => {
    const s = tinyWorld({ contactDecayPerDay: 0.5, unitBacklashDecayPerDay: 0.25 });
    s.units.backlash[0] = 0.5; s.units.anyBacklash = true;
    fadeDay(s);
    expect(s.units.backlash[0]).toBeCloseTo(0.375, 12);
    expect(s.units.anyBacklash).toBe(true);
    s.units.backlash[0] = 1e-6; // x 0.75 < 1e-6
    fadeDay(s);
    expect(s.units.backlash[0]).toBe(0);
    expect(s.units.anyBacklash).toBe(false);
  });
});
