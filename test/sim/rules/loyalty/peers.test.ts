/**
 * peers (src/sim/rules/loyalty/peers.ts): delta = -peersWeight x dt x visible / unit size, the unit's
 * visible defection read from the last tally; peerSignal (Granovetter) is the visible count itself.
 * Units of 3 here: officers 0-2 in unit 0, 3-5 in unit 1. Hourly ticks: dt = 1/24.
 */
import { describe, expect, it } from 'vitest';
import { loyaltyContext } from '../../../../src/sim/rules/loyalty/context';
import { peers, peerSignal, peersLive } from '../../../../src/sim/rules/loyalty/peers';
import { tinyWorld } from '../world';

function world() {
  const s = tinyWorld({ officerCount: 6, nationalForce: 6, unitSize: 3, peersWeight: 0.48 });
  s.units.visible[0] = 1.5; s.units.anyVisible = true;
  return s;
}

describe('peers', () => {
  it('-0.48 x (1/24) x 1.5/3 = -0.01 in unit 0; exactly 0 in unit 1, where nobody defected', () => {
    const s = world(), x = loyaltyContext(s);
    expect(x.unitShare[0]).toBeCloseTo(0.5, 12);
    expect(peers(s, 0, x)).toBeCloseTo(-0.01, 12);
    expect(peers(s, 2, x)).toBeCloseTo(-0.01, 12);
    expect(peers(s, 3, x)).toBe(0);
  });

  it('saturated unit (visible 3 of 3): -0.48 / 24 = -0.02; 2-hour ticks double it', () => {
    const s = world();
    s.units.visible[0] = 3;
    expect(peers(s, 0, loyaltyContext(s))).toBeCloseTo(-0.02, 12);
    s.params.hoursPerTick = 2;
    expect(peers(s, 0, loyaltyContext(s))).toBeCloseTo(-0.04, 12);
  });

  it('peerSignal is the visible count, 0 with peersOn false; live only when something is visible', () => {
    const s = world();
    expect(peerSignal(s, 1)).toBe(1.5);
    expect(peersLive(s)).toBe(true);
    s.params.peersOn = false;
    expect(peerSignal(s, 1)).toBe(0);
    s.units.anyVisible = false;
    expect(peersLive(s)).toBe(false);
  });
});
