/**
 * Citizens' turns in tickStart mode: go home if the calendar says so, move (first, as in NetLogo:
 * move.ts), then decide by the activation rule (activation.ts) against the counts taken at the
 * start of the tick. live mode's turns are in liveTurns.ts.
 */
import { CitizenState } from '../state';
import type { SimState } from '../state';
import { citizenMove, citizenSetActive } from '../world/cells';
import { activates, arrestProbability, type ActivationRule } from './activation';
import { citizenDestination, type MoverSampler } from './move';

/**
 * The cache of this pass's arrest probabilities by cell (the counts are fixed for the whole pass):
 * a cell's P is computed when a citizen there first needs it, so cells nobody stands in cost nothing.
 */
function cellPCache(s: SimState): { p: Float64Array; epoch: Int32Array; pass: number } {
  const g = s.grid, sc = s.scratch;
  if (sc.cellP.length !== g.cells) { sc.cellP = new Float64Array(g.cells); sc.cellPEpoch = new Int32Array(g.cells); sc.cellPPass = 0; }
  sc.cellPPass = sc.cellPPass >= 0x7ffffffe ? 1 : sc.cellPPass + 1;
  if (sc.cellPPass === 1) sc.cellPEpoch.fill(0);
  return { p: sc.cellP, epoch: sc.cellPEpoch, pass: sc.cellPPass };
}

/**
 * tickStart mode: every citizen in index order against this tick's counts (per-tick constants
 * hoisted: this loop runs 500,000 times an hour at national scale). Returns how many citizens are
 * active afterwards, listed in `activeOut`.
 */
export function citizensTickStart(s: SimState, out: number, rule: ActivationRule, movers: MoverSampler, activeOut: Int32Array): number {
  const c = s.c, n = c.n, st = c.state, prop = c.outPropensity, cellOf = c.cell, H = c.hardship, R = c.risk, op = c.opinion;
  const rm = s.rng.move, gByOpinion = rule.gByOpinion; // opinion -1, 0, 1: a lookup, not a branch
  const { p: pCell, epoch, pass } = cellPCache(s), nbCop = s.grid.nbCop, nbAct = s.grid.nbAct;
  // No officer in vision: floor(0 / (1 + active)) = 0 whatever the crowd, one value for every such cell.
  const none = arrestProbability(rule, 0, 0);
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
      const to = citizenDestination(s, cell, rm);
      if (to >= 0 && to !== cell) { citizenMove(s, i, to); cell = to; }
    }
    let P: number;
    if (epoch[cell] === pass) P = pCell[cell];
    else { const k = nbCop[cell]; P = k === 0 ? none : arrestProbability(rule, k, nbAct[cell]); pCell[cell] = P; epoch[cell] = pass; }
    const want = activates(H[i] * gByOpinion[op[i] + 1], R[i], P, rule);
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
