/**
 * Outcomes on daily aggregates (docs/model.md section 9). The regime falls by
 *   force:     effective / needed force < collapseRatio on collapseDays consecutive days
 *   overwhelm: needed force exceeds the whole loyal force, reserve included
 *   elite:     elite cohesion below eliteBreakThreshold (the patron's exit shakes it: patron.ts)
 * The movement fails after demobilizeDays consecutive days below the participation floor.
 * Otherwise the horizon makes it a stalemate. The outcome is fixed when first decided, and the
 * regime cannot fall while needed force is zero. tippingTick is the first tick of the decisive
 * streak (force), or of the decisive day (overwhelm, elite: judged at its end, so a fall on the
 * last day of a 42-day game tips on day 42, not on the day after it). At the decision each pillar's loss
 * from day 0 is recorded (pillarLoss): force = defected share, elite = share of cohesion lost,
 * economy = share of resources lost, patron = share of support withdrawn; the attribution of a
 * fall to a pillar (src/scenarios/attribute.ts) uses it.
 */
import { logEvent } from '../eventLog';
import type { FallRoute, Outcome, SimState } from '../state';
import { economicStress, patronDoubt } from './perception';

/** Each pillar's loss from its day-0 state, in [0, 1]. */
export function pillarLosses(s: SimState): { force: number; elite: number; economy: number; patron: number } {
  const c0 = s.initialParams.eliteCohesion;
  return {
    force: s.defectedCount / Math.max(1, s.o.initialForce),
    elite: c0 > 0 ? Math.max(0, (c0 - s.regime.eliteCohesion) / c0) : 0,
    economy: economicStress(s),
    patron: patronDoubt(s),
  };
}

function decide(s: SimState, outcome: Outcome, cause: FallRoute | null, tipping: number | null): void {
  s.outcome = outcome; s.fallCause = cause; s.decidedTick = s.tick; s.tippingTick = tipping;
  s.defectedAtDecision = s.defectedCount / Math.max(1, s.o.initialForce);
  s.pillarLoss = pillarLosses(s);
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
  // The decisive day is the one just judged: its first tick (the decision falls on the next day's first tick).
  if (t.peakNeeded > 0 && t.peakNeeded > s.loyalForceTotal) return decide(s, 'success', 'overwhelm', dayStart);
  if (t.peakNeeded > 0 && s.regime.eliteCohesion < p.eliteBreakThreshold) return decide(s, 'success', 'elite', dayStart);
  if (s.streak.demobilize >= p.demobilizeDays) return decide(s, 'failure', null, null);
}

/** At the horizon an undecided run is a stalemate, whether or not end rules are on. */
export function judgeHorizon(s: SimState): void {
  if (s.outcome === null && s.tick >= s.horizonTicks) decide(s, 'stalemate', null, null);
}
