/**
 * The elite and state apparatus (top officials, diplomats, prosecutors, state media: "CEPA:
 * unmasking the OMON"; "Watching a dictatorship fall ..."), once per day:
 *   cohesion -= eliteErosionPerDay x (1 - eliteLoyalty) x flank x (eliteMomentumWeight x perceived + eliteDefectionWeight x defected share
 *               + eliteAppealsWeight x appeals + eliteEconomyWeight x economic stress)
 *   flank = exp(-violentFlankWeight x violenceLevel): a violent flank holds the coalition together (violentFlank.ts)
 *   cohesion += eliteRecoveryPerDay x propaganda x (cohesion0 - cohesion),   kept in [0, 1]
 *   a split of the ruling coalition: while perceived > eliteSplitThreshold, with chance
 *   eliteSplitChancePerDay (stream elite) cohesion loses eliteSplitSize (event elite-split).
 * Below eliteBreakThreshold the elite breaks (outcome.ts). holdElite keeps cohesion at day 0.
 */
import type { SimState } from '../state';
import { logEvent } from '../eventLog';
import { economicStress } from './perception';
import { violentFlank } from './violentFlank';

export function cohesionNext(s: SimState): number {
  const p = s.params, g = s.regime, lv = s.movement.levels;
  const defected = s.defectedCount / Math.max(1, s.o.initialForce);
  let c = g.eliteCohesion - p.eliteErosionPerDay * (1 - p.eliteLoyalty) * violentFlank(s) * (p.eliteMomentumWeight * s.perceived + p.eliteDefectionWeight * defected
    + p.eliteAppealsWeight * lv.appeals + p.eliteEconomyWeight * economicStress(s));
  c += p.eliteRecoveryPerDay * p.propaganda * (s.initialParams.eliteCohesion - c);
  return Math.max(0, Math.min(1, c));
}

export function eliteDay(s: SimState): void {
  const p = s.params, g = s.regime;
  if (p.holdElite) return;
  g.eliteCohesion = cohesionNext(s);
  if (s.perceived > p.eliteSplitThreshold && p.eliteSplitChancePerDay > 0 && s.rng.elite() < p.eliteSplitChancePerDay) {
    g.eliteCohesion = Math.max(0, g.eliteCohesion - p.eliteSplitSize);
    g.splits++;
    logEvent(s, { tick: s.tick, kind: 'elite-split' });
  }
}
