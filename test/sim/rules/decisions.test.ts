/**
 * Officers' decisions (src/sim/rules/decisions.ts). Below his threshold an officer on duty acts with
 * hazard rate per day
 *   h = exitRatePerDay x (1 + opportunity) x (1 - exitFearDamping x fear)        (P per tick = 1 - exp(-h x dt))
 *   opportunity = exitOpportunityContact x contact + exitOpportunityFund x [fund pays] x salaryDep
 *                 + exitOpportunityAmnesty x A,   A = amnesty strength (x amnestyAbuserTrust for abusers)
 * and then draws
 *   shirk   ~ shirkChoiceWeight x (shirkBaseWeight + fear) x (1 + amnestyShirkBoost x A) x (1 - threatShirkDamping x threat)
 *   insider ~ insiderChoiceWeight x (1 - exposure) x (1 + contactInsiderBoost x contact)
 *   resign  ~ resignChoiceWeight x (1 - salaryDep x (1 - fund pays)) x (1 + contactResignBoost x contact)
 *   join    ~ joinChoiceWeight x min(1, exposure + joinTieWeight x ties) x (1 - fear)
 *   threat  = min(1, attacks per officer in his district / threatFullAttacksPerOfficer) (off the street: threatReserveShare x national)
 * A shirker or insider below threshold - escalationGap draws between resign and join only.
 * A resignation is noisy with probability noisyResignShare. A minor offender on record
 * (0 < documented <= minorAbuseMax) turns insider with hazard immunityTurnRatePerDay x immunity x perceived.
 * A unit with unitWalkoutShare defected walks out, once.
 * Officer 0 here: fear 0.5, exposure 0.25, salary dependence 0.75, 2 ties; thresholds 0.5; hourly ticks.
 * exitRatePerDay = 24 ln 2 and no fear damping: with no opportunity P per tick = 1 - exp(-ln 2) = 1/2.
 */
import { describe, expect, it } from 'vitest';
import { OfficerState, type Params } from '../../../src/sim';
import { choiceWeights, decideOfficer, exitHazard, threatOn, unitWalkouts } from '../../../src/sim/rules/decisions';
import { loyaltyContext } from '../../../src/sim/rules/loyalty/context';
import { officerSetState } from '../../../src/sim/world/cells';
import { feed, setTies, tinyWorld } from './world';

const LN2 = Math.LN2;

