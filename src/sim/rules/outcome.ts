/**
 * Outcomes on daily aggregates (docs/model.md section 9). The regime falls by
 *   force:     effective / needed force < collapseRatio on collapseDays consecutive days
 *   overwhelm: needed force exceeds the whole loyal force, reserve included
 *   elite:     elite cohesion below eliteBreakThreshold, or the patron withdraws
 * The movement fails after demobilizeDays consecutive days below the participation floor.
 * Otherwise the horizon makes it a stalemate. The outcome is fixed when first decided, and the
 * regime cannot fall while needed force is zero. tippingTick is the first tick of the decisive
 * streak (force), or the decision tick (overwhelm, elite).
 */
import { logEvent } from '../eventLog';
import type { FallCause, Outcome, SimState } from '../state';

function decide(s: SimState, outcome: Outcome, cause: FallCause | null, tipping: number | null): void {
  s.outcome = outcome; s.fallCause = cause; s.decidedTick = s.tick; s.tippingTick = tipping;
  s.defectedAtDecision = s.defectedCount / Math.max(1, s.o.initialForce);
  logEvent(s, { tick: s.tick, kind: 'outcome', detail: cause ? `${outcome} (${cause})` : outcome });
}

export function judgeDay(s: SimState): void {
  if (s.outcome !== null || !s.params.endRulesOn) return;
  const p = s.params, t = s.today;
  const dayStart = s.tick - s.ticksPerDay;
  if (t.peakNeeded > 0 && t.effectiveAtPeak / t.peakNeeded < p.collapseRatio) {
    if (s.streak.collapse === 0) s.streak.collapseStartTick = dayStart;
    s.streak.collapse++;
  } else s.streak.collapse = 0;
  const part = t.peakActive / Math.max(1, s.c.n);
  s.streak.demobilize = part < p.demobilizeFloor ? s.streak.demobilize + 1 : 0;

  if (t.peakNeeded > 0 && s.streak.collapse >= p.collapseDays) return decide(s, 'success', 'force', s.streak.collapseStartTick);
  if (t.peakNeeded > 0 && t.peakNeeded > s.loyalForceTotal) return decide(s, 'success', 'overwhelm', s.tick);
  if (t.peakNeeded > 0 && (s.regime.eliteCohesion < p.eliteBreakThreshold || s.regime.patronWithdrawn)) return decide(s, 'success', 'elite', s.tick);
  if (s.streak.demobilize >= p.demobilizeDays) return decide(s, 'failure', null, null);
}

/** At the horizon an undecided run is a stalemate, whether or not end rules are on. */
export function judgeHorizon(s: SimState): void {
  if (s.outcome === null && s.tick >= s.horizonTicks) decide(s, 'stalemate', null, null);
}
