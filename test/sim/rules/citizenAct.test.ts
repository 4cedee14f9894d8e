/**
 * Citizens' turns in tickStart mode (src/sim/rules/citizenAct.ts): citizens at home (propensity >=
 * turnout) go quiet; each citizen who is out moves (not here: moveProbability 0) and is active iff
 * G - R P + M > T against the counts taken at the start of the tick.
 * World: legitimacy 0.5, opinion shift 0.25, k = ln 2 (P(j) = 1 - 2^-j), T = 0.1, no falsification
 * cost, momentum 0 (M = 0); one officer at (2, 2), vision a 3x3 box.
 */
import { describe, expect, it } from 'vitest';
import { CitizenState, Opinion } from '../../../src/sim';
import { activationRule } from '../../../src/sim/rules/activation';
import { citizensTickStart } from '../../../src/sim/rules/citizenAct';
import { MoverSampler } from '../../../src/sim/rules/move';
import { at, countVision, putCitizen, putOfficer, tinyWorld } from './world';

function world() {
  const s = tinyWorld({
    officerCount: 1, nationalForce: 1, legitimacy: 0.5, opinionLegitimacyShift: 0.25, arrestK: 0.6931471805599453,
    activationThreshold: 0.1, falsificationCost: 0, momentumWeight: 0.3,
  });
  putOfficer(s, 0, at(2, 2));
  const c = s.c;
  // citizen:        0        1        2         3
  const H = [0.75, 0.75, 0.75, 0.25], R = [0.25, 1, 1, 0];
  const op = [Opinion.neutral, Opinion.neutral, Opinion.opponent, Opinion.supporter];
  const cells = [at(2, 1), at(2, 3), at(4, 4), at(0, 0)];
  for (let i = 0; i < 4; i++) { c.hardship[i] = H[i]; c.risk[i] = R[i]; c.opinion[i] = op[i]; putCitizen(s, i, cells[i]); }
  return s;
}

function turn(s: ReturnType<typeof world>, out = 1): number {
  countVision(s);
  return citizensTickStart(s, out, activationRule(s), new MoverSampler(0, s.rng.move), s.activeBuf);
}

describe('citizens in tickStart mode', () => {
  it('each decides by G - R P + M > T', () => {
    const s = world();
    const na = turn(s);
    // 0: neutral, 1 officer and 0 active in vision: P = 1 - 2^-floor(1/1) = 0.5; 0.75 x 0.5 - 0.25 x 0.5 = 0.25 > 0.1: active
    expect(s.c.state[0]).toBe(CitizenState.active);
    // 1: the same with R = 1: 0.375 - 1 x 0.5 = -0.125 < 0.1: quiet (citizen 0's activation is not seen this tick)
    expect(s.c.state[1]).toBe(CitizenState.quiet);
    // 2: opponent, no officer in vision at (4, 4): P = 0; 0.75 x (1 - 0.25) = 0.5625 > 0.1: active
    expect(s.c.state[2]).toBe(CitizenState.active);
    // 3: supporter, no officer in vision: 0.25 x (1 - 0.75) = 0.0625 < 0.1: quiet
    expect(s.c.state[3]).toBe(CitizenState.quiet);
    expect(na).toBe(2);
    expect(Array.from(s.activeBuf.subarray(0, na))).toEqual([0, 2]);
    expect(s.counts.citizens[CitizenState.active]).toBe(2);
  });

  it('A = 1 + active in vision: one active neighbour at the start lowers P to 1 - 2^-floor(1/2) = 0', () => {
    const s = world();
    putCitizen(s, 3, at(1, 3), true); // active at the start, in vision of citizen 1 at (2, 3)
    s.activeBuf[0] = 3; s.activeN = 1;
    turn(s);
    expect(s.c.state[1]).toBe(CitizenState.active); // 0.375 - 1 x 0 = 0.375 > 0.1
    expect(s.c.state[3]).toBe(CitizenState.quiet);  // he decides again: 0.0625 < 0.1
  });

  it('momentum: M = 0.3 x 1 lifts citizen 1 over T (-0.125 + 0.3 = 0.175 > 0.1)', () => {
    const s = world();
    s.momentum = 1;
    turn(s);
    expect(s.c.state[1]).toBe(CitizenState.active);
    expect(s.c.state[3]).toBe(CitizenState.active); // 0.0625 + 0.3 > 0.1
  });

  it('turnout 0.5: citizens with propensity >= 0.5 stay home, and last tick\'s active ones among them go quiet', () => {
    const s = world();
    s.c.outPropensity.set([0.125, 0.375, 0.625, 0.875]);
    putCitizen(s, 3, at(0, 0), true);
    s.activeBuf[0] = 3; s.activeN = 1;
    const na = turn(s, 0.5);
    expect(s.c.state[0]).toBe(CitizenState.active);
    expect(s.c.state[2]).toBe(CitizenState.quiet); // would be active, but is at home
    expect(s.c.state[3]).toBe(CitizenState.quiet);
    expect(na).toBe(1);
  });

  it('a detained citizen takes no turn', () => {
    const s = world();
    s.c.state[2] = CitizenState.detained; // (a hand-made detention: only the state is read)
    turn(s);
    expect(s.c.state[2]).toBe(CitizenState.detained);
  });
});
