/**
 * Moving (src/sim/rules/move.ts): each free agent moves with probability moveProbability
 * (MoverSampler); a moving citizen who is out steps toward the nearest rally point with probability
 * rallyAttraction (if that cell has room), else goes to a random open cell in vision.
 * The 5x5 world has one square at (0.5, 0.5) of the map: cell (2, 2) = 12, every cell's nearest.
 */
import { describe, expect, it } from 'vitest';
import { citizenDestination, MoverSampler, stepToward } from '../../../src/sim/rules/move';
import { at, feed, tinyWorld } from './world';

const SQUARE = { districts: [], squares: [{ id: 'sq', name: 'Square', at: [0.5, 0.5] as [number, number] }], metro: [], stations: [] };
const world = (rallyAttraction: number) => tinyWorld({ rallyAttraction }, { map: SQUARE });

describe('who moves', () => {
  it('p = 0 and p = 1 decide without a draw', () => {
    const never = new MoverSampler(0, () => { throw new Error('no draw'); });
    const always = new MoverSampler(1, () => { throw new Error('no draw'); });
    for (let k = 0; k < 10; k++) { expect(never.moves()).toBe(false); expect(always.moves()).toBe(true); }
  });

  it('one uniform serves 8 agents: u < p moves and u/p is reused, else (u - p)/(1 - p)', () => {
    let draws = 0;
    const m = new MoverSampler(0.5, () => { draws++; return 0.8; });
    // u: 0.8 (no) -> 0.6 (no) -> 0.2 (yes) -> 0.4 (yes) -> 0.8 (no) -> 0.6 (no) -> 0.2 (yes) -> 0.4 (yes)
    expect(Array.from({ length: 8 }, () => m.moves())).toEqual([false, false, true, true, false, false, true, true]);
    expect(draws).toBe(1);
    m.moves();
    expect(draws).toBe(2); // the 9th agent takes a fresh uniform
  });
});

describe('where a citizen goes', () => {
  it('stepToward: one step in x and y toward the target; -1 at the target or when the step is full', () => {
    const s = world(1);
    expect(stepToward(s, at(0, 0), at(4, 4))).toBe(at(1, 1));
    expect(stepToward(s, at(4, 4), at(0, 0))).toBe(at(3, 3));
    expect(stepToward(s, at(2, 0), at(2, 4))).toBe(at(2, 1)); // no step in x
    expect(stepToward(s, at(2, 2), at(2, 2))).toBe(-1);
    s.grid.occ[at(1, 1)] = 40; // cellCapacity 40
    expect(stepToward(s, at(0, 0), at(4, 4))).toBe(-1);
    s.grid.occ[at(1, 1)] = 39;
    expect(stepToward(s, at(0, 0), at(4, 4))).toBe(at(1, 1));
  });

  // Random open cell with the move stream at 0.5: offset floor(0.5 x 9) = 4 of the 3x3 box
  // (own cell, then dy = -1..1, dx = -1..1), i.e. (-1, 0): from (1, 1) that is (0, 1) = 5.
  const RANDOM_FROM_6 = at(0, 1);

  it('rallyAttraction 1: always one step toward the square, one draw', () => {
    const s = world(1);
    expect(s.grid.nearestRally[at(1, 1)]).toBe(at(2, 2));
    const d = feed(s, 'move', [0.99]); // 0.99 < 1
    expect(citizenDestination(s, at(1, 1), s.rng.move)).toBe(at(2, 2));
    expect(d.used()).toBe(1);
  });

  it('rallyAttraction 0: no rally draw, a random open cell in vision', () => {
    const s = world(0);
    const d = feed(s, 'move', [0.5]);
    expect(citizenDestination(s, at(1, 1), s.rng.move)).toBe(RANDOM_FROM_6);
    expect(d.used()).toBe(1);
  });

  it('rallyAttraction 0.5: a draw below 0.5 steps to the square, above it moves at random', () => {
    let s = world(0.5);
    feed(s, 'move', [0.25]);
    expect(citizenDestination(s, at(1, 1), s.rng.move)).toBe(at(2, 2));
    s = world(0.5);
    feed(s, 'move', [0.75, 0.5]);
    expect(citizenDestination(s, at(1, 1), s.rng.move)).toBe(RANDOM_FROM_6);
  });

  it('a full square, or standing on it, sends him to a random open cell instead', () => {
    const s = world(1);
    s.grid.occ[at(2, 2)] = 40;
    feed(s, 'move', [0.25, 0.5]);
    expect(citizenDestination(s, at(1, 1), s.rng.move)).toBe(RANDOM_FROM_6);
    s.grid.occ[at(2, 2)] = 0;
    feed(s, 'move', [0.25, 0.5]); // from (2, 2): offset 4 = (-1, 0) is (1, 2) = 11
    expect(citizenDestination(s, at(2, 2), s.rng.move)).toBe(at(1, 2));
  });
});
