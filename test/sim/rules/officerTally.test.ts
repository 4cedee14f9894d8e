/**
 * End-of-tick tally (src/sim/rules/officerTally.ts):
 *   defected per unit = officers who ever left duty; visible per unit = resigned (noisy: noisyResignVisibility)
 *     + joined + peerShirkVisibility x shirking (insiders and the purged do not show); insiders per unit;
 *     unmasked serving riot police per unit
 *   effective force = on duty + shirkEffectiveness x shirking + insiderEffectiveness x insiders, on the map, + recruits
 *   loyal force     = the same over the whole force, reserve included, + recruits
 *   needed force    = active citizens x forcePerProtester; the day's peak keeps the figures of its largest crowd
 */
import { describe, expect, it } from 'vitest';
import { Branch, OfficerState } from '../../../src/sim';
import { officerTally } from '../../../src/sim/rules/officerTally';
import { officerSetState } from '../../../src/sim/world/cells';
import { at, putCitizen, tinyWorld } from './world';

/** Units of 3: officers 0-2 (unit 0) and 3-5 (unit 1) on the map, officer 6 in the reserve (unit 2). */
function world(peerShirkVisibility = 0.3) {
  const s = tinyWorld({
    officerCount: 6, nationalForce: 7, unitSize: 3, shirkEffectiveness: 0.4, insiderEffectiveness: 0.2,
    peerShirkVisibility, noisyResignVisibility: 3, forcePerProtester: 0.5,
  });
  const leave = (j: number, st: number, tick: number) => { officerSetState(s, j, st, st !== OfficerState.resigned); s.o.defectTick[j] = tick; };
  leave(1, OfficerState.shirking, 1); leave(2, OfficerState.insider, 1);
  leave(3, OfficerState.resigned, 2); leave(4, OfficerState.joined, 2); leave(5, OfficerState.resigned, 3);
  s.o.noisy[3] = 1;
  s.recruitsByDistrict[0] = 0.5;
  for (const i of [0, 1, 2]) putCitizen(s, i, at(i, 0), true);
  return s;
}

describe('officerTally', () => {
  it('per unit: defected [2, 3, 0], visible [0.3, 3 + 1 + 1, 0]', () => {
    const s = world();
    expect(s.units.size[0]).toBe(3); expect(s.o.unit[6]).toBe(2);
    officerTally(s);
    expect(Array.from(s.units.defected)).toEqual([2, 3, 0]);
    [0.3, 5, 0].forEach((v, k) => expect(s.units.visible[k]).toBeCloseTo(v, 12));
    expect(s.units.anyVisible).toBe(true);
  });

  it('forces: effective 1 + 0.4 + 0.2 + 0.5 recruits = 2.1, loyal 2.1 + 1 in reserve = 3.1, needed 3 x 0.5 = 1.5', () => {
    const s = world();
    officerTally(s);
    expect(s.effectiveForce).toBeCloseTo(2.1, 12);
    expect(s.loyalForceTotal).toBeCloseTo(3.1, 12);
    expect(s.neededForce).toBeCloseTo(1.5, 12);
    expect([s.peakActive, s.today.peakActive]).toEqual([3, 3]);
    expect(s.today.peakNeeded).toBeCloseTo(1.5, 12);
    expect(s.today.effectiveAtPeak).toBeCloseTo(2.1, 12);
  });

  it('a smaller crowd later leaves the day\'s peak figures alone', () => {
    const s = world();
    officerTally(s);
    putCitizen(s, 0, at(0, 0), false); putCitizen(s, 1, at(1, 0), false);
    s.recruitsByDistrict[0] = 1;
    officerTally(s);
    expect(s.neededForce).toBeCloseTo(0.5, 12);
    expect(s.today.peakActive).toBe(3);
    expect(s.today.effectiveAtPeak).toBeCloseTo(2.1, 12);
    expect(s.effectiveForce).toBeCloseTo(2.6, 12);
  });

  it('nothing visible: insiders only, or shirkers with visibility 0', () => {
    let s = tinyWorld({ officerCount: 3, nationalForce: 3 });
    officerSetState(s, 0, OfficerState.insider, true);
    officerTally(s);
    expect(s.units.anyVisible).toBe(false);
    s = tinyWorld({ officerCount: 3, nationalForce: 3, peerShirkVisibility: 0 });
    officerSetState(s, 0, OfficerState.shirking, true);
    officerTally(s);
    expect(s.units.anyVisible).toBe(false);
    expect(s.units.visible[0]).toBe(0);
  });

  it('insiders per unit [1, 0, 0]; unmasked serving riot police per unit: officers 0 (on duty) and 1 (shirking) count, 2 masked and 3 resigned do not', () => {
    const s = world();
    s.o.branch.fill(Branch.omon); s.o.masked.set([0, 0, 1, 0, 1, 1, 1]);
    officerTally(s);
    expect(Array.from(s.units.insiders)).toEqual([1, 0, 0]);
    expect(Array.from(s.units.unmasked)).toEqual([2, 0, 0]);
    s.o.branch[0] = Branch.district_police; // district police wear no masks to lose
    officerTally(s);
    expect(Array.from(s.units.unmasked)).toEqual([1, 0, 0]);
  });

  it('a purged officer is no visible defection, though he counts as defected if he had left duty before', () => {
    const s = tinyWorld({ officerCount: 3, nationalForce: 3, peerShirkVisibility: 0.3 });
    officerSetState(s, 0, OfficerState.purged, false);
    officerTally(s);
    expect(s.units.visible[0]).toBe(0);
    expect(s.units.defected[0]).toBe(0);
    expect(s.units.anyVisible).toBe(false);
    expect(s.loyalForceTotal).toBe(2);
  });
});
