/**
 * Citizens' turns in tickStart mode: go home if the calendar says so, move (first, as in NetLogo),
 * then decide by the activation rule (activation.ts). Moving: toward the nearest rally point with
 * probability rallyAttraction, else to a random open cell in vision (Epstein: no cop and no free
 * citizen there, i.e. occupancy below capacity 1). live mode's turns are in liveTurns.ts.
 */
import { CitizenState } from '../state';
import type { SimState } from '../state';
import { citizenMove, citizenSetActive, randomOpenCell } from '../world/cells';
import type { ActivationRule } from './activation';
import type { MoverSampler } from './movers';

export function stepToward(s: SimState, from: number, to: number): number {
  const g = s.grid, w = g.w;
  const fx = from % w, fy = (from / w) | 0, tx = to % w, ty = (to / w) | 0;
  const nx = fx + Math.sign(tx - fx), ny = fy + Math.sign(ty - fy);
  const c = ny * w + nx;
  return c !== from && g.occ[c] < s.params.cellCapacity ? c : -1;
}

const pCells = new WeakMap<SimState, Float64Array>();

function arrestProbByCell(s: SimState, table: Float64Array): Float64Array {
  const g = s.grid;
  let out = pCells.get(s);
  if (!out) { out = new Float64Array(g.cells); pCells.set(s, out); }
  const nbCop = g.nbCop, nbAct = g.nbAct;
  for (let c = 0; c < g.cells; c++) {
    const j = Math.floor(nbCop[c] / (1 + nbAct[c]));
    out[c] = j < 256 ? table[j] : 1;
  }
  return out;
}

/**
 * tickStart mode: every citizen in index order against this tick's counts (the same rules as
 * citizenAct, inlined with per-tick constants hoisted: this loop runs 500,000 times an hour at
 * national scale). Returns how many citizens are active afterwards, listed in `activeOut`.
 */
export function citizensTickStart(s: SimState, out: number, k: ActivationRule, movers: MoverSampler, activeOut: Int32Array): number {
  const c = s.c, g = s.grid, n = c.n, st = c.state, prop = c.outPropensity, cellOf = c.cell, H = c.hardship, R = c.risk, op = c.opinion;
  const rallyOf = g.nearestRally, rm = s.rng.move;
  const rally = s.params.rallyAttraction, M = k.M, T = k.T;
  // The counts are fixed for the whole pass, so P = 1 - exp(-k floor(C/A)) is one value per cell.
  const pCell = arrestProbByCell(s, k.table);
  const gByOpinion = new Float64Array([k.gSup, k.gNeu, k.gOpp]); // opinion -1, 0, 1: a lookup, not a branch
  const ACTIVE = CitizenState.active;
  // Propensities rise with the index (init.ts): citizens [0, end) are out, the rest at home. Those
  // at home who were active go home; only last tick's active list can hold them.
  const end = out >= 1 ? n : firstAtLeast(prop, out);
  for (let q = s.activeN - 1; q >= 0 && activeOut[q] >= end; q--) {
    const i = activeOut[q];
    if (st[i] === ACTIVE) citizenSetActive(s, i, false);
  }
  let na = 0;
  for (let i = 0; i < end; i++) {
    const s0 = st[i];
    if (s0 > ACTIVE) continue; // detained or injured
    let cell = cellOf[i];
    if (movers.moves()) {
      let to = -1;
      const r0 = rallyOf[cell];
      if (r0 >= 0 && rally > 0 && rm() < rally) to = stepToward(s, cell, r0);
      if (to < 0) to = randomOpenCell(s, cell, rm);
      if (to >= 0 && to !== cell) { citizenMove(s, i, to); cell = to; }
    }
    const G = H[i] * gByOpinion[op[i] + 1];
    const want = G - R[i] * pCell[cell] + M > T;
    if (want !== (s0 === ACTIVE)) citizenSetActive(s, i, want);
    if (want) activeOut[na++] = i;
  }
  s.activeN = na;
  return na;
}

/** First index whose (ascending) value is >= x, by binary search. */
function firstAtLeast(a: Float32Array, x: number): number {
  let lo = 0, hi = a.length;
  while (lo < hi) { const m = (lo + hi) >> 1; if (a[m] < x) lo = m + 1; else hi = m; }
  return lo;
}
