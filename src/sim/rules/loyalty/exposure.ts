/**
 * exposure (down, or up through backlash): an officer identified on the street (unmasked while
 * locally outnumbered, seed 001) or by a mass publication of personal data pays a social cost
 * that scales with his ties to protesting family and friends; fear of retribution pushes the
 * fearful and the abusers the other way.
 *   delta = -exposureWeight x de x (1 + ties protesting, up to 2) + exposureBacklash x de x (fear + [abuser])
 * The identification itself (de) is drawn from this channel's stream and happens even when the
 * channel is switched off; only the loyalty contribution is zeroed then.
 */
import { CitizenState, OfficerState } from '../../state';
import type { SimState } from '../../state';
import type { LoyaltyContext } from './context';

function tiesProtesting(s: SimState, j: number): number {
  const o = s.o, c = s.c;
  let n = 0;
  for (let t = o.tieStart[j]; t < o.tieStart[j + 1] && n < 2; t++) if (c.state[o.tieCitizen[t]] !== CitizenState.quiet) n++;
  return n;
}

export function exposure(s: SimState, j: number, x: LoyaltyContext): number {
  const o = s.o, p = s.params, lv = s.movement.levels, r = s.rng['ch.exposure'];
  let de = 0;
  if (o.deployed[j] && o.masked[j] && lv.streetUnmasking > 0 && o.state[j] !== OfficerState.joined) {
    const cell = o.cell[j], g = s.grid;
    if (g.nbAct[cell] >= p.unmaskOutnumberRatio * Math.max(1, g.nbCop[cell]) && r() < p.unmaskRate * lv.streetUnmasking) {
      o.masked[j] = 0;
      de = Math.min(0.6, 1 - o.exposure[j]);
      s.totals.unmaskings++;
      s.eventLog.push({ tick: s.tick, kind: 'unmasking', officer: j, district: s.districtIds[o.district[j]] });
    }
  }
  if (lv.publication > 0 && o.exposure[j] + de < 1 && r() < p.publicationRatePerDay * lv.publication * x.dt) de = 1 - o.exposure[j];
  if (de === 0) return 0;
  o.exposure[j] += de;
  const cost = p.exposureWeight * de * (1 + tiesProtesting(s, j));
  const backlash = p.exposureBacklash * de * (o.fear[j] + (o.abuses[j] > 0 ? 1 : 0));
  return backlash - cost;
}
