/**
 * The regime, once per day (src/sim/rules/regime.ts):
 *   resources += recovery x (regimeResources - resources) + patronAid x externalSupport (0 once withdrawn)
 *                - strikeDrain x strike, kept in [0, regimeResourcesMax]
 *   recruits   = recruitRatePerDay x city staff x min(1, resources)
 *   reserve: ceil(deployPerDay x reserve) deployed while staffing < deployTriggerShare
 *   cohesion  -= erosion x (momentumW x momentum + defectionW x defected share + appealsW x appeals)
 *             += eliteRecoveryPerDay x propaganda x (start - cohesion), kept in [0, 1]
 *   the patron withdraws once momentum > patronWithdrawMomentum (< 1)
 */
import { describe, expect, it } from 'vitest';
import { OfficerState, type Params } from '../../../src/sim';
import { cohesionNext, regimeDay, resourcesNext } from '../../../src/sim/rules/regime';
import { officerSetState } from '../../../src/sim/world/cells';
import { tinyWorld } from './world';

const P: Partial<Params> = {
  officerCount: 4, nationalForce: 6, regimeResources: 1, regimeResourcesMax: 10, resourceRecoveryPerDay: 0.1, patronAidPerDay: 0.02,
  externalSupport: 0.5, strikeDrainPerDay: 0.04, eliteCohesion: 1, eliteErosionPerDay: 0.1, eliteMomentumWeight: 0.5,
  eliteDefectionWeight: 1, eliteAppealsWeight: 0.5, eliteRecoveryPerDay: 0.02, propaganda: 0.5,
  recruitRatePerDay: 0.05, deployPerDay: 0.5, deployTriggerShare: 0.9, patronWithdrawMomentum: 1,
};

describe('resources', () => {
  it('0.5 + 0.1 x (1 - 0.5) + 0.02 x 0.5 - 0.04 x 0.5 = 0.54; 0.53 once the patron withdrew', () => {
    const s = tinyWorld(P);
    s.regime.resources = 0.5; s.movement.levels.strike = 0.5;
    expect(resourcesNext(s)).toBeCloseTo(0.54, 12);
    s.regime.patronWithdrawn = true;
    expect(resourcesNext(s)).toBeCloseTo(0.53, 12);
  });

  it('kept in [0, regimeResourcesMax]', () => {
    const s = tinyWorld({ ...P, regimeResourcesMax: 0.52 });
    s.regime.resources = 0.5; s.movement.levels.strike = 0.5;
    expect(resourcesNext(s)).toBe(0.52);
    s.regime.resources = 0; s.params.strikeDrainPerDay = 0.5; s.movement.levels.strike = 1;
    expect(resourcesNext(s)).toBe(0); // 0 + 0.1 + 0.01 - 0.5 < 0
  });
});

describe('elite cohesion', () => {
  it('0.8 - 0.1 x (0.5 x 0.4 + 1 x 2/6 + 0.5 x 0.2), then + 0.02 x 0.5 x (1 - c)', () => {
    const s = tinyWorld(P);
    s.regime.eliteCohesion = 0.8; s.momentum = 0.4; s.defectedCount = 3; s.movement.levels.appeals = 0.2;
    // defected share 3/6 = 0.5: c = 0.8 - 0.1 x (0.2 + 0.5 + 0.1) = 0.72; c += 0.01 x (1 - 0.72) = 0.7228
    expect(cohesionNext(s)).toBeCloseTo(0.7228, 12);
  });

  it('kept in [0, 1]', () => {
    const s = tinyWorld({ ...P, eliteErosionPerDay: 1, eliteMomentumWeight: 10 });
    s.regime.eliteCohesion = 0.5; s.momentum = 1;
    expect(cohesionNext(s)).toBe(0); // 0.5 - 10 < 0; recovery 0.01 x 10.5 does not bring it back
    s.params.eliteErosionPerDay = 0; s.params.eliteRecoveryPerDay = 1; s.params.propaganda = 1; s.params.eliteCohesion = 1;
    s.regime.eliteCohesion = 1;
    expect(cohesionNext(s)).toBe(1);
  });
});

describe('regimeDay', () => {
  it('recruits 0.05 x 4 staff x min(1, 0.54) = 0.108; no deployment while staffing (4 + 0.108)/4 >= 0.9', () => {
    const s = tinyWorld(P);
    s.regime.resources = 0.5; s.movement.levels.strike = 0.5;
    regimeDay(s);
    expect(s.regime.resources).toBeCloseTo(0.54, 12);
    expect(s.recruitsByDistrict[0]).toBeCloseTo(0.108, 12);
    expect(s.reserve).toBe(2);
  });

  it('two resignations: staffing (2 + 0.2)/4 < 0.9 deploys ceil(0.5 x 2) = 1 reserve officer', () => {
    const s = tinyWorld(P);
    officerSetState(s, 0, OfficerState.resigned, false); officerSetState(s, 1, OfficerState.resigned, false);
    regimeDay(s); // resources 1: recruits 0.05 x 4 x 1 = 0.2
    expect(s.recruitsByDistrict[0]).toBeCloseTo(0.2, 12);
    expect(s.reserve).toBe(1);
    expect(s.o.deployed[4]).toBe(1); expect(s.o.cell[4] >= 0).toBe(true);
    expect(s.staffByDistrict[0]).toBe(3);
    expect(s.eventLog.at(-1)?.kind).toBe('deploy');
  });

  it('the patron withdraws once momentum > patronWithdrawMomentum; 1 means never', () => {
    const s = tinyWorld({ ...P, patronWithdrawMomentum: 0.5 });
    s.momentum = 0.5;
    regimeDay(s);
    expect(s.regime.patronWithdrawn).toBe(false); // 0.5 is not > 0.5
    s.momentum = 0.625;
    regimeDay(s);
    expect(s.regime.patronWithdrawn).toBe(true);
    const t = tinyWorld(P);
    t.momentum = 1;
    regimeDay(t);
    expect(t.regime.patronWithdrawn).toBe(false);
  });
});
