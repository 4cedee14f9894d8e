/**
 * The economy pillar, once per day (strikes: "Watching a dictatorship fall ...": workers at many
 * state factories went on strike):
 *   resources += resourceRecoveryPerDay x (regimeResources - resources) + patronAidPerDay x patronSupport
 *                - strikeDrainPerDay x strike - bonusCostPerDay x [bonus],   kept in [0, regimeResourcesMax]
 *   bonus = 1 while defected share > bonusTriggerShare and resources > bonusResourceFloor (pay while the money lasts),
 *           else 0; bonuses add bonusPull to the regime channel's pull, and an unpaid force loses it
 *           (the pull's pay term is min(1, resources)).
 *   strike level fades by strikeDecayPerDay a day, by fundStrikeFatigueShare of it while the solidarity fund carries
 *   the strikers, which costs the fund strikeFundCostPerDay x initial force x strike officer-months.
 * holdEconomy keeps resources at their day-0 value (the attribution's replay).
 */
import type { SimState } from '../state';

export function resourcesNext(s: SimState): number {
  const p = s.params, g = s.regime, lv = s.movement.levels;
  const r = g.resources + p.resourceRecoveryPerDay * (p.regimeResources - g.resources) + p.patronAidPerDay * g.patronSupport
    - p.strikeDrainPerDay * lv.strike - p.bonusCostPerDay * g.bonus;
  return Math.max(0, Math.min(p.regimeResourcesMax, r));
}

export const bonusToday = (s: SimState): number =>
  s.defectedCount / Math.max(1, s.o.initialForce) > s.params.bonusTriggerShare && s.regime.resources > s.params.bonusResourceFloor ? 1 : 0;

/** The strike level after today's fatigue (and the fund it spent carrying strikers). */
export function strikeDay(s: SimState): void {
  const p = s.params, m = s.movement, lv = m.levels;
  if (lv.strike <= 0) return;
  const cost = p.strikeFundCostPerDay * s.o.initialForce * lv.strike;
  const carried = m.fund >= 1 && lv.fund > 0 && cost > 0;
  if (carried) m.fund = Math.max(0, m.fund - cost);
  lv.strike *= 1 - p.strikeDecayPerDay * (carried ? p.fundStrikeFatigueShare : 1);
}

export function economyDay(s: SimState): void {
  const g = s.regime;
  g.bonus = bonusToday(s);
  if (!s.params.holdEconomy) g.resources = resourcesNext(s);
  strikeDay(s);
}
