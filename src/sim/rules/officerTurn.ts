/**
 * One officer's turn (Epstein 2002 / NetLogo Rebellion): move (move.ts), then, on duty or
 * inside, make one arrest attempt if active citizens are in vision (arrest.ts) and step onto the
 * arrested man's cell. Shirkers move but arrest nobody; resigned officers and the reserve are off
 * the map. District police are tied to their district: a move that would leave it is not made
 * (riot police go wherever the crowds are).
 */
import { Branch, OfficerState } from '../state';
import type { SimState } from '../state';
import { tryArrest } from './arrest';
import type { MoverSampler } from './move';
import { officerMove, randomOpenCell } from '../world/cells';

/** A district policeman moves only within his home district; riot police anywhere. */
export const staysInDistrict = (s: SimState, j: number, to: number): boolean =>
  s.o.branch[j] !== Branch.district_police || s.grid.district[to] === s.o.district[j];

/**
 * live mode: officer j's turn. Nobody else acts within his turn and his own choices read no
 * officer counts, so his footprint in the counts within vision is moved once, from where he
 * started to where he ends.
 */
export function officerTurn(s: SimState, j: number, moves: boolean, base: number): void {
  const o = s.o, st = o.state[j];
  if (!o.deployed[j] || st === OfficerState.resigned) return;
  const from = o.cell[j];
  let cell = from;
  if (moves) {
    const to = randomOpenCell(s, cell, s.rng.move);
    if (to >= 0 && to !== cell && staysInDistrict(s, j, to)) cell = to;
  }
  if ((st === OfficerState.on_duty || st === OfficerState.insider) && s.grid.nbAct[cell] > 0) {
    // The arrest reads the active citizens around `cell`, never his own position or occupancy.
    cell = tryArrest(s, j, st === OfficerState.insider, cell, base, s.rng.arrest);
  }
  if (cell !== from) officerMove(s, j, cell);
}

/**
 * tickStart mode: every deployed officer in index order (officerTurn with the per-tick constants
 * hoisted; this loop runs 130,000 times an hour at national scale).
 */
export function officersTickStart(s: SimState, movers: MoverSampler, base: number): void {
  const o = s.o, n = o.n, dep = o.deployed, st = o.state, cellOf = o.cell, nbAct = s.grid.nbAct;
  const rm = s.rng.move, ra = s.rng.arrest;
  const ON = OfficerState.on_duty, INSIDER = OfficerState.insider, RESIGNED = OfficerState.resigned;
  for (let j = 0; j < n; j++) {
    if (!dep[j]) continue;
    const sj = st[j];
    if (sj === RESIGNED) continue;
    let cell = cellOf[j];
    if (movers.moves()) {
      const to = randomOpenCell(s, cell, rm);
      if (to >= 0 && to !== cell && staysInDistrict(s, j, to)) { officerMove(s, j, to); cell = to; }
    }
    if ((sj !== ON && sj !== INSIDER) || nbAct[cell] <= 0) continue;
    const end = tryArrest(s, j, sj === INSIDER, cell, base, ra);
    if (end !== cell) officerMove(s, j, end);
  }
}
