/**
 * Momentum: the perceived chance that the movement wins, updated once per day from daily
 * aggregates (never one night-time tick): crowd size as a share of the population (peak active /
 * citizens x citizensShareOfPopulation) relative to momentumParticipationRef, its
 * trend, visible defections (noisy resignations count more) and strikes; a moving average.
 *   raw = crowdW min(1, p/ref) + trendW clamp((p - p_yesterday)/ref, -1, 1)
 *         + defectionW min(1, visible/defectionRef) + strikeW x strike level - violenceMomentumPenalty x violence level
 *   momentum += smoothing x (clamp(raw, 0, 1) - momentum)
 */
import { OfficerState } from '../state';
import type { SimState } from '../state';

/** Defected share of the force the public sees: noisy resignations (weighted), quiet ones at publicQuietResignVisibility, joined, rho x shirking. */
export function visibleDefection(s: SimState): number {
  const p = s.params, o = s.o;
  let visible = 0;
  for (let j = 0; j < o.n; j++) {
    const st = o.state[j];
    if (st === OfficerState.resigned) visible += o.noisy[j] ? p.noisyResignVisibility : p.publicQuietResignVisibility;
    else if (st === OfficerState.joined) visible += 1;
    else if (st === OfficerState.shirking) visible += p.peerShirkVisibility;
  }
  return visible / Math.max(1, o.initialForce);
}

/** Raw momentum from today's participation, yesterday's, visible defection and the strike level. */
export function rawMomentum(s: SimState, part: number, prev: number, visible: number): number {
  const p = s.params;
  const trend = Math.max(-1, Math.min(1, (part - prev) / p.momentumParticipationRef));
  const raw = p.momentumCrowdWeight * Math.min(1, part / p.momentumParticipationRef) + p.momentumTrendWeight * trend
    + p.momentumDefectionWeight * Math.min(1, visible / p.momentumDefectionRef) + p.momentumStrikeWeight * s.movement.levels.strike
    - p.violenceMomentumPenalty * s.violenceLevel;
  return raw < 0 ? 0 : raw > 1 ? 1 : raw;
}

export function updateMomentum(s: SimState): void {
  const perShare = s.params.citizensShareOfPopulation / Math.max(1, s.c.n); // participation as a share of the population
  const part = s.today.peakActive * perShare;
  const prev = s.day > 0 ? s.yesterday.peakActive * perShare : part;
  s.momentum += s.params.momentumSmoothing * (rawMomentum(s, part, prev, visibleDefection(s)) - s.momentum);
}
