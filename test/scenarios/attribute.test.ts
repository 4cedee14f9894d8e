/**
 * The attribution of a fall (src/scenarios/attribute.ts): a pillar is pivotal when the same run with
 * it held at day 0 does not fall within the horizon; the cause is the pivotal pillar with the
 * largest loss from day 0; with none, the largest loss if all held together stand (joint), else overwhelm. Small worlds (100 citizens, 20 officers, 10 days, nobody
 * arrested, no calendar) where each route is forced by the parameters:
 *   overwhelm: 10 officers needed per protester; nothing held can stop the crowd
 *   elite:     appeals at level 1 erode cohesion 0.32 by 0.1 x (1 - 0) x 1 x 1 = 0.1 on day 1: 0.22 < 0.3
 *   patron:    the patron doubts any perceived chance (threshold 0, rate 1) and withdraws below 0.25;
 *              its exit shakes the elite: both are pivotal, and the larger loss names the cause.
 *   joint:     the elite broken by appeals on day 1 and a force the crowd's momentum empties by day 3:
 *              either alone brings the regime down, so neither is pivotal; held together they stand.
 */
import { describe, expect, it } from 'vitest';
import { attributeFall, buildRun, fallsWithHeld, type RunSpec } from '../../src/scenarios';
import { runToEnd, type Params, type ActionDef } from '../../src/sim';
import { bareScenario } from '../sim/helpers';

const BASE: Partial<Params> = {
  citizenCount: 100, officerCount: 20, nationalForce: 20, gridWidth: 10, gridHeight: 10, horizonDays: 10, calendarOn: false,
  legitimacy: 0, arrestRate: 0, citizensShareOfPopulation: 1, forcePerProtester: 0.001, momentumLoyaltyWeight: 0,
  eliteCohesion: 1, eliteBreakThreshold: 0.3, eliteErosionPerDay: 0, eliteRecoveryPerDay: 0, eliteSplitChancePerDay: 0, eliteLoyalty: 0,
  eliteMomentumWeight: 0, eliteDefectionWeight: 0, eliteAppealsWeight: 0, eliteEconomyWeight: 0,
  externalSupport: 0.5, patronDoubtThreshold: 1, patronWithdrawPerDay: 0, patronLossEliteShock: 0,
  strikeDrainPerDay: 0, purgeRatePerDay: 0, tacticDecayPerDay: 0,
  violentFlankWeight: 0, // the hand-computed erosion below has no violent flank (violentFlank.test.ts pins it)
};

function spec(over: Partial<Params>, strategy: ActionDef[] = []): RunSpec {
  const scenario = { ...bareScenario('attribute', { strategy }), params: { ...BASE, ...over } as Record<string, never> };
  return { scenario, seed: 1, calibration: null };
}

function fall(sp: RunSpec) {
  const s = buildRun(sp).state;
  runToEnd(s);
  return { s, a: attributeFall(sp, s) };
}

