/**
 * The regime, once per day: its pillars (economy.ts, patron.ts, elite.ts), recruitment of
 * replacements it can afford (net staffing, as in the sources), deployment of the reserve when
 * city staffing falls, and purges of suspected officers:
 *   recruits = recruitRatePerDay x city staff x min(1, resources), spread over districts by initial staff
 *   deployment: ceil(deployPerDay x reserve) reserve officers while (serving deployed + recruits) / city staff < deployTriggerShare
 *   purges: each wavering on-duty officer (loyalty < threshold + walkoutMargin) and each shirker is
 *           found out and dismissed with chance purgeRatePerDay x repressionPolicy (stream purge): a
 *           staffing loss, not a defection. None while the forces are held (holdForce), nor in the peers
 *           unit (Granovetter), where the threshold is a peer count and loyalty cannot tell a waverer.
 */
import { OfficerState } from '../state';
import type { SimState } from '../state';
import { logEvent } from '../eventLog';
import { officerPlace, officerSetState } from '../world/cells';
import { economyDay } from './economy';
import { eliteDay } from './elite';
import { patronDay } from './patron';

/** Random tries to place a deployed officer: in his own district for the first OWN_TRIES, then anywhere. */
const PLACE_TRIES = 256, OWN_TRIES = 192;

function deployReserve(s: SimState, staff0: number): void {
  const p = s.params, o = s.o, g = s.grid;
  let employed = 0;
  for (let j = 0; j < o.n; j++) if (o.deployed[j] && o.state[j] <= OfficerState.insider) employed++;
  for (let d = 0; d < s.recruitsByDistrict.length; d++) employed += s.recruitsByDistrict[d];
  if (employed / staff0 >= p.deployTriggerShare) return;
  let k = Math.ceil(p.deployPerDay * s.reserve);
  const rr = s.rng.regime;
  for (let j = 0; j < o.n && k > 0; j++) {
    if (o.deployed[j] || o.state[j] !== OfficerState.on_duty || o.defectTick[j] >= 0) continue;
    const d = o.district[j];
    let cell = -1;
    for (let t = 0; t < PLACE_TRIES && cell < 0; t++) {
      const c = Math.floor(rr() * g.cells);
      if (g.occ[c] < p.cellCapacity && (t >= OWN_TRIES || g.district[c] === d)) cell = c;
    }
    if (cell < 0) break;
    o.deployed[j] = 1; officerPlace(s, j, cell); s.staffByDistrict[d]++; s.reserve--; k--;
  }
  logEvent(s, { tick: s.tick, kind: 'deploy', detail: 'reserve deployed' });
}

/** The daily chance that a suspect is purged. */
export const purgeChance = (s: SimState): number => s.params.purgeRatePerDay * s.params.repressionPolicy;

/** Officer j is a suspect: on duty and wavering, or shirking. */
export const isSuspect = (s: SimState, j: number): boolean => {
  const st = s.o.state[j];
  return st === OfficerState.shirking || (st === OfficerState.on_duty && s.o.loyalty[j] < s.o.theta[j] + s.params.walkoutMargin);
};

function purges(s: SimState): void {
  const q = purgeChance(s), o = s.o, r = s.rng.purge;
  if (q <= 0 || s.params.holdForce || s.params.defectionThresholdUnit === 'peers') return;
  let n = 0;
  for (let j = 0; j < o.n; j++) {
    if (!isSuspect(s, j) || r() >= q) continue;
    officerSetState(s, j, OfficerState.purged, false);
    n++;
  }
  if (n === 0) return;
  s.totals.purged += n; s.today.purged += n;
  logEvent(s, { tick: s.tick, kind: 'purge', detail: String(n) });
}

export function regimeDay(s: SimState): void {
  const p = s.params, g = s.regime;
  economyDay(s);
  patronDay(s);
  eliteDay(s);
  const recruits = p.recruitRatePerDay * s.cityStaff * Math.min(1, g.resources);
  let staff0 = 0;
  for (let d = 0; d < s.districtInitialStaff.length; d++) staff0 += s.districtInitialStaff[d];
  if (recruits > 0 && staff0 > 0)
    for (let d = 0; d < s.recruitsByDistrict.length; d++) s.recruitsByDistrict[d] += (recruits * s.districtInitialStaff[d]) / staff0;
  if (s.reserve > 0 && p.deployPerDay > 0 && staff0 > 0) deployReserve(s, staff0);
  purges(s);
}
