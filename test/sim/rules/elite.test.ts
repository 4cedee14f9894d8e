/**
 * The elite (src/sim/rules/elite.ts), once per day:
 *   cohesion -= eliteErosionPerDay x (1 - eliteLoyalty) x (momentumW x perceived + defectionW x defected share
 *               + appealsW x appeals + economyW x economic stress)
 *   cohesion += eliteRecoveryPerDay x propaganda x (cohesion0 - cohesion),   kept in [0, 1]
 *   split: while perceived > eliteSplitThreshold, with chance eliteSplitChancePerDay (stream elite): cohesion -= eliteSplitSize
 *   economic stress = clamp01(1 - resources / regimeResources at day 0)
 * World: 6 officers, cohesion0 1, regimeResources 1.
 */
import { describe, expect, it } from 'vitest';
import type { Params } from '../../../src/sim';
import { cohesionNext, eliteDay } from '../../../src/sim/rules/elite';
import { feed, tinyWorld } from './world';

const P: Partial<Params> = {
  officerCount: 4, nationalForce: 6, eliteCohesion: 1, regimeResources: 1, eliteErosionPerDay: 0.1, eliteLoyalty: 0.5,
  eliteMomentumWeight: 0.5, eliteDefectionWeight: 1, eliteAppealsWeight: 0.5, eliteEconomyWeight: 0.5, eliteRecoveryPerDay: 0.02,
  propaganda: 0.5, eliteSplitThreshold: 0.6, eliteSplitChancePerDay: 0.05, eliteSplitSize: 0.25,
};
const world = (over: Partial<Params> = {}) => tinyWorld({ ...P, ...over });

function eroding(s: ReturnType<typeof world>) {
  s.regime.eliteCohesion = 0.8; s.perceived = 0.4; s.defectedCount = 3; s.movement.levels.appeals = 0.2; s.regime.resources = 0.5;
}

describe('elite cohesion', () => {
  it('0.8 - 0.1 x 0.5 x (0.5 x 0.4 + 1 x 3/6 + 0.5 x 0.2 + 0.5 x 0.5) = 0.8 - 0.0525 = 0.7475, then + 0.02 x 0.5 x (1 - 0.7475) = 0.750025', () => {
    const s = world();
    eroding(s);
    expect(cohesionNext(s)).toBeCloseTo(0.750025, 12);
  });

  it('an elite bound to the ruler erodes less: eliteLoyalty 0.9: 0.8 - 0.1 x 0.1 x 1.05 = 0.7895, + 0.01 x 0.2105 = 0.791605; loyalty 1: 0.8 + 0.01 x 0.2 = 0.802', () => {
    const s = world({ eliteLoyalty: 0.9 });
    eroding(s);
    expect(cohesionNext(s)).toBeCloseTo(0.791605, 12);
    s.params.eliteLoyalty = 1;
    expect(cohesionNext(s)).toBeCloseTo(0.802, 12);
  });

  it('the economy weighs in: resources 1 (no stress): 0.8 - 0.05 x 0.8 = 0.76, + 0.01 x 0.24 = 0.7624', () => {
    const s = world();
    eroding(s); s.regime.resources = 1;
    expect(cohesionNext(s)).toBeCloseTo(0.7624, 12);
  });

  it('kept in [0, 1]', () => {
    const s = world({ eliteErosionPerDay: 1, eliteMomentumWeight: 10, eliteLoyalty: 0 });
    s.regime.eliteCohesion = 0.5; s.perceived = 1;
    expect(cohesionNext(s)).toBe(0); // 0.5 - 10 < 0; recovery 0.01 x 10.5 does not bring it back
    s.params.eliteErosionPerDay = 0; s.params.eliteRecoveryPerDay = 1; s.params.propaganda = 1;
    s.regime.eliteCohesion = 1;
    expect(cohesionNext(s)).toBe(1);
  });
});

describe('eliteDay', () => {
  it('perceived 0.7 > 0.6: a draw below 0.05 splits the coalition: 0.7426 - 0.25 = 0.4926, an event', () => {
    const s = world();
    eroding(s); s.perceived = 0.7;
    // perceived 0.7: 0.8 - 0.05 x (0.35 + 0.5 + 0.1 + 0.25) = 0.74, + 0.01 x 0.26 = 0.7426; split: 0.4926
    feed(s, 'elite', [0.04]);
    eliteDay(s);
    expect(s.regime.eliteCohesion).toBeCloseTo(0.4926, 12);
    expect(s.regime.splits).toBe(1);
    expect(s.eventLog.map((e) => e.kind)).toEqual(['elite-split']);
  });

  it('a draw at 0.05 does not split; at perceived 0.6 (not > 0.6) nothing is drawn; holdElite keeps cohesion', () => {
    let s = world();
    eroding(s); s.perceived = 0.7;
    feed(s, 'elite', [0.05]);
    eliteDay(s);
    expect(s.regime.eliteCohesion).toBeCloseTo(0.7426, 12);
    expect(s.regime.splits).toBe(0);
    s = world();
    eroding(s); s.perceived = 0.6;
    const d = feed(s, 'elite', []);
    eliteDay(s);
    expect(d.used()).toBe(0);
    s = world({ holdElite: true });
    eroding(s); s.perceived = 0.7;
    feed(s, 'elite', []);
    eliteDay(s);
    expect(s.regime.eliteCohesion).toBe(0.8);
  });
});
