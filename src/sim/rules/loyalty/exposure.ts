/**
 * exposure (down, or up through backlash): an officer identified this tick (unmasked on the street
 * or by a mass publication: the identification rule, rules/identification.ts) pays a social cost
 * that scales with his ties to protesting family and friends ("CEPA: unmasking the OMON"); fear of
 * retribution and the regime's "traitors" stories push him the other way; and a unit whose members
 * were published closes ranks, unless a credible amnesty offers a way out.
 *   delta = -exposureWeight x de x (1 + min(tiesCap, ties not quiet))
 *           + exposureBacklash x de x (fear + abuserBacklash x [abuser]) x (retributionCapacity + counterPropaganda)
 *           + unitBacklashWeight x dt x unit backlash x (1 - amnestyBacklashOffset x amnesty strength)
 * de = the rise of his exposure this tick; amnesty strength = amnesty level x credibility x perceived chance of a fall.
 */
import { CitizenState } from '../../state';
import type { SimState } from '../../state';
import type { LoyaltyContext } from './context';

export const exposureLive = (s: SimState, x: LoyaltyContext): boolean => x.identified > 0 || s.units.anyBacklash;

/** His ties (family, friends) out on the streets or detained, counted up to `cap`. */
export function tiesProtesting(s: SimState, j: number, cap: number): number {
  const o = s.o, c = s.c;
  let n = 0;
  for (let t = o.tieStart[j]; t < o.tieStart[j + 1] && n < cap; t++) if (c.state[o.tieCitizen[t]] !== CitizenState.quiet) n++;
  return n;
}

export function exposure(s: SimState, j: number, x: LoyaltyContext): number {
  const p = s.params, o = s.o, de = x.exposureGain[j], ub = s.units.backlash[o.unit[j]];
  let d = ub > 0 ? p.unitBacklashWeight * x.dt * ub * (1 - p.amnestyBacklashOffset * x.amnestyStrength) : 0;
  if (de === 0) return d;
  const cost = p.exposureWeight * de * (1 + tiesProtesting(s, j, p.exposureTiesCap));
  const backlash = p.exposureBacklash * de * (o.fear[j] + (o.abuses[j] > 0 ? p.exposureAbuserBacklash : 0)) * (p.retributionCapacity + p.counterPropaganda);
  d += backlash - cost;
  return d;
}
