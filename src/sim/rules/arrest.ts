/**
 * Arrests (Epstein 2002 / NetLogo Rebellion, with the orders of a regime):
 *   base rate   = arrestRate x (1 + repressionPolicy x momentum)
 *                 x (1 - courtsEffect x courts x courtIndependence x min(1, insider share / courtsInsiderRef))
 *   attempt     = base x (insider ? insiderArrestFactor : 1) x (1 - joinedProtection)^min(joined in vision, 20)
 * An officer on duty or inside with active citizens in vision makes one attempt per tick; on
 * success he arrests a uniformly random active citizen in vision and steps onto his cell.
 * The arrested citizen's term (ticks):
 *   jail = U{0..maxJailTicks-1} + round(U[detentionMinDays, detentionMaxDays] x ticksPerDay)
 *   injured with injuryProbability: term = max(jail, round(injuryDays x ticksPerDay)). A term of 0
 *   frees him at once (NetLogo). Deaths are counted as an expectation, injuryProbability x
 *   deathProbability per arrest (an agent stands for 1/scale people: "2 killed" is a fraction of an
 *   agent at scale 0.02); a death event is logged as each whole person is reached.
 * The arresting officer abuses him with probability
 *   abuseProbability x (1 - conscience) x (riot police ? riotAbuseFactor : 1) x (1 - unmaskDeterrence x unmasked share of his unit)
 * ("they may be next": CEPA); the torture-case count takes the expectation, the officer's record the draw.
 * Shirkers "aim above heads" and arrest nobody (Bartkowski's guide).
 */
import { Branch, CitizenState, OfficerState } from '../state';
import type { SimState } from '../state';
import { logEvent } from '../eventLog';
import { scheduleRelease } from './jail';
import { citizenLink, citizenUnlink } from '../world/cells';

/** Joined officers in vision beyond this shield no further (the factor is ~0 by then anyway). */
const MAX_SHIELDS = 20;

/** The arrest rate of an officer on duty this tick, before the insider and shielding factors. */
export function baseArrestRate(s: SimState): number {
  const p = s.params, courts = s.movement.levels.courts;
  const reach = courts > 0 ? Math.min(1, s.counts.officers[OfficerState.insider] / Math.max(1, s.o.initialForce) / p.courtsInsiderRef) : 0;
  return p.arrestRate * (1 + p.repressionPolicy * s.momentum) * (1 - p.courtsEffect * courts * p.courtIndependence * reach);
}

/** Chance that officer j abuses the man he arrests. */
export function abuseChance(s: SimState, j: number): number {
  const p = s.params, o = s.o, k = o.unit[j];
  const unmasked = s.units.unmasked[k] / Math.max(1, s.units.size[k]);
  return p.abuseProbability * (1 - o.conscience[j]) * (o.branch[j] === Branch.omon ? p.riotAbuseFactor : 1) * (1 - p.unmaskDeterrence * unmasked);
}

/** Chance of one officer's attempt succeeding: the base rate, an insider's factor, shields nearby. */
export function attemptRate(s: SimState, base: number, insider: boolean, shields: number): number {
  let rate = insider ? base * s.params.insiderArrestFactor : base;
  if (shields > 0) rate *= Math.pow(1 - s.params.joinedProtection, Math.min(shields, MAX_SHIELDS));
  return rate;
}

/** The term of an arrest in ticks, drawn from the jail stream; also whether he was injured (deaths are an expectation, not a draw). */
export function arrestTerm(s: SimState): { term: number; injured: boolean } {
  const p = s.params, rj = s.rng.jail;
  const jail = (p.maxJailTicks > 0 ? Math.floor(rj() * p.maxJailTicks) : 0)
    + Math.round((p.detentionMinDays + rj() * (p.detentionMaxDays - p.detentionMinDays)) * s.ticksPerDay);
  if (!(p.injuryProbability > 0 && rj() < p.injuryProbability)) return { term: jail, injured: false };
  return { term: Math.max(jail, Math.round(p.injuryDays * s.ticksPerDay)), injured: true };
}

