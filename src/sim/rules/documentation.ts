/**
 * Documentation of abuses: a registry can use only abuses on record ("Cracks Appear ...": By_Pol
 * documented 1,100+ cases; the documentation serves to identify perpetrators). Abuses are put on
 * record when the officer is identified or contacted (identification.ts, outreach.ts) and, once
 * per day, by insiders of his unit who pass records on:
 *   P(documented today) = 1 - exp(-documentRatePerDay x insiders in his unit / unit size)   (stream documentation)
 */
import type { SimState } from '../state';

export function documentationDay(s: SimState): void {
  const o = s.o, u = s.units, rate = s.params.documentRatePerDay, r = s.rng.documentation;
  if (rate <= 0) return;
  for (let j = 0; j < o.n; j++) {
    if (o.abuses[j] <= o.documented[j]) continue;
    const k = o.unit[j], share = u.insiders[k] / Math.max(1, u.size[k]);
    if (share > 0 && r() < 1 - Math.exp(-rate * share)) o.documented[j] = o.abuses[j];
  }
}
