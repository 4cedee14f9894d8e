/**
 * backfire (src/sim/rules/loyalty/backfire.ts), deployed officers only:
 *   r = ownWeight x own + witnessWeight x witnessed
 *   delta = -backfireWeight x hours x conscience x shield x (1 + symbolsBoost x symbols) x r / (1 + backfireHabituation x seen)^backfireHabituationExponent
 *   seen += r (after the change)
 *   witnessed = min(1, witnessFactor x nonviolent arrests (abuse-weighted: arrest.ts) / officers in his district)
 * World: 4 officers on the map, one in the reserve (officer 4); one nonviolent arrest this tick.
 * No habituation (backfireHabituation 0) unless a test says otherwise, and every officer unmasked (the
 * shield of anonymity, anonymity.ts, is pinned in anonymity.test.ts).
 */
import { describe, expect, it } from 'vitest';
import { backfire, backfireLive } from '../../../../src/sim/rules/loyalty/backfire';
import { loyaltyContext } from '../../../../src/sim/rules/loyalty/context';
import { tinyWorld } from '../world';

function world(arrests = 1) {
  const s = tinyWorld({
    officerCount: 4, nationalForce: 5, hoursPerTick: 1, backfireWeight: 0.02, backfireOwnWeight: 0.4, backfireWitnessWeight: 0.6, witnessFactor: 2,
    symbolsBoost: 1, backfireHabituation: 0,
  });
  s.o.masked.fill(0);
  s.movement.levels.symbols = 0.5;
  s.tickArrests[0] = arrests; s.tickTally.arrests = arrests;
  s.o.conscience.fill(0.5);
  s.o.seen.fill(0);
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

  it('an abuse seen weighs more: one arrest with abuse chance 0.05 at backfireAbuseWeight 10 is 1 + 10 x 0.05 = 1.5 arrests: witnessed min(1, 2 x 1.5/4) = 0.75: -0.03 x 0.5 x 0.6 x 0.75 = -0.00675', () => {
    const s = world(1.5);
    expect(backfire(s, 1, loyaltyContext(s))).toBeCloseTo(-0.00675, 12);
  });

  it('hours and symbols scale it: 2-hour ticks double it, symbolsBoost 0 drops the 1.5', () => {
    const s = world();
    s.params.hoursPerTick = 2;
    expect(backfire(s, 1, loyaltyContext(s))).toBeCloseTo(-0.009, 12);   // -0.02 x 2 x 1.5 x 0.5 x 0.3
    s.params.hoursPerTick = 1; s.params.symbolsBoost = 0;
    expect(backfire(s, 1, loyaltyContext(s))).toBeCloseTo(-0.003, 12);   // -0.02 x 1 x 1 x 0.5 x 0.3
  });

  // Own weight 0.5, witness weight 0.5: r = 0.5 x 1 + 0.5 x 0.5 = 0.75 for officer 0 (exact in Float32).
  it('habituation 2: -0.03 x 0.5 x 0.75 / (1 + 2 x 0) = -0.01125, seen 0.75; then / (1 + 2 x 0.75) = -0.0045, seen 1.5; then / (1 + 2 x 1.5) = -0.0028125', () => {
    const s = world();
    s.params.backfireOwnWeight = 0.5; s.params.backfireWitnessWeight = 0.5; s.params.backfireHabituation = 2;
    const x = loyaltyContext(s);
    expect(backfire(s, 0, x)).toBeCloseTo(-0.01125, 12);
    expect(s.o.seen[0]).toBe(0.75);
    expect(backfire(s, 0, x)).toBeCloseTo(-0.0045, 12);
    expect(s.o.seen[0]).toBe(1.5);
    expect(backfire(s, 0, x)).toBeCloseTo(-0.0028125, 12);
    expect(s.o.seen[0]).toBe(2.25);
  });

  it('habituation 2, exponent 2 (bounded): -0.01125 / 1, then / (1 + 2 x 0.75)^2 = -0.0018, then / (1 + 2 x 1.5)^2 = -0.000703125', () => {
    const s = world();
    s.params.backfireOwnWeight = 0.5; s.params.backfireWitnessWeight = 0.5; s.params.backfireHabituation = 2; s.params.backfireHabituationExponent = 2;
    const x = loyaltyContext(s);
    expect(backfire(s, 0, x)).toBeCloseTo(-0.01125, 12);
    expect(backfire(s, 0, x)).toBeCloseTo(-0.0018, 12);
    expect(backfire(s, 0, x)).toBeCloseTo(-0.000703125, 12);
    expect(s.o.seen[0]).toBe(2.25);
  });

  it('without habituation what he has seen still accumulates but changes nothing: -0.01125 twice, seen 0.75 then 1.5', () => {
    const s = world();
    s.params.backfireOwnWeight = 0.5; s.params.backfireWitnessWeight = 0.5;
    const x = loyaltyContext(s);
    expect(backfire(s, 0, x)).toBeCloseTo(-0.01125, 12);
    expect(backfire(s, 0, x)).toBeCloseTo(-0.01125, 12);
    expect(s.o.seen[0]).toBe(1.5);
  });

  it('a habituated officer (seen 3, habituation 1) feels a quarter: -0.0045 / (1 + 1 x 3) = -0.001125', () => {
    const s = world();
    s.params.backfireHabituation = 1; s.o.seen[1] = 3;
    expect(backfire(s, 1, loyaltyContext(s))).toBeCloseTo(-0.001125, 12);
    expect(s.o.seen[1]).toBeCloseTo(3.3, 6); // 3 + 0.6 x 0.5 (Float32)
  });

  it('exactly 0: off the street (even with an arrest flag), or with no arrest to take part in or see; nothing is seen then', () => {
    let s = world();
    expect(backfire(s, 4, loyaltyContext(s))).toBe(0);
    expect(s.o.seen[4]).toBe(0);
    expect(backfireLive(s)).toBe(true);
    s = world(0);
    s.o.arrestedThisTick.fill(0);
    expect(backfire(s, 1, loyaltyContext(s))).toBe(0);
    expect(s.o.seen[1]).toBe(0);
    expect(backfireLive(s)).toBe(false);
  });
});
