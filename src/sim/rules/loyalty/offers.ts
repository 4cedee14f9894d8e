/**
 * offers (down): amnesty for those who refuse orders (as far as it is credible; abusers trust it
 * less), a solidarity fund paying dismissed officers (while its budget lasts), and contact by a
 * network of defectors (seeds 000, 002: diaspora funds, By_Pol).
 *   delta = -offersWeight x [dt x (amnesty x credibility x (abuser ? 0.3 : 1) + 0.5 x cover x salaryDep) + 5 x contact]
 * where cover = min(1, fund / (10% of the force)): a fund that could pay a tenth of the force
 * reassures every salary-dependent officer; a small one reassures few.
 */
import type { SimState } from '../../state';
import type { LoyaltyContext } from './context';

export function offers(s: SimState, j: number, x: LoyaltyContext): number {
  const p = s.params, lv = s.movement.levels, o = s.o;
  let pull = 0;
  if (lv.amnesty > 0) pull += x.dt * lv.amnesty * p.amnestyCredibility * (o.abuses[j] > 0 ? 0.3 : 1);
  if (lv.fund > 0 && s.movement.fund > 0) pull += x.dt * 0.5 * Math.min(1, s.movement.fund / (0.1 * o.initialForce)) * o.salaryDep[j];
  if (lv.outreach > 0 && s.rng['ch.offers']() < p.outreachContactRate * lv.outreach * x.dt) pull += 5;
  return pull === 0 ? 0 : -p.offersWeight * pull;
}
