/**
 * accountability (down, or up for abusers): a registry of documented crimes ("Cracks Appear...":
 * 1,100+ torture cases; immunity for testimony). Clean officers leave before they are implicated;
 * those with many abuses cling to the regime that protects them.
 *   delta = registry x dt x (abuser ? +w x abuseCling x min(abuses, cap) / cap : -w)
 */
import type { SimState } from '../../state';
import type { LoyaltyContext } from './context';

export const accountabilityLive = (s: SimState): boolean => s.movement.levels.registry > 0;

export function accountability(s: SimState, j: number, x: LoyaltyContext): number {
  const reg = s.movement.levels.registry;
  if (reg === 0) return 0;
  const p = s.params, a = s.o.abuses[j];
  return a > 0 ? p.accountabilityWeight * p.abuseCling * (Math.min(a, p.abuseClingCap) / p.abuseClingCap) * reg * x.dt
    : -p.accountabilityWeight * reg * x.dt;
}
