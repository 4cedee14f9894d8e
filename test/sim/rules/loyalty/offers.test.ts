/**
 * offers (src/sim/rules/loyalty/offers.ts):
 *   delta = -offersWeight x [dt x (amnesty x credibility x (abuser ? amnestyAbuserTrust : 1)
 *                                 + fundReassurance x cover x salaryDep) + outreachContactWeight x contact]
 *   cover = min(1, fund / (fundCoverShare x initial force)); contact ~ Bernoulli(outreachContactRate x outreach x dt)
 * Hourly ticks: dt = 1/24. 10 officers; officer 0 has salary dependence 0.75.
 */
import { describe, expect, it } from 'vitest';
import { loyaltyContext } from '../../../../src/sim/rules/loyalty/context';
import { offers, offersLive } from '../../../../src/sim/rules/loyalty/offers';
import { feed, tinyWorld } from '../world';

function world() {
  const s = tinyWorld({
    officerCount: 10, nationalForce: 10, offersWeight: 0.24, amnestyCredibility: 0.5, amnestyAbuserTrust: 0.3, fundReassurance: 0.5,
    fundCoverShare: 0.1, outreachContactRate: 0.48, outreachContactWeight: 5,
  });
  s.o.salaryDep[0] = 0.75; s.o.abuses[0] = 0;
  return { s, x: loyaltyContext(s) };
}

describe('offers', () => {
  it('amnesty 0.5: -0.24 x (1/24) x 0.5 x 0.5 = -0.0025; an abuser trusts it 0.3 as much: -0.00075', () => {
    const { s, x } = world();
    s.movement.levels.amnesty = 0.5;
    expect(offers(s, 0, x)).toBeCloseTo(-0.0025, 12);
    s.o.abuses[0] = 1;
    expect(offers(s, 0, x)).toBeCloseTo(-0.00075, 12);
  });

  it('fund 2 of the 0.4 x 10 = 4 it takes to cover everyone: -0.24 x (1/24) x 0.5 x 0.5 x 0.75 = -0.001875', () => {
    const { s, x } = world();
    s.params.fundCoverShare = 0.4;
    s.movement.levels.fund = 1; s.movement.fund = 2;
    expect(offers(s, 0, x)).toBeCloseTo(-0.001875, 12);
    s.movement.fund = 6; // cover min(1, 6/4) = 1
    expect(offers(s, 0, x)).toBeCloseTo(-0.00375, 12);
    expect(offersLive(s)).toBe(true);
    s.movement.fund = 0.5; // less than one officer-month: it cannot pay anyone, so it reassures nobody
    expect(offersLive(s)).toBe(false);
    expect(offers(s, 0, x)).toBe(0);
    s.movement.fund = 0;  // the level alone is no offer
    expect(offersLive(s)).toBe(false);
  });

  it('outreach 0.5: contact when the draw < 0.48 x 0.5 / 24 = 0.01, then -0.24 x 5 = -1.2', () => {
    const { s, x } = world();
    s.movement.levels.outreach = 0.5;
    feed(s, 'ch.offers', [0.005]);
    expect(offers(s, 0, x)).toBeCloseTo(-1.2, 12);
    feed(s, 'ch.offers', [0.01]); // not < 0.01
    expect(offers(s, 0, x)).toBe(0);
  });

  it('all three add up inside the bracket', () => {
    const { s, x } = world();
    s.params.fundCoverShare = 0.4;
    Object.assign(s.movement.levels, { amnesty: 0.5, fund: 1, outreach: 0.5 }); s.movement.fund = 2;
    feed(s, 'ch.offers', [0]);
    expect(offers(s, 0, x)).toBeCloseTo(-1.204375, 12); // -0.0025 - 0.001875 - 1.2
  });

  it('no offer: exactly 0 and no draw', () => {
    const { s, x } = world();
    feed(s, 'ch.offers', []);
    expect(offersLive(s)).toBe(false);
    expect(offers(s, 0, x)).toBe(0);
  });

  // A budget the scenario starts with is running from tick 0 (createState sets the fund's level to 1).
  // With a budget of 5 >= 0.1 x 10 (cover 1) officer 0 feels -0.24 x (1/24) x 0.5 x 1 x 0.75 = -0.00375 per tick.
  it('a starting budget (solidarityFund 5) reassures from tick 0', () => {
    const s = tinyWorld({ officerCount: 10, nationalForce: 10, solidarityFund: 5, offersWeight: 0.24, fundReassurance: 0.5, fundCoverShare: 0.1 });
    s.o.salaryDep[0] = 0.75;
    expect(offers(s, 0, loyaltyContext(s))).toBeCloseTo(-0.00375, 12);
  });
});
