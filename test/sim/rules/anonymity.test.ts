/**
 * Anonymity (src/sim/rules/anonymity.ts): a masked officer nobody has recognised feels backfire only in part.
 *   shield = 1 - maskShield x masked x (1 - exposure)
 * Hand-computed with maskShield 0.75: masked and unknown 1 - 0.75 = 0.25; masked with exposure 0.4
 * 1 - 0.75 x 0.6 = 0.55; fully identified or unmasked 1.
 */
import { describe, expect, it } from 'vitest';
import { anonymityShield } from '../../../src/sim/rules/anonymity';
import { backfire } from '../../../src/sim/rules/loyalty/backfire';
import { loyaltyContext } from '../../../src/sim/rules/loyalty/context';
import { tinyWorld } from './world';

describe('anonymity', () => {
  it('0.25 masked and unknown, 0.55 at exposure 0.4, 1 identified or unmasked; maskShield 0: always 1', () => {
    const s = tinyWorld({ officerCount: 4, nationalForce: 4, maskShield: 0.75 });
    s.o.masked.fill(0); s.o.exposure.fill(0);
    s.o.masked[0] = 1;
    expect(anonymityShield(s, 0)).toBeCloseTo(0.25, 15);
    s.o.exposure[0] = 0.4;
    expect(anonymityShield(s, 0)).toBeCloseTo(0.55, 7); // exposure is a Float32: 0.4 is 0.4000000059604645
    s.o.exposure[0] = 1;
    expect(anonymityShield(s, 0)).toBe(1);
    expect(anonymityShield(s, 1)).toBe(1); // unmasked (street unmasking clears the flag)
    s.o.exposure[0] = 0; s.params.maskShield = 0;
    expect(anonymityShield(s, 0)).toBe(1);
  });

  // The backfire test's world (backfire.test.ts): K = 0.02 x 1 h x (1 + 1 x 0.5) = 0.03, own + witnessed -> -0.0105 unmasked.
  it('backfire of a masked, unknown officer: -0.0105 x 0.25 = -0.002625; the same officer unmasked: -0.0105', () => {
    const s = tinyWorld({
      officerCount: 4, nationalForce: 5, hoursPerTick: 1, backfireWeight: 0.02, backfireOwnWeight: 0.4, backfireWitnessWeight: 0.6, witnessFactor: 2,
      symbolsBoost: 1, backfireHabituation: 0, violentFlankWeight: 0, maskShield: 0.75,
    });
    s.movement.levels.symbols = 0.5;
    s.tickArrests[0] = 1; s.tickTally.arrests = 1;
    s.o.conscience.fill(0.5); s.o.seen.fill(0); s.o.arrestedThisTick[0] = 1; s.o.exposure.fill(0);
    s.o.masked[0] = 1;
    expect(backfire(s, 0, loyaltyContext(s))).toBeCloseTo(-0.002625, 12);
    s.o.masked[0] = 0; s.o.seen.fill(0);
    expect(backfire(s, 0, loyaltyContext(s))).toBeCloseTo(-0.0105, 12);
  });
});
