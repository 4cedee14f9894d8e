/**
 * The violent flank (src/sim/rules/violentFlank.ts): fringe violence is taken for the movement's.
 *   flank = exp(-violentFlankWeight x violenceLevel)
 * multiplies the backfire of repression (loyalty/context.ts: backfireK) and the elite's daily
 * erosion (elite.ts). Hand-computed with weight 20 and violence level 0.05: flank = exp(-1) = 0.36787944117144233.
 */
import { describe, expect, it } from 'vitest';
import { violentFlank } from '../../../src/sim/rules/violentFlank';
import { backfire } from '../../../src/sim/rules/loyalty/backfire';
import { loyaltyContext } from '../../../src/sim/rules/loyalty/context';
import { cohesionNext } from '../../../src/sim/rules/elite';
import { tinyWorld } from './world';

describe('violent flank', () => {
  it('exp(-20 x 0.05) = 0.36787944117144233; weight 0 or no violence: 1', () => {
    const s = tinyWorld({ violentFlankWeight: 20 });
    s.violenceLevel = 0.05;
    expect(violentFlank(s)).toBeCloseTo(0.36787944117144233, 15);
    s.violenceLevel = 0;
    expect(violentFlank(s)).toBe(1);
    s.violenceLevel = 0.3; s.params.violentFlankWeight = 0;
    expect(violentFlank(s)).toBe(1);
  });

  // The backfire test's world (backfire.test.ts): K = 0.02 x 1 h x (1 + 1 x 0.5) = 0.03, own + witnessed -> -0.0105.
  it('backfire: -0.0105 x exp(-1) = -0.0038627341323001444', () => {
    const s = tinyWorld({
      officerCount: 4, nationalForce: 5, hoursPerTick: 1, backfireWeight: 0.02, backfireOwnWeight: 0.4, backfireWitnessWeight: 0.6, witnessFactor: 2,
      symbolsBoost: 1, backfireHabituation: 0, violentFlankWeight: 20,
    });
    s.movement.levels.symbols = 0.5;
    s.tickArrests[0] = 1; s.tickTally.arrests = 1;
    s.o.conscience.fill(0.5); s.o.seen.fill(0); s.o.arrestedThisTick[0] = 1;
    s.violenceLevel = 0.05; s.o.masked.fill(0); // unmasked: no shield of anonymity (anonymity.test.ts)
    expect(loyaltyContext(s).backfireK).toBeCloseTo(0.03 * 0.36787944117144233, 15);
    expect(backfire(s, 0, loyaltyContext(s))).toBeCloseTo(-0.0038627341323001444, 12);
  });

  // The elite test's world (elite.test.ts): erosion 0.1 x 0.5 x 1.05 = 0.0525 without a flank.
  it('elite: 0.8 - 0.0525 x exp(-1) = 0.78068633..., + 0.02 x 0.5 x (1 - that) = 0.7828794660451144', () => {
    const s = tinyWorld({
      officerCount: 4, nationalForce: 6, eliteCohesion: 1, regimeResources: 1, eliteErosionPerDay: 0.1, eliteLoyalty: 0.5,
      eliteMomentumWeight: 0.5, eliteDefectionWeight: 1, eliteAppealsWeight: 0.5, eliteEconomyWeight: 0.5, eliteRecoveryPerDay: 0.02,
      propaganda: 0.5, violentFlankWeight: 20,
    });
    s.regime.eliteCohesion = 0.8; s.perceived = 0.4; s.defectedCount = 3; s.movement.levels.appeals = 0.2; s.regime.resources = 0.5;
    s.violenceLevel = 0.05;
    expect(cohesionNext(s)).toBeCloseTo(0.7828794660451144, 12);
    s.violenceLevel = 0;
    expect(cohesionNext(s)).toBeCloseTo(0.750025, 12); // elite.test.ts's figure: no violence, no flank
  });
});
