/**
 * One officer's turn: move like a citizen, then (on duty or insider) arrest one random active
 * citizen in vision and step onto his cell (Epstein 2002 / NetLogo Rebellion). Orders grow with
 * momentum (repressionPolicy); courts soften them; joined officers nearby shield protesters;
 * shirkers "aim above heads" and arrest nobody.
 */
import { CitizenState, OfficerState } from '../state';
import type { SimState } from '../state';
import { scheduleRelease } from './jail';
import type { MoverSampler } from './movers';
import { citizenLink, citizenUnlink, officerMove, randomOpenCell } from '../world/cells';

/**
 * Picks a uniformly random active citizen in vision of `cell`: a cell weighted by its active
 * count, then one of its active citizens (from the live per-cell list, or this tick's index).
 */
function pickActive(s: SimState, cell: number, r: () => number): number {
  const g = s.grid, K = g.offX.length, tab = g.nbr, act = g.actCell;
  let total = 0;
  const buf = s.scratch;
  let n = 0;
  if (tab !== null) {
    for (let k = cell * K, e = k + K; k < e; k++) { const cc = tab[k]; if (cc !== 0xffff && act[cc] > 0) { buf[n++] = cc; total += act[cc]; } }
  } else {
    const w = g.w, h = g.h, x0 = cell % w, y0 = (cell / w) | 0, ox = g.offX, oy = g.offY, torus = g.torus;
    for (let k = 0; k < K; k++) {
      let x = x0 + ox[k], y = y0 + oy[k];
      if (torus) { x = ((x % w) + w) % w; y = ((y % h) + h) % h; } else if (x < 0 || y < 0 || x >= w || y >= h) continue;
      const cc = y * w + x;
      if (act[cc] > 0) { buf[n++] = cc; total += act[cc]; }
    }
  }
  if (total === 0) return -1;
  let pick = Math.floor(r() * total);
  const c = s.c;
  for (let k = 0; k < n; k++) {
    const cc = buf[k];
    if (pick < act[cc]) {
      if (g.lists) {
        for (let i = g.head[cc]; i >= 0; i = c.next[i]) if (c.state[i] === CitizenState.active && pick-- === 0) return i;
      } else {
        for (let q = g.actStart[cc], e = g.actStart[cc + 1]; q < e; q++) {
          const i = g.actList[q];
          if (c.state[i] === CitizenState.active && c.cell[i] === cc && pick-- === 0) return i;
        }
      }
      return -1;
    }
    pick -= act[cc];
  }
  return -1;
}

/** tickStart: indexes the citizens active after the citizens' turn by cell (counting sort). */
export function indexActive(s: SimState, active: Int32Array, n: number): void {
  const g = s.grid, cells = g.cells;
  if (g.actStart.length !== cells + 1) g.actStart = new Int32Array(cells + 1);
  if (g.actList.length < n) g.actList = new Int32Array(Math.max(n, g.actList.length * 2, 1024));
  const start = g.actStart, cellOf = s.c.cell;
  start.fill(0);
  for (let q = 0; q < n; q++) start[cellOf[active[q]] + 1]++;
  for (let k = 0; k < cells; k++) start[k + 1] += start[k];
  const fillAt = s.scratchCells;
  fillAt.set(start.subarray(0, cells));
  for (let q = 0; q < n; q++) { const i = active[q]; g.actList[fillAt[cellOf[i]]++] = i; }
}

