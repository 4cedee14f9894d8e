/**
 * threat (up): protester violence against officers rallies the ranks; broken discipline undoes
 * the work of the other channels (Bartkowski's guide).
 *   delta = +threatWeight x hours x min(1, v / threatFullAttacksPerOfficer)
 * v = violent incidents per officer in his district this tick; officers off the street (reserve)
 * hear of the national rate at threatReserveShare. Deterministic given the incidents (drawn by
 * the violence rule).
 */
import type { SimState } from '../../state';
import type { LoyaltyContext } from './context';

export const threatLive = (s: SimState, x: LoyaltyContext): boolean => s.tickTally.violent > 0 || x.nationalViolence > 0;

export function threat(s: SimState, j: number, x: LoyaltyContext): number {
  const o = s.o, p = s.params;
  const v = o.deployed[j] ? x.violencePerOfficer[o.district[j]] : p.threatReserveShare * x.nationalViolence;
  if (v === 0) return 0;
  return p.threatWeight * p.hoursPerTick * Math.min(1, v / p.threatFullAttacksPerOfficer);
}
