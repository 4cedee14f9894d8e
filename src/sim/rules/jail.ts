/** Detention and injury terms count down once per tick after everyone has acted (NetLogo order). */
import { CitizenState } from '../state';
import type { SimState } from '../state';
import { citizenLink } from '../world/cells';

export function countDownTerms(s: SimState): void {
  const c = s.c, n = c.n;
  if (s.counts.citizens[CitizenState.detained] + s.counts.citizens[CitizenState.injured] === 0) return;
  for (let i = 0; i < n; i++) {
    const st = c.state[i];
    if ((st !== CitizenState.detained && st !== CitizenState.injured) || c.term[i] <= 0) continue;
    if (--c.term[i] === 0) {
      s.counts.citizens[st]--;
      c.state[i] = CitizenState.quiet;
      s.counts.citizens[CitizenState.quiet]++;
      citizenLink(s, i, c.cell[i]);
    }
  }
}
