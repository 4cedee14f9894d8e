/**
 * Defector outreach (By_Pol: "Cracks Appear ..."; the guide: build networks through officers'
 * families and through those who already left). Each tick, a serving officer not yet contacted
 * recently is contacted with probability
 *   outreachContactRate x outreach x reach x (1 - prosecution) x dt,
 *   reach = outreachBaseReach + outreachTieWeight x min(1, protesting ties) + outreachDefectorWeight x unit defected share
 *   prosecution = prosecutionEffect x repressionPolicy      (the regime prosecutes defector networks)
 * (stream outreach). A contact sets his `contact` to 1 (it fades by contactDecayPerDay a day: fade.ts),
 * gives him a chance to leave or leak (decisions.ts), counts in the offers channel, and documents
 * his abuses with chance documentOnIdentify.
 */
import { OfficerState } from '../state';
import type { SimState } from '../state';
import { tiesProtesting } from './loyalty/exposure';

/** The network's reach to officer j (before the rate, the level and prosecution). */
export function outreachReach(s: SimState, j: number): number {
  const p = s.params, o = s.o, k = o.unit[j];
  const defected = s.units.defected[k] / Math.max(1, s.units.size[k]);
  return p.outreachBaseReach + p.outreachTieWeight * Math.min(1, tiesProtesting(s, j, 1)) + p.outreachDefectorWeight * defected;
}

/** Chance this tick, per unit of reach. */
export const outreachChance = (s: SimState): number => {
  const p = s.params;
  return p.outreachContactRate * s.movement.levels.outreach * (1 - p.prosecutionEffect * p.repressionPolicy) * (p.hoursPerTick / 24);
};

export function outreachContacts(s: SimState): void {
  const fresh = s.scratch.contactNew, q = outreachChance(s);
  // Last tick's contacts are not this tick's, even when no one can be contacted now (offers.ts reads the flags).
  if (s.scratch.anyContact) fresh.fill(0);
  s.scratch.anyContact = false;
  if (q <= 0) return;
  const o = s.o, r = s.rng.outreach, p = s.params, SERVING = OfficerState.insider;
  for (let j = 0; j < o.n; j++) {
    fresh[j] = 0;
    if (o.state[j] > SERVING || o.contact[j] >= 0.5) continue;
    if (r() >= q * outreachReach(s, j)) continue;
    o.contact[j] = 1; fresh[j] = 1; s.scratch.anyContact = true;
    s.totals.contacts++;
    if (o.abuses[j] > o.documented[j] && r() < p.documentOnIdentify) o.documented[j] = o.abuses[j];
  }
}
