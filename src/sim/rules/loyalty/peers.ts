/**
 * peers (down): visible defection in his own unit, resigned + joined + rho x shirking, with noisy
 * resignations counting more (Granovetter 1978 threshold cascade). Read from the previous tick so
 * the update is synchronous.
 *   delta = -peersWeight x dt x visible / unit size
 * In the Granovetter preset the decision uses the visible count itself (peerSignal).
 */
import type { SimState } from '../../state';
import type { LoyaltyContext } from './context';

export const peersLive = (s: SimState): boolean => s.units.anyVisible;

export function peerSignal(s: SimState, j: number): number {
  return s.params.peersOn ? s.units.visible[s.o.unit[j]] : 0;
}

export function peers(s: SimState, j: number, x: LoyaltyContext): number {
  const share = x.unitShare[s.o.unit[j]];
  return share === 0 ? 0 : -s.params.peersWeight * x.dt * share;
}
