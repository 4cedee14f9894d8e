/**
 * The economy pillar (src/sim/rules/economy.ts), once per day:
 *   resources += resourceRecoveryPerDay x (regimeResources - resources) + patronAidPerDay x patronSupport
 *                - strikeDrainPerDay x strike - bonusCostPerDay x [bonus],   kept in [0, regimeResourcesMax]
 *   bonus = 1 while defected share > bonusTriggerShare and resources > 1, else 0
 *   strike *= 1 - strikeDecayPerDay (x 0.5 while the fund carries the strikers, at
 *             strikeFundCostPerDay x initial force x strike officer-months)
 * World: 6 officers; regimeResources 1, patron support 0.5.
 */
import { describe, expect, it } from 'vitest';
import type { Params } from '../../../src/sim';
import { bonusToday, economyDay, resourcesNext, strikeDay } from '../../../src/sim/rules/economy';
import { tinyWorld } from './world';

const P: Partial<Params> = {
  officerCount: 6, nationalForce: 6, regimeResources: 1, regimeResourcesMax: 10, resourceRecoveryPerDay: 0.1, patronAidPerDay: 0.02,
  externalSupport: 0.5, strikeDrainPerDay: 0.04, bonusCostPerDay: 0.01, bonusTriggerShare: 0.2, strikeDecayPerDay: 0.2,
  strikeFundCostPerDay: 0.1, solidarityFund: 0,
};
const world = (over: Partial<Params> = {}) => tinyWorld({ ...P, ...over });

describe('resources', () => {
  it('0.5 + 0.1 x (1 - 0.5) + 0.02 x 0.5 - 0.04 x 0.5 = 0.54; paying bonuses - 0.01: 0.53; a patron at half support (0.25): 0.535', () => {
    const s = world();
    s.regime.resources = 0.5; s.movement.levels.strike = 0.5;
    expect(resourcesNext(s)).toBeCloseTo(0.54, 12);
    s.regime.bonus = 1;
    expect(resourcesNext(s)).toBeCloseTo(0.53, 12);
    s.regime.bonus = 0; s.regime.patronSupport = 0.25;
    expect(resourcesNext(s)).toBeCloseTo(0.535, 12); // 0.5 + 0.05 + 0.005 - 0.02
  });

  it('kept in [0, regimeResourcesMax]', () => {
    const s = world({ regimeResourcesMax: 0.52 });
    s.regime.resources = 0.5; s.movement.levels.strike = 0.5;
    expect(resourcesNext(s)).toBe(0.52);
    s.regime.resources = 0; s.params.strikeDrainPerDay = 0.5; s.movement.levels.strike = 1;
    expect(resourcesNext(s)).toBe(0); // 0 + 0.1 + 0.01 - 0.5 < 0
  });
});

describe('bonuses', () => {
  it('1 once the defected share 2/6 > 0.2 and resources 1.5 > 1; not at 1/6, not with resources 1', () => {
    const s = world();
    s.regime.resources = 1.5; s.defectedCount = 1;
    expect(bonusToday(s)).toBe(0);
    s.defectedCount = 2;
    expect(bonusToday(s)).toBe(1);
    s.regime.resources = 1;
    expect(bonusToday(s)).toBe(0);
    s.regime.resources = 1.5; s.params.bonusTriggerShare = 0.5; // 2/6 is not > 0.5
    expect(bonusToday(s)).toBe(0);
  });
});

describe('strikes', () => {
  it('fade by 0.2 a day: 0.5 -> 0.4; while a paying fund carries them by half: 0.5 x 0.9 = 0.45, costing 0.1 x 6 x 0.5 = 0.3 of the fund', () => {
    let s = world();
    s.movement.levels.strike = 0.5;
    strikeDay(s);
    expect(s.movement.levels.strike).toBeCloseTo(0.4, 12);
    s = world();
    s.movement.levels.strike = 0.5; s.movement.levels.fund = 1; s.movement.fund = 2;
    strikeDay(s);
    expect(s.movement.levels.strike).toBeCloseTo(0.45, 12);
    expect(s.movement.fund).toBeCloseTo(1.7, 12);
  });

  it('a fund under one officer-month carries nobody: 0.4, the fund untouched', () => {
    const s = world();
    s.movement.levels.strike = 0.5; s.movement.levels.fund = 1; s.movement.fund = 0.5;
    strikeDay(s);
    expect(s.movement.levels.strike).toBeCloseTo(0.4, 12);
    expect(s.movement.fund).toBe(0.5);
  });
});

describe('economyDay', () => {
  it('bonus first (2/6 > 0.2, resources 1.5 > 1), then resources 1.5 - 0.05 + 0.01 - 0.02 - 0.01 = 1.43, then the strike 0.5 -> 0.4', () => {
    const s = world();
    s.regime.resources = 1.5; s.defectedCount = 2; s.movement.levels.strike = 0.5;
    economyDay(s);
    expect(s.regime.bonus).toBe(1);
    expect(s.regime.resources).toBeCloseTo(1.43, 12);
    expect(s.movement.levels.strike).toBeCloseTo(0.4, 12);
  });

  it('holdEconomy keeps resources (the bonus and the strike still move)', () => {
    const s = world({ holdEconomy: true });
    s.regime.resources = 1.5; s.defectedCount = 2; s.movement.levels.strike = 0.5;
    economyDay(s);
    expect(s.regime.resources).toBe(1.5);
    expect(s.regime.bonus).toBe(1);
    expect(s.movement.levels.strike).toBeCloseTo(0.4, 12);
  });
});
