/**
 * regime (up): pay and bonuses (while resources last), propaganda, and punishment of visible
 * defectors, which frightens the fearful back in line.
 *   delta = regimeWeight x dt x [(0.5 min(1, resources) + 0.5 propaganda) x (1 - loyalty)
 *                                + punishment x fear x peer share]
 */
import type { SimState } from '../../state';
import type { LoyaltyContext } from './context';

export function regimePull(s: SimState, j: number, x: LoyaltyContext): number {
  const p = s.params, o = s.o, u = o.unit[j];
  const pay = 0.5 * Math.min(1, s.regime.resources) + 0.5 * p.propaganda;
  const share = s.units.visible[u] / s.units.size[u];
  return p.regimeWeight * x.dt * (pay * (1 - o.loyalty[j]) + p.punishment * o.fear[j] * share);
}