describe('attributeFall', () => {
  it('a crowd the whole force cannot contain falls it whatever is held: overwhelm, nothing pivotal', () => {
    const { s, a } = fall(spec({ forcePerProtester: 10 }));
    expect([s.outcome, s.fallCause]).toEqual(['success', 'overwhelm']);
    expect(a?.cause).toBe('overwhelm');
    expect(a?.joint).toBe(false);
    expect(a?.pivotal).toEqual({ force: false, elite: false, economy: false, patron: false });
  });

  it('an elite eroded by appeals: only the elite is pivotal; loss (0.32 - 0.22) / 0.32 = 0.3125', () => {
    const appeals: ActionDef[] = [{ tick: 0, tactic: 'eliteAppeals' }];
    const { s, a } = fall(spec({ eliteCohesion: 0.32, eliteErosionPerDay: 0.1, eliteAppealsWeight: 1, eliteAppealsGain: 1 }, appeals));
    expect([s.outcome, s.fallCause, s.decidedTick]).toEqual(['success', 'elite', 24]);
    expect(a?.cause).toBe('elite');
    expect(a?.pivotal).toEqual({ force: false, elite: true, economy: false, patron: false });
    expect(a?.loss.elite).toBeCloseTo(0.3125, 12);
    expect(a?.loss.force).toBe(0);
  });

  // Momentum = 0.5 x min(1, crowd / ref) = 0.5 from day 1 (smoothing 1, only the crowd weighs), perceived = 0.4 x 0.5 = 0.2
  // (smoothing 1, only momentum weighs): support 0.5 - 1 x 0.2 = 0.3 after day 1, 0.1 < 0.25 after day 2 (tick 48):
  // withdrawn, the patron's loss 1 - 0.1 / 0.5 = 0.8.
  const PATRON: Partial<Params> = {
    eliteCohesion: 0.35, patronDoubtThreshold: 0, patronWithdrawPerDay: 1, violenceRate: 0, violenceMomentumPenalty: 0,
    momentumCrowdWeight: 0.5, momentumTrendWeight: 0, momentumDefectionWeight: 0, momentumStrikeWeight: 0, momentumSmoothing: 1,
    perceptionMomentumWeight: 0.4, perceptionEliteWeight: 0, perceptionEconomyWeight: 0, perceptionPatronWeight: 0, perceptionSmoothing: 1,
  };

  it('the patron\'s exit shakes the elite 0.35 -> 0.25 < 0.3: both pivotal; the patron lost 0.8, the elite 0.1 / 0.35 = 0.2857: cause patron', () => {
    const { s, a } = fall(spec({ ...PATRON, patronLossEliteShock: 0.1 }));
    expect([s.outcome, s.fallCause, s.decidedTick]).toEqual(['success', 'elite', 48]);
    expect(s.regime.patronWithdrawn).toBe(true);
    expect(a?.pivotal).toEqual({ force: false, elite: true, economy: false, patron: true });
    expect(a?.loss.elite).toBeCloseTo(0.2857142857142857, 12);
    expect(a?.loss.patron).toBeCloseTo(0.8, 12);
    expect(a?.cause).toBe('patron');
  });

  it('the same fall with a shock of 0.3 (0.35 -> 0.05, loss 0.3 / 0.35 = 0.857 > 0.8): cause elite', () => {
    const { s, a } = fall(spec({ ...PATRON, patronLossEliteShock: 0.3 }));
    expect([s.outcome, s.fallCause, s.decidedTick]).toEqual(['success', 'elite', 48]);
    expect(a?.pivotal).toEqual({ force: false, elite: true, economy: false, patron: true });
    expect(a?.loss.elite).toBeCloseTo(0.8571428571428571, 12);
    expect(a?.loss.patron).toBeCloseTo(0.8, 12);
    expect(a?.cause).toBe('elite');
  });

  // The patron replay is skipped when the support never moved (it only ever falls): the skip must
  // give what the replay gives. The appeals fall above has a patron (0.5) that never doubts (threshold 1).
  it('a patron that never moved is not pivotal, as its held replay says', () => {
    const appeals: ActionDef[] = [{ tick: 0, tactic: 'eliteAppeals' }];
    const sp = spec({ eliteCohesion: 0.32, eliteErosionPerDay: 0.1, eliteAppealsWeight: 1, eliteAppealsGain: 1 }, appeals);
    const { s, a } = fall(sp);
    expect(s.regime.patronSupport).toBe(0.5);
    expect(fallsWithHeld(sp, 'patron')).toBe(true);
    expect(a?.pivotal.patron).toBe(false);
  });

  // Momentum 0.5 from day 1 (crowd weight 0.5, smoothing 1) pulls loyalty down by 0.5 a day (momentumLoyaltyWeight 1),
  // and officers below their thresholds leave at once (exit rate 1): 8 of 20 gone by tick 72, the 12 left below
  // the 100 x 0.15 = 15 the crowd needs. With appeals as well the elite breaks first (tick 24, as above).
  const DRAIN: Partial<Params> = {
    violenceRate: 0, violenceMomentumPenalty: 0, momentumCrowdWeight: 0.5, momentumTrendWeight: 0, momentumDefectionWeight: 0,
    momentumStrikeWeight: 0, momentumSmoothing: 1, momentumLoyaltyWeight: 1, exitRatePerDay: 1, forcePerProtester: 0.15,
  };

  it('a force emptied by momentum: the force alone is pivotal, loss 8 / 20 = 0.4', () => {
    const { s, a } = fall(spec(DRAIN));
    expect([s.outcome, s.fallCause, s.decidedTick]).toEqual(['success', 'overwhelm', 72]);
    expect(a).toMatchObject({ cause: 'force', joint: false, pivotal: { force: true, elite: false, economy: false, patron: false } });
    expect(a?.loss.force).toBeCloseTo(0.4, 12);
  });

  it('redundant pillars (either alone would do): nothing single is pivotal, both held stand: the joint cause is the largest loss, not overwhelm', () => {
    const appeals: ActionDef[] = [{ tick: 0, tactic: 'eliteAppeals' }];
    const sp = spec({ ...DRAIN, eliteCohesion: 0.32, eliteErosionPerDay: 0.1, eliteAppealsWeight: 1, eliteAppealsGain: 1 }, appeals);
    const { s, a } = fall(sp);
    expect([s.outcome, s.fallCause, s.decidedTick]).toEqual(['success', 'elite', 24]);
    expect(fallsWithHeld(sp, 'elite')).toBe(true); // the force goes instead, by tick 72
    expect(fallsWithHeld(sp, 'force')).toBe(true);
    expect(fallsWithHeld(sp, ['force', 'elite'])).toBe(false);
    expect(a?.pivotal).toEqual({ force: false, elite: false, economy: false, patron: false });
    expect(a?.loss.elite).toBeCloseTo(0.3125, 12);
    expect(a?.loss.force).toBe(0); // nobody had left yet on the day the elite broke
    expect(a).toMatchObject({ cause: 'elite', joint: true });
  });

  it('no attribution for a run that did not fall', () => {
    const { s, a } = fall(spec({}));
    expect(s.outcome).not.toBe('success');
    expect(a).toBeNull();
  });
});
