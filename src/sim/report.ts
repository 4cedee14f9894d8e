/** The per-run report: outcome, fall route, tipping point and summary (docs/model.md sections 10 and 11). */
import type { Params } from './params/schema';
import { historicalReport, type HistoricalRow } from './historical';
import { staffingShares } from './metrics';
import type { FallCause, FallRoute, Outcome, SimState } from './state';
import { tickDate } from './calendar';

export interface RunSummary {
  peakActive: number;
  peakActiveTick: number;
  peakParticipation: number;
  defectedShare: number;
  defectionOccurred: boolean;
  detentions: number;
  deaths: number;
  injuries: number;
  abuses: number;
  unmaskings: number;
  resignations: number;
  contacts: number;
  purged: number;
  publications: number;
  /** The perceived chance of a fall, elite cohesion, regime resources and the patron's support at the end. */
  perceived: number;
  eliteCohesion: number;
  regimeResources: number;
  patronSupport: number;
  violenceShare: number;
  nonviolent: boolean;
  momentum: number;
  staffing: Record<string, number>;
  /** The hidden situation of this run (init.ts): the common shift of every officer's initial loyalty (0 unless hiddenLoyaltySd > 0). */
  hiddenLoyaltyShift: number;
}

export interface RunReport {
  /** The model that made the run (src/sim/version.ts). */
  modelVersion: number;
  scenario: string;
  seed: number;
  /** Every parameter's value at tick 0 (scheduled events may change some later). */
  params: Params;
  outcome: Outcome | null;
  /** The pillar a fall is attributed to (set by the caller that attributed it: src/scenarios/attribute.ts), else the route. */
  fallCause: FallCause | null;
  /** The rule that decided the fall: force, overwhelm or elite. */
  fallRoute: FallRoute | null;
  /** Which pillars were pivotal (null until attributed, or when the regime did not fall). */
  pivotal: Record<'force' | 'elite' | 'economy' | 'patron', boolean> | null;
  tippingTick: number | null;
  tippingDay: number | null;
  tippingDate: string | null;
  decidedTick: number | null;
  ticks: number;
  summary: RunSummary;
  historical: Record<string, HistoricalRow> | null;
}

const r6 = (x: number) => Math.round(x * 1e6) / 1e6;

export function runSummary(s: SimState): RunSummary {
  const share = s.outcome !== null && s.defectedAtDecision !== null ? s.defectedAtDecision : s.defectedCount / Math.max(1, s.o.initialForce);
  const violenceShare = s.totals.activeTicks > 0 ? s.totals.violentActs / s.totals.activeTicks : 0;
  const staff = staffingShares(s);
  const staffing: Record<string, number> = {};
  s.districtIds.forEach((id, d) => { staffing[id] = r6(staff.byDistrict[d]); });
  return {
    peakActive: s.peakActive,
    peakActiveTick: s.peakActiveTick,
    peakParticipation: r6(s.c.n > 0 ? s.peakActive / s.c.n : 0),
    defectedShare: r6(share),
    defectionOccurred: share >= s.params.defectionOccurredShare,
    detentions: s.totals.detentions,
    deaths: r6(s.totals.deaths),
    injuries: s.totals.injuries,
    abuses: r6(s.totals.abuses),
    unmaskings: s.totals.unmaskings,
    resignations: s.totals.resignations,
    contacts: s.totals.contacts,
    purged: s.totals.purged,
    publications: s.totals.publications,
    perceived: r6(s.perceived),
    eliteCohesion: r6(s.regime.eliteCohesion),
    regimeResources: r6(s.regime.resources),
    patronSupport: r6(s.regime.patronSupport),
    violenceShare: r6(violenceShare),
    nonviolent: violenceShare < s.params.nonviolentMaxViolenceShare,
    momentum: r6(s.momentum),
    staffing,
    hiddenLoyaltyShift: r6(s.hidden.loyaltyShift),
  };
}

/** The run's report; `attribution` (cause and pivotal pillars of a fall, from src/scenarios) when known. */
export function runReport(s: SimState, attribution: { cause: FallCause; pivotal: RunReport['pivotal'] } | null = null): RunReport {
  const tip = s.tippingTick;
  return {
    modelVersion: s.modelVersion,
    scenario: s.scenario.id,
    seed: s.seed,
    params: s.initialParams,
    outcome: s.outcome,
    fallCause: attribution ? attribution.cause : s.fallCause,
    fallRoute: s.fallCause,
    pivotal: attribution ? attribution.pivotal : null,
    tippingTick: tip,
    tippingDay: tip === null ? null : Math.floor(tip / s.ticksPerDay),
    tippingDate: tip === null ? null : tickDate(s.startDay, tip, s.params.hoursPerTick).slice(0, 10),
    decidedTick: s.decidedTick,
    ticks: s.tick,
    summary: runSummary(s),
    historical: historicalReport(s),
  };
}
