/**
 * momentum channel (src/sim/rules/loyalty/momentum.ts):
 *   delta = -momentumLoyaltyWeight x dt x momentum x (deployed ? 1 : offMapMomentumShare)
 */
import { describe, expect, it } from 'vitest';
import { loyaltyContext } from '../../../../src/sim/rules/loyalty/context';
import { momentumChannel, momentumLive } from '../../../../src/sim/rules/loyalty/momentum';
import { tinyWorld } from '../world';

describe('momentum channel', () => {
  it('-0.24 x (1/24) x 0.5 = -0.005, the same for every officer', () => {
    const s = tinyWorld({ momentumLoyaltyWeight: 0.24, hoursPerTick: 1 });
    s.momentum = 0.5;
    const x = loyaltyContext(s);
    expect(momentumChannel(s, 0, x)).toBeCloseTo(-0.005, 12);
    expect(momentumChannel(s, 1, x)).toBeCloseTo(-0.005, 12);
    expect(momentumLive(s)).toBe(true);
  });

  it('2-hour ticks: -0.24 x (2/24) x 0.5 = -0.01; momentum 0 gives exactly 0 and a quiet channel', () => {
    const s = tinyWorld({ momentumLoyaltyWeight: 0.24, hoursPerTick: 2 });
    s.momentum = 0.5;
    expect(momentumChannel(s, 0, loyaltyContext(s))).toBeCloseTo(-0.01, 12);
    s.momentum = 0;
    expect(momentumChannel(s, 0, loyaltyContext(s))).toBe(0);
    expect(momentumLive(s)).toBe(false);
  });

  it('an officer off the street (the reserve) feels it at offMapMomentumShare: -0.005 x 0.25 = -0.00125', () => {
    const s = tinyWorld({ momentumLoyaltyWeight: 0.24, hoursPerTick: 1, officerCount: 1, nationalForce: 2, offMapMomentumShare: 0.25 });
    s.momentum = 0.5;
    const x = loyaltyContext(s);
    expect(s.o.deployed[1]).toBe(0);
    expect(momentumChannel(s, 0, x)).toBeCloseTo(-0.005, 12);
    expect(momentumChannel(s, 1, x)).toBeCloseTo(-0.00125, 12);
    s.params.offMapMomentumShare = 1;
    expect(momentumChannel(s, 1, x)).toBeCloseTo(-0.005, 12);
  });
});
