/**
 * Identification of officers, before the loyalty update (whose exposure channel prices it):
 * - street unmasking ("CEPA: unmasking the OMON"): a masked, deployed, serving officer who is
 *   briefly outnumbered (active citizens in vision >= unmaskOutnumberRatio x max(1, officers in
 *   vision)) is unmasked with probability unmaskRate x streetUnmasking level per tick; his exposure
 *   rises by min(unmaskExposure, 1 - exposure). With an undisciplined crowd the unmasking turns
 *   into an attack with probability unmaskAttackShare x (1 - disciplineMean) x (1 -
 *   disciplineTrainingEffect x training): a violent incident (it feeds the threat channel);
 * - mass publication of personal data: a serving officer anywhere (the reserve too) not yet fully
 *   identified is identified with probability publicationRatePerDay x publication level x dt per
 *   tick; his exposure becomes 1. Every publication adds (wrongIdShare x wrongIdBacklash +
 *   counterPropaganda) / unit size to his unit's backlash (wrong names, "traitors" stories).
 * An identified officer's abuses go on record with probability documentOnIdentify. Draws come
 * from the `identify` stream, so switching the exposure channel off (its price) leaves who is
 * identified unchanged. The rise of each officer's exposure this tick goes to the loyalty context.
 */
import { OfficerState } from '../state';
import type { SimState } from '../state';
import { logEvent } from '../eventLog';

/** Chance per tick that a full mass publication identifies one more officer. */
export const publicationChance = (s: SimState): number =>
  s.params.publicationRatePerDay * s.movement.levels.publication * (s.params.hoursPerTick / 24);

/** True when an officer standing in `cell` is outnumbered by the active citizens around him. */
export const outnumbered = (s: SimState, cell: number): boolean =>
  s.grid.nbAct[cell] >= s.params.unmaskOutnumberRatio * Math.max(1, s.grid.nbCop[cell]);

/** Chance that an unmasking turns into an attack on the officer (an undisciplined crowd). */
export const unmaskAttackChance = (s: SimState): number => {
  const p = s.params;
  return p.unmaskAttackShare * (1 - p.disciplineMean) * (1 - p.disciplineTrainingEffect * s.movement.levels.discipline);
};

/** What one publication adds to the backlash of a unit of `size`. */
export const publicationBacklash = (s: SimState, size: number): number =>
  (s.params.wrongIdShare * s.params.wrongIdBacklash + s.params.counterPropaganda) / Math.max(1, size);

function unmaskAttack(s: SimState, j: number): void {
  const d = s.grid.district[s.o.cell[j]];
  s.tickViolence[d]++; s.tickTally.violent++; s.totals.violentActs++; s.today.violent++;
}

export function identifyOfficers(s: SimState): void {
  const x = s.scratch.loyalty, lv = s.movement.levels, had = x.identified;
  x.identified = 0;
  if (lv.streetUnmasking <= 0 && lv.publication <= 0) { if (had > 0) x.exposureGain.fill(0); return; } // no stale rise is priced again
  const o = s.o, p = s.params, u = s.units, r = s.rng.identify, gain = x.exposureGain, SERVING = OfficerState.insider;
  const unmaskP = p.unmaskRate * lv.streetUnmasking, pubP = publicationChance(s), attackP = unmaskAttackChance(s);
  for (let j = 0; j < o.n; j++) {
    gain[j] = 0;
    if (o.state[j] > SERVING) continue;
    let de = 0;
    if (unmaskP > 0 && o.deployed[j] && o.masked[j] && outnumbered(s, o.cell[j]) && r() < unmaskP) {
      o.masked[j] = 0;
      de = Math.min(p.unmaskExposure, 1 - o.exposure[j]);
      s.totals.unmaskings++;
      logEvent(s, { tick: s.tick, kind: 'unmasking', officer: j, district: s.districtIds[o.district[j]] });
      if (attackP > 0 && r() < attackP) unmaskAttack(s, j);
    }
    if (pubP > 0 && o.exposure[j] + de < 1 && r() < pubP) {
      de = 1 - o.exposure[j];
      const k = o.unit[j];
      u.backlash[k] += publicationBacklash(s, u.size[k]);
      u.anyBacklash = true;
      s.totals.publications++; s.totals.wrongIds += p.wrongIdShare;
    }
    if (de === 0) continue;
    o.exposure[j] += de;
    gain[j] = de;
    x.identified++;
    if (o.abuses[j] > o.documented[j] && r() < p.documentOnIdentify) o.documented[j] = o.abuses[j];
  }
}
