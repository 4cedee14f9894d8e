/**
 * The regime, once per day: resources (patron aid in, strikes drain), recruitment of replacements
 * it can afford (net staffing, as in the sources), deployment of the reserve when city staffing
 * falls, and elite cohesion, which momentum, defections and appeals erode.
 */
import { OfficerState } from '../state';
import type { SimState } from '../state';
import { officerPlace } from '../world/cells';

export function regimeDay(s: SimState): void {
  const p = s.params, g = s.regime, lv = s.movement.levels, o = s.o;
  g.resources += 0.02 * (p.regimeResources - g.resources) + 0.01 * p.externalSupport * (g.patronWithdrawn ? 0 : 1) - p.strikeDrainPerDay * lv.strike;
  g.resources = Math.max(0, Math.min(10, g.resources));

  // Recruitment: replacements as an aggregate per district (they have no history to explain).
  const recruits = p.recruitRatePerDay * s.cityStaff * Math.min(1, g.resources);
  let staff0 = 0;
  for (let d = 0; d < s.districtInitialStaff.length; d++) staff0 += s.districtInitialStaff[d];
  if (recruits > 0 && staff0 > 0)
    for (let d = 0; d < s.recruitsByDistrict.length; d++) s.recruitsByDistrict[d] += (recruits * s.districtInitialStaff[d]) / staff0;

  // Deployment of the reserve when city staffing falls below the trigger.
  if (s.reserve > 0 && p.deployPerDay > 0 && staff0 > 0) {
    let employed = 0;
    for (let j = 0; j < o.n; j++) if (o.deployed[j] && o.state[j] <= OfficerState.insider) employed++;
    for (let d = 0; d < s.recruitsByDistrict.length; d++) employed += s.recruitsByDistrict[d];
    if (employed / staff0 < p.deployTriggerShare) {
      let k = Math.ceil(p.deployPerDay * s.reserve);
      const rr = s.rng.regime;
      for (let j = 0; j < o.n && k > 0; j++) {
        if (o.deployed[j] || o.state[j] !== OfficerState.on_duty || o.defectTick[j] >= 0) continue;
        const cells = s.grid.cells, d = o.district[j];
        let cell = -1;
        // Into his own district when a random try finds room there, else anywhere with room.
        for (let t = 0; t < 256 && cell < 0; t++) {
          const c = Math.floor(rr() * cells);
          if (s.grid.occ[c] < p.cellCapacity && (t >= 192 || s.grid.district[c] === d)) cell = c;
        }
        if (cell < 0) break;
        o.deployed[j] = 1; officerPlace(s, j, cell); s.staffByDistrict[o.district[j]]++; s.reserve--; k--;
      }
      s.eventLog.push({ tick: s.tick, kind: 'deploy', detail: 'reserve deployed' });
    }
  }

  const defected = s.defectedCount / Math.max(1, o.initialForce);
  g.eliteCohesion -= p.eliteErosionPerDay * (s.momentum + 2 * defected + lv.appeals) / 2;
  g.eliteCohesion += 0.005 * p.propaganda * (p.eliteCohesion - g.eliteCohesion);
  g.eliteCohesion = Math.max(0, Math.min(1, g.eliteCohesion));
  if (!g.patronWithdrawn && p.patronWithdrawMomentum < 1 && s.momentum > p.patronWithdrawMomentum) {
    g.patronWithdrawn = true;
    s.eventLog.push({ tick: s.tick, kind: 'patron-withdraws' });
  }
}
