/**
 * Momentum (src/sim/rules/momentum.ts), once per day:
 *   p   = peak active / citizens x citizensShareOfPopulation (participation as a share of the population)
 *   raw = crowdW min(1, p/ref) + trendW clamp((p - p_yesterday)/ref, -1, 1)
 *         + defectionW min(1, visible/defectionRef) + strikeW x strike level - violenceMomentumPenalty x violence level
 *   momentum += smoothing x (clamp(raw, 0, 1) - momentum)
 *   visible = (noisy x noisyResignVisibility + quiet x publicQuietResignVisibility + joined + rho x shirking) / initial force
 * The world's citizens are the whole population (citizensShareOfPopulation 1) unless a test says otherwise.
 */
import { describe, expect, it } from 'vitest';
import { OfficerState } from '../../../src/sim';
import { rawMomentum, updateMomentum, visibleDefection } from '../../../src/sim/rules/momentum';
import { tinyWorld } from './world';

const world = () => tinyWorld({
  citizenCount: 20, officerCount: 10, nationalForce: 10, momentumCrowdWeight: 0.5, momentumParticipationRef: 0.2,
  momentumTrendWeight: 0.2, momentumDefectionWeight: 0.2, momentumDefectionRef: 0.1, momentumStrikeWeight: 0.1,
  momentumSmoothing: 0.5, noisyResignVisibility: 3, peerShirkVisibility: 0.3, publicQuietResignVisibility: 1, citizensShareOfPopulation: 1,
  violenceMomentumPenalty: 2,
});

describe('raw momentum', () => {
  it('each term with its weight', () => {
    const s = world();
    s.movement.levels.strike = 0.5;
    // 0.5 x min(1, 0.1/0.2) + 0.2 x (0.05/0.2) + 0.2 x min(1, 0.02/0.1) + 0.1 x 0.5 = 0.25 + 0.05 + 0.04 + 0.05
    expect(rawMomentum(s, 0.1, 0.05, 0.02)).toBeCloseTo(0.39, 12);
    expect(rawMomentum(s, 0, 0, 0)).toBeCloseTo(0.05, 12);  // the strike alone
    s.movement.levels.strike = 0;
    expect(rawMomentum(s, 0, 0, 0)).toBe(0);
  });

  it('violence costs momentum: violence level 0.05 x penalty 2 = 0.1 off: 0.39 - 0.1 = 0.29; penalty 4: 0.39 - 0.2 = 0.19', () => {
    const s = world();
    s.movement.levels.strike = 0.5; s.violenceLevel = 0.05;
    expect(rawMomentum(s, 0.1, 0.05, 0.02)).toBeCloseTo(0.29, 12);
    s.params.violenceMomentumPenalty = 4;
    expect(rawMomentum(s, 0.1, 0.05, 0.02)).toBeCloseTo(0.19, 12);
    s.violenceLevel = 1;
    expect(rawMomentum(s, 0.1, 0.05, 0.02)).toBe(0); // 0.39 - 4 clamped to 0
  });

  it('the crowd and defection terms saturate at 1, the trend is clamped to [-1, 1], raw to [0, 1]', () => {
    const s = world();
    // 0.5 x min(1, 2.5) + 0.2 x clamp(2.5) + 0.2 x min(1, 5) = 0.5 + 0.2 + 0.2
    expect(rawMomentum(s, 0.5, 0, 0.5)).toBeCloseTo(0.9, 12);
    // a falling crowd: 0.5 x min(1, 0.1/0.2) + 0.2 x clamp((0.1 - 0.5)/0.2 = -2) = 0.25 - 0.2
    expect(rawMomentum(s, 0.1, 0.5, 0)).toBeCloseTo(0.05, 12);
    expect(rawMomentum(s, 0, 0.5, 0)).toBe(0);  // 0 - 0.2 clamped to 0
    s.params.momentumCrowdWeight = 0.7;
    s.movement.levels.strike = 1;
    expect(rawMomentum(s, 0.5, 0, 0.5)).toBe(1); // 0.7 + 0.2 + 0.2 + 0.1 = 1.2 clamped to 1
  });
});

describe('visible defection and the daily update', () => {
  it('visible = (3 + 1 + 1 + 2 x 0.3) / 10 officers = 0.56: noisy, quiet, joined, two shirkers; insiders do not show', () => {
    const s = world(), o = s.o;
    o.state.set([OfficerState.resigned, OfficerState.resigned, OfficerState.joined, OfficerState.shirking, OfficerState.shirking, OfficerState.insider]);
    o.noisy[0] = 1;
    expect(visibleDefection(s)).toBeCloseTo(0.56, 12);
  });

  it('the public barely sees a quiet resignation: at publicQuietResignVisibility 0.2, (3 + 0.2 + 1 + 0.6) / 10 = 0.48; at 0, 0.46; noisy ones at noisyResignVisibility 5: (5 + 0.2 + 1 + 0.6) / 10 = 0.68', () => {
    const s = world(), o = s.o;
    o.state.set([OfficerState.resigned, OfficerState.resigned, OfficerState.joined, OfficerState.shirking, OfficerState.shirking, OfficerState.insider]);
    o.noisy[0] = 1;
    s.params.publicQuietResignVisibility = 0.2;
    expect(visibleDefection(s)).toBeCloseTo(0.48, 12);
    s.params.publicQuietResignVisibility = 0;
    expect(visibleDefection(s)).toBeCloseTo(0.46, 12);
    s.params.publicQuietResignVisibility = 0.2; s.params.noisyResignVisibility = 5;
    expect(visibleDefection(s)).toBeCloseTo(0.68, 12);
  });

  it('purged officers are no visible defection: (3 + 1) / 10 = 0.4 with the quiet resigner purged instead', () => {
    const s = world(), o = s.o;
    o.state.set([OfficerState.resigned, OfficerState.purged, OfficerState.joined]);
    o.noisy[0] = 1;
    expect(visibleDefection(s)).toBeCloseTo(0.4, 12);
  });

  it('momentum 0.2 + 0.5 x (raw - 0.2): peaks of 2 today and 1 yesterday among 20 citizens, strike 0.5', () => {
    const s = world();
    s.momentum = 0.2; s.day = 1; s.today.peakActive = 2; s.yesterday.peakActive = 1; s.movement.levels.strike = 0.5;
    updateMomentum(s);
    // raw = 0.5 x (0.1/0.2) + 0.2 x (0.05/0.2) + 0 + 0.1 x 0.5 = 0.35; 0.2 + 0.5 x 0.15
    expect(s.momentum).toBeCloseTo(0.275, 12);
  });

  it('on day 0 there is no yesterday: the trend is 0', () => {
    const s = world();
    s.today.peakActive = 2; s.yesterday.peakActive = 0;
    updateMomentum(s);
    expect(s.momentum).toBeCloseTo(0.125, 12); // 0 + 0.5 x (0.5 x 0.5)
  });

  it('crowds are judged against the population: the 20 citizens are 0.5 of it: p = 2/20 x 0.5 = 0.05; raw 0.5 x (0.05/0.2) = 0.125; momentum 0.5 x 0.125 = 0.0625', () => {
    const s = world();
    s.params.citizensShareOfPopulation = 0.5;
    s.today.peakActive = 2; s.yesterday.peakActive = 0;
    updateMomentum(s);
    expect(s.momentum).toBeCloseTo(0.0625, 12);
  });
});