function world(over: Partial<Params> = {}) {
  const s = tinyWorld({
    officerCount: 4, nationalForce: 4, unitSize: 4, hoursPerTick: 1, shirkChoiceWeight: 2, shirkBaseWeight: 0.25, insiderChoiceWeight: 0.5,
    resignChoiceWeight: 0.8, joinChoiceWeight: 0.4, joinTieWeight: 0.25, noisyResignShare: 0.25, escalationGap: 0.25,
    unitWalkoutShare: 0.5, walkoutMargin: 0.125,
    exitRatePerDay: 24 * LN2, exitFearDamping: 0, exitOpportunityContact: 2, exitOpportunityFund: 1, exitOpportunityAmnesty: 2,
    amnestyShirkBoost: 2, contactInsiderBoost: 2, contactResignBoost: 1, threatShirkDamping: 0.8, threatFullAttacksPerOfficer: 0.2,
    threatReserveShare: 0.5, amnestyCredibility: 1, amnestyAbuserTrust: 0.4, minorAbuseMax: 2, immunityTurnRatePerDay: 48 * LN2, ...over,
  });
  const o = s.o;
  o.fear[0] = 0.5; o.exposure[0] = 0.25; o.salaryDep[0] = 0.75; o.theta.fill(0.5); o.loyalty.fill(0.9);
  o.abuses.fill(0); o.documented.fill(0); o.contact.fill(0);
  setTies(s, [[0, 1]]);
  loyaltyContext(s); // no violence, no amnesty this tick
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

  it('a contact 0.5: insider 0.375 x (1 + 2 x 0.5) = 0.75, resign 0.2 x (1 + 1 x 0.5) = 0.3; shirk and join unchanged', () => {
    const s = world();
    s.o.contact[0] = 0.5;
    const w = choiceWeights(s, 0, false);
    [1.5, 0.75, 0.3, 0.15].forEach((v, k) => expect(w[k]).toBeCloseTo(v, 12));
    s.params.contactInsiderBoost = 0; s.params.contactResignBoost = 0;
    [1.5, 0.375, 0.2, 0.15].forEach((v, k) => expect(choiceWeights(s, 0, false)[k]).toBeCloseTo(v, 12));
  });

  it('amnesty strength 0.5 x 1 x perceived 0.5 = 0.25: shirk 1.5 x (1 + 2 x 0.25) = 2.25; an abuser trusts it 0.4: 1.5 x (1 + 2 x 0.1) = 1.8', () => {
    const s = world();
    s.movement.levels.amnesty = 0.5; s.perceived = 0.5;
    loyaltyContext(s);
    expect(choiceWeights(s, 0, false)[0]).toBeCloseTo(2.25, 12);
    s.o.abuses[0] = 1;
    expect(choiceWeights(s, 0, false)[0]).toBeCloseTo(1.8, 12);
  });

  it('threat: 0.1 attacks per officer / 0.2 = 0.5 damps shirking: 1.5 x (1 - 0.8 x 0.5) = 0.9; off the street he hears 0.5 x national 0.4 = 0.2: threat 1', () => {
    const s = world();
    const x = s.scratch.loyalty;
    x.violencePerOfficer[0] = 0.1; x.nationalViolence = 0.4;
    expect(threatOn(s, 0)).toBeCloseTo(0.5, 12);
    expect(choiceWeights(s, 0, false)[0]).toBeCloseTo(0.9, 12);
    s.o.deployed[0] = 0;
    expect(threatOn(s, 0)).toBe(1);
    expect(choiceWeights(s, 0, false)[0]).toBeCloseTo(0.3, 12); // 1.5 x (1 - 0.8)
    x.nationalViolence = 1; // min(1, 0.5 / 0.2)
    expect(threatOn(s, 0)).toBe(1);
  });

  it('escalating: shirk and insider weigh 0', () => {
    const w = choiceWeights(world(), 0, true);
    [0, 0, 0.2, 0.15].forEach((v, k) => expect(w[k]).toBeCloseTo(v, 12));
  });
});

describe('exit hazard', () => {
  // exitRatePerDay 2, fear 0.5 damped at 0.5: factor 1 - 0.25 = 0.75.
  const H: Partial<Params> = { exitRatePerDay: 2, exitFearDamping: 0.5 };

  it('no opportunity: 2 x 1 x 0.75 = 1.5 per day; fear damping 0: 2', () => {
    const s = world(H);
    expect(exitHazard(s, 0)).toBeCloseTo(1.5, 12);
    s.params.exitFearDamping = 0;
    expect(exitHazard(s, 0)).toBeCloseTo(2, 12);
  });

  it('contact 0.5 (x 2 = 1), a paying fund (x 1 x 0.75), amnesty strength 0.25 (x 2 = 0.5): 2 x (1 + 2.25) x 0.75 = 4.875', () => {
    const s = world(H);
    s.o.contact[0] = 0.5;
    expect(exitHazard(s, 0)).toBeCloseTo(3, 12); // 2 x (1 + 1) x 0.75
    s.movement.fund = 2; s.movement.levels.fund = 1;
    expect(exitHazard(s, 0)).toBeCloseTo(4.125, 12); // 2 x (1 + 1.75) x 0.75
    s.movement.levels.amnesty = 0.5; s.perceived = 0.5;
    loyaltyContext(s);
    expect(exitHazard(s, 0)).toBeCloseTo(4.875, 12);
    s.o.abuses[0] = 1; // his amnesty 0.25 x 0.4 = 0.1: 2 x (1 + 1 + 0.75 + 0.2) x 0.75
    expect(exitHazard(s, 0)).toBeCloseTo(4.425, 12);
  });
});

