/**
 * Arrests (src/sim/rules/arrest.ts):
 *   base    = arrestRate x (1 + repressionPolicy x momentum)
 *             x (1 - courtsEffect x courts x courtIndependence x min(1, insider share / courtsInsiderRef))
 *   attempt = base x (insider ? insiderArrestFactor : 1) x (1 - joinedProtection)^min(shields, 20)
 *   jail    = U{0..maxJailTicks-1} + round(U[detentionMinDays, detentionMaxDays] x ticksPerDay)
 *   injured (injuryProbability): max(jail, round(injuryDays x ticksPerDay)); deaths: the expectation
 *             injuryProbability x deathProbability per arrest (no draw)
 *   abuse with probability q = abuseProbability x (1 - conscience) x (riot police ? riotAbuseFactor : 1)
 *             x (1 - unmaskDeterrence x unmasked share of his unit); totals take q, his record the draw
 *   a nonviolent arrest adds 1 + backfireAbuseWeight x q to the district's tickArrests (what colleagues see)
 */
import { describe, expect, it } from 'vitest';
import { Branch, CitizenState, OfficerState, type Params } from '../../../src/sim';
import { abuseChance, arrestTerm, attemptRate, baseArrestRate, tryArrest } from '../../../src/sim/rules/arrest';
import { at, feed, putCitizen, putOfficer, tinyWorld } from './world';

describe('arrest rates', () => {
  // 4 officers, 1 of them an insider: insider share 1/4.
  const RATES: Partial<Params> = { officerCount: 4, nationalForce: 4, arrestRate: 0.4, repressionPolicy: 0.5, courtsEffect: 0.5, courtIndependence: 1, courtsInsiderRef: 0.25 };

  it('base rate: policy raises it with momentum, courts lower it as far as insiders inform them', () => {
    const s = tinyWorld(RATES);
    expect(baseArrestRate(s)).toBeCloseTo(0.4, 12); // momentum 0, courts 0
    s.momentum = 0.2; s.movement.levels.courts = 0.4;
    expect(baseArrestRate(s)).toBeCloseTo(0.44, 12); // no insider: reach 0, 0.4 x (1 + 0.5 x 0.2) x 1
    s.counts.officers[OfficerState.insider] = 1;
    // reach min(1, (1/4) / 0.25) = 1: 0.4 x 1.1 x (1 - 0.5 x 0.4 x 1 x 1) = 0.4 x 1.1 x 0.8
    expect(baseArrestRate(s)).toBeCloseTo(0.352, 12);
    s.params.courtsInsiderRef = 0.5; // reach (1/4) / 0.5 = 0.5: 0.4 x 1.1 x (1 - 0.2 x 0.5) = 0.396
    expect(baseArrestRate(s)).toBeCloseTo(0.396, 12);
    s.params.courtsInsiderRef = 0.25; s.params.courtIndependence = 0.5; // 0.4 x 1.1 x (1 - 0.2 x 0.5) = 0.396
    expect(baseArrestRate(s)).toBeCloseTo(0.396, 12);
    s.params.courtIndependence = 0;
    expect(baseArrestRate(s)).toBeCloseTo(0.44, 12);
  });

  it('attempt rate: insiders at insiderArrestFactor, each joined officer in vision cuts it, up to 20', () => {
    const s = tinyWorld({ insiderArrestFactor: 0.5, joinedProtection: 0.5 });
    expect(attemptRate(s, 0.4, false, 0)).toBe(0.4);
    expect(attemptRate(s, 0.4, true, 0)).toBeCloseTo(0.2, 12);  // 0.4 x 0.5
    expect(attemptRate(s, 0.4, false, 2)).toBeCloseTo(0.1, 12); // 0.4 x 0.5^2
    expect(attemptRate(s, 0.4, true, 2)).toBeCloseTo(0.05, 12); // 0.4 x 0.5 x 0.5^2
    s.params.joinedProtection = 0.1;
    expect(attemptRate(s, 1, false, 25)).toBeCloseTo(0.12157665459056935, 12); // 0.9^20: shields beyond 20 do not count
  });
});

