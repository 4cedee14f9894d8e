/**
 * offers (down): amnesty for those who refuse orders (as far as it is credible; abusers trust it
 * less), a solidarity fund paying dismissed officers (while it can pay), and contact by a network
 * of defectors ("Watching a dictatorship fall ...": forgiveness for officers who refuse to shoot;
 * "Cracks Appear ...": diaspora funds, By_Pol). Every offer is only as good as the regime looks
 * likely to fall: the perceived chance gates them all (perception.ts).
 *   delta = -offersWeight x perceived x [dt x (amnesty x credibility x (abuser ? amnestyAbuserTrust : 1)
 *                                             + fundReassurance x cover x salaryDep) + outreachContactWeight x [contacted this tick]]
 * cover = min(1, fund / (fundCoverShare x initial force)) while the fund can pay (>= 1 officer-month).
 * The contacts themselves are drawn by the outreach rule (outreach.ts); this channel draws nothing.
 */
import type { SimState } from '../../state';
import type { LoyaltyContext } from './context';

export const offersLive = (s: SimState): boolean => {
  const lv = s.movement.levels;
  return s.perceived > 0 && (lv.amnesty > 0 || (lv.fund > 0 && s.movement.fund >= 1) || s.scratch.anyContact);
};

export function offers(s: SimState, j: number, x: LoyaltyContext): number {
  const p = s.params, lv = s.movement.levels, o = s.o;
  let pull = 0;
  if (lv.amnesty > 0) pull += x.dt * lv.amnesty * p.amnestyCredibility * (o.abuses[j] > 0 ? p.amnestyAbuserTrust : 1);
  if (lv.fund > 0 && s.movement.fund >= 1)
    pull += x.dt * p.fundReassurance * Math.min(1, s.movement.fund / (p.fundCoverShare * o.initialForce)) * o.salaryDep[j];
  if (s.scratch.contactNew[j]) pull += p.outreachContactWeight;
  return pull === 0 ? 0 : -p.offersWeight * s.perceived * pull;
}
