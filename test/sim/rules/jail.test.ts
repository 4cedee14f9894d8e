/**
 * Jail (src/sim/rules/jail.ts): a term of n ticks is counted down once at the end of every tick,
 * the first at the end of the current one (NetLogo); the citizen is filed under the tick
 * now + n - 1, at whose end releaseDue frees him (quiet, back on his cell).
 */
import { describe, expect, it } from 'vitest';
import { CitizenState } from '../../../src/sim';
import { arrestCitizen } from '../../../src/sim/rules/arrest';
import { releaseDue, scheduleRelease } from '../../../src/sim/rules/jail';
import { at, feed, putCitizen, tinyWorld } from './world';

describe('release queue', () => {
  it('scheduleRelease files citizen i under tick + term - 1', () => {
    const s = tinyWorld();
    s.tick = 5;
    scheduleRelease(s, 0, 3); scheduleRelease(s, 1, 3); scheduleRelease(s, 2, 1);
    expect(s.c.term[0]).toBe(7); // 5 + 3 - 1
    expect(s.releases.get(7)).toEqual([0, 1]);
    expect(s.releases.get(5)).toEqual([2]); // a term of 1 ends with this tick
  });

  it('an arrest with a 3-tick term at tick 0 is released at the end of tick 2, onto his cell', () => {
    const s = tinyWorld({ maxJailTicks: 0, detentionMinDays: 0.125, detentionMaxDays: 0.125, injuryProbability: 0, abuseProbability: 0 });
    putCitizen(s, 0, at(1, 1), true);
    feed(s, 'jail', [0.5]); // round(0.125 x 24) = 3
    arrestCitizen(s, 0, 0);
    expect(s.c.state[0]).toBe(CitizenState.detained);
    expect(s.grid.occ[at(1, 1)]).toBe(0);
    for (const tick of [0, 1]) {
      s.tick = tick; releaseDue(s);
      expect(s.c.state[0]).toBe(CitizenState.detained);
    }
    s.tick = 2; releaseDue(s);
    expect(s.c.state[0]).toBe(CitizenState.quiet);
    expect(s.c.cell[0]).toBe(at(1, 1));
    expect(s.grid.occ[at(1, 1)]).toBe(1);
    expect(s.counts.citizens[CitizenState.detained]).toBe(0);
    expect(s.counts.citizens[CitizenState.quiet]).toBe(4);
    expect(s.releases.size).toBe(0);
  });

  it('an injured citizen is released the same way (round(0.25 x 24) = 6 ticks)', () => {
    const s = tinyWorld({ maxJailTicks: 0, detentionMinDays: 0, detentionMaxDays: 0, injuryProbability: 1, deathProbability: 0, injuryDays: 0.25, abuseProbability: 0 });
    putCitizen(s, 3, at(4, 4), true);
    feed(s, 'jail', [0.5, 0.5]); // detention 0; injured (0.5 < 1): max(0, 6)
    arrestCitizen(s, 3, 1);
    expect(s.c.state[3]).toBe(CitizenState.injured);
    expect(s.c.term[3]).toBe(5);
    s.tick = 5; releaseDue(s);
    expect(s.c.state[3]).toBe(CitizenState.quiet);
    expect(s.counts.citizens[CitizenState.injured]).toBe(0);
  });
});
