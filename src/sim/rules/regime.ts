/**
 * The regime, once per day:
 *   resources += resourceRecoveryPerDay x (regimeResources - resources)
 *                + patronAidPerDay x externalSupport (0 once the patron withdrew) - strikeDrainPerDay x strike
 *                (kept in [0, regimeResourcesMax])
 *   recruits   = recruitRatePerDay x city staff x min(1, resources), spread over districts by initial staff
 *   deployment of the reserve (deployPerDay of it) while city staffing < deployTriggerShare
 *   cohesion  -= eliteErosionPerDay x (eliteMomentumWeight x momentum + eliteDefectionWeight x defected share
 *                + eliteAppealsWeight x appeals),  += eliteRecoveryPerDay x propaganda x (start - cohesion)
 *   the patron withdraws once momentum exceeds patronWithdrawMomentum (< 1).
 */
import { OfficerState } from '../state';
import type { SimState } from '../state';
import { logEvent } from '../eventLog';
import { officerPlace } from '../world/cells';

/** Random tries to place a deployed officer: in his own district for the first OWN_TRIES, then anywhere. */
const PLACE_TRIES = 256, OWN_TRIES = 192;

export function resourcesNext(s: SimState): number {
  const p = s.params, g = s.regime, lv = s.movement.levels;
  const r = g.resources + p.resourceRecoveryPerDay * (p.regimeResources - g.resources)
    + p.patronAidPerDay * p.externalSupport * (g.patronWithdrawn ? 0 : 1) - p.strikeDrainPerDay * lv.strike;
  return Math.max(0, Math.min(p.regimeResourcesMax, r));
}

export function cohesionNext(s: SimState): number {
  const p = s.params, g = s.regime, lv = s.movement.levels;
  const defected = s.defectedCount / Math.max(1, s.o.initialForce);
  let c = g.eliteCohesion - p.eliteErosionPerDay * (p.eliteMomentumWeight * s.momentum + p.eliteDefectionWeight * defected + p.eliteAppealsWeight * lv.appeals);
  c += p.eliteRecoveryPerDay * p.propaganda * (p.eliteCohesion - c);
  return Math.max(0, Math.min(1, c));
}

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

export function regimeDay(s: SimState): void {
  const p = s.params, g = s.regime;
  g.resources = resourcesNext(s);
  // Recruitment: replacements as an aggregate per district (they have no history to explain).
  const recruits = p.recruitRatePerDay * s.cityStaff * Math.min(1, g.resources);
  let staff0 = 0;
  for (let d = 0; d < s.districtInitialStaff.length; d++) staff0 += s.districtInitialStaff[d];
  if (recruits > 0 && staff0 > 0)
    for (let d = 0; d < s.recruitsByDistrict.length; d++) s.recruitsByDistrict[d] += (recruits * s.districtInitialStaff[d]) / staff0;
  if (s.reserve > 0 && p.deployPerDay > 0 && staff0 > 0) deployReserve(s, staff0);
  g.eliteCohesion = cohesionNext(s);
  if (!g.patronWithdrawn && p.patronWithdrawMomentum < 1 && s.momentum > p.patronWithdrawMomentum) {
    g.patronWithdrawn = true;
    logEvent(s, { tick: s.tick, kind: 'patron-withdraws' });
  }
}
