/**
 * The regime, once per day (src/sim/rules/regime.ts), after its pillars (economy.ts, patron.ts, elite.ts):
 *   recruits   = recruitRatePerDay x city staff x min(1, resources), spread over districts by initial staff
 *   deployment: ceil(deployPerDay x reserve) reserve officers while (serving deployed + recruits) / city staff < deployTriggerShare
 *   purges:     each wavering on-duty officer (loyalty < threshold + walkoutMargin) and each shirker is dismissed
 *               with chance purgeChance = purgeRatePerDay x repressionPolicy (stream purge): a staffing loss, not a defection;
 *               none while the forces are held (holdForce), nor in the peers unit
 * World: 4 officers on the map (city staff 4), 2 in the reserve (officers 4, 5); resources 1, no patron,
 * no erosion of the elite, no purges unless a test says otherwise.
 */
import { describe, expect, it } from 'vitest';
import { OfficerState, type Params } from '../../../src/sim';
import { isSuspect, purgeChance, regimeDay } from '../../../src/sim/rules/regime';
import { copWeight, officerSetState } from '../../../src/sim/world/cells';
import { advance } from '../../../src/sim/advance';
import { feed, tinyWorld } from './world';

const P: Partial<Params> = {
  officerCount: 4, nationalForce: 6, regimeResources: 1, regimeResourcesMax: 10, resourceRecoveryPerDay: 0.1, patronAidPerDay: 0.02,
  externalSupport: 0.5, strikeDrainPerDay: 0.04, bonusCostPerDay: 0.01, bonusTriggerShare: 0.5, patronWithdrawPerDay: 0,
  eliteErosionPerDay: 0, eliteRecoveryPerDay: 0, eliteSplitChancePerDay: 0,
  recruitRatePerDay: 0.05, deployPerDay: 0.5, deployTriggerShare: 0.9, purgeRatePerDay: 0, repressionPolicy: 0.5, walkoutMargin: 0.125,
};

function world(over: Partial<Params> = {}) {
  const s = tinyWorld({ ...P, ...over });
  s.o.theta.fill(0.5); s.o.loyalty.fill(0.9);
  return s;
}

describe('recruitment and deployment', () => {
  it('recruits 0.05 x 4 staff x min(1, 0.54) = 0.108 (resources 0.5 + 0.1 x 0.5 + 0.02 x 0.5 - 0.04 x 0.5 = 0.54); no deployment while staffing (4 + 0.108)/4 >= 0.9', () => {
    const s = world();
    s.regime.resources = 0.5; s.movement.levels.strike = 0.5;
    regimeDay(s);
    expect(s.regime.resources).toBeCloseTo(0.54, 12);
    expect(s.recruitsByDistrict[0]).toBeCloseTo(0.108, 12);
    expect(s.reserve).toBe(2);
  });

  it('resources above 1 recruit as 1: 0.05 x 4 x 1 = 0.2 a day, adding up; recruitRatePerDay 0.1: 0.4', () => {
    const s = world();
    s.regime.resources = 3;
    regimeDay(s);
    expect(s.recruitsByDistrict[0]).toBeCloseTo(0.2, 12);
    regimeDay(s);
    expect(s.recruitsByDistrict[0]).toBeCloseTo(0.4, 12);
    const q = world({ recruitRatePerDay: 0.1 });
    regimeDay(q);
    expect(q.recruitsByDistrict[0]).toBeCloseTo(0.4, 12);
  });

  it('two resignations: staffing (2 + 0.2)/4 = 0.55 < 0.9 deploys ceil(0.5 x 2) = 1 reserve officer', () => {
    const s = world();
    officerSetState(s, 0, OfficerState.resigned, false); officerSetState(s, 1, OfficerState.resigned, false);
    regimeDay(s); // resources 1: recruits 0.05 x 4 x 1 = 0.2
    expect(s.recruitsByDistrict[0]).toBeCloseTo(0.2, 12);
    expect(s.reserve).toBe(1);
    expect(s.o.deployed[4]).toBe(1); expect(s.o.cell[4] >= 0).toBe(true);
    expect(s.o.deployed[5]).toBe(0);
    expect(s.staffByDistrict[0]).toBe(3);
    expect(s.eventLog.at(-1)?.kind).toBe('deploy');
  });

  it('deployPerDay 1 deploys ceil(1 x 2) = 2; a trigger share 0.5 (0.55 >= 0.5) deploys none', () => {
    let s = world({ deployPerDay: 1 });
    officerSetState(s, 0, OfficerState.resigned, false); officerSetState(s, 1, OfficerState.resigned, false);
    regimeDay(s);
    expect(s.reserve).toBe(0);
    expect([s.o.deployed[4], s.o.deployed[5]]).toEqual([1, 1]);
    s = world({ deployTriggerShare: 0.5 });
    officerSetState(s, 0, OfficerState.resigned, false); officerSetState(s, 1, OfficerState.resigned, false);
    regimeDay(s);
    expect(s.reserve).toBe(2);
  });
});

