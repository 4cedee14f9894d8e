/**
 * backfire (down): taking part in or seeing repression of protesters who stay nonviolent costs
 * loyalty; white clothes and flowers strengthen it ("Watching a dictatorship fall one conscience at
 * a time": symbols; Bartkowski's guide: nonviolent discipline is the condition for bringing officers over).
 *   delta = -backfireWeight x hours x conscience x (ownWeight x own + witnessWeight x witnessed) x (1 + symbolsBoost x symbols)
 * own = 1 if he arrested a nonviolent protester this tick; witnessed = min(1, witnessFactor x
 * nonviolent arrests per officer in his district): an expectation, not a draw (at 130,000 officers
 * a draw each hour costs more than it adds; the arrests themselves were drawn). Deployed officers only.
 */
import type { SimState } from '../../state';
import type { LoyaltyContext } from './context';

export const backfireLive = (s: SimState): boolean => s.tickTally.arrests > 0;

export function backfire(s: SimState, j: number, x: LoyaltyContext): number {
  const o = s.o;
  if (!o.deployed[j]) return 0;
  const w = x.witnessP[o.district[j]];
  const own = o.arrestedThisTick[j];
  if (w === 0 && own === 0) return 0;
  const p = s.params;
  return -x.backfireK * o.conscience[j] * (p.backfireOwnWeight * own + p.backfireWitnessWeight * w);
}
