/**
 * offers (down): amnesty for those who refuse orders (as far as it is credible; abusers trust it
 * less), a solidarity fund paying dismissed officers (while its budget lasts), and contact by a
 * network of defectors ("Watching a dictatorship fall..."; "Cracks Appear...": diaspora funds, By_Pol).
 *   delta = -offersWeight x [dt x (amnesty x credibility x (abuser ? amnestyAbuserTrust : 1)
 *                                 + fundReassurance x cover x salaryDep) + outreachContactWeight x contact]
 * cover = min(1, fund / (fundCoverShare x initial force)) while the fund can pay (>= 1 officer-month); contact ~ Bernoulli(outreachContactRate x outreach x dt)
 * drawn from this channel's stream.
 */
import type { SimState } from '../../state';
import type { LoyaltyContext } from './context';

export const offersLive = (s: SimState): boolean => {
  const lv = s.movement.levels;
  return lv.amnesty > 0 || (lv.fund > 0 && s.movement.fund >= 1) || lv.outreach > 0;
};

export function offers(s: SimState, j: number, x: LoyaltyContext): number {
  const p = s.params, lv = s.movement.levels, o = s.o;
  let pull = 0;
  if (lv.amnesty > 0) pull += x.dt * lv.amnesty * p.amnestyCredibility * (o.abuses[j] > 0 ? p.amnestyAbuserTrust : 1);
  if (lv.fund > 0 && s.movement.fund >= 1)
    pull += x.dt * p.fundReassurance * Math.min(1, s.movement.fund / (p.fundCoverShare * o.initialForce)) * o.salaryDep[j];
  if (lv.outreach > 0 && s.rng['ch.offers']() < p.outreachContactRate * lv.outreach * x.dt) pull += p.outreachContactWeight;
  return pull === 0 ? 0 : -p.offersWeight * pull;
}
