/**
 * accountability (src/sim/rules/loyalty/accountability.ts):
 *   delta = registry x dt x (abuser ? +w x abuseCling x min(abuses, cap) / cap : -w)
 * Hourly ticks: dt = 1/24.
 */
import { describe, expect, it } from 'vitest';
import { accountability, accountabilityLive } from '../../../../src/sim/rules/loyalty/accountability';
import { loyaltyContext } from '../../../../src/sim/rules/loyalty/context';
import { tinyWorld } from '../world';

function world(registry: number) {
  const s = tinyWorld({ accountabilityWeight: 0.48, abuseCling: 0.5, abuseClingCap: 4 });
  s.movement.levels.registry = registry;
  s.o.abuses[0] = 0; s.o.abuses[1] = 2;
  return { s, x: loyaltyContext(s) };
}

describe('accountability', () => {
  it('clean officer: -0.48 x 0.5 / 24 = -0.01', () => {
    const { s, x } = world(0.5);
    expect(accountability(s, 0, x)).toBeCloseTo(-0.01, 12);
  });

  it('abuser with 2 of 4 abuses clings: 0.48 x 0.5 x 2/4 x 0.5 / 24 = +0.0025; 10 abuses count as 4: +0.005', () => {
    const { s, x } = world(0.5);
    expect(accountability(s, 1, x)).toBeCloseTo(0.0025, 12);
    s.o.abuses[1] = 10;
    expect(accountability(s, 1, x)).toBeCloseTo(0.005, 12);
    s.params.abuseCling = 0;
    expect(accountability(s, 1, x)).toBe(0);
  });

  it('no registry: exactly 0, and the channel is quiet', () => {
    const { s, x } = world(0);
    expect(accountability(s, 0, x)).toBe(0);
    expect(accountability(s, 1, x)).toBe(0);
    expect(accountabilityLive(s)).toBe(false);
    s.movement.levels.registry = 1;
    expect(accountabilityLive(s)).toBe(true);
    expect(accountability(s, 0, x)).toBeCloseTo(-0.02, 12); // -0.48 x 1 / 24
  });
});
