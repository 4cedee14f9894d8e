/**
 * Identification of officers, before the loyalty update (whose exposure channel prices it):
 * - street unmasking ("CEPA: unmasking the OMON"): a masked, deployed officer on duty or wavering
 *   who is briefly outnumbered (active citizens in vision >= unmaskOutnumberRatio x max(1, officers
 *   in vision)) is unmasked with probability unmaskRate x streetUnmasking level per tick; his
 *   exposure rises by min(unmaskExposure, 1 - exposure);
 * - mass publication of personal data: an officer not yet fully identified is identified with
 *   probability publicationRatePerDay x publication level x dt per tick; his exposure becomes 1.
 * Draws come from the `identify` stream, so switching the exposure channel off (its price) leaves
 * who is identified unchanged. The rise of each officer's exposure this tick goes to the loyalty
 * context (exposureGain).
 */
import { OfficerState } from '../state';
import type { SimState } from '../state';
import { logEvent } from '../eventLog';

/** Chance per tick that a full mass publication identifies one more officer. */
export const publicationChance = (s: SimState): number =>
  s.params.publicationRatePerDay * s.movement.levels.publication * (s.params.hoursPerTick / 24);

/** True when officer j, standing in `cell`, is outnumbered by the active citizens around him. */
export const outnumbered = (s: SimState, cell: number): boolean =>
  s.grid.nbAct[cell] >= s.params.unmaskOutnumberRatio * Math.max(1, s.grid.nbCop[cell]);

export function identifyOfficers(s: SimState): void {
  const x = s.scratch.loyalty, lv = s.movement.levels;
  x.identified = 0;
  if (lv.streetUnmasking <= 0 && lv.publication <= 0) return;
  const o = s.o, p = s.params, r = s.rng.identify, gain = x.exposureGain, SERVING = OfficerState.insider;
  const unmaskP = p.unmaskRate * lv.streetUnmasking, pubP = publicationChance(s);
  for (let j = 0; j < o.n; j++) {
    gain[j] = 0;
    if (o.state[j] > SERVING) continue;
    let de = 0;
    if (unmaskP > 0 && o.deployed[j] && o.masked[j] && outnumbered(s, o.cell[j]) && r() < unmaskP) {
      o.masked[j] = 0;
      de = Math.min(p.unmaskExposure, 1 - o.exposure[j]);
      s.totals.unmaskings++;
      logEvent(s, { tick: s.tick, kind: 'unmasking', officer: j, district: s.districtIds[o.district[j]] });
    }
    if (pubP > 0 && o.exposure[j] + de < 1 && r() < pubP) de = 1 - o.exposure[j];
    if (de === 0) continue;
    o.exposure[j] += de;
    gain[j] = de;
    x.identified++;
  }
}