describe('the term of an arrest', () => {
  const TERMS: Partial<Params> = { maxJailTicks: 10, detentionMinDays: 1, detentionMaxDays: 3, injuryProbability: 0.5, injuryDays: 7, deathProbability: 0.1 };

  it('jail: U{0..9} + round(U[1, 3] days x 24)', () => {
    const s = tinyWorld(TERMS);
    feed(s, 'jail', [0.55, 0.25, 0.7]); // floor(0.55 x 10) = 5; round((1 + 0.25 x 2) x 24) = 36; 0.7 >= 0.5: not injured
    expect(arrestTerm(s)).toEqual({ term: 41, injured: false });
  });

  it('injured: at least injuryDays (no draw for a death: deaths are an expectation)', () => {
    const s = tinyWorld(TERMS);
    const d = feed(s, 'jail', [0.55, 0.25, 0.3]); // 0.3 < 0.5 injured: max(41, round(7 x 24) = 168)
    expect(arrestTerm(s)).toEqual({ term: 168, injured: true });
    expect(d.used()).toBe(3);
  });

  it('no jail-ticks draw when maxJailTicks = 0, no injury draw when injuryProbability = 0', () => {
    const s = tinyWorld({ maxJailTicks: 0, detentionMinDays: 2, detentionMaxDays: 4, injuryProbability: 0 });
    const d = feed(s, 'jail', [0.5]); // round((2 + 0.5 x 2) x 24) = 72
    expect(arrestTerm(s)).toEqual({ term: 72, injured: false });
    expect(d.used()).toBe(1);
  });
});

