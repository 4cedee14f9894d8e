/**
 * live mode (src/sim/rules/liveTurns.ts): every agent takes one turn in one random order (a
 * Fisher-Yates shuffle of SimState.order from the `order` stream) and decides with the counts as
 * they are at that moment, so a citizen who activates earlier changes what later ones see.
 * World: legitimacy 0.5, k = ln 2, T = 0.1, M = 0; arrestRate 0 (the officer's attempts all fail).
 *   citizen 0 ("B"): H 0.75, R 1 at (1, 2);  citizen 1 ("A"): H 0.75, R 0 at (2, 1);  officer at (2, 2).
 * A: 0.75 x 0.5 - 0 = 0.375 > 0.1, always active. B sees the officer and, once A is active, A:
 *   A quiet:  P = 1 - 2^-floor(1/1) = 0.5, 0.375 - 0.5 = -0.125 < 0.1: quiet
 *   A active: P = 1 - 2^-floor(1/2) = 0,   0.375 - 0   =  0.375 > 0.1: active
 */
import { describe, expect, it } from 'vitest';
import { CitizenState, Opinion } from '../../../src/sim';
import { activationRule } from '../../../src/sim/rules/activation';
import { liveTurns } from '../../../src/sim/rules/liveTurns';
import { at, feed, putCitizen, putOfficer, tinyWorld } from './world';

function world() {
  const s = tinyWorld({
    countMode: 'live', citizenCount: 2, officerCount: 1, nationalForce: 1, legitimacy: 0.5, arrestK: 0.6931471805599453,
    activationThreshold: 0.1, falsificationCost: 0, arrestRate: 0,
  });
  putOfficer(s, 0, at(2, 2));
  s.c.hardship.set([0.75, 0.75]); s.c.risk.set([1, 0]); s.c.opinion.set([Opinion.neutral, Opinion.neutral]);
  putCitizen(s, 0, at(1, 2)); putCitizen(s, 1, at(2, 1));
  return s;
}

describe('live turns', () => {
  it('order draw u = 1 - 1e-9: m = floor(u (k + 1)) = k, no swap; B decides before A and stays quiet', () => {
    const s = world();
    const o = feed(s, 'order', [1 - 1e-9]); // one uniform serves the 2 swaps of 3 agents
    feed(s, 'arrest', [0.5]);               // the officer's attempt: 0.5 >= rate 0
    liveTurns(s, 1, activationRule(s));
    expect(o.used()).toBe(1);
    expect(Array.from(s.order)).toEqual([0, 1, 2]);
    expect(s.c.state[0]).toBe(CitizenState.quiet);
    expect(s.c.state[1]).toBe(CitizenState.active);
    expect(s.grid.nbAct[at(1, 2)]).toBe(1); // the live count B would see next tick
  });

  it('order draw u = 0: swaps (2, 0) then (1, 0) give [1, 2, 0]; A acts first, so B sees him and activates', () => {
    const s = world();
    feed(s, 'order', [0]);
    feed(s, 'arrest', [0.5]);
    liveTurns(s, 1, activationRule(s));
    expect(Array.from(s.order)).toEqual([1, 2, 0]);
    expect(s.c.state[1]).toBe(CitizenState.active);
    expect(s.c.state[0]).toBe(CitizenState.active);
    expect(s.counts.citizens[CitizenState.active]).toBe(2);
  });

  it('turnout 0.5: a citizen with propensity >= 0.5 goes home and quiet without deciding', () => {
    const s = world();
    s.c.outPropensity.set([0.25, 0.75]);
    putCitizen(s, 1, at(2, 1), true);
    feed(s, 'order', [0]); feed(s, 'arrest', []);
    liveTurns(s, 0.5, activationRule(s)); // nobody active when the officer's turn comes: no attempt, no draw
    expect(s.c.state[1]).toBe(CitizenState.quiet);
    expect(s.c.state[0]).toBe(CitizenState.quiet); // A went home before B's turn
  });

  it('moveProbability 1 (Epstein): everyone moves in his own turn, with no draw to decide who', () => {
    const s = world();
    s.params.moveProbability = 1;
    feed(s, 'order', [1 - 1e-9]); // order 0, 1, 2
    // each move draw 0.5 takes offset 4 = (-1, 0): B (1, 2) -> (0, 2), A (2, 1) -> (1, 1), officer (2, 2) -> (1, 2)
    const m = feed(s, 'move', [0.5, 0.5, 0.5]);
    feed(s, 'arrest', [0.5]);
    liveTurns(s, 1, activationRule(s));
    expect(m.used()).toBe(3);
    expect([s.c.cell[0], s.c.cell[1], s.o.cell[0]]).toEqual([at(0, 2), at(1, 1), at(1, 2)]);
    // B decided at (0, 2) before the officer's turn: no officer in vision, P = 0, 0.375 > 0.1
    expect(s.c.state[0]).toBe(CitizenState.active);
  });
});
