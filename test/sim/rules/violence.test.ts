/**
 * Protester violence (src/sim/rules/violence.ts): an active citizen attacks this tick with probability
 *   violenceRate x (1 - discipline_i) x (1 - disciplineTrainingEffect x training level)
 * Every tick adds the active count to the run's and the day's active citizen-ticks.
 */
import { describe, expect, it } from 'vitest';
import { protesterViolence, violenceProbability } from '../../../src/sim/rules/violence';
import { at, feed, putCitizen, tinyWorld } from './world';

const world = () => tinyWorld({ violenceRate: 0.2, disciplineTrainingEffect: 0.8 });

describe('violence probability', () => {
  it('rate x (1 - discipline) x (1 - effect x training)', () => {
    const s = world();
    expect(violenceProbability(s, 0)).toBeCloseTo(0.2, 12);
    expect(violenceProbability(s, 0.25)).toBeCloseTo(0.15, 12); // 0.2 x 0.75 x 1
    s.movement.levels.discipline = 0.5;
    expect(violenceProbability(s, 0.25)).toBeCloseTo(0.09, 12); // 0.2 x 0.75 x (1 - 0.8 x 0.5)
    expect(violenceProbability(s, 1)).toBe(0);                  // fully disciplined
    s.params.disciplineTrainingEffect = 1; s.movement.levels.discipline = 1;
    expect(violenceProbability(s, 0)).toBe(0);                  // training that stops everything
  });
});

describe('protesterViolence', () => {
  function crowd() {
    const s = world();
    s.movement.levels.discipline = 0.5;
    s.c.discipline.set([0.25, 0, 0.5, 0]);
    putCitizen(s, 0, at(1, 1), true); putCitizen(s, 2, at(3, 3), true); // 1 and 3 stay quiet
    return s;
  }

  it('one draw per active candidate: 0.08 < 0.09 attacks, 0.07 >= 0.2 x 0.5 x 0.6 = 0.06 does not', () => {
    const s = crowd();
    const d = feed(s, 'violence', [0.08, 0.07]);
    protesterViolence(s, Int32Array.from([0, 2]), 2);
    expect(d.used()).toBe(2);
    expect(Array.from(s.c.violent)).toEqual([1, 0, 0, 0]);
    expect(s.tickViolence[0]).toBe(1);
    expect(s.tickTally.violent).toBe(1); expect(s.totals.violentActs).toBe(1); expect(s.today.violent).toBe(1);
    expect(s.tickTally.active).toBe(2); expect(s.totals.activeTicks).toBe(2); expect(s.today.activeTicks).toBe(2);
  });

  it('a full scan (live mode) skips the quiet without a draw', () => {
    const s = crowd();
    const d = feed(s, 'violence', [0.5, 0.05]); // citizen 0: no (0.5 >= 0.09); citizen 2: 0.05 < 0.06
    protesterViolence(s);
    expect(d.used()).toBe(2);
    expect(Array.from(s.c.violent)).toEqual([0, 0, 1, 0]);
  });

  it('last tick\'s flags are cleared; with probability 0 nothing is drawn', () => {
    const s = crowd();
    feed(s, 'violence', [0, 0]);
    protesterViolence(s);
    expect(s.tickTally.violent).toBe(2);
    s.params.violenceRate = 0;
    feed(s, 'violence', []);
    protesterViolence(s);
    expect(Array.from(s.c.violent)).toEqual([0, 0, 0, 0]);
    expect(s.totals.activeTicks).toBe(4); // 2 active citizens in each of the two ticks
    expect(s.today.activeTicks).toBe(4);  // the day's count the violence level divides by (outrage.ts)
  });
});
