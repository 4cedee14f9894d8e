/**
 * momentum (down): the perceived chance that the regime falls; nobody wants to be on the losing
 * side (seed 001).   delta = -momentumLoyaltyWeight x dt x momentum
 */
import type { SimState } from '../../state';
import type { LoyaltyContext } from './context';

export function momentumChannel(s: SimState, _j: number, x: LoyaltyContext): number {
  return s.momentum === 0 ? 0 : -s.params.momentumLoyaltyWeight * x.dt * s.momentum;
}
