/**
 * Citizens' outrage at repression: arresting and beating people who stay nonviolent backfires
 * among the citizens too (the crackdown of 9-12 August 2020 was followed by the largest marches:
 * "Watching a dictatorship fall one conscience at a time"). Once per day:
 *   outrage = min(outrageMax, outrage x (1 - outrageDecayPerDay) + outrageGain x (nonviolent detentions
 *             + injuryOutrageWeight x injuries) / citizens)
 * The activation rule sees legitimacy lowered by the outrage. Repressing attackers outrages nobody.
 */
import type { SimState } from '../state';

export function outrageNext(s: SimState): number {
  const p = s.params, t = s.today, n = Math.max(1, s.c.n);
  const hurt = (t.nonviolentArrests + p.injuryOutrageWeight * t.injuries) / n;
  return Math.min(p.outrageMax, s.outrage * (1 - p.outrageDecayPerDay) + p.outrageGain * hurt);
}

/**
 * The violence level citizens and officers perceive: today's violent acts per active
 * citizen-tick, as a daily moving average (violenceSmoothing: the weight of today).
 */
export function violenceLevelNext(s: SimState): number {
  const t = s.today;
  const today = t.activeTicks > 0 ? t.violent / t.activeTicks : 0;
  return s.violenceLevel + s.params.violenceSmoothing * (today - s.violenceLevel);
}