describe('purges', () => {
  it('a shirker purged at the end of the day is gone from his unit\'s visible count and the loyal force at once (tallyForce)', () => {
    // Chance 1 x 1: every suspect is dismissed at the day's end, after the tick's tally (advance.ts).
    const s = world({ purgeRatePerDay: 1, repressionPolicy: 1, peerShirkVisibility: 0.5, shirkEffectiveness: 0.4, hoursPerTick: 8 });
    officerSetState(s, 1, OfficerState.shirking, true);
    const k = s.o.unit[1];
    advance(s, s.ticksPerDay);
    expect(s.o.state[1]).toBe(OfficerState.purged);
    let visible = 0, loyal = 0;
    for (let j = 0; j < s.o.n; j++) {
      const st = s.o.state[j];
      if (s.o.unit[j] === k && st === OfficerState.shirking) visible += 0.5;
      if (s.o.unit[j] === k && (st === OfficerState.resigned || st === OfficerState.joined)) visible += 1;
      if (st === OfficerState.on_duty) loyal += 1;
      else if (st === OfficerState.shirking) loyal += 0.4;
      else if (st === OfficerState.insider) loyal += copWeight(s, OfficerState.insider);
    }
    let recruits = 0;
    for (let d = 0; d < s.recruitsByDistrict.length; d++) recruits += s.recruitsByDistrict[d];
    expect(s.units.visible[k]).toBeCloseTo(visible, 12);
    expect(s.loyalForceTotal).toBeCloseTo(loyal + recruits, 12);
  });

  it('purgeChance = purgeRatePerDay x repressionPolicy: 0.5 x 0.5 = 0.25; policy 0: none', () => {
    const s = world({ purgeRatePerDay: 0.5 });
    expect(purgeChance(s)).toBeCloseTo(0.25, 12);
    s.params.repressionPolicy = 0;
    expect(purgeChance(s)).toBe(0);
  });

  it('suspects: on duty below 0.5 + 0.125 = 0.625 (0.6 is, 0.625 is not), every shirker; not insiders', () => {
    const s = world();
    s.o.loyalty[0] = 0.6; s.o.loyalty[1] = 0.625;
    officerSetState(s, 2, OfficerState.shirking, true); officerSetState(s, 3, OfficerState.insider, true);
    expect([0, 1, 2, 3].map((j) => isSuspect(s, j))).toEqual([true, false, true, false]);
    s.params.walkoutMargin = 0.25; // below 0.75 now
    expect(isSuspect(s, 1)).toBe(true);
  });

  it('a suspect is dismissed on a draw below 0.25 (not at 0.25): a staffing loss, not a defection', () => {
    const s = world({ purgeRatePerDay: 0.5 });
    s.o.loyalty[0] = 0.5;
    officerSetState(s, 1, OfficerState.shirking, true);
    const d = feed(s, 'purge', [0.2, 0.25]); // officer 0 (wavering), officer 1 (shirking); the rest are not suspects
    regimeDay(s);
    expect(d.used()).toBe(2);
    expect(s.o.state[0]).toBe(OfficerState.purged);
    expect(s.o.state[1]).toBe(OfficerState.shirking);
    expect(s.counts.officers[OfficerState.purged]).toBe(1);
    expect(s.o.cell[0]).toBe(-1);
    expect(s.staffByDistrict[0]).toBe(3);
    expect(s.totals.purged).toBe(1); expect(s.today.purged).toBe(1);
    expect(s.defectedCount).toBe(0); expect(s.o.defectTick[0]).toBe(-1);
    expect(s.eventLog.filter((e) => e.kind === 'purge').map((e) => e.detail)).toEqual(['1']);
  });

  it('no suspect dismissed, no event; no draw at all while the forces are held, in the peers unit or with purgeRatePerDay 0', () => {
    const s = world({ purgeRatePerDay: 0.5 });
    s.o.loyalty[0] = 0.5;
    feed(s, 'purge', [0.25]);
    regimeDay(s);
    expect(s.o.state[0]).toBe(OfficerState.on_duty);
    expect(s.eventLog.some((e) => e.kind === 'purge')).toBe(false);
    for (const over of [{ holdForce: true }, { defectionThresholdUnit: 'peers' as const }, { purgeRatePerDay: 0 }]) {
      const q = world({ purgeRatePerDay: 0.5, ...over });
      q.o.loyalty[0] = 0.5;
      const d = feed(q, 'purge', []);
      regimeDay(q);
      expect(d.used()).toBe(0);
      expect(q.o.state[0]).toBe(OfficerState.on_duty);
    }
  });
});
