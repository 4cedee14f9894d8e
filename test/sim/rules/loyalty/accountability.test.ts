/**
 * accountability (src/sim/rules/loyalty/accountability.ts): a registry counts only abuses on record.
 *   clean:         delta = -accountabilityWeight x registry x perceived x dt
 *   on record:     delta = +accountabilityWeight x abuseCling x min(documented, cap) / cap x registry x dt
 *   not on record: 0
 * Hourly ticks: dt = 1/24. Officer 0 is clean, officer 1 has 2 abuses.
 */
import { describe, expect, it } from 'vitest';
import { accountability, accountabilityLive } from '../../../../src/sim/rules/loyalty/accountability';
import { loyaltyContext } from '../../../../src/sim/rules/loyalty/context';
import { tinyWorld } from '../world';

function world(registry: number, perceived = 0.5) {
  const s = tinyWorld({ hoursPerTick: 1, accountabilityWeight: 0.48, abuseCling: 0.5, abuseClingCap: 4 });
  s.movement.levels.registry = registry;
  s.perceived = perceived;
  s.o.abuses[0] = 0; s.o.documented[0] = 0;
  s.o.abuses[1] = 2; s.o.documented[1] = 2;
  return { s, x: loyaltyContext(s) };
}

describe('accountability', () => {
  it('clean officer: -0.48 x 0.5 x 0.5 / 24 = -0.005; as far as the regime looks likely to fall: perceived 1 doubles it, 0 is none', () => {
    const { s, x } = world(0.5);
    expect(accountability(s, 0, x)).toBeCloseTo(-0.005, 12);
    s.perceived = 1;
    expect(accountability(s, 0, x)).toBeCloseTo(-0.01, 12); // -0.48 x 0.5 x 1 / 24
    s.perceived = 0;
    expect(accountability(s, 0, x) === 0).toBe(true); // -0.48 x 0.5 x 0 / 24 (a signed zero)
  });

  it('abuser with 2 of 4 abuses on record clings: 0.48 x 0.5 x 2/4 x 0.5 / 24 = +0.0025, whatever the perceived chance; 10 on record count as 4: +0.005', () => {
    const { s, x } = world(0.5);
    expect(accountability(s, 1, x)).toBeCloseTo(0.0025, 12);
    s.perceived = 1;
    expect(accountability(s, 1, x)).toBeCloseTo(0.0025, 12);
    s.o.abuses[1] = 10; s.o.documented[1] = 10;
    expect(accountability(s, 1, x)).toBeCloseTo(0.005, 12); // 0.48 x 0.5 x 4/4 x 0.5 / 24
    s.params.abuseCling = 0;
    expect(accountability(s, 1, x)).toBe(0);
  });

  it('only abuses on record count: 1 of his 2 documented is 0.48 x 0.5 x 1/4 x 0.5 / 24 = +0.00125; none documented: exactly 0 (no push either way)', () => {
    const { s, x } = world(0.5, 1);
    s.o.documented[1] = 1;
    expect(accountability(s, 1, x)).toBeCloseTo(0.00125, 12);
    s.o.documented[1] = 0;
    expect(accountability(s, 1, x)).toBe(0);
  });

  it('no registry: exactly 0, and the channel is quiet', () => {
    const { s, x } = world(0, 1);
    expect(accountability(s, 0, x)).toBe(0);
    expect(accountability(s, 1, x)).toBe(0);
    expect(accountabilityLive(s)).toBe(false);
    s.movement.levels.registry = 1;
    expect(accountabilityLive(s)).toBe(true);
    expect(accountability(s, 0, x)).toBeCloseTo(-0.02, 12); // -0.48 x 1 x 1 / 24
  });
});
