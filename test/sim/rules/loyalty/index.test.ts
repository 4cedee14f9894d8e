/**
 * The loyalty update (src/sim/rules/loyalty/index.ts): loyalty += the sum of the live channels
 * that are switched on, clamped to [0, 1]; each serving officer then decides at once. Here only
 * momentum (-0.24 x (1/24) x 0.5 = -0.005) and accountability (registry 0.5, weight 0.48, perceived 1:
 * clean -0.48 x 0.5 x 1 / 24 = -0.01; an abuser with 4 abuses on record, at the cap, with abuseCling 1: +0.01) are on.
 */
import { describe, expect, it } from 'vitest';
import { chIndex, OfficerState, type Params } from '../../../../src/sim';
import { loyaltyContext } from '../../../../src/sim/rules/loyalty/context';
import { updateLoyalty } from '../../../../src/sim/rules/loyalty';
import { officerSetState } from '../../../../src/sim/world/cells';
import { tinyWorld } from '../world';

const ONLY_TWO: Partial<Params> = {
  backfireOn: false, threatOn: false, exposureOn: false, offersOn: false, peersOn: false, regimeOn: false,
  hoursPerTick: 1, momentumLoyaltyWeight: 0.24, offMapMomentumShare: 1, accountabilityWeight: 0.48, abuseCling: 1, abuseClingCap: 4,
};

function world(over: Partial<Params> = {}) {
  const s = tinyWorld({ officerCount: 4, nationalForce: 4, ...ONLY_TWO, ...over });
  s.momentum = 0.5; s.movement.levels.registry = 0.5; s.perceived = 1;
  s.o.loyalty.set([0.5, 0.01, 0.998, 0.5]); s.o.abuses.set([0, 0, 4, 0]); s.o.documented.set([0, 0, 4, 0]);
  officerSetState(s, 3, OfficerState.resigned, false);
  return s;
}

function run(s: ReturnType<typeof world>) {
  const seen: Array<[number, number, boolean]> = [];
  updateLoyalty(s, loyaltyContext(s), (t, j, peersUnit) => seen.push([j, t.o.loyalty[j], peersUnit]));
  return seen;
}

describe('updateLoyalty', () => {
  it('sums the channels and clamps: 0.5 - 0.015, 0.01 - 0.015 -> 0, 0.998 + 0.005 -> 1; the resigned stay as they are', () => {
    const s = world();
    const seen = run(s);
    expect(s.o.loyalty[0]).toBeCloseTo(0.485, 12);
    expect(s.o.loyalty[1]).toBe(0);
    expect(s.o.loyalty[2]).toBe(1);
    expect(s.o.loyalty[3]).toBe(0.5);
    // each serving officer decides right after his own update, with the updated loyalty
    expect(seen.map(([j]) => j)).toEqual([0, 1, 2]);
    expect(seen[0][1]).toBeCloseTo(0.485, 12);
    expect(seen[0][2]).toBe(false);
    expect(Array.from(s.scratch.loyaltyDelta)).toEqual([0, 0, 0, 0]);
  });

  it('a channel switched off contributes exactly 0 though its inputs are live: 0.5 - 0.01', () => {
    const s = world({ momentumOn: false });
    run(s);
    expect(s.o.loyalty[0]).toBeCloseTo(0.49, 12);
    expect(s.o.channelLast[chIndex(4, 0, 5)]).toBe(0);
  });

  it('a channel that falls quiet clears its last-tick record once', () => {
    const s = world();
    run(s);
    expect(s.o.channelLast[chIndex(4, 0, 6)]).toBe(Math.fround(-0.01));
    s.movement.levels.registry = 0;
    run(s);
    expect(s.o.channelLast[chIndex(4, 0, 6)]).toBe(0);
    expect(s.o.channelSum[chIndex(4, 0, 6)]).toBe(Math.fround(-0.01)); // the cumulative record stays
    expect(s.channelWasLive[6]).toBe(0);
  });

  it('the decision is told whether thresholds count peers (defectionThresholdUnit)', () => {
    const s = world({ defectionThresholdUnit: 'peers' });
    expect(run(s).map(([, , peersUnit]) => peersUnit)).toEqual([true, true, true]);
  });
});
