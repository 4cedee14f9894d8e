/**
 * Moving agents between cells while keeping every per-cell count (and, in live mode, every
 * neighbourhood count) consistent. All placement changes go through these functions.
 */
import type { SimState } from '../state';
import { CitizenState, OfficerState } from '../state';
import { addAround } from './neighbourhood';
import { offsetCell } from './grid';

/** Weight of an officer in the local force: on duty 1, shirkers and insiders partly, others 0. */
export function copWeight(s: SimState, state: number): number {
  if (state === OfficerState.on_duty) return 1;
  if (state === OfficerState.shirking) return s.params.shirkEffectiveness;
  if (state === OfficerState.insider) return s.params.insiderEffectiveness;
  return 0;
}

const live = (s: SimState) => s.params.countMode === 'live';

/** Live mode lists each cell's ACTIVE citizens (arrests pick from them); quiet moves touch no list. */
function listAdd(s: SimState, i: number, cell: number): void {
  const g = s.grid, c = s.c;
  c.prev[i] = -1;
  c.next[i] = g.head[cell];
  if (g.head[cell] >= 0) c.prev[g.head[cell]] = i;
  g.head[cell] = i;
}

function listRemove(s: SimState, i: number, cell: number): void {
  const g = s.grid, c = s.c;
  const p = c.prev[i], n = c.next[i];
  if (p >= 0) c.next[p] = n; else g.head[cell] = n;
  if (n >= 0) c.prev[n] = p;
  c.next[i] = c.prev[i] = -1;
}

export function citizenLink(s: SimState, i: number, cell: number): void {
  const g = s.grid, c = s.c;
  c.cell[i] = cell;
  g.occ[cell]++;
  if (c.state[i] === CitizenState.active) {
    g.actCell[cell]++;
    if (g.lists) { listAdd(s, i, cell); addAround(g, g.nbAct, cell, 1); }
  }
}

export function citizenUnlink(s: SimState, i: number): void {
  const g = s.grid, c = s.c, cell = c.cell[i];
  g.occ[cell]--;
  if (c.state[i] === CitizenState.active) {
    g.actCell[cell]--;
    if (g.lists) { listRemove(s, i, cell); addAround(g, g.nbAct, cell, -1); }
  }
}

/** Moves a free citizen to another cell (an active one carries his count along his vision area). */
export function citizenMove(s: SimState, i: number, to: number): void {
  const g = s.grid, c = s.c, from = c.cell[i];
  g.occ[from]--; g.occ[to]++;
  c.cell[i] = to;
  if (c.state[i] !== CitizenState.active) return;
  g.actCell[from]--; g.actCell[to]++;
  if (g.lists) { listRemove(s, i, from); listAdd(s, i, to); addAround(g, g.nbAct, from, -1); addAround(g, g.nbAct, to, 1); }
}

/** Switches a free citizen between quiet and active in place. */
export function citizenSetActive(s: SimState, i: number, active: boolean): void {
  const c = s.c, g = s.grid, cell = c.cell[i];
  const was = c.state[i] === CitizenState.active;
  if (was === active) return;
  c.state[i] = active ? CitizenState.active : CitizenState.quiet;
  s.counts.citizens[was ? CitizenState.active : CitizenState.quiet]--;
  s.counts.citizens[c.state[i]]++;
  const d = active ? 1 : -1;
  g.actCell[cell] += d;
  if (g.lists) {
    if (active) listAdd(s, i, cell); else listRemove(s, i, cell);
    addAround(g, g.nbAct, cell, d);
  }
}

export function officerPlace(s: SimState, j: number, cell: number): void {
  const g = s.grid, o = s.o;
  o.cell[j] = cell;
  g.occ[cell]++;
  const w = copWeight(s, o.state[j]);
  if (w !== 0) {
    g.copCell[cell] += w;
    if (live(s)) addAround(g, g.nbCop, cell, w);
  }
  if (o.state[j] === OfficerState.joined) {
    g.joinedCell[cell]++;
    if (live(s)) addAround(g, g.nbJoined, cell, 1);
  }
}

