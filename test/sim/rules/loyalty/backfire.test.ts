/**
 * backfire (src/sim/rules/loyalty/backfire.ts), deployed officers only:
 *   delta = -backfireWeight x hours x conscience x (ownWeight x own + witnessWeight x witnessed) x (1 + symbolsBoost x symbols)
 *   witnessed = min(1, witnessFactor x nonviolent arrests / officers in his district)
 * World: 4 officers on the map, one in the reserve (officer 4); one nonviolent arrest this tick.
 */
import { describe, expect, it } from 'vitest';
import { backfire, backfireLive } from '../../../../src/sim/rules/loyalty/backfire';
import { loyaltyContext } from '../../../../src/sim/rules/loyalty/context';
import { tinyWorld } from '../world';

function world(arrests = 1) {
  const s = tinyWorld({
    officerCount: 4, nationalForce: 5, backfireWeight: 0.02, backfireOwnWeight: 0.4, backfireWitnessWeight: 0.6, witnessFactor: 2, symbolsBoost: 1,
  });
  s.movement.levels.symbols = 0.5;
  s.tickArrests[0] = arrests; s.tickTally.arrests = arrests;
  s.o.conscience.fill(0.5);
  s.o.arrestedThisTick[0] = 1; s.o.arrestedThisTick[4] = 1;
  return s;
}

describe('backfire', () => {
  // witnessed = min(1, 2 x 1/4) = 0.5; K = 0.02 x 1 hour x (1 + 1 x 0.5) = 0.03
  it('own arrest and witnessing: -0.03 x 0.5 x (0.4 x 1 + 0.6 x 0.5) = -0.0105', () => {
    const s = world();
    expect(backfire(s, 0, loyaltyContext(s))).toBeCloseTo(-0.0105, 12);
  });

  it('witnessing only: -0.03 x 0.5 x 0.6 x 0.5 = -0.0045; conscience 0.25 halves it', () => {
    const s = world();
    expect(backfire(s, 1, loyaltyContext(s))).toBeCloseTo(-0.0045, 12);
    s.o.conscience[1] = 0.25;
    expect(backfire(s, 1, loyaltyContext(s))).toBeCloseTo(-0.00225, 12);
  });

  it('witnessing saturates: 4 arrests, min(1, 2 x 4/4) = 1: -0.03 x 0.5 x 0.6 = -0.009', () => {
    const s = world(4);
    expect(backfire(s, 1, loyaltyContext(s))).toBeCloseTo(-0.009, 12);
  });

  it('hours and symbols scale it: 2-hour ticks double it, symbolsBoost 0 drops the 1.5', () => {
    const s = world();
    s.params.hoursPerTick = 2;
    expect(backfire(s, 1, loyaltyContext(s))).toBeCloseTo(-0.009, 12);   // -0.02 x 2 x 1.5 x 0.5 x 0.3
    s.params.hoursPerTick = 1; s.params.symbolsBoost = 0;
    expect(backfire(s, 1, loyaltyContext(s))).toBeCloseTo(-0.003, 12);   // -0.02 x 1 x 1 x 0.5 x 0.3
  });

  it('exactly 0: off the street (even with an arrest flag), or with no arrest to take part in or see', () => {
    let s = world();
    expect(backfire(s, 4, loyaltyContext(s))).toBe(0);
    expect(backfireLive(s)).toBe(true);
    s = world(0);
    s.o.arrestedThisTick.fill(0);
    expect(backfire(s, 1, loyaltyContext(s))).toBe(0);
    expect(backfireLive(s)).toBe(false);
  });
});
