/**
 * threat (src/sim/rules/loyalty/threat.ts):
 *   delta = +threatWeight x hours x min(1, v / threatFullAttacksPerOfficer)
 *   v = violent incidents per officer in his district (deployed), or threatReserveShare x the national rate (reserve)
 * World: 4 officers on the map, officer 4 in the reserve.
 */
import { describe, expect, it } from 'vitest';
import { loyaltyContext } from '../../../../src/sim/rules/loyalty/context';
import { threat, threatLive } from '../../../../src/sim/rules/loyalty/threat';
import { tinyWorld } from '../world';

function world(incidents: number) {
  const s = tinyWorld({ officerCount: 4, nationalForce: 5, threatWeight: 0.02, threatFullAttacksPerOfficer: 0.5, threatReserveShare: 0.5 });
  s.tickViolence[0] = incidents; s.tickTally.violent = incidents;
  return s;
}

describe('threat', () => {
  it('on the street: 1 attack / 4 officers = 0.25; 0.02 x 1 x min(1, 0.25 / 0.5) = 0.01', () => {
    const s = world(1);
    expect(threat(s, 0, loyaltyContext(s))).toBeCloseTo(0.01, 12);
  });

  it('saturates: 3 attacks, 0.75 / 0.5 > 1: 0.02', () => {
    const s = world(3);
    expect(threat(s, 0, loyaltyContext(s))).toBeCloseTo(0.02, 12);
  });

  it('in the reserve: 0.5 x 1/4 nationally = 0.125; 0.02 x 0.125 / 0.5 = 0.005', () => {
    const s = world(1);
    expect(threat(s, 4, loyaltyContext(s))).toBeCloseTo(0.005, 12);
    s.params.threatReserveShare = 0;
    expect(threat(s, 4, loyaltyContext(s))).toBe(0);
  });

  it('2-hour ticks double it; no violence gives exactly 0', () => {
    let s = world(1);
    s.params.hoursPerTick = 2;
    expect(threat(s, 0, loyaltyContext(s))).toBeCloseTo(0.02, 12); // 0.02 x 2 x 0.5
    s = world(0);
    expect(threatLive(s, loyaltyContext(s))).toBe(false);
    expect(threat(s, 0, loyaltyContext(s))).toBe(0);
    expect(threat(s, 4, loyaltyContext(s))).toBe(0);
  });
});