export function officerRemove(s: SimState, j: number): void {
  const g = s.grid, o = s.o, cell = o.cell[j];
  if (cell < 0) return;
  g.occ[cell]--;
  const w = copWeight(s, o.state[j]);
  if (w !== 0) {
    g.copCell[cell] -= w;
    if (live(s)) addAround(g, g.nbCop, cell, -w);
  }
  if (o.state[j] === OfficerState.joined) {
    g.joinedCell[cell]--;
    if (live(s)) addAround(g, g.nbJoined, cell, -1);
  }
  o.cell[j] = -1;
}

/** Moves an officer to another cell in one pass over the two vision areas (live mode's hot path). */
export function officerMove(s: SimState, j: number, to: number): void {
  const g = s.grid, o = s.o, from = o.cell[j];
  g.occ[from]--; g.occ[to]++;
  o.cell[j] = to;
  const w = copWeight(s, o.state[j]);
  const joined = o.state[j] === OfficerState.joined;
  if (w !== 0) { g.copCell[from] -= w; g.copCell[to] += w; }
  if (joined) { g.joinedCell[from]--; g.joinedCell[to]++; }
  if (!live(s)) return;
  if (w !== 0) { addAround(g, g.nbCop, from, -w); addAround(g, g.nbCop, to, w); }
  if (joined) { addAround(g, g.nbJoined, from, -1); addAround(g, g.nbJoined, to, 1); }
}

/** Changes an officer's state, keeping counts and his footprint on the map consistent. */
export function officerSetState(s: SimState, j: number, next: number, stayOnMap: boolean): void {
  const o = s.o, cell = o.cell[j];
  if (o.deployed[j] && o.state[j] <= OfficerState.insider && next > OfficerState.insider) s.staffByDistrict[o.district[j]]--;
  if (cell >= 0) officerRemove(s, j);
  s.counts.officers[o.state[j]]--;
  o.state[j] = next;
  s.counts.officers[next]++;
  if (cell >= 0 && stayOnMap) officerPlace(s, j, cell);
  else if (cell >= 0) o.deployed[j] = 0;
}

/**
 * A random cell in vision with room (occupancy below capacity), or -1; uniform over open cells.
 * Rejection sampling first (one double yields several offset draws: u*K splits into an index and
 * a fresh uniform fraction), enumeration when open cells are rare.
 */
export function randomOpenCell(s: SimState, cell: number, r: () => number): number {
  const g = s.grid, cap = s.params.cellCapacity, K = g.offX.length, occ = g.occ;
  const tab = g.nbr;
  if (tab !== null) {
    const base = cell * K;
    let v = r(), uses = 0;
    for (let t = 0; t < 16; t++) {
      if (uses === 4) { v = r(); uses = 0; }
      v *= K; const k = Math.floor(v); v -= k; uses++;
      const c = tab[base + k];
      if (c !== 0xffff && occ[c] < cap) return c;
    }
    let n = 0;
    const buf = s.scratch.offsets;
    for (let k = 0; k < K; k++) { const c = tab[base + k]; if (c !== 0xffff && occ[c] < cap) buf[n++] = c; }
    return n === 0 ? -1 : buf[Math.floor(r() * n)];
  }
  const w = g.w, h = g.h, x0 = cell % w, y0 = (cell / w) | 0, ox = g.offX, oy = g.offY, torus = g.torus;
  let v = r(), uses = 0;
  for (let t = 0; t < 16; t++) {
    if (uses === 4) { v = r(); uses = 0; }
    v *= K; const k = Math.floor(v); v -= k; uses++;
    let x = x0 + ox[k], y = y0 + oy[k];
    if (torus) { x = ((x % w) + w) % w; y = ((y % h) + h) % h; } else if (x < 0 || y < 0 || x >= w || y >= h) continue;
    const c = y * w + x;
    if (occ[c] < cap) return c;
  }
  let n = 0;
  const buf = s.scratch.offsets;
  for (let k = 0; k < K; k++) { const c = offsetCell(g, cell, g.offX[k], g.offY[k]); if (c >= 0 && occ[c] < cap) buf[n++] = c; }
  return n === 0 ? -1 : buf[Math.floor(r() * n)];
}
