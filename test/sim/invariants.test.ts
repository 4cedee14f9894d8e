/**
 * Property-based invariants of the simulation state (fast-check) on random small worlds
 * (test/sim/arbitraries.ts). After every tick:
 *   - citizen counts sum to the number of citizens, officer counts to the number of officers,
 *     and both equal a recount from the state arrays; defectedCount equals a recount;
 *   - loyalty lies in [0, 1]; loyalty, momentum, effective and needed force are never NaN;
 *   - per-cell grids (occupancy, active citizens, weighted officers, joined officers) equal a
 *     recount of the free agents on each cell; in live mode so do the counts within vision;
 *   - a free citizen has a cell, a detained or dead one occupies none; an officer has a cell iff
 *     he is deployed (never when resigned or purged);
 *   - a switched-off channel contributes 0;
 *   - staffing per district, visible and total defections per unit, effective, loyal and needed
 *     force equal a recount; every living detained or injured citizen is filed for release;
 *   - defectedShare lies in [0, 1]; the outcome, once set, never changes.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { advance, CHANNELS, chIndex, CitizenState, createState, NCH, OfficerState, seriesRow, type SimState } from '../../src/sim';
import { offsetCell } from '../../src/sim/world/grid';
import { copWeight } from '../../src/sim/world/cells';
import { worldArb } from './arbitraries';

const close = (a: number, b: number) => Math.abs(a - b) <= 1e-6 * Math.max(1, Math.abs(b));

/** Every invariant of the current state; returns the first violation, or null. */
function violation(s: SimState): string | null {
  const c = s.c, o = s.o, g = s.grid, p = s.params;
  const cc = s.counts.citizens, oc = s.counts.officers;
  if (cc.reduce((a, b) => a + b, 0) !== c.n) return `citizen counts ${Array.from(cc)} do not sum to ${c.n}`;
  if (oc.reduce((a, b) => a + b, 0) !== o.n) return `officer counts ${Array.from(oc)} do not sum to ${o.n}`;
  const rc = new Int32Array(4), ro = new Int32Array(6);
  const occ = new Int32Array(g.cells), act = new Float64Array(g.cells), cop = new Float64Array(g.cells), joined = new Float64Array(g.cells);
  for (let i = 0; i < c.n; i++) {
    const st = c.state[i];
    if (st > 3) return `citizen ${i} has state ${st}`;
    rc[st]++;
    if (st === CitizenState.quiet || st === CitizenState.active) {
      if (c.cell[i] < 0 || c.cell[i] >= g.cells) return `free citizen ${i} has cell ${c.cell[i]}`;
      occ[c.cell[i]]++;
      if (st === CitizenState.active) act[c.cell[i]]++;
    }
  }
  let defected = 0;
  for (let j = 0; j < o.n; j++) {
    const st = o.state[j];
    if (st > OfficerState.purged) return `officer ${j} has state ${st}`;
    ro[st]++;
    if (o.defectTick[j] >= 0) defected++;
    const l = o.loyalty[j];
    if (!(l >= 0 && l <= 1)) return `officer ${j} has loyalty ${l}`;
    if ((o.cell[j] >= 0) !== (o.deployed[j] === 1)) return `officer ${j}: cell ${o.cell[j]} but deployed ${o.deployed[j]}`;
    if (st === OfficerState.resigned && o.cell[j] >= 0) return `resigned officer ${j} is still on cell ${o.cell[j]}`;
    if (st === OfficerState.purged && o.cell[j] >= 0) return `purged officer ${j} is still on cell ${o.cell[j]}`;
    if (o.cell[j] >= 0) {
      occ[o.cell[j]]++;
      cop[o.cell[j]] += copWeight(s, st);
      if (st === OfficerState.joined) joined[o.cell[j]]++;
    }
    for (let ch = 0; ch < NCH; ch++) {
      const v = o.channelLast[chIndex(o.n, j, ch)], sum = o.channelSum[chIndex(o.n, j, ch)];
      if (!Number.isFinite(v) || !Number.isFinite(sum)) return `officer ${j} channel ${CHANNELS[ch]}: ${v} / ${sum}`;
      if (!p[`${CHANNELS[ch]}On`] && (v !== 0 || sum !== 0)) return `switched-off channel ${CHANNELS[ch]} contributes ${v} (sum ${sum}) to officer ${j}`;
    }
  }
  for (let k = 0; k < 4; k++) if (rc[k] !== cc[k]) return `citizen counts ${Array.from(cc)} but recount ${Array.from(rc)}`;
  for (let k = 0; k < 6; k++) if (ro[k] !== oc[k]) return `officer counts ${Array.from(oc)} but recount ${Array.from(ro)}`;
  if (defected !== s.defectedCount) return `defectedCount ${s.defectedCount} but ${defected} officers have a defectTick`;
  for (const [name, v] of [['momentum', s.momentum], ['effectiveForce', s.effectiveForce], ['neededForce', s.neededForce], ['loyalForceTotal', s.loyalForceTotal]] as const)
    if (Number.isNaN(v) || !Number.isFinite(v)) return `${name} is ${v}`;
  if (s.momentum < 0 || s.momentum > 1) return `momentum ${s.momentum} outside [0, 1]`;
  for (let x = 0; x < g.cells; x++) {
    if (g.occ[x] !== occ[x]) return `cell ${x}: occ ${g.occ[x]} but ${occ[x]} free agents`;
    if (g.actCell[x] !== act[x]) return `cell ${x}: actCell ${g.actCell[x]} but ${act[x]} active`;
    if (!close(g.copCell[x], cop[x])) return `cell ${x}: copCell ${g.copCell[x]} but ${cop[x]}`;
    if (g.joinedCell[x] !== joined[x]) return `cell ${x}: joinedCell ${g.joinedCell[x]} but ${joined[x]}`;
  }
  if (g.lists) {
    // Live mode keeps an intrusive list of the active citizens of each cell: exactly those.
    let listed = 0;
    for (let x = 0; x < g.cells; x++) {
      let n = 0;
      for (let i = g.head[x]; i >= 0 && n <= c.n; i = c.next[i]) {
        if (c.cell[i] !== x) return `citizen ${i} is listed on cell ${x} but sits on ${c.cell[i]}`;
        if (c.state[i] !== CitizenState.active) return `citizen ${i} (state ${c.state[i]}) is listed on cell ${x} but not active`;
        n++;
      }
      if (n > c.n) return `cell ${x}: the citizen list loops`;
      listed += n;
    }
    if (listed !== rc[CitizenState.active]) return `${listed} citizens listed on cells but ${rc[CitizenState.active]} are active`;
  }
  if (p.countMode === 'live') {
    // Counts within vision are kept incrementally in live mode: they must equal a brute-force sum
    // over the distinct cells within vision (NetLogo's in-radius: each patch once, even where a
    // small torus wraps the vision area onto itself).
    const K = g.offX.length, seen = new Int32Array(g.cells).fill(-1);
    for (let x = 0; x < g.cells; x++) {
      let a = 0, b = 0, jn = 0;
      for (let k = 0; k < K; k++) {
        const y = offsetCell(g, x, g.offX[k], g.offY[k]);
        if (y >= 0 && seen[y] !== x) { seen[y] = x; a += act[y]; b += cop[y]; jn += joined[y]; }
      }
      if (!close(g.nbAct[x], a)) return `cell ${x}: nbAct ${g.nbAct[x]} but ${a} active in vision`;
      if (!close(g.nbCop[x], b)) return `cell ${x}: nbCop ${g.nbCop[x]} but ${b} in vision`;
      if (!close(g.nbJoined[x], jn)) return `cell ${x}: nbJoined ${g.nbJoined[x]} but ${jn} in vision`;
    }
  }
  // Derived tallies kept incrementally or at the end of the tick equal a recount.
  const staff = new Float64Array(s.districtIds.length), visible = new Float64Array(s.units.n), unitDefected = new Int32Array(s.units.n);
  let eff = 0, loyal = 0;
  for (let j = 0; j < o.n; j++) {
    const st = o.state[j];
    if (st <= OfficerState.insider) { loyal += copWeight(s, st); if (o.deployed[j]) { staff[o.district[j]]++; eff += copWeight(s, st); } }
    if (o.defectTick[j] >= 0) unitDefected[o.unit[j]]++;
    if (st === OfficerState.shirking) visible[o.unit[j]] += p.peerShirkVisibility;
    else if (st === OfficerState.resigned) visible[o.unit[j]] += o.noisy[j] ? p.noisyResignVisibility : 1;
    else if (st === OfficerState.joined) visible[o.unit[j]] += 1;
  }
  for (let d = 0; d < staff.length; d++) if (s.staffByDistrict[d] !== staff[d]) return `district ${d}: staffByDistrict ${s.staffByDistrict[d]} but ${staff[d]} serving on the map`;
  if (s.tick > 0) {
    for (let k = 0; k < s.units.n; k++) {
      if (!close(s.units.visible[k], visible[k])) return `unit ${k}: visible ${s.units.visible[k]} but ${visible[k]}`;
      if (s.units.defected[k] !== unitDefected[k]) return `unit ${k}: defected ${s.units.defected[k]} but ${unitDefected[k]}`;
    }
    let recruits = 0;
    for (let d = 0; d < s.recruitsByDistrict.length; d++) recruits += s.recruitsByDistrict[d];
    // The force figures are taken at the end of the tick, before the end-of-day recruitment and
    // reserve deployment: compare them on other ticks only.
    if (s.tick % s.ticksPerDay !== 0 && !close(s.effectiveForce, eff + recruits)) return `effectiveForce ${s.effectiveForce} but ${eff + recruits}`;
    if (s.tick % s.ticksPerDay !== 0 && !close(s.loyalForceTotal, loyal + recruits)) return `loyalForceTotal ${s.loyalForceTotal} but ${loyal + recruits}`;
    if (!close(s.neededForce, cc[CitizenState.active] * p.forcePerProtester)) return `neededForce ${s.neededForce} but ${cc[CitizenState.active]} active`;
  }
  // Every detained or injured citizen who is alive is filed for release at a future tick.
  for (let i = 0; i < c.n; i++) {
    const st = c.state[i];
    if (st !== CitizenState.detained && st !== CitizenState.injured) continue;
    if (c.cell[i] < 0) { if (st !== CitizenState.injured) return `dead citizen ${i} is not 'injured'`; continue; }
    const at = c.term[i], list = s.releases.get(at);
    if (at < s.tick || !list || !list.includes(i)) return `citizen ${i} (${st}) is not filed for release (term ${at}, tick ${s.tick})`;
  }
  const row = seriesRow(s);
  if (!(row.defectedShare >= 0 && row.defectedShare <= 1)) return `defectedShare ${row.defectedShare}`;
  if (Number.isNaN(row.meanLoyalty) || Number.isNaN(row.effectiveForce) || Number.isNaN(row.neededForce)) return `NaN in the series row ${JSON.stringify(row)}`;
  return null;
}