export function arrestCitizen(s: SimState, i: number, officer: number): void {
  const c = s.c, p = s.params, rj = s.rng.jail, cell = c.cell[i], d = s.grid.district[cell];
  const nonviolent = c.violent[i] === 0;
  citizenUnlink(s, i);
  s.counts.citizens[CitizenState.active]--;
  const jail = (p.maxJailTicks > 0 ? Math.floor(rj() * p.maxJailTicks) : 0)
    + Math.round((p.detentionMinDays + rj() * (p.detentionMaxDays - p.detentionMinDays)) * s.ticksPerDay);
  let next: number = CitizenState.detained, term = jail;
  if (p.injuryProbability > 0 && rj() < p.injuryProbability) {
    next = CitizenState.injured; term = Math.max(jail, Math.round(p.injuryDays * s.ticksPerDay));
    s.totals.injuries++;
    if (p.deathProbability > 0 && rj() < p.deathProbability) {
      term = -1; s.totals.deaths++; s.today.deaths++;
      s.eventLog.push({ tick: s.tick, kind: 'death', district: s.districtIds[d] });
    }
  }
  s.totals.detentions++; s.today.detentions++;
  if (nonviolent) s.tickArrests[d]++;
  s.tickTally.arrests++;
  if (term === 0) {
    // NetLogo: a jail term of 0 leaves the agent free at once; the arrest only deactivates him.
    c.state[i] = CitizenState.quiet; s.counts.citizens[CitizenState.quiet]++;
    citizenLink(s, i, cell);
  } else {
    c.state[i] = next; s.counts.citizens[next]++;
    if (term < 0) { c.term[i] = -1; c.cell[i] = -1; } else scheduleRelease(s, i, term);
  }
  const o = s.o;
  o.arrestedThisTick[officer] = 1;
  if (p.abuseProbability > 0 && rj() < p.abuseProbability * (1 - o.conscience[officer])) {
    o.abuses[officer]++; s.totals.abuses++; s.today.abuses++;
  }
}

/** The arrest rate of an on-duty officer this tick, before insider and shielding factors. */
export function baseArrestRate(s: SimState): number {
  const p = s.params;
  return p.arrestRate * (1 + p.repressionPolicy * s.momentum) * (1 - 0.5 * s.movement.levels.courts);
}

/**
 * An on-duty officer (or insider, at half the rate) with active citizens in vision tries one
 * arrest: shielded by joined officers nearby, he arrests a random active citizen in vision and
 * steps onto his cell.
 */
function tryArrest(s: SimState, j: number, insider: boolean, cell: number, base: number, protect: number, ra: () => number): number {
  let rate = insider ? base * 0.5 : base;
  const shield = s.grid.nbJoined[cell];
  if (shield > 0) rate *= Math.pow(protect, Math.min(shield, 20));
  if (rate < 1 && ra() >= rate) return cell;
  const target = pickActive(s, cell, ra);
  if (target < 0) return cell;
  const to = s.c.cell[target];
  arrestCitizen(s, target, j);
  return to;
}

/**
 * One officer's turn in live mode: move, then maybe arrest and step onto the arrested man's cell.
 * Nobody else acts within his turn and his own choices read no officer counts, so his footprint
 * in the counts within vision is moved once, from where he started to where he ends.
 */
export function officerAct(s: SimState, j: number, moves: boolean, base: number): void {
  const o = s.o, st = o.state[j];
  if (!o.deployed[j] || st === OfficerState.resigned) return;
  const from = o.cell[j];
  let cell = from;
  if (moves) {
    const to = randomOpenCell(s, cell, s.rng.move);
    if (to >= 0 && to !== cell) cell = to;
  }
  if ((st === OfficerState.on_duty || st === OfficerState.insider) && s.grid.nbAct[cell] > 0) {
    // The arrest reads the active citizens around `cell`, never his own position or occupancy.
    cell = tryArrest(s, j, st === OfficerState.insider, cell, base, 1 - s.params.joinedProtection, s.rng.arrest);
  }
  if (cell !== from) officerMove(s, j, cell);
}

/**
 * tickStart mode: every deployed officer in index order (officerAct with the per-tick constants
 * hoisted; this loop runs 130,000 times an hour at national scale).
 */
export function officersTickStart(s: SimState, movers: MoverSampler, base: number): void {
  const o = s.o, g = s.grid, n = o.n, dep = o.deployed, st = o.state, cellOf = o.cell, nbAct = g.nbAct;
  const rm = s.rng.move, ra = s.rng.arrest, protect = 1 - s.params.joinedProtection;
  const ON = OfficerState.on_duty, INSIDER = OfficerState.insider, RESIGNED = OfficerState.resigned;
  for (let j = 0; j < n; j++) {
    if (!dep[j]) continue;
    const sj = st[j];
    if (sj === RESIGNED) continue;
    let cell = cellOf[j];
    if (movers.moves()) {
      const to = randomOpenCell(s, cell, rm);
      if (to >= 0 && to !== cell) { officerMove(s, j, to); cell = to; }
    }
    if ((sj !== ON && sj !== INSIDER) || nbAct[cell] <= 0) continue;
    const end = tryArrest(s, j, sj === INSIDER, cell, base, protect, ra);
    if (end !== cell) officerMove(s, j, end);
  }
}
