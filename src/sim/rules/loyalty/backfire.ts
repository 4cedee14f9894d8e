/**
 * backfire (down): taking part in or seeing repression of protesters who stay nonviolent costs
 * loyalty; white clothes and flowers strengthen it (seed 000: symbols; seed 004: nonviolent
 * discipline is the condition for bringing officers over).
 *   delta = -backfireWeight x hours x conscience x (own arrest + witnessed) / 2 x (1 + symbolsBoost x symbols)
 * "witnessed" is the chance that an officer of his district sees one of its arrests this tick,
 * min(1, 3 x arrests per officer) - an expectation, not a draw: at 130,000 officers a draw each
 * hour costs more than it adds, and the arrests themselves were drawn (the stream ch.backfire is
 * reserved).
 */
import type { SimState } from '../../state';
import type { LoyaltyContext } from './context';

export function backfire(s: SimState, j: number, x: LoyaltyContext): number {
  const o = s.o;
  if (!o.deployed[j]) return 0;
  const w = x.witnessP[o.district[j]];
  const own = o.arrestedThisTick[j];
  if (w === 0 && own === 0) return 0;
  return -x.backfireK * o.conscience[j] * (own + w);
}
