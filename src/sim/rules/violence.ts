/**
 * Protester violence. An active citizen attacks officers with probability
 * violenceRate x (1 - discipline_i) x (1 - 0.8 x discipline-training level).
 * Violence feeds the threat channel (broken discipline rallies the ranks, seed 004) and decides
 * whether a run counts as nonviolent.
 */
import { CitizenState } from '../state';
import type { SimState } from '../state';

/** Runs whose violent flags need clearing before the next tick's draws. */
const flagsSet = new WeakSet<SimState>();

/**
 * `candidates`, when given, lists (in index order) every citizen who can be active now: in
 * tickStart mode the citizens active after their turn, so the scan skips the quiet majority.
 * Arrests since then only remove people from it, so the draws are the same as a full scan's.
 */
export function protesterViolence(s: SimState, candidates: Int32Array | null = null, nCand = 0): void {
  const c = s.c, p = s.params, n = c.n, rv = s.rng.violence;
  const active = s.counts.citizens[CitizenState.active];
  s.totals.activeTicks += active;
  s.tickTally.active = active;
  const base = p.violenceRate * (1 - 0.8 * s.movement.levels.discipline);
  if (flagsSet.has(s)) { c.violent.fill(0); flagsSet.delete(s); }
  if (active === 0 || base <= 0) return;
  flagsSet.add(s);
  const m = candidates ? nCand : n;
  for (let q = 0; q < m; q++) {
    const i = candidates ? candidates[q] : q;
    if (c.state[i] !== CitizenState.active) continue;
    if (rv() < base * (1 - c.discipline[i])) {
      c.violent[i] = 1;
      s.tickViolence[s.grid.district[c.cell[i]]]++;
      s.tickTally.violent++; s.totals.violentActs++; s.today.violent++;
    }
  }
}
