/**
 * accountability (down, or up for abusers on record): a registry of documented crimes ("Cracks
 * Appear ...": a unified register of crimes and suspects; 1,100+ torture cases documented). It
 * counts only abuses on record (documentation.ts). Clean officers leave before they are implicated,
 * as far as the regime looks likely to fall; officers whose abuses are on record cling to the regime
 * that protects them (unless immunity for testimony turns them: decisions.ts); abusers not on
 * record have nothing to fear from it yet.
 *   clean:        delta = -accountabilityWeight x registry x perceived x dt
 *   on record:    delta = +accountabilityWeight x abuseCling x min(documented, cap) / cap x registry x dt
 *   not on record: 0
 */
import type { SimState } from '../../state';
import type { LoyaltyContext } from './context';

export const accountabilityLive = (s: SimState): boolean => s.movement.levels.registry > 0;

export function accountability(s: SimState, j: number, x: LoyaltyContext): number {
  const reg = s.movement.levels.registry;
  if (reg === 0) return 0;
  const p = s.params, o = s.o;
  if (o.abuses[j] === 0) return -p.accountabilityWeight * reg * s.perceived * x.dt;
  const d = o.documented[j];
  return d > 0 ? p.accountabilityWeight * p.abuseCling * (Math.min(d, p.abuseClingCap) / p.abuseClingCap) * reg * x.dt : 0;
}
