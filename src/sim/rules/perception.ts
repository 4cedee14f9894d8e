/**
 * The perceived chance that the regime falls (one named state: amnesty's credibility, the
 * registry's bite, the offers, the patron's doubts and the coalition's splits all read it).
 * Nobody wants to be on the losing side ("CEPA: unmasking the OMON"); officers and officials
 * judge the odds by the crowds and the defections (momentum), by splits at the top, by an
 * emptying treasury and by a wavering patron. Once per day:
 *   target = clamp01( momentumW x momentum + eliteW x eliteSplit + economyW x economicStress + patronW x patronDoubt )
 *   perceived += perceptionSmoothing x (target - perceived)
 *   eliteSplit     = clamp01((cohesion0 - cohesion) / (cohesion0 - eliteBreakThreshold))   (1 at the break point)
 *   economicStress = clamp01(1 - resources / regimeResources)
 *   patronDoubt    = clamp01(1 - patronSupport / externalSupport)                          (0 without a patron)
 */
import type { SimState } from '../state';

const clamp01 = (x: number): number => (x < 0 ? 0 : x > 1 ? 1 : x);

export function eliteSplit(s: SimState): number {
  const c0 = s.initialParams.eliteCohesion, room = c0 - s.params.eliteBreakThreshold;
  return room > 0 ? clamp01((c0 - s.regime.eliteCohesion) / room) : 0;
}
export function economicStress(s: SimState): number {
  const r0 = s.initialParams.regimeResources;
  return r0 > 0 ? clamp01(1 - s.regime.resources / r0) : 0;
}
export function patronDoubt(s: SimState): number {
  const p0 = s.initialParams.externalSupport;
  return p0 > 0 ? clamp01(1 - s.regime.patronSupport / p0) : 0;
}

/** Today's target of the perceived chance. */
export function perceivedTarget(s: SimState): number {
  const p = s.params;
  return clamp01(p.perceptionMomentumWeight * s.momentum + p.perceptionEliteWeight * eliteSplit(s)
    + p.perceptionEconomyWeight * economicStress(s) + p.perceptionPatronWeight * patronDoubt(s));
}

export function updatePerception(s: SimState): void {
  s.perceived += s.params.perceptionSmoothing * (perceivedTarget(s) - s.perceived);
}
