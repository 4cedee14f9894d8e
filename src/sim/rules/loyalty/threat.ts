/**
 * threat (up): protester violence against officers rallies the ranks; broken discipline undoes
 * the work of the other channels (seed 004).
 *   delta = +threatWeight x hours x min(1, 5 x violent incidents per officer in his district)
 * (deterministic given the incidents: the violence itself was drawn from its own stream)
 * Officers off the street (reserve) hear of it at half strength.
 */
import type { SimState } from '../../state';
import type { LoyaltyContext } from './context';

export function threat(s: SimState, j: number, x: LoyaltyContext): number {
  const o = s.o;
  const v = o.deployed[j] ? x.violencePerOfficer[o.district[j]] : 0.5 * x.nationalViolence;
  if (v === 0) return 0;
  return s.params.threatWeight * s.params.hoursPerTick * Math.min(1, 5 * v);
}
