/**
 * Officers' decisions (src/sim/rules/decisions.ts). Below his threshold an officer on duty draws
 *   shirk   ~ shirkChoiceWeight x (shirkBaseWeight + fear)       insider ~ insiderChoiceWeight x (1 - exposure)
 *   resign  ~ resignChoiceWeight x (1 - salaryDep x (1 - fund pays))
 *   join    ~ joinChoiceWeight x min(1, exposure + joinTieWeight x ties) x (1 - fear)
 * A shirker or insider below threshold - escalationGap draws between resign and join only.
 * A resignation is noisy with probability noisyResignShare. Units with unitWalkoutShare defected walk out.
 * Officer 0 here: fear 0.5, exposure 0.25, salary dependence 0.75, 2 ties; threshold 0.5.
 */
import { describe, expect, it } from 'vitest';
import { OfficerState } from '../../../src/sim';
import { choiceWeights, decideOfficer, unitWalkouts } from '../../../src/sim/rules/decisions';
import { officerSetState } from '../../../src/sim/world/cells';
import { feed, setTies, tinyWorld } from './world';

function world() {
  const s = tinyWorld({
    officerCount: 4, nationalForce: 4, unitSize: 4, shirkChoiceWeight: 2, shirkBaseWeight: 0.25, insiderChoiceWeight: 0.5,
    resignChoiceWeight: 0.8, joinChoiceWeight: 0.4, joinTieWeight: 0.25, noisyResignShare: 0.25, escalationGap: 0.25,
    unitWalkoutShare: 0.5, walkoutMargin: 0.125,
  });
  const o = s.o;
  o.fear[0] = 0.5; o.exposure[0] = 0.25; o.salaryDep[0] = 0.75; o.theta.fill(0.5); o.loyalty.fill(0.9);
  setTies(s, [[0, 1]]);
  return s;
}

describe('choice weights', () => {
  it('[shirk, insider, resign, join] = [2 x 0.75, 0.5 x 0.75, 0.8 x 0.25, 0.4 x min(1, 0.25 + 0.25 x 2) x 0.5]', () => {
    const s = world();
    const w = choiceWeights(s, 0, false);
    [1.5, 0.375, 0.2, 0.15].forEach((v, k) => expect(w[k]).toBeCloseTo(v, 12));
    setTies(s, [[0, 1, 2, 3]]); // min(1, 0.25 + 0.25 x 4) = 1
    expect(choiceWeights(s, 0, false)[3]).toBeCloseTo(0.2, 12);
  });

  it('a fund that pays (fund >= 1 and its level > 0) makes resigning weigh 0.8 x (1 - 0.75 x 0) = 0.8', () => {
    const s = world();
    s.movement.fund = 2; s.movement.levels.fund = 1;
    expect(choiceWeights(s, 0, false)[2]).toBeCloseTo(0.8, 12);
    s.movement.fund = 0.5; // less than one officer-month left: no pay
    expect(choiceWeights(s, 0, false)[2]).toBeCloseTo(0.2, 12);
  });

  it('escalating: shirk and insider weigh 0', () => {
    const w = choiceWeights(world(), 0, true);
    [0, 0, 0.2, 0.15].forEach((v, k) => expect(w[k]).toBeCloseTo(v, 12));
  });
});

