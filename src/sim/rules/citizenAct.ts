/**
 * One citizen's turn: go home if the calendar says so, move (first, as in NetLogo), then decide.
 * Moving: toward the nearest rally point with probability rallyAttraction, else to a random open
 * cell in vision (Epstein: no cop and no free citizen there, i.e. occupancy below capacity 1).
 */
import { CitizenState } from '../state';
import type { SimState } from '../state';
import { citizenLink, citizenSetActive, citizenUnlink, randomOpenCell } from '../world/cells';
import { wantsActive } from './activation';

function stepToward(s: SimState, from: number, to: number): number {
  const g = s.grid, w = g.w;
  const fx = from % w, fy = (from / w) | 0, tx = to % w, ty = (to / w) | 0;
  const nx = fx + Math.sign(tx - fx), ny = fy + Math.sign(ty - fy);
  const c = ny * w + nx;
  return c !== from && g.occ[c] < s.params.cellCapacity ? c : -1;
}

export function citizenAct(s: SimState, i: number, out: number, table: Float64Array, moves: boolean): void {
  const c = s.c, st = c.state[i];
  if (st === CitizenState.detained || st === CitizenState.injured) return;
  if (out < 1 && c.outPropensity[i] >= out) {
    if (st === CitizenState.active) citizenSetActive(s, i, false);
    return;
  }
  const p = s.params, rm = s.rng.move;
  if (moves) {
    const from = c.cell[i];
    let to = -1;
    const rally = s.grid.nearestRally[from];
    if (rally >= 0 && p.rallyAttraction > 0 && rm() < p.rallyAttraction) to = stepToward(s, from, rally);
    if (to < 0) to = randomOpenCell(s, from, rm);
    if (to >= 0 && to !== from) { citizenUnlink(s, i); citizenLink(s, i, to); }
  }
  const want = wantsActive(s, i, table);
  if (want !== (c.state[i] === CitizenState.active)) citizenSetActive(s, i, want);
}
