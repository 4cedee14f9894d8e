/**
 * regime (up): pay and bonuses (while resources last), propaganda, and punishment of visible
 * defectors, which frightens the fearful back in line.
 *   delta = regimeWeight x dt x [(0.5 min(1, resources) + 0.5 propaganda) x (1 - loyalty)
 *                                + punishment x fear x peer share]
 */
import type { SimState } from '../../state';
import type { LoyaltyContext } from './context';

export function regimePull(s: SimState, j: number, x: LoyaltyContext): number {
  const o = s.o;
  return x.regimeK * (x.regimePay * (1 - o.loyalty[j]) + s.params.punishment * o.fear[j] * x.unitShare[o.unit[j]]);
}
