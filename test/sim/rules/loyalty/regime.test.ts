/**
 * regime pull (src/sim/rules/loyalty/regime.ts):
 *   delta = regimeWeight x dt x [pay x (1 - loyalty) + punishment x fear x peer share]
 *   pay   = regimePayWeight x min(1, resources) + (1 - regimePayWeight) x propaganda
 * Hourly ticks: dt = 1/24; officer 0: loyalty 0.5, fear 0.5; units of 2, a share 0.5 visible in unit 0.
 */
import { describe, expect, it } from 'vitest';
import { loyaltyContext } from '../../../../src/sim/rules/loyalty/context';
import { regimeLive, regimePull } from '../../../../src/sim/rules/loyalty/regime';
import { tinyWorld } from '../world';

function world() {
  const s = tinyWorld({ officerCount: 4, nationalForce: 4, unitSize: 2, regimeWeight: 0.48, regimePayWeight: 0.5, propaganda: 0.4, punishment: 0.5 });
  s.regime.resources = 0.8;
  s.units.visible[0] = 1;
  s.o.loyalty[0] = 0.5; s.o.fear[0] = 0.5; s.o.loyalty[2] = 0.5; s.o.fear[2] = 0.5;
  return s;
}

describe('regime pull', () => {
  // regimeK = 0.48 / 24 = 0.02; pay = 0.5 x 0.8 + 0.5 x 0.4 = 0.6
  it('0.02 x (0.6 x 0.5 + 0.5 x 0.5 x 1/2) = 0.02 x 0.425 = 0.0085', () => {
    const s = world();
    expect(regimePull(s, 0, loyaltyContext(s))).toBeCloseTo(0.0085, 12);
  });

  it('no visible defection in unit 1: 0.02 x 0.6 x 0.5 = 0.006; resources above 1 pay as 1: 0.02 x 0.7 x 0.5 = 0.007', () => {
    const s = world();
    expect(regimePull(s, 2, loyaltyContext(s))).toBeCloseTo(0.006, 12);
    s.regime.resources = 2;
    expect(regimePull(s, 2, loyaltyContext(s))).toBeCloseTo(0.007, 12);
  });

  it('pay weight 1: pay = min(1, 0.8) = 0.8 (propaganda drops out): 0.02 x (0.8 x 0.5 + 0.125) = 0.0105', () => {
    const s = world();
    s.params.regimePayWeight = 1;
    expect(regimePull(s, 0, loyaltyContext(s))).toBeCloseTo(0.0105, 12);
  });

  it('a fully loyal officer with no defectors around feels exactly 0; the channel is always live', () => {
    const s = world();
    s.o.loyalty[2] = 1;
    expect(regimePull(s, 2, loyaltyContext(s))).toBe(0);
    expect(regimeLive()).toBe(true);
  });
});
