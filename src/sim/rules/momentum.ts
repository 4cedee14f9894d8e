/**
 * Momentum: the perceived chance that the movement wins, updated once per day from daily
 * aggregates (never one night-time tick): crowd size relative to momentumParticipationRef, its
 * trend, visible defections (noisy resignations count more) and strikes; a moving average.
 *   raw = 0.55 min(1, p/ref) + 0.15 clamp(trend) + 0.2 min(1, visible/defectionRef) + 0.1 strike
 */
import { OfficerState } from '../state';
import type { SimState } from '../state';

export function updateMomentum(s: SimState): void {
  const p = s.params, nC = Math.max(1, s.c.n);
  const part = s.today.peakActive / nC;
  const prev = s.days.length > 0 ? s.days[s.days.length - 1].peakActive / nC : part;
  const trend = Math.max(-1, Math.min(1, (part - prev) / p.momentumParticipationRef));
  const o = s.o;
  let visible = 0;
  for (let j = 0; j < o.n; j++) {
    const st = o.state[j];
    if (st === OfficerState.resigned) visible += o.noisy[j] ? p.noisyResignVisibility : 1;
    else if (st === OfficerState.joined) visible += 1;
    else if (st === OfficerState.shirking) visible += p.peerShirkVisibility;
  }
  const v = visible / Math.max(1, o.initialForce);
  const raw = 0.55 * Math.min(1, part / p.momentumParticipationRef) + 0.15 * trend
    + 0.2 * Math.min(1, v / p.momentumDefectionRef) + 0.1 * s.movement.levels.strike;
  const target = raw < 0 ? 0 : raw > 1 ? 1 : raw;
  s.momentum += p.momentumSmoothing * (target - s.momentum);
}
