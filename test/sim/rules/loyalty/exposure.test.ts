/**
 * exposure (src/sim/rules/loyalty/exposure.ts), for an officer whose exposure rose by de this tick:
 *   delta = -exposureWeight x de x (1 + min(exposureTiesCap, ties not quiet))
 *           + exposureBacklash x de x (fear + exposureAbuserBacklash x [abuser])
 * Officer 0: de 0.5, fear 0.5, ties to citizens 0 (active), 1 (detained) and 2 (quiet).
 */
import { describe, expect, it } from 'vitest';
import { CitizenState } from '../../../../src/sim';
import { loyaltyContext } from '../../../../src/sim/rules/loyalty/context';
import { exposure, exposureLive, tiesProtesting } from '../../../../src/sim/rules/loyalty/exposure';
import { at, putCitizen, setTies, tinyWorld } from '../world';

function world() {
  const s = tinyWorld({ exposureWeight: 0.3, exposureTiesCap: 2, exposureBacklash: 0.1, exposureAbuserBacklash: 1 });
  putCitizen(s, 0, at(0, 0), true);
  s.c.state[1] = CitizenState.detained; // only his state is read
  setTies(s, [[0, 1, 2], []]);
  s.o.fear[0] = 0.5; s.o.abuses[0] = 0;
  const x = loyaltyContext(s);
  x.exposureGain[0] = 0.5; x.identified = 1;
  return { s, x };
}

describe('exposure', () => {
  it('ties out on the streets or detained count, up to the cap', () => {
    const { s } = world();
    expect(tiesProtesting(s, 0, 50)).toBe(2);
    expect(tiesProtesting(s, 0, 1)).toBe(1);
  });

  it('clean: 0.1 x 0.5 x 0.5 - 0.3 x 0.5 x (1 + 2) = 0.025 - 0.45 = -0.425', () => {
    const { s, x } = world();
    expect(exposure(s, 0, x)).toBeCloseTo(-0.425, 12);
  });

  it('an abuser fears more: 0.1 x 0.5 x (0.5 + 1) - 0.45 = -0.375', () => {
    const { s, x } = world();
    s.o.abuses[0] = 2;
    expect(exposure(s, 0, x)).toBeCloseTo(-0.375, 12);
  });

  it('cap 1: 0.025 - 0.3 x 0.5 x (1 + 1) = -0.275; without ties 0.025 - 0.15 = -0.125', () => {
    const { s, x } = world();
    s.params.exposureTiesCap = 1;
    expect(exposure(s, 0, x)).toBeCloseTo(-0.275, 12);
    setTies(s, [[], []]);
    expect(exposure(s, 0, x)).toBeCloseTo(-0.125, 12);
  });

  it('backlash can win: fear 1, abuser, no ties: 0.1 x 0.5 x 2 - 0.15 = -0.05; with backlash 0.4: 0.4 - 0.15 = 0.25', () => {
    const { s, x } = world();
    setTies(s, [[], []]); s.o.fear[0] = 1; s.o.abuses[0] = 1;
    expect(exposure(s, 0, x)).toBeCloseTo(-0.05, 12);
    s.params.exposureBacklash = 0.4;
    expect(exposure(s, 0, x)).toBeCloseTo(0.25, 12);
  });

  it('no rise, exactly 0; the channel is live only when someone was identified', () => {
    const { s, x } = world();
    expect(exposure(s, 1, x)).toBe(0);
    expect(exposureLive(s, x)).toBe(true);
    x.identified = 0;
    expect(exposureLive(s, x)).toBe(false);
  });
});
