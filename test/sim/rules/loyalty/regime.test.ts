/**
 * regime pull (src/sim/rules/loyalty/regime.ts): restores loyalty toward its starting value.
 *   delta = regimeWeight x dt x [(pay + bonus) x (loyalty0 - loyalty) + punishment x fear x peer share]
 *   pay   = regimePayWeight x min(1, resources) + (1 - regimePayWeight) x propaganda
 *   bonus = bonusPull while the regime pays bonuses (regime.bonus = 1), else 0
 * Hourly ticks: dt = 1/24; officer 0: loyalty 0.5, loyalty0 1, fear 0.5; units of 2, a share 0.5 visible in unit 0.
 */
import { describe, expect, it } from 'vitest';
import { loyaltyContext } from '../../../../src/sim/rules/loyalty/context';
import { regimeLive, regimePull } from '../../../../src/sim/rules/loyalty/regime';
import { tinyWorld } from '../world';

function world() {
  const s = tinyWorld({
    officerCount: 4, nationalForce: 4, unitSize: 2, hoursPerTick: 1, regimeWeight: 0.48, regimePayWeight: 0.5, propaganda: 0.4, punishment: 0.5,
    bonusPull: 0.5,
  });
  s.regime.resources = 0.8; s.regime.bonus = 0;
  s.units.visible[0] = 1;
  s.o.loyalty[0] = 0.5; s.o.loyalty0[0] = 1; s.o.fear[0] = 0.5;
  s.o.loyalty[2] = 0.5; s.o.loyalty0[2] = 1; s.o.fear[2] = 0.5;
  return s;
}

describe('regime pull', () => {
  // regimeK = 0.48 / 24 = 0.02; pay = 0.5 x 0.8 + 0.5 x 0.4 = 0.6
  it('0.02 x (0.6 x (1 - 0.5) + 0.5 x 0.5 x 1/2) = 0.02 x 0.425 = 0.0085', () => {
    const s = world();
    expect(regimePull(s, 0, loyaltyContext(s))).toBeCloseTo(0.0085, 12);
  });

  it('it restores toward his own start: loyalty0 0.75: 0.02 x (0.6 x 0.25 + 0.125) = 0.0055; at his start only punishment pulls: 0.02 x 0.125 = 0.0025', () => {
    const s = world();
    s.o.loyalty0[0] = 0.75;
    expect(regimePull(s, 0, loyaltyContext(s))).toBeCloseTo(0.0055, 12);
    s.o.loyalty[0] = 0.75;
    expect(regimePull(s, 0, loyaltyContext(s))).toBeCloseTo(0.0025, 12);
  });

  it('above his start the pay term pulls back down: loyalty 0.875, loyalty0 0.75, no defectors in unit 1: 0.02 x 0.6 x (-0.125) = -0.0015', () => {
    const s = world();
    s.o.loyalty[2] = 0.875; s.o.loyalty0[2] = 0.75;
    expect(regimePull(s, 2, loyaltyContext(s))).toBeCloseTo(-0.0015, 12);
  });

  it('bonuses add bonusPull to the pay: 0.02 x ((0.6 + 0.5) x 0.5 + 0.125) = 0.02 x 0.675 = 0.0135; bonusPull 1: 0.02 x (1.6 x 0.5 + 0.125) = 0.0185', () => {
    const s = world();
    s.regime.bonus = 1;
    expect(regimePull(s, 0, loyaltyContext(s))).toBeCloseTo(0.0135, 12);
    s.params.bonusPull = 1;
    expect(regimePull(s, 0, loyaltyContext(s))).toBeCloseTo(0.0185, 12);
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

  it('an officer at his starting loyalty with no defectors around feels exactly 0; the channel is always live', () => {
    const s = world();
    s.o.loyalty[2] = 1;
    expect(regimePull(s, 2, loyaltyContext(s))).toBe(0);
    expect(regimeLive()).toBe(true);
  });
});
