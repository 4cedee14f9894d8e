/**
 * backfire (down): taking part in or seeing repression of protesters who stay nonviolent costs
 * loyalty; white clothes and flowers strengthen it (seed 000: symbols; seed 004: nonviolent
 * discipline is the condition for bringing officers over).
 *   delta = -backfireWeight x hours x conscience x (own arrest + witnessed) / 2 x (1 + symbolsBoost x symbols)
 * "witnessed" is drawn: an officer in a district sees one of its arrests with chance arrests/officers.
 */
import type { SimState } from '../../state';
import type { LoyaltyContext } from './context';

export function backfire(s: SimState, j: number, x: LoyaltyContext): number {
  const o = s.o;
  if (!o.deployed[j]) return 0;
  const a = x.arrestsPerOfficer[o.district[j]];
  const own = o.arrestedThisTick[j];
  if (a === 0 && own === 0) return 0;
  const seen = a > 0 && s.rng['ch.backfire']() < Math.min(1, 3 * a) ? 1 : 0;
  const p = s.params;
  return -p.backfireWeight * p.hoursPerTick * o.conscience[j] * 0.5 * (own + seen) * (1 + p.symbolsBoost * s.movement.levels.symbols);
}
