/**
 * The perceived chance that the regime falls (src/sim/rules/perception.ts), once per day:
 *   target = clamp01(momentumW x momentum + eliteW x eliteSplit + economyW x economicStress + patronW x patronDoubt)
 *   perceived += perceptionSmoothing x (target - perceived)
 *   eliteSplit     = clamp01((cohesion0 - cohesion) / (cohesion0 - eliteBreakThreshold))
 *   economicStress = clamp01(1 - resources / regimeResources at day 0)
 *   patronDoubt    = clamp01(1 - patronSupport / externalSupport at day 0)   (0 without a patron)
 * World: cohesion0 1, break point 0.5, resources0 1, support0 0.5; weights 0.5, 0.25, 0.25, 0.5; smoothing 0.5.
 */
import { describe, expect, it } from 'vitest';
import type { Params } from '../../../src/sim';
import { economicStress, eliteSplit, patronDoubt, perceivedTarget, updatePerception } from '../../../src/sim/rules/perception';
import { tinyWorld } from './world';

const P: Partial<Params> = {
  eliteCohesion: 1, eliteBreakThreshold: 0.5, regimeResources: 1, externalSupport: 0.5, perceptionMomentumWeight: 0.5,
  perceptionEliteWeight: 0.25, perceptionEconomyWeight: 0.25, perceptionPatronWeight: 0.5, perceptionSmoothing: 0.5,
};
const world = (over: Partial<Params> = {}) => tinyWorld({ ...P, ...over });

/** Momentum 0.4, cohesion 0.875, resources 0.75, patron support 0.375. */
function shaken(s: ReturnType<typeof world>) {
  s.momentum = 0.4; s.regime.eliteCohesion = 0.875; s.regime.resources = 0.75; s.regime.patronSupport = 0.375;
}

describe('the pillars as the officials read them', () => {
  it('elite split (1 - 0.875) / (1 - 0.5) = 0.25, stress 1 - 0.75 = 0.25, doubt 1 - 0.375 / 0.5 = 0.25', () => {
    const s = world();
    shaken(s);
    expect(eliteSplit(s)).toBeCloseTo(0.25, 12);
    expect(economicStress(s)).toBeCloseTo(0.25, 12);
    expect(patronDoubt(s)).toBeCloseTo(0.25, 12);
  });

  it('each clamped to [0, 1]: cohesion 0.4 splits 1 (0.6 / 0.5), resources 2 stress 0, support 0 doubts 1', () => {
    const s = world();
    s.regime.eliteCohesion = 0.4; s.regime.resources = 2; s.regime.patronSupport = 0;
    expect(eliteSplit(s)).toBe(1); expect(economicStress(s)).toBe(0); expect(patronDoubt(s)).toBe(1);
  });

  it('they compare with day 0, not with the current parameters: changing eliteCohesion later does not move the split', () => {
    const s = world();
    shaken(s);
    s.params.eliteCohesion = 0.875; s.params.regimeResources = 0.75; s.params.externalSupport = 0.375;
    expect(eliteSplit(s)).toBeCloseTo(0.25, 12);
    expect(economicStress(s)).toBeCloseTo(0.25, 12);
    expect(patronDoubt(s)).toBeCloseTo(0.25, 12);
  });

  it('no patron (externalSupport 0), no room to split (break point >= cohesion0), no resources at day 0: 0 each', () => {
    const s = world({ externalSupport: 0, eliteBreakThreshold: 1, regimeResources: 0 });
    s.regime.eliteCohesion = 0.5;
    expect(patronDoubt(s)).toBe(0); expect(eliteSplit(s)).toBe(0); expect(economicStress(s)).toBe(0);
  });
});

describe('perceived chance', () => {
  it('target 0.5 x 0.4 + 0.25 x 0.25 + 0.25 x 0.25 + 0.5 x 0.25 = 0.45; perceived 0.1 + 0.5 x (0.45 - 0.1) = 0.275', () => {
    const s = world();
    shaken(s); s.perceived = 0.1;
    expect(perceivedTarget(s)).toBeCloseTo(0.45, 12);
    updatePerception(s);
    expect(s.perceived).toBeCloseTo(0.275, 12);
  });

  it('each weight moves the target: patron weight 0 -> 0.325; momentum weight 1 -> 0.65', () => {
    const s = world();
    shaken(s);
    s.params.perceptionPatronWeight = 0;
    expect(perceivedTarget(s)).toBeCloseTo(0.325, 12);
    s.params.perceptionPatronWeight = 0.5; s.params.perceptionMomentumWeight = 1;
    expect(perceivedTarget(s)).toBeCloseTo(0.65, 12);
  });

  it('the target is clamped to 1 (0.5 + 0.25 + 0.25 + 0.5 = 1.5); smoothing 1 jumps to it, 0 never moves', () => {
    const s = world({ perceptionSmoothing: 1 });
    s.momentum = 1; s.regime.eliteCohesion = 0; s.regime.resources = 0; s.regime.patronSupport = 0;
    expect(perceivedTarget(s)).toBe(1);
    updatePerception(s);
    expect(s.perceived).toBe(1);
    s.params.perceptionSmoothing = 0; s.momentum = 0; s.regime.eliteCohesion = 1; s.regime.resources = 1; s.regime.patronSupport = 0.5;
    updatePerception(s);
    expect(s.perceived).toBe(1);
  });
});
