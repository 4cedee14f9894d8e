/**
 * momentum (down): the movement's momentum; nobody wants to be on the losing side ("CEPA:
 * unmasking the OMON"). Officers off the street feel it only through the media.
 *   delta = -momentumLoyaltyWeight x dt x momentum x (deployed ? 1 : offMapMomentumShare)
 */
import type { SimState } from '../../state';
import type { LoyaltyContext } from './context';

export const momentumLive = (s: SimState): boolean => s.momentum !== 0;

export function momentumChannel(s: SimState, j: number, x: LoyaltyContext): number {
  if (s.momentum === 0) return 0;
  const d = -s.params.momentumLoyaltyWeight * x.dt * s.momentum;
  return s.o.deployed[j] ? d : d * s.params.offMapMomentumShare;
}
