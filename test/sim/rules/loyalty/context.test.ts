/**
 * The loyalty context (src/sim/rules/loyalty/context.ts), once per tick:
 *   dt = hoursPerTick / 24;  per district: arrests / max(1, staff), violence / max(1, staff),
 *   witnessP = min(1, witnessFactor x arrests per officer);  national violence = violent / max(1, all staff)
 *   backfireK = backfireWeight x hours x (1 + symbolsBoost x symbols);  unitShare = visible / unit size
 *   regimeK = regimeWeight x dt;  regimePay = payWeight x min(1, resources) + (1 - payWeight) x propaganda
 *   amnestyStrength = amnesty level x amnestyCredibility x perceived;  bonusPull = bonus x bonusPull
 * Two districts (x 0-2 and x 3-4 of the grid), two units of 2 officers; 3-hour ticks.
 */
import { describe, expect, it } from 'vitest';
import { loyaltyContext } from '../../../../src/sim/rules/loyalty/context';
import { tinyWorld } from '../world';

const TWO = {
  districts: [
    { id: 'a', name: 'A', rect: [0, 0, 0.6, 1] as [number, number, number, number], population: 1, staffing: 1 },
    { id: 'b', name: 'B', rect: [0.6, 0, 1, 1] as [number, number, number, number], population: 1, staffing: 1 },
  ], squares: [], metro: [], stations: [],
};

function world() {
  const s = tinyWorld({
    officerCount: 4, nationalForce: 4, unitSize: 2, hoursPerTick: 3, witnessFactor: 2, backfireWeight: 0.02, symbolsBoost: 2,
    regimeWeight: 0.48, regimePayWeight: 0.25, propaganda: 0.4, amnestyCredibility: 0.5, bonusPull: 0.5,
  }, { map: TWO });
  s.staffByDistrict.set([4, 0]); // district b has lost its staff
  s.tickArrests.set([1, 3]); s.tickViolence.set([2, 0]); s.tickTally.violent = 2;
  s.movement.levels.symbols = 0.25; s.regime.resources = 1.5;
  s.units.visible.set([1, 0.5]);
  return s;
}

describe('loyalty context', () => {
  it('per district, with at least one officer in the denominator', () => {
    const x = loyaltyContext(world());
    expect(x.dt).toBe(0.125); // 3 / 24
    [0.25, 3].forEach((v, d) => expect(x.arrestsPerOfficer[d]).toBeCloseTo(v, 12));  // 1/4, 3/max(1, 0)
    [0.5, 0].forEach((v, d) => expect(x.violencePerOfficer[d]).toBeCloseTo(v, 12)); // 2/4, 0
    [0.5, 1].forEach((v, d) => expect(x.witnessP[d]).toBeCloseTo(v, 12));           // min(1, 2 x 0.25), min(1, 2 x 3)
    expect(x.nationalViolence).toBeCloseTo(0.5, 12);                                 // 2 / max(1, 4 + 0)
  });

  it('backfireK = 0.02 x 3 x (1 + 2 x 0.25) = 0.09; unit shares 1/2 and 0.5/2', () => {
    const x = loyaltyContext(world());
    expect(x.backfireK).toBeCloseTo(0.09, 12);
    expect(Array.from(x.unitShare)).toEqual([0.5, 0.25]);
  });

  it('regimeK = 0.48 x 0.125 = 0.06; regimePay = 0.25 x min(1, 1.5) + 0.75 x 0.4 = 0.55', () => {
    const x = loyaltyContext(world());
    expect(x.regimeK).toBeCloseTo(0.06, 12);
    expect(x.regimePay).toBeCloseTo(0.55, 12);
  });

  it('amnesty strength 0.5 x 0.5 x perceived 0.25 = 0.0625 (0 at perceived 0); bonus pull 0.5 while bonuses are paid, else 0', () => {
    const s = world();
    s.movement.levels.amnesty = 0.5; s.perceived = 0.25;
    let x = loyaltyContext(s);
    expect(x.amnestyStrength).toBeCloseTo(0.0625, 12);
    expect(x.bonusPull).toBe(0);
    s.perceived = 0; s.regime.bonus = 1;
    x = loyaltyContext(s);
    expect(x.amnestyStrength).toBe(0);
    expect(x.bonusPull).toBe(0.5);
  });

  it('is rewritten from the state each tick: nothing carries over', () => {
    const s = world();
    loyaltyContext(s);
    s.tickArrests.fill(0); s.tickViolence.fill(0); s.tickTally.violent = 0;
    const x = loyaltyContext(s);
    expect(Array.from(x.witnessP)).toEqual([0, 0]);
    expect(x.nationalViolence).toBe(0);
  });
});
