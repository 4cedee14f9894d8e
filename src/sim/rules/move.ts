/**
 * Moving (Epstein 2002 / NetLogo Rebellion: every agent moves first, then acts).
 * Who moves: each free agent independently with probability moveProbability (MoverSampler).
 * Where a citizen who is out goes: with probability rallyAttraction one step toward the nearest
 * square or metro station (if that cell has room), else a random open cell in vision (Epstein: no
 * cop and no free citizen there, i.e. occupancy below capacity 1). An officer goes to a random
 * open cell in vision.
 */
import type { Rng } from '../rng';
import type { SimState } from '../state';
import { randomOpenCell } from '../world/cells';

/**
 * Who moves this tick. One uniform serves several agents: u < p is a success and u/p is again
 * uniform, otherwise (u-p)/(1-p) is; a fresh draw every 8 uses keeps ample precision (each use
 * spends only log2(1/p) bits). Made afresh each tick, so it carries nothing between ticks.
 */
export class MoverSampler {
  private u = 0;
  private uses = 8;
  private readonly inv: number;
  private readonly invq: number;
  constructor(private readonly p: number, private readonly r: Rng) {
    this.inv = p > 0 ? 1 / p : 0;
    this.invq = p < 1 ? 1 / (1 - p) : 0;
  }
  /** True if the next agent in order moves. */
  moves(): boolean {
    const p = this.p;
    if (p >= 1) return true;
    if (p <= 0) return false;
    if (this.uses === 8) { this.u = this.r(); this.uses = 0; }
    this.uses++;
    const u = this.u;
    if (u < p) { this.u = u * this.inv; return true; }
    this.u = (u - p) * this.invq;
    return false;
  }
}

/** The next cell on the way from `from` to `to` (one step in x and y), or -1 when it is full. */
export function stepToward(s: SimState, from: number, to: number): number {
  const g = s.grid, w = g.w;
  const fx = from % w, fy = (from / w) | 0, tx = to % w, ty = (to / w) | 0;
  const nx = fx + Math.sign(tx - fx), ny = fy + Math.sign(ty - fy);
  const c = ny * w + nx;
  return c !== from && g.occ[c] < s.params.cellCapacity ? c : -1;
}

/** Where a moving citizen at `cell` goes, or -1 (nowhere with room). Draws from `rm`. */
export function citizenDestination(s: SimState, cell: number, rm: Rng): number {
  const r0 = s.grid.nearestRally[cell], rally = s.params.rallyAttraction;
  let to = -1;
  if (r0 >= 0 && rally > 0 && rm() < rally) to = stepToward(s, cell, r0);
  if (to < 0) to = randomOpenCell(s, cell, rm);
  return to;
}
