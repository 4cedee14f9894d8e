/**
 * backfire (down): taking part in or seeing repression of protesters who stay nonviolent costs
 * loyalty; white clothes and flowers strengthen it ("Watching a dictatorship fall one conscience at
 * a time": symbols; Bartkowski's guide: nonviolent discipline is the condition for bringing officers over).
 *   r = ownWeight x own + witnessWeight x witnessed
 *   delta = -backfireWeight x hours x conscience x shield x (1 + symbolsBoost x symbols) x r / (1 + backfireHabituation x seen)^backfireHabituationExponent
 * shield = 1 - maskShield x masked x (1 - exposure): anonymity dulls it (anonymity.ts).
 *   seen += r (after the change)
 * own = 1 if he arrested a nonviolent protester this tick; witnessed = min(1, witnessFactor x
 * nonviolent arrests per officer in his district), an arrest with abuse weighing 1 +
 * backfireAbuseWeight x its chance (arrest.ts): an expectation, not a draw (at 130,000 officers
 * a draw each hour costs more than it adds; the arrests themselves were drawn). Deployed officers only.
 * The first repression he sees shocks him most: each further one counts less (habituation; the
 * defections of August-September 2020 fell off in the autumn while repression went on: "Cracks
 * Appear Among Lukashenko's Security Forces").
 */
import type { SimState } from '../../state';
import type { LoyaltyContext } from './context';
import { anonymityShield } from '../anonymity';

export const backfireLive = (s: SimState): boolean => s.tickTally.arrests > 0;

export function backfire(s: SimState, j: number, x: LoyaltyContext): number {
  const o = s.o;
  if (!o.deployed[j]) return 0;
  const w = x.witnessP[o.district[j]];
  const own = o.arrestedThisTick[j];
  if (w === 0 && own === 0) return 0;
  const p = s.params, r = p.backfireOwnWeight * own + p.backfireWitnessWeight * w;
  const base = 1 + p.backfireHabituation * o.seen[j];
  const e = p.backfireHabituationExponent;
  const d = -x.backfireK * o.conscience[j] * anonymityShield(s, j) * r / (e === 1 ? base : Math.pow(base, e));
  o.seen[j] += r;
  return d;
}