describe('one attempt (live mode: an officer at (2, 2), an active citizen at (3, 2) in his vision)', () => {
  const ARREST: Partial<Params> = {
    countMode: 'live', officerCount: 1, nationalForce: 1, citizenCount: 2, maxJailTicks: 0,
    detentionMinDays: 0.125, detentionMaxDays: 0.125, injuryProbability: 0, abuseProbability: 0.5, backfireAbuseWeight: 2,
    riotAbuseFactor: 2, unmaskDeterrence: 0.8, deathProbability: 0.1,
  };
  function world(violent = false) {
    const s = tinyWorld(ARREST);
    putOfficer(s, 0, at(2, 2)); putCitizen(s, 0, at(3, 2), true); putCitizen(s, 1, at(0, 0));
    s.c.violent[0] = violent ? 1 : 0;
    s.o.conscience[0] = 0.25; s.o.abuses[0] = 0; s.o.branch[0] = Branch.district_police; s.units.unmasked[0] = 0;
    return s;
  }

  it('abuse chance 0.5 x (1 - 0.25) = 0.375; riot police x 2 = 0.75; half his unit unmasked (1 of 2): 0.75 x (1 - 0.8 x 1/2) = 0.45', () => {
    const s = world();
    expect(abuseChance(s, 0)).toBeCloseTo(0.375, 12);
    s.o.branch[0] = Branch.omon;
    expect(abuseChance(s, 0)).toBeCloseTo(0.75, 12);
    s.units.size[0] = 2; s.units.unmasked[0] = 1;
    expect(abuseChance(s, 0)).toBeCloseTo(0.45, 12);
  });

  it('a draw at or above the rate arrests nobody', () => {
    const s = world();
    feed(s, 'arrest', [0.3]); // 0.3 >= 0.3
    expect(tryArrest(s, 0, false, at(2, 2), 0.3, s.rng.arrest)).toBe(at(2, 2));
    expect(s.c.state[0]).toBe(CitizenState.active);
  });

  it('a draw below it detains the citizen for round(0.125 x 24) = 3 ticks and takes the officer to his cell', () => {
    const s = world();
    feed(s, 'arrest', [0.29, 0]);    // 0.29 < 0.3; then the target: floor(0 x 1 active) = the only one
    feed(s, 'jail', [0.5, 0.3]);     // detention U[0.125, 0.125]; abuse: 0.3 < 0.5 x (1 - 0.25) = 0.375
    expect(tryArrest(s, 0, false, at(2, 2), 0.3, s.rng.arrest)).toBe(at(3, 2));
    expect(s.c.state[0]).toBe(CitizenState.detained);
    expect(s.c.term[0]).toBe(2); // released at the end of tick 0 + 3 - 1
    expect(s.counts.citizens[CitizenState.active]).toBe(0);
    expect(s.grid.occ[at(3, 2)]).toBe(0);
    // what his colleagues see: 1 + 2 x 0.375 = 1.75 arrests; the tally counts 1
    expect(s.tickArrests[0]).toBeCloseTo(1.75, 12); expect(s.tickTally.arrests).toBe(1); expect(s.totals.detentions).toBe(1);
    expect(s.today.nonviolentArrests).toBe(1);
    expect(s.o.arrestedThisTick[0]).toBe(1);
    expect(s.o.abuses[0]).toBe(1); expect(s.totals.abuses).toBeCloseTo(0.375, 12); // the record takes the draw, the count the chance
    expect(s.totals.deaths).toBe(0); // injuryProbability 0: 0 x 0.1
  });

  it('the abuse weight scales what is seen: backfireAbuseWeight 10: 1 + 10 x 0.375 = 4.75; 0: 1 (the abuse draw itself is the same)', () => {
    let s = world();
    s.params.backfireAbuseWeight = 10;
    feed(s, 'arrest', [0.29, 0]); feed(s, 'jail', [0.5, 0.9]); // 0.9: no abuse on his record, the weight takes the chance
    tryArrest(s, 0, false, at(2, 2), 0.3, s.rng.arrest);
    expect(s.tickArrests[0]).toBeCloseTo(4.75, 12);
    expect(s.o.abuses[0]).toBe(0);
    s = world();
    s.params.backfireAbuseWeight = 0;
    feed(s, 'arrest', [0.29, 0]); feed(s, 'jail', [0.5, 0.3]);
    tryArrest(s, 0, false, at(2, 2), 0.3, s.rng.arrest);
    expect(s.tickArrests[0]).toBe(1);
  });

  it('an injured nonviolent protester counts in the day\'s injuries (outrage.ts); an injured attacker only in the run\'s', () => {
    for (const violent of [false, true]) {
      const s = world(violent);
      s.params.injuryProbability = 0.5;
      feed(s, 'arrest', [0.29, 0]); feed(s, 'jail', [0.5, 0.3, 0.9]); // 0.3 < 0.5: injured
      tryArrest(s, 0, false, at(2, 2), 0.3, s.rng.arrest);
      expect(s.c.state[0]).toBe(CitizenState.injured);
      expect(s.totals.injuries).toBe(1);
      expect(s.today.injuries).toBe(violent ? 0 : 1);
      expect(s.today.nonviolentArrests).toBe(violent ? 0 : 1);
    }
  });

  it('deaths are counted as the expectation injuryProbability x deathProbability = 0.5 x 0.1 = 0.05 per arrest, without a draw', () => {
    const s = world();
    s.params.injuryProbability = 0.5;
    feed(s, 'arrest', [0.29, 0]);
    const d = feed(s, 'jail', [0.5, 0.9, 0.9]); // detention; 0.9 >= 0.5 not injured; 0.9 no abuse
    tryArrest(s, 0, false, at(2, 2), 0.3, s.rng.arrest);
    expect(d.used()).toBe(3);
    expect(s.totals.deaths).toBeCloseTo(0.05, 12); expect(s.today.deaths).toBeCloseTo(0.05, 12);
    expect(s.c.state[0]).toBe(CitizenState.detained);
  });

  it('abuse needs a draw below abuseProbability x (1 - conscience); a violent citizen is not a nonviolent arrest', () => {
    const s = world(true);
    feed(s, 'arrest', [0.29, 0]);
    feed(s, 'jail', [0.5, 0.375]);  // 0.375 is not < 0.375: no abuse
    tryArrest(s, 0, false, at(2, 2), 0.3, s.rng.arrest);
    expect(s.o.abuses[0]).toBe(0);
    expect(s.tickTally.arrests).toBe(1);
    expect(s.tickArrests[0]).toBe(0);         // nonviolent arrests only (backfire)
    expect(s.o.arrestedThisTick[0]).toBe(0);
  });

  it('a term of 0 frees him at once (NetLogo): the arrest only deactivates him', () => {
    const s = world();
    s.params.detentionMinDays = 0; s.params.detentionMaxDays = 0; s.params.abuseProbability = 0;
    feed(s, 'arrest', [0.29, 0]); feed(s, 'jail', [0.5]);
    tryArrest(s, 0, false, at(2, 2), 0.3, s.rng.arrest);
    expect(s.c.state[0]).toBe(CitizenState.quiet);
    expect(s.grid.occ[at(3, 2)]).toBe(1);
    expect(s.totals.detentions).toBe(1);
  });

  it('rate 1 (Epstein) takes no draw for the attempt; an insider next to a joined officer arrests at 0.5 x 0.5 of it', () => {
    let s = world();
    const d = feed(s, 'arrest', [0]); feed(s, 'jail', [0.5, 0.9]);
    tryArrest(s, 0, false, at(2, 2), 1, s.rng.arrest);
    expect(d.used()).toBe(1); // only the target
    s = world();
    s.params.insiderArrestFactor = 0.5; s.params.joinedProtection = 0.5;
    s.grid.nbJoined[at(2, 2)] = 1;
    feed(s, 'arrest', [0.25]); // 0.25 >= 1 x 0.5 x 0.5: no arrest
    expect(tryArrest(s, 0, true, at(2, 2), 1, s.rng.arrest)).toBe(at(2, 2));
  });
});
