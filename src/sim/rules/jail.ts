/**
 * Detention and injury terms run out. NetLogo counts every jail term down once per tick after
 * everyone has acted and frees the agent when it reaches 0; the same timing is kept with a bucket
 * queue (citizens filed under the tick at whose end they go free), so a tick costs only its
 * releases, not a scan of 500,000 citizens. The queue holds only citizens now detained or injured.
 */
import { CitizenState } from '../state';
import type { SimState } from '../state';
import { citizenLink } from '../world/cells';

/** Files citizen i for release after `term` countdowns, the first at the end of the current tick. */
export function scheduleRelease(s: SimState, i: number, term: number): void {
  const at = s.tick + term - 1;
  s.c.term[i] = at;
  const list = s.releases.get(at);
  if (list) list.push(i); else s.releases.set(at, [i]);
}

export function releaseDue(s: SimState): void {
  const list = s.releases.get(s.tick);
  if (!list) return;
  s.releases.delete(s.tick);
  const c = s.c;
  for (const i of list) {
    const st = c.state[i];
    s.counts.citizens[st]--;
    c.state[i] = CitizenState.quiet;
    s.counts.citizens[CitizenState.quiet]++;
    citizenLink(s, i, c.cell[i]);
  }
}
