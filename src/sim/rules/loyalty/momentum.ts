/**
 * momentum (down): the perceived chance that the regime falls; nobody wants to be on the losing
 * side ("CEPA: unmasking the OMON").   delta = -momentumLoyaltyWeight x dt x momentum
 */
import type { SimState } from '../../state';
import type { LoyaltyContext } from './context';

export const momentumLive = (s: SimState): boolean => s.momentum !== 0;

export function momentumChannel(s: SimState, _j: number, x: LoyaltyContext): number {
  return s.momentum === 0 ? 0 : -s.params.momentumLoyaltyWeight * x.dt * s.momentum;
}