describe('decideOfficer', () => {
  // P per tick 1/2: a first draw 0.25 < 0.5 acts. Then total 2.225; u = draw x 2.225 falls in
  // shirk [0, 1.5), insider [1.5, 1.875), resign [1.875, 2.075), join [2.075, 2.225).
  it.each([
    [0.5, OfficerState.shirking, 'shirk'],    // 1.1125
    [0.7, OfficerState.insider, 'insider'],   // 1.5575
    [0.85, OfficerState.resigned, 'resign'],  // 1.89125 (then the noisy draw 0.5 >= 0.25: quiet)
    [0.95, OfficerState.joined, 'join'],      // 2.11375
  ])('below threshold (0.375 < 0.5), hazard draw 0.25 < 1/2, choice draw %s: %s', (u, state, kind) => {
    const s = world();
    s.o.loyalty[0] = 0.375; s.tick = 7;
    feed(s, 'decisions', [0.25, u, 0.5]);
    decideOfficer(s, 0, false);
    expect(s.o.state[0]).toBe(state);
    expect(s.o.defectTick[0]).toBe(7); expect(s.defectedCount).toBe(1);
    expect(s.eventLog.at(-1)?.kind).toBe(kind);
    expect(s.o.cell[0] >= 0).toBe(state !== OfficerState.resigned); // a resigner leaves the map
  });

  it('below threshold, a hazard draw 0.5 (not < 1/2) keeps him on duty; the expected resignations add 1/2 x 0.2 / 2.225', () => {
    const s = world();
    s.o.loyalty[0] = 0.375;
    const d = feed(s, 'decisions', [0.5]);
    decideOfficer(s, 0, false);
    expect(s.o.state[0]).toBe(OfficerState.on_duty);
    expect(d.used()).toBe(1);
    expect(s.today.resignHazard).toBeCloseTo(0.0449438202247191, 12); // 0.1 / 2.225
  });

  it('fear damps the hazard: fear 0.5 at exitFearDamping 1 halves it: P = 1 - exp(-ln 2 / 2) = 1 - 2^-0.5 = 0.29289...; a draw 0.3 no longer acts', () => {
    const s = world({ exitFearDamping: 1 });
    s.o.loyalty[0] = 0.375;
    feed(s, 'decisions', [0.3]);
    decideOfficer(s, 0, false);
    expect(s.o.state[0]).toBe(OfficerState.on_duty);
    expect(s.today.resignHazard).toBeCloseTo(0.29289321881345254 * 0.2 / 2.225, 12);
    feed(s, 'decisions', [0.29, 0.5]);
    decideOfficer(s, 0, false);
    expect(s.o.state[0]).toBe(OfficerState.shirking);
  });

  it('a noisy resignation (draw 0.125 < 0.25) draws on a paying fund; the main channel is the most negative', () => {
    const s = world();
    s.o.loyalty[0] = 0.375; s.movement.fund = 2; s.movement.levels.fund = 1;
    s.o.channelSum[3 * s.o.n + 0] = -0.3; s.o.channelSum[0] = -0.1; // slot 3 = offers, slot 0 = backfire
    // the fund's opportunity 0.75: P = 1 - 2^-1.75 = 0.7027; resign weighs 0.8: total 2.825, resign [1.875, 2.675);
    // 0.7 x 2.825 = 1.9775; noisy: 0.125 < 0.25
    feed(s, 'decisions', [0.7, 0.7, 0.125]);
    decideOfficer(s, 0, false);
    expect(s.o.state[0]).toBe(OfficerState.resigned);
    expect(s.o.noisy[0]).toBe(1);
    expect(s.movement.fund).toBe(1);
    expect(s.totals.resignations).toBe(1);
    expect(s.eventLog.at(-1)).toMatchObject({ kind: 'resign-noisy', channel: 'offers' });
  });

  it('at his threshold (0.5, not < 0.5) nothing happens and nothing is drawn; nor while the forces are held', () => {
    const s = world();
    s.o.loyalty[0] = 0.5;
    feed(s, 'decisions', []);
    decideOfficer(s, 0, false);
    expect(s.o.state[0]).toBe(OfficerState.on_duty);
    s.o.loyalty[0] = 0.125; s.params.holdForce = true;
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
      // He leaves for sure: the dismissal figure counts his resign share 0.2 / 0.35, whichever he chose.
      expect(s.today.resignHazard).toBeCloseTo(0.2 / 0.35, 12);
    }
  });

  // Doc: "Every weight zero (...): he still leaves: he resigns." No choice draw, but leave() still
  // draws the noisy share, so he may resign noisily (here 0.125 < 0.25).
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

describe('immunity for testimony', () => {
  // rate 48 ln 2 x immunity 1 x perceived 0.5 = 24 ln 2 per day: P per tick = 1/2; perceived 1: 1 - 1/4 = 3/4.
  it('a minor offender on record (1 documented <= 2) turns insider on a draw below 1/2, above his threshold too', () => {
    const s = world();
    s.o.abuses[0] = 1; s.o.documented[0] = 1; s.movement.levels.immunity = 1; s.perceived = 0.5; s.tick = 3;
    feed(s, 'decisions', [0.5]); // not < 0.5; loyalty 0.9 >= 0.5: nothing else
    decideOfficer(s, 0, false);
    expect(s.o.state[0]).toBe(OfficerState.on_duty);
    feed(s, 'decisions', [0.49]);
    decideOfficer(s, 0, false);
    expect(s.o.state[0]).toBe(OfficerState.insider);
    expect(s.o.defectTick[0]).toBe(3); expect(s.defectedCount).toBe(1);
    expect(s.eventLog.at(-1)?.kind).toBe('testify');
  });

  it('the perceived chance raises it: perceived 1: a draw 0.7 < 3/4 turns him', () => {
    const s = world();
    s.o.abuses[0] = 2; s.o.documented[0] = 2; s.movement.levels.immunity = 1; s.perceived = 1;
    feed(s, 'decisions', [0.7]);
    decideOfficer(s, 0, false);
    expect(s.o.state[0]).toBe(OfficerState.insider);
  });

  it('no draw at all: for 3 documented (> minorAbuseMax 2), for abuses not on record, without immunity, or at perceived 0', () => {
    const cases: Array<(s: ReturnType<typeof world>) => void> = [
      (s) => { s.o.abuses[0] = 3; s.o.documented[0] = 3; },
      (s) => { s.o.abuses[0] = 1; s.o.documented[0] = 0; },
      (s) => { s.o.abuses[0] = 1; s.o.documented[0] = 1; s.movement.levels.immunity = 0; },
      (s) => { s.o.abuses[0] = 1; s.o.documented[0] = 1; s.perceived = 0; },
    ];
    for (const set of cases) {
      const s = world();
      s.movement.levels.immunity = 1; s.perceived = 0.5;
      set(s);
      const d = feed(s, 'decisions', []);
      decideOfficer(s, 0, false);
      expect(s.o.state[0]).toBe(OfficerState.on_duty);
      expect(d.used()).toBe(0);
    }
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
    expect(s.units.walked[0]).toBe(0);
    s.units.defected[0] = 2;
    unitWalkouts(s);
    expect(Array.from(s.o.state)).toEqual([0, OfficerState.resigned, 0, 0]); // 0.625 is not < 0.625
    expect(s.today.resignHazard).toBe(1); // a walk-out is a dismissal report for certain
    expect(s.o.noisy[1]).toBe(0);
    expect(s.eventLog.at(-1)?.kind).toBe('walkout');
    expect(s.units.walked[0]).toBe(1);
  });

  it('a unit walks out once: a later waverer in it stays (he leaves by his own hazard, not with the unit)', () => {
    const s = world();
    s.o.loyalty.set([0.9, 0.5, 0.75, 0.75]);
    s.units.defected[0] = 2;
    unitWalkouts(s);
    expect(s.counts.officers[OfficerState.resigned]).toBe(1);
    s.o.loyalty[3] = 0.5; s.units.defected[0] = 3;
    unitWalkouts(s);
    expect(s.o.state[3]).toBe(OfficerState.on_duty);
    expect(s.counts.officers[OfficerState.resigned]).toBe(1);
  });

  it('unitWalkoutShare 1 means never; nor while the forces are held, nor in the peers unit', () => {
    for (const over of [{ unitWalkoutShare: 1 }, { holdForce: true }, { defectionThresholdUnit: 'peers' as const }]) {
      const s = world(over);
      s.units.defected[0] = 4; s.o.loyalty.fill(0.5);
      unitWalkouts(s);
      expect(s.counts.officers[OfficerState.resigned]).toBe(0);
      expect(s.units.walked[0]).toBe(0);
    }
  });
});
