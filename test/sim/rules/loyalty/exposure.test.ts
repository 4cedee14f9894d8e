/**
 * exposure (src/sim/rules/loyalty/exposure.ts), for an officer whose exposure rose by de this tick:
 *   delta = -exposureWeight x de x (1 + min(exposureTiesCap, ties not quiet))
 *           + exposureBacklash x de x (fear + exposureAbuserBacklash x [abuser]) x (retributionCapacity + counterPropaganda)
 *           + unitBacklashWeight x dt x unit backlash x (1 - amnestyBacklashOffset x amnesty strength)
 *   amnesty strength = amnesty level x credibility x perceived chance of a fall (loyalty context)
 * Officer 0: de 0.5, fear 0.5, ties to citizens 0 (active), 1 (detained) and 2 (quiet).
 * retributionCapacity + counterPropaganda = 0.5 + 0.5 = 1 unless a test says otherwise; no unit backlash.
 */
import { describe, expect, it } from 'vitest';
import { CitizenState, type Params } from '../../../../src/sim';
import { loyaltyContext } from '../../../../src/sim/rules/loyalty/context';
import { exposure, exposureLive, tiesProtesting } from '../../../../src/sim/rules/loyalty/exposure';
import { at, putCitizen, setTies, tinyWorld } from '../world';

function world(over: Partial<Params> = {}) {
  const s = tinyWorld({
    hoursPerTick: 1, exposureWeight: 0.3, exposureTiesCap: 2, exposureBacklash: 0.1, exposureAbuserBacklash: 1,
    retributionCapacity: 0.5, counterPropaganda: 0.5, unitBacklashWeight: 0.48, amnestyBacklashOffset: 0.8, amnestyCredibility: 0.5, ...over,
  });
  putCitizen(s, 0, at(0, 0), true);
  s.c.state[1] = CitizenState.detained; // only his state is read
  setTies(s, [[0, 1, 2], []]);
  s.o.fear[0] = 0.5; s.o.abuses[0] = 0;
  const x = loyaltyContext(s);
  x.exposureGain[0] = 0.5; x.exposureGain[1] = 0; x.identified = 1;
  return { s, x };
}

describe('exposure', () => {
  it('ties out on the streets or detained count, up to the cap', () => {
    const { s } = world();
    expect(tiesProtesting(s, 0, 50)).toBe(2);
    expect(tiesProtesting(s, 0, 1)).toBe(1);
  });

  it('clean: 0.1 x 0.5 x 0.5 x 1 - 0.3 x 0.5 x (1 + 2) = 0.025 - 0.45 = -0.425', () => {
    const { s, x } = world();
    expect(exposure(s, 0, x)).toBeCloseTo(-0.425, 12);
  });

  it('the backlash scales with retribution + counter-propaganda: 0.25 + 0.25 = 0.5: 0.0125 - 0.45 = -0.4375; 0 + 0: -0.45', () => {
    const { s, x } = world({ retributionCapacity: 0.25, counterPropaganda: 0.25 });
    expect(exposure(s, 0, x)).toBeCloseTo(-0.4375, 12);
    s.params.retributionCapacity = 0; s.params.counterPropaganda = 0;
    expect(exposure(s, 0, x)).toBeCloseTo(-0.45, 12);
  });

  it('an abuser fears more: 0.1 x 0.5 x (0.5 + 1) x 1 - 0.45 = -0.375', () => {
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

  it('backlash can win: fear 1, abuser, no ties: 0.1 x 0.5 x 2 x 1 - 0.15 = -0.05; with backlash 0.4: 0.4 - 0.15 = 0.25', () => {
    const { s, x } = world();
    setTies(s, [[], []]); s.o.fear[0] = 1; s.o.abuses[0] = 1;
    expect(exposure(s, 0, x)).toBeCloseTo(-0.05, 12);
    s.params.exposureBacklash = 0.4;
    expect(exposure(s, 0, x)).toBeCloseTo(0.25, 12);
  });

  it('unit backlash 0.5 reaches every member, identified or not: 0.48 x (1/24) x 0.5 = +0.01; officer 0: -0.425 + 0.01 = -0.415', () => {
    const { s, x } = world();
    s.units.backlash[0] = 0.5; s.units.anyBacklash = true;
    expect(s.o.unit[1]).toBe(0);
    expect(exposure(s, 1, x)).toBeCloseTo(0.01, 12);
    expect(exposure(s, 0, x)).toBeCloseTo(-0.415, 12);
    x.identified = 0;
    expect(exposureLive(s, x)).toBe(true); // the backlash alone keeps the channel live
  });

  it('a credible amnesty offsets it: strength 0.5 x 0.5 x perceived 1 = 0.25: 0.01 x (1 - 0.8 x 0.25) = 0.008; perceived 0.5: 0.01 x (1 - 0.8 x 0.125) = 0.009', () => {
    const { s } = world();
    s.units.backlash[0] = 0.5; s.units.anyBacklash = true;
    s.movement.levels.amnesty = 0.5; s.perceived = 1;
    let x = loyaltyContext(s);
    expect(x.amnestyStrength).toBeCloseTo(0.25, 12);
    expect(exposure(s, 1, x)).toBeCloseTo(0.008, 12);
    s.perceived = 0.5;
    x = loyaltyContext(s);
    expect(exposure(s, 1, x)).toBeCloseTo(0.009, 12);
    s.params.amnestyBacklashOffset = 0;
    expect(exposure(s, 1, x)).toBeCloseTo(0.01, 12);
  });

  it('no rise and no backlash, exactly 0; the channel is live only when someone was identified or a unit is angry', () => {
    const { s, x } = world();
    expect(exposure(s, 1, x)).toBe(0);
    expect(exposureLive(s, x)).toBe(true);
    x.identified = 0;
    expect(exposureLive(s, x)).toBe(false);
  });
});
