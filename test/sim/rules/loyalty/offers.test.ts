/**
 * offers (src/sim/rules/loyalty/offers.ts), every offer gated by the perceived chance of a fall:
 *   delta = -offersWeight x perceived x [dt x (amnesty x credibility x (abuser ? amnestyAbuserTrust : 1)
 *                                             + fundReassurance x cover x salaryDep) + outreachContactWeight x [contacted this tick]]
 *   cover = min(1, fund / (fundCoverShare x initial force)) while the fund can pay (>= 1 officer-month)
 * The contacts are drawn by the outreach rule (outreach.ts: scratch.contactNew); this channel draws nothing.
 * Hourly ticks: dt = 1/24. 10 officers; officer 0 has salary dependence 0.75; perceived 0.5.
 */
import { describe, expect, it } from 'vitest';
import { loyaltyContext } from '../../../../src/sim/rules/loyalty/context';
import { offers, offersLive } from '../../../../src/sim/rules/loyalty/offers';
import { feed, tinyWorld } from '../world';

function world() {
  const s = tinyWorld({
    officerCount: 10, nationalForce: 10, hoursPerTick: 1, solidarityFund: 0, offersWeight: 0.24, amnestyCredibility: 0.5, amnestyAbuserTrust: 0.3,
    fundReassurance: 0.5, fundCoverShare: 0.1, outreachContactWeight: 5,
  });
  s.o.salaryDep[0] = 0.75; s.o.abuses[0] = 0;
  s.perceived = 0.5;
  feed(s, 'ch.offers', []); // the channel never draws
  return { s, x: loyaltyContext(s) };
}

describe('offers', () => {
  it('amnesty 0.5: -0.24 x 0.5 x (1/24) x 0.5 x 0.5 = -0.00125; an abuser trusts it 0.3 as much: -0.000375', () => {
    const { s, x } = world();
    s.movement.levels.amnesty = 0.5;
    expect(offers(s, 0, x)).toBeCloseTo(-0.00125, 12);
    s.o.abuses[0] = 1;
    expect(offers(s, 0, x)).toBeCloseTo(-0.000375, 12);
  });

  it('the perceived chance gates it: perceived 1 doubles the amnesty pull (-0.0025); perceived 0: no offer at all, and the channel is quiet', () => {
    const { s, x } = world();
    s.movement.levels.amnesty = 0.5;
    expect(offersLive(s)).toBe(true);
    s.perceived = 1;
    expect(offers(s, 0, x)).toBeCloseTo(-0.0025, 12);
    s.perceived = 0;
    expect(offers(s, 0, x) === 0).toBe(true); // -0.24 x 0 x ... (a signed zero)
    expect(offersLive(s)).toBe(false);
  });

  it('fund 2 of the 0.4 x 10 = 4 it takes to cover everyone: -0.24 x 0.5 x (1/24) x 0.5 x 0.5 x 0.75 = -0.0009375', () => {
    const { s, x } = world();
    s.params.fundCoverShare = 0.4;
    s.movement.levels.fund = 1; s.movement.fund = 2;
    expect(offers(s, 0, x)).toBeCloseTo(-0.0009375, 12);
    s.movement.fund = 6; // cover min(1, 6/4) = 1
    expect(offers(s, 0, x)).toBeCloseTo(-0.001875, 12);
    expect(offersLive(s)).toBe(true);
    s.movement.fund = 0.5; // less than one officer-month: it cannot pay anyone, so it reassures nobody
    expect(offersLive(s)).toBe(false);
    expect(offers(s, 0, x)).toBe(0);
    s.movement.fund = 0;  // the level alone is no offer
    expect(offersLive(s)).toBe(false);
  });

  it('a contact this tick (outreach.ts): -0.24 x 0.5 x 5 = -0.6, without a draw; no contact: 0', () => {
    const { s, x } = world();
    expect(offersLive(s)).toBe(false);
    s.scratch.contactNew[0] = 1; s.scratch.anyContact = true;
    expect(offersLive(s)).toBe(true);
    expect(offers(s, 0, x)).toBeCloseTo(-0.6, 12);
    s.scratch.contactNew[0] = 0;
    expect(offers(s, 0, x)).toBe(0);
    s.params.outreachContactWeight = 2; s.scratch.contactNew[0] = 1;
    expect(offers(s, 0, x)).toBeCloseTo(-0.24, 12); // -0.24 x 0.5 x 2
  });

  it('all three add up inside the bracket: -0.00125 - 0.0009375 - 0.6 = -0.6021875', () => {
    const { s, x } = world();
    s.params.fundCoverShare = 0.4;
    Object.assign(s.movement.levels, { amnesty: 0.5, fund: 1 }); s.movement.fund = 2;
    s.scratch.contactNew[0] = 1; s.scratch.anyContact = true;
    expect(offers(s, 0, x)).toBeCloseTo(-0.6021875, 12);
  });

  it('no offer: exactly 0', () => {
    const { s, x } = world();
    expect(offersLive(s)).toBe(false);
    expect(offers(s, 0, x)).toBe(0);
  });

  // A budget the scenario starts with is running from tick 0 (createState sets the fund's level to 1).
  // With a budget of 5 >= 0.1 x 10 (cover 1) officer 0 feels -0.24 x 0.5 x (1/24) x 0.5 x 1 x 0.75 = -0.001875 per tick.
  it('a starting budget (solidarityFund 5) reassures from tick 0, once the regime looks like it may fall', () => {
    const s = tinyWorld({ officerCount: 10, nationalForce: 10, hoursPerTick: 1, solidarityFund: 5, offersWeight: 0.24, fundReassurance: 0.5, fundCoverShare: 0.1 });
    s.o.salaryDep[0] = 0.75;
    expect(s.movement.levels.fund).toBe(1);
    expect(offersLive(s)).toBe(false); // perceived starts at 0
    s.perceived = 0.5;
    expect(offersLive(s)).toBe(true);
    expect(offers(s, 0, loyaltyContext(s))).toBeCloseTo(-0.001875, 12);
  });
});