describe('invariants on random small worlds', () => {
  it('hold after every tick', () => {
    fc.assert(fc.property(worldArb, (w) => {
      const s = createState(w.scenario, w.params, w.seed);
      const v0 = violation(s);
      if (v0) throw new Error(`initial state: ${v0}`);
      let decided: string | null = null;
      for (let t = 1; t <= w.ticks; t++) {
        advance(s, 1);
        const v = violation(s);
        if (v) throw new Error(`after tick ${t}: ${v}`);
        const now = JSON.stringify([s.outcome, s.fallCause, s.decidedTick, s.tippingTick, s.defectedAtDecision]);
        if (decided !== null && now !== decided) throw new Error(`after tick ${t}: outcome changed from ${decided} to ${now}`);
        if (s.outcome !== null) decided = now;
      }
      // The horizon decides every run that reaches it.
      if (s.tick >= s.horizonTicks) expect(s.outcome).not.toBeNull();
    }), { numRuns: 30, seed: 20200809 });
  });

  it('hold with random seeds too (a fresh sample each run)', () => {
    fc.assert(fc.property(worldArb, (w) => {
      const s = createState(w.scenario, w.params, w.seed);
      for (let t = 1; t <= Math.min(60, w.ticks); t++) {
        advance(s, 1);
        const v = violation(s);
        if (v) throw new Error(`after tick ${t}: ${v}`);
      }
    }), { numRuns: 10 });
  });
});
