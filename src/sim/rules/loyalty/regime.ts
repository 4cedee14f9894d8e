/**
 * regime (up): pay and bonuses (while resources last), propaganda, and punishment of visible
 * defectors, which frightens the fearful back in line.
 *   delta = regimeWeight x dt x [(pay + bonus) x (1 - loyalty) + punishment x fear x peer share]
 *   pay = regimePayWeight x min(1, resources) + (1 - regimePayWeight) x propaganda
 *   bonus = bonusPull while the regime pays bonuses (economy.ts), else 0
 */
import type { SimState } from '../../state';
import type { LoyaltyContext } from './context';

export const regimeLive = (): boolean => true;

export function regimePull(s: SimState, j: number, x: LoyaltyContext): number {
  const o = s.o;
  return x.regimeK * ((x.regimePay + x.bonusPull) * (1 - o.loyalty[j]) + s.params.punishment * o.fear[j] * x.unitShare[o.unit[j]]);
}
