/**
 * live mode (NetLogo Rebellion's order): every agent, citizens and officers alike, takes one turn
 * in one random order per tick; each moves first (move.ts), then decides with the counts as they
 * are at that moment (kept current incrementally). The order array lives in the state
 * (SimState.order) and is reshuffled in place each tick, as NetLogo's `ask` does.
 */
import { CitizenState, type SimState } from '../state';
import { citizenMove, citizenSetActive } from '../world/cells';
import { activates, arrestProbability, type ActivationRule } from './activation';
import { baseArrestRate } from './arrest';
import { citizenDestination, MoverSampler } from './move';
import { officerTurn } from './officerTurn';

export function liveTurns(s: SimState, out: number, rule: ActivationRule): void {
  const nC = s.c.n, N = nC + s.o.n, order = s.order;
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
  const nbCop = g.nbCop, nbAct = g.nbAct, rm = s.rng.move, gByOpinion = rule.gByOpinion;
  const ACTIVE = CitizenState.active;
  for (let k = 0; k < N; k++) {
    const a = order[k], mv = always || movers.moves();
    if (a >= nC) { officerTurn(s, a - nC, mv, base); continue; }
    const s0 = st[a];
    if (s0 > ACTIVE) continue; // detained or injured
    if (out < 1 && prop[a] >= out) { if (s0 === ACTIVE) citizenSetActive(s, a, false); continue; }
    let cell = cellOf[a];
    if (mv) {
      const to = citizenDestination(s, cell, rm);
      if (to >= 0 && to !== cell) { citizenMove(s, a, to); cell = to; }
    }
    const want = activates(H[a] * gByOpinion[op[a] + 1], R[a], arrestProbability(rule, nbCop[cell], nbAct[cell]), rule);
    if (want !== (s0 === ACTIVE)) citizenSetActive(s, a, want);
  }
}