describe('decideOfficer', () => {
  // Total 2.225; u = draw x 2.225 falls in shirk [0, 1.5), insider [1.5, 1.875), resign [1.875, 2.075), join [2.075, 2.225).
  it.each([
    [0.5, OfficerState.shirking, 'shirk'],    // 1.1125
    [0.7, OfficerState.insider, 'insider'],   // 1.5575
    [0.85, OfficerState.resigned, 'resign'],  // 1.89125 (then the noisy draw 0.5 >= 0.25: quiet)
    [0.95, OfficerState.joined, 'join'],      // 2.11375
  ])('below threshold (0.375 < 0.5), draw %s: %s', (u, state, kind) => {
    const s = world();
    s.o.loyalty[0] = 0.375; s.tick = 7;
    feed(s, 'decisions', [u, 0.5]);
    decideOfficer(s, 0, false);
    expect(s.o.state[0]).toBe(state);
    expect(s.o.defectTick[0]).toBe(7); expect(s.defectedCount).toBe(1);
    expect(s.eventLog.at(-1)?.kind).toBe(kind);
    expect(s.o.cell[0] >= 0).toBe(state !== OfficerState.resigned); // a resigner leaves the map
  });

  it('a noisy resignation (draw 0.125 < 0.25) draws on a paying fund; the main channel is the most negative', () => {
    const s = world();
    s.o.loyalty[0] = 0.375; s.movement.fund = 2; s.movement.levels.fund = 1;
    s.o.channelSum[3 * s.o.n + 0] = -0.3; s.o.channelSum[0] = -0.1; // slot 3 = offers, slot 0 = backfire
    // resign now weighs 0.8: total 2.825, resign [1.875, 2.675); 0.7 x 2.825 = 1.9775; noisy: 0.125 < 0.25
    feed(s, 'decisions', [0.7, 0.125]);
    decideOfficer(s, 0, false);
    expect(s.o.state[0]).toBe(OfficerState.resigned);
    expect(s.o.noisy[0]).toBe(1);
    expect(s.movement.fund).toBe(1);
    expect(s.totals.resignations).toBe(1);
    expect(s.eventLog.at(-1)).toMatchObject({ kind: 'resign-noisy', channel: 'offers' });
  });

  it('at his threshold (0.5, not < 0.5) nothing happens and nothing is drawn', () => {
    const s = world();
    s.o.loyalty[0] = 0.5;
    feed(s, 'decisions', []);
    decideOfficer(s, 0, false);
    expect(s.o.state[0]).toBe(OfficerState.on_duty);
  });

  it('escalation below 0.5 - 0.25: weights [0, 0, 0.2, 0.15], draw 0.5 x 0.35 = 0.175 resigns, 0.6 x 0.35 = 0.21 joins', () => {
    for (const [u, state] of [[0.5, OfficerState.resigned], [0.6, OfficerState.joined]]) {
      const s = world();
      officerSetState(s, 0, OfficerState.shirking, true);
      s.o.loyalty[0] = 0.25;
      feed(s, 'decisions', []);
      decideOfficer(s, 0, false); // 0.25 is not < 0.25
      expect(s.o.state[0]).toBe(OfficerState.shirking);
      s.o.loyalty[0] = 0.125;
      feed(s, 'decisions', [u, 0.5]);
      decideOfficer(s, 0, false);
      expect(s.o.state[0]).toBe(state);
    }
  });

  // Doc: "Every weight zero (...): he still leaves, quietly." He does resign without a choice draw,
  // but leave() still draws the noisy share, so he may resign noisily (here 0.125 < 0.25).
  it('all weights zero: he resigns without a choice draw (the noisy draw still happens)', () => {
    const s = world();
    s.params.joinChoiceWeight = 0; s.o.salaryDep[0] = 1;
    officerSetState(s, 0, OfficerState.insider, true);
    s.o.loyalty[0] = 0.125;
    const d = feed(s, 'decisions', [0.125]);
    decideOfficer(s, 0, false);
    expect(s.o.state[0]).toBe(OfficerState.resigned);
    expect(d.used()).toBe(1);
    expect(s.o.noisy[0]).toBe(1);
  });

  it('peers unit: acts when visible defected in his unit >= threshold (2); peersOn false sees 0', () => {
    const s = world();
    s.params.defectionThresholdUnit = 'peers'; s.o.theta[0] = 2;
    s.units.visible[0] = 1.5;
    feed(s, 'decisions', []);
    decideOfficer(s, 0, true);
    expect(s.o.state[0]).toBe(OfficerState.on_duty);
    s.units.visible[0] = 2; s.params.peersOn = false;
    decideOfficer(s, 0, true);
    expect(s.o.state[0]).toBe(OfficerState.on_duty);
    s.params.peersOn = true;
    feed(s, 'decisions', [0.5]);
    decideOfficer(s, 0, true);
    expect(s.o.state[0]).toBe(OfficerState.shirking);
    expect(s.eventLog.at(-1)?.channel).toBe('peers');
  });
});

describe('unit walk-outs', () => {
  it('2 of 4 defected >= 0.5 x 4: the on-duty rest below threshold + 0.125 resigns, no noisy draw', () => {
    const s = world();
    s.o.loyalty.set([0.9, 0.5, 0.75, 0.625]); // thresholds 0.5: walk out below 0.625
    s.units.defected[0] = 1;
    feed(s, 'decisions', []);
    unitWalkouts(s); // 1 < 2
    expect(s.counts.officers[OfficerState.resigned]).toBe(0);
    s.units.defected[0] = 2;
    unitWalkouts(s);
    expect(Array.from(s.o.state)).toEqual([0, OfficerState.resigned, 0, 0]); // 0.625 is not < 0.625
    expect(s.o.noisy[1]).toBe(0);
    expect(s.eventLog.at(-1)?.kind).toBe('walkout');
  });

  it('unitWalkoutShare 1 means never', () => {
    const s = world();
    s.params.unitWalkoutShare = 1; s.units.defected[0] = 4; s.o.loyalty.fill(0.5);
    unitWalkouts(s);
    expect(s.counts.officers[OfficerState.resigned]).toBe(0);
  });
});