/** tickStart: indexes the citizens active after the citizens' turn by cell (counting sort). */
export function indexActive(s: SimState, active: Int32Array, n: number): void {
  const g = s.grid, cells = g.cells, sc = s.scratch;
  if (sc.actStart.length !== cells + 1) sc.actStart = new Int32Array(cells + 1);
  if (sc.actList.length < n) sc.actList = new Int32Array(Math.max(n, sc.actList.length * 2, 1024));
  const start = sc.actStart, cellOf = s.c.cell;
  start.fill(0);
  for (let q = 0; q < n; q++) start[cellOf[active[q]] + 1]++;
  for (let k = 0; k < cells; k++) start[k + 1] += start[k];
  const fillAt = sc.cells;
  fillAt.set(start.subarray(0, cells));
  for (let q = 0; q < n; q++) { const i = active[q]; sc.actList[fillAt[cellOf[i]]++] = i; }
}

/**
 * Picks a uniformly random active citizen in vision of `cell`: a cell weighted by its active
 * count, then one of its active citizens (from the live per-cell list, or this tick's index).
 */
export function pickActive(s: SimState, cell: number, r: () => number): number {
  const g = s.grid, K = g.offX.length, tab = g.nbr, act = g.actCell;
  let total = 0;
  const buf = s.scratch.offsets;
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
  const c = s.c, sc = s.scratch;
  for (let k = 0; k < n; k++) {
    const cc = buf[k];
    if (pick < act[cc]) {
      if (g.lists) {
        for (let i = g.head[cc]; i >= 0; i = c.next[i]) if (c.state[i] === CitizenState.active && pick-- === 0) return i;
      } else {
        for (let q = sc.actStart[cc], e = sc.actStart[cc + 1]; q < e; q++) {
          const i = sc.actList[q];
          if (c.state[i] === CitizenState.active && c.cell[i] === cc && pick-- === 0) return i;
        }
      }
      return -1;
    }
    pick -= act[cc];
  }
  return -1;
}

/** Officer `officer` arrests active citizen i: detention (or injury, or death), the counts, abuse. */
export function arrestCitizen(s: SimState, i: number, officer: number): void {
  const c = s.c, p = s.params, cell = c.cell[i], d = s.grid.district[cell];
  const nonviolent = c.violent[i] === 0;
  citizenUnlink(s, i);
  s.counts.citizens[CitizenState.active]--;
  const { term, injured } = arrestTerm(s);
  if (injured) { s.totals.injuries++; if (nonviolent) s.today.injuries++; }
  const dead = p.injuryProbability * p.deathProbability;
  if (dead > 0) {
    s.totals.deaths += dead; s.today.deaths += dead;
    while (Math.floor(s.totals.deaths / p.scale) > s.deathsLogged) { s.deathsLogged++; logEvent(s, { tick: s.tick, kind: 'death', district: s.districtIds[d] }); }
  }
  s.totals.detentions++; s.today.detentions++;
  const o = s.o, q = p.abuseProbability > 0 ? abuseChance(s, officer) : 0;
  // What his colleagues see: an arrest, and an abuse weighs more (backfire.ts).
  if (nonviolent) { s.tickArrests[d] += 1 + p.backfireAbuseWeight * q; s.today.nonviolentArrests++; }
  s.tickTally.arrests++;
  if (term === 0) {
    // NetLogo: a jail term of 0 leaves the agent free at once; the arrest only deactivates him.
    c.state[i] = CitizenState.quiet; s.counts.citizens[CitizenState.quiet]++;
    citizenLink(s, i, cell);
  } else {
    const next = injured ? CitizenState.injured : CitizenState.detained;
    c.state[i] = next; s.counts.citizens[next]++;
    scheduleRelease(s, i, term);
  }
  if (nonviolent) o.arrestedThisTick[officer] = 1;
  if (q > 0) {
    s.totals.abuses += q; s.today.abuses += q;
    if (s.rng.jail() < q) o.abuses[officer]++;
  }
}

/**
 * One arrest attempt by officer j standing in `cell`: returns the cell he ends in (the arrested
 * man's, or his own when he arrests nobody).
 */
export function tryArrest(s: SimState, j: number, insider: boolean, cell: number, base: number, ra: () => number): number {
  const rate = attemptRate(s, base, insider, s.grid.nbJoined[cell]);
  if (rate < 1 && ra() >= rate) return cell;
  const target = pickActive(s, cell, ra);
  if (target < 0) return cell;
  const to = s.c.cell[target];
  arrestCitizen(s, target, j);
  return to;
}
