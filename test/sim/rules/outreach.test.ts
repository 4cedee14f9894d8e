/**
 * Defector outreach (src/sim/rules/outreach.ts). Each tick a serving officer whose contact is below
 * 0.5 is contacted with probability
 *   outreachContactRate x outreach x (1 - prosecutionEffect x repressionPolicy) x dt x reach,
 *   reach = outreachBaseReach + outreachTieWeight x min(1, protesting ties) + outreachDefectorWeight x unit defected share
 * (stream outreach); a contact sets contact = 1 and this tick's flag (offers.ts), and puts his abuses
 * on record with probability documentOnIdentify (a second draw, only if some are not yet on record).
 * World: 4 officers in one unit of 4, hourly ticks; rate 0.48, level 0.5, prosecution 0.5 x 0.5:
 * per unit of reach 0.48 x 0.5 x 0.75 / 24 = 0.0075. Reach: base 0.2, ties 0.5, defectors 2.
 */
import { describe, expect, it } from 'vitest';
import { OfficerState, type Params } from '../../../src/sim';
import { loyaltyContext } from '../../../src/sim/rules/loyalty/context';
import { offers } from '../../../src/sim/rules/loyalty/offers';
import { outreachChance, outreachContacts, outreachReach } from '../../../src/sim/rules/outreach';
import { officerSetState } from '../../../src/sim/world/cells';
import { at, feed, putCitizen, setTies, tinyWorld } from './world';

function world(over: Partial<Params> = {}) {
  const s = tinyWorld({
    officerCount: 4, nationalForce: 4, unitSize: 4, hoursPerTick: 1, outreachContactRate: 0.48, prosecutionEffect: 0.5, repressionPolicy: 0.5,
    outreachBaseReach: 0.2, outreachTieWeight: 0.5, outreachDefectorWeight: 2, documentOnIdentify: 0.5, ...over,
  });
  s.movement.levels.outreach = 0.5;
  putCitizen(s, 0, at(0, 0), true); putCitizen(s, 1, at(1, 1), true);
  setTies(s, [[0, 1], [], [], []]); // officer 0 knows two protesters
  s.o.abuses.fill(0); s.o.documented.fill(0); s.o.contact.fill(0);
  return s;
}

describe('outreach chance and reach', () => {
  it('per unit of reach: 0.48 x 0.5 x (1 - 0.5 x 0.5) x 1/24 = 0.0075; no prosecution: 0.01; full prosecution (effect 1, policy 1): 0', () => {
    const s = world();
    expect(outreachChance(s)).toBeCloseTo(0.0075, 12);
    s.params.prosecutionEffect = 0;
    expect(outreachChance(s)).toBeCloseTo(0.01, 12);
    s.params.prosecutionEffect = 1; s.params.repressionPolicy = 1;
    expect(outreachChance(s)).toBe(0);
  });

  it('reach: 0.2 + 0.5 x min(1, 2 ties out) = 0.7 for officer 0, 0.2 for officer 1; 1 of 4 in the unit defected adds 2 x 0.25 = 0.5', () => {
    const s = world();
    expect(outreachReach(s, 0)).toBeCloseTo(0.7, 12);
    expect(outreachReach(s, 1)).toBeCloseTo(0.2, 12);
    s.units.defected[0] = 1;
    expect(outreachReach(s, 0)).toBeCloseTo(1.2, 12);
    expect(outreachReach(s, 1)).toBeCloseTo(0.7, 12);
  });
});

describe('outreachContacts', () => {
  // With 1 of 4 defected: officer 0 at 0.0075 x 1.2 = 0.009, officer 1 at 0.0075 x 0.7 = 0.00525.
  it('a draw below 0.009 contacts officer 0 (and 0.4 < 0.5 puts his 2 abuses on record); 0.00525 does not contact officer 1', () => {
    const s = world();
    s.units.defected[0] = 1; s.o.abuses[0] = 2;
    officerSetState(s, 3, OfficerState.resigned, false); // not serving: no draw
    s.o.contact[2] = 0.5; // contacted recently: no draw
    const d = feed(s, 'outreach', [0.0089, 0.4, 0.00525]);
    outreachContacts(s);
    expect(d.used()).toBe(3);
    expect(Array.from(s.o.contact)).toEqual([1, 0, 0.5, 0]);
    expect(Array.from(s.scratch.contactNew)).toEqual([1, 0, 0, 0]);
    expect(s.scratch.anyContact).toBe(true);
    expect(s.totals.contacts).toBe(1);
    expect(s.o.documented[0]).toBe(2);
  });

  it('a contact below 0.5 (0.4375) can be contacted again; the documentation draw 0.5 (not < 0.5) leaves the record; nothing to document, no draw', () => {
    const s = world();
    s.o.contact[0] = 0.4375; s.o.abuses[0] = 2; s.o.abuses[1] = 1; s.o.documented[1] = 1;
    s.units.defected[0] = 1;
    const d = feed(s, 'outreach', [0, 0.5, 0, 1, 1]); // officer 0: contact, no record; officer 1: contact (all on record already); 2, 3: no
    outreachContacts(s);
    expect(d.used()).toBe(5);
    expect(Array.from(s.scratch.contactNew)).toEqual([1, 1, 0, 0]);
    expect(s.o.documented[0]).toBe(0);
  });

  it('no outreach: no draw, no contact', () => {
    const s = world();
    s.movement.levels.outreach = 0;
    const d = feed(s, 'outreach', []);
    outreachContacts(s);
    expect(d.used()).toBe(0);
    expect(s.scratch.anyContact).toBe(false);
  });

  // Offers count "a contact this tick": a contact of the last tick must not count again when the
  // network can reach nobody now (level 0 or full prosecution).
  it('last tick\'s contact flags are cleared even when nobody can be contacted now', () => {
    const s = world({ offersWeight: 0.24, outreachContactWeight: 5, amnestyCredibility: 0.5 });
    feed(s, 'outreach', [0, 1, 1, 1]);
    outreachContacts(s);
    expect(s.scratch.contactNew[0]).toBe(1);
    s.movement.levels.outreach = 0; s.movement.levels.amnesty = 0.5; s.perceived = 0.5; // the offers channel stays live
    outreachContacts(s);
    expect(Array.from(s.scratch.contactNew)).toEqual([0, 0, 0, 0]);
    expect(s.scratch.anyContact).toBe(false);
    // offers now: only the amnesty, -0.24 x 0.5 x (1/24) x 0.5 x 0.5 = -0.00125 (not - 0.24 x 0.5 x 5 more)
    expect(offers(s, 0, loyaltyContext(s))).toBeCloseTo(-0.00125, 12);
  });
});
