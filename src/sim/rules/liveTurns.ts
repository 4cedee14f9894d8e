/** The turn order and citizens' turns of live mode. */
import { CitizenState, type SimState } from '../state';
import { citizenMove, citizenSetActive, randomOpenCell } from '../world/cells';
import type { ActivationRule } from './activation';
import { stepToward } from './citizenAct';
import { MoverSampler } from './movers';
import { baseArrestRate, officerAct } from './officerAct';

const orders = new WeakMap<SimState, Int32Array>();

/**
 * live mode (NetLogo Rebellion's order): every agent, citizens and officers alike, takes one turn
 * in one random order per tick; each moves first, then decides with the counts as they are at
 * that moment (kept current incrementally). The citizen's turn is the activation rule of
 * activation.ts, inlined here with its per-tick constants hoisted: this loop is the whole cost of
 * epstein-classic.
 */
export function liveTurns(s: SimState, out: number, rule: ActivationRule): void {
  const nC = s.c.n, N = nC + s.o.n;
  let order = orders.get(s);
  if (!order) { order = new Int32Array(N); for (let k = 0; k < N; k++) order[k] = k; orders.set(s, order); }
  const r = s.rng.order;
  // Fisher-Yates; one uniform serves up to 3 swaps (u*(k+1) splits into an index and a fresh fraction).
  let u = 0, uses = 3;
  for (let k = N - 1; k > 0; k--) {
    if (uses === 3) { u = r(); uses = 0; }
    uses++;
    u *= k + 1;
    const m = Math.floor(u);
    u -= m;
    const t = order[k]; order[k] = order[m]; order[m] = t;
  }
  const always = s.params.moveProbability >= 1; // Epstein: everyone moves, no draw
  const movers = new MoverSampler(s.params.moveProbability, s.rng.move), base = baseArrestRate(s);
  const c = s.c, g = s.grid, st = c.state, prop = c.outPropensity, cellOf = c.cell, H = c.hardship, R = c.risk, op = c.opinion;
  const nbCop = g.nbCop, nbAct = g.nbAct, rallyOf = g.nearestRally, rm = s.rng.move, rally = s.params.rallyAttraction;
  const table = rule.table, M = rule.M, T = rule.T, gByOpinion = new Float64Array([rule.gSup, rule.gNeu, rule.gOpp]);
  const ACTIVE = CitizenState.active;
  for (let k = 0; k < N; k++) {
    const a = order[k], mv = always || movers.moves();
    if (a >= nC) { officerAct(s, a - nC, mv, base); continue; }
    const s0 = st[a];
    if (s0 > ACTIVE) continue; // detained or injured
    if (out < 1 && prop[a] >= out) { if (s0 === ACTIVE) citizenSetActive(s, a, false); continue; }
    let cell = cellOf[a];
    if (mv) {
      let to = -1;
      const r0 = rallyOf[cell];
      if (r0 >= 0 && rally > 0 && rm() < rally) to = stepToward(s, cell, r0);
      if (to < 0) to = randomOpenCell(s, cell, rm);
      if (to >= 0 && to !== cell) { citizenMove(s, a, to); cell = to; }
    }
    const j = Math.floor(nbCop[cell] / (1 + nbAct[cell]));
    const want = H[a] * gByOpinion[op[a] + 1] - R[a] * (j < 256 ? table[j] : 1) + M > T;
    if (want !== (s0 === ACTIVE)) citizenSetActive(s, a, want);
  }
}
