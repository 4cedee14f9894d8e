/**
 * Protester violence. An active citizen attacks officers this tick with probability
 *   violenceRate x (1 - discipline_i) x (1 - disciplineTrainingEffect x training level)
 * Violence feeds the threat channel (broken discipline rallies the ranks: Bartkowski's guide) and
 * decides whether a run counts as nonviolent.
 */
import { CitizenState } from '../state';
import type { SimState } from '../state';

/** Chance that an active citizen of the given discipline attacks this tick. */
export const violenceProbability = (s: SimState, discipline: number): number =>
  s.params.violenceRate * (1 - discipline) * (1 - s.params.disciplineTrainingEffect * s.movement.levels.discipline);

/**
 * `candidates`, when given, lists (in index order) every citizen who can be active now: in
 * tickStart mode the citizens active after their turn, so the scan skips the quiet majority.
 * Arrests since then only remove people from it, so the draws are the same as a full scan's.
 */
export function protesterViolence(s: SimState, candidates: Int32Array | null = null, nCand = 0): void {
  const c = s.c, n = c.n, rv = s.rng.violence;
  const active = s.counts.citizens[CitizenState.active];
  s.totals.activeTicks += active; s.today.activeTicks += active;
  s.tickTally.active = active;
  if (s.violentFlagsSet) { c.violent.fill(0); s.violentFlagsSet = false; }
  if (active === 0 || violenceProbability(s, 0) <= 0) return;
  s.violentFlagsSet = true;
  const m = candidates ? nCand : n;
  for (let q = 0; q < m; q++) {
    const i = candidates ? candidates[q] : q;
    if (c.state[i] !== CitizenState.active) continue;
    if (rv() < violenceProbability(s, c.discipline[i])) {
      c.violent[i] = 1;
      s.tickViolence[s.grid.district[c.cell[i]]]++;
      s.tickTally.violent++; s.totals.violentActs++; s.today.violent++;
    }
  }
}
