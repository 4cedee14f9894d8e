/**
 * A tiny world whose regime can fall only through defection (test/batch/causalBatch.test.ts, the
 * --causal CLI tests): Granovetter's riot with 20 officers (thresholds 0..19: one more leaves
 * duty each day) in front of 100 protesters (legitimacy 0, no arrests), with the end rules on and
 * a 15-day horizon.
 */
import { getPreset } from '../../src/scenarios/index';
import type { ScenarioData } from '../../src/sim/index';

export function defectionOnlyScenario(): ScenarioData {
  const g = getPreset('granovetter-riot');
  return {
    ...g, id: 'defection-only', title: 'Falls only through defection', briefing: undefined,
    params: { ...g.params, officerCount: 20, nationalForce: 20, unitSize: 20, defectionThresholdList: Array.from({ length: 20 }, (_, i) => i),
      citizenCount: 100, endRulesOn: true, horizonDays: 15, legitimacy: 0, arrestRate: 0 } as ScenarioData['params'],
  };
}

