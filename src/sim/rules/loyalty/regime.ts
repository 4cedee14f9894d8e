/**
 * regime (up): pay and bonuses (while resources last) and propaganda restore an officer's loyalty
 * toward what it was at the start (it cannot buy more than the man gave), and punishment of
 * visible defectors frightens the fearful back in line.
 *   delta = regimeWeight x dt x [(pay + bonus) x (loyalty0 - loyalty) + punishment x fear x peer share]
 *   pay = regimePayWeight x min(1, resources) + (1 - regimePayWeight) x propaganda
 *   bonus = bonusPull while the regime pays bonuses (economy.ts), else 0
 */
import type { SimState } from '../../state';
import type { LoyaltyContext } from './context';

export const regimeLive = (): boolean => true;

export function regimePull(s: SimState, j: number, x: LoyaltyContext): number {
  const o = s.o;
  return x.regimeK * ((x.regimePay + x.bonusPull) * (o.loyalty0[j] - o.loyalty[j]) + s.params.punishment * o.fear[j] * x.unitShare[o.unit[j]]);
}
