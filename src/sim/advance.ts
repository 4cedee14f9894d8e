/**
 * The one way to advance the model (ARCHITECTURE.md): scheduled events, the movement's recorded
 * actions, then n ticks. The CLI, the batch runner and the page's worker all call advance().
 * Order within a tick follows NetLogo Rebellion: every agent moves then decides (live counts, one
 * random order) or, in tickStart mode, citizens then officers against counts taken per tick;
 * then violence, loyalty channels, officer decisions, unit tallies, jail countdown, metrics; and
 * at the end of each day momentum, the regime, tactic fading and the outcome.
 */
import { CitizenState, OfficerState, type SimState } from './state';
import { emptyDay } from './init';
import { staffingShares } from './metrics';
import { applyActions } from './rules/actions';
import { activationRule, type ActivationRule } from './rules/activation';
import { citizensTickStart } from './rules/citizenAct';
import { liveTurns } from './rules/liveTurns';
import { decideOfficer, unitWalkouts } from './rules/decisions';
import { applyEvents } from './rules/events';
import { releaseDue } from './rules/jail';
import { updateLoyalty } from './rules/loyalty';
import { loyaltyContext } from './rules/loyalty/context';
import { MoverSampler } from './rules/movers';
import { officerTally } from './rules/officerTally';
import { updateMomentum } from './rules/momentum';
import { judgeDay, judgeHorizon } from './rules/outcome';
import { baseArrestRate, indexActive, officersTickStart } from './rules/officerAct';
import { regimeDay } from './rules/regime';
import { turnout } from './rules/turnout';
import { protesterViolence } from './rules/violence';
import { windowSum } from './world/neighbourhood';
import { LEVEL_NAMES } from './tactics';

/** Returns how many citizens were active after the citizens' turn (listed in s.activeBuf). */
function actTickStart(s: SimState, out: number, rule: ActivationRule): number {
  const g = s.grid, p = s.params;
  windowSum(g, g.copCell, g.nbCop, p.visionRadius, p.visionShape);
  windowSum(g, g.actCell, g.nbAct, p.visionRadius, p.visionShape);
  if (s.counts.officers[OfficerState.joined] > 0 || joinedSeen.has(s)) {
    windowSum(g, g.joinedCell, g.nbJoined, p.visionRadius, p.visionShape);
    joinedSeen.add(s);
  }
  const na = citizensTickStart(s, out, rule, new MoverSampler(p.moveProbability, s.rng.move), s.activeBuf);
  indexActive(s, s.activeBuf, na);
  windowSum(g, g.actCell, g.nbAct, p.visionRadius, p.visionShape);
  const om = new MoverSampler(p.moveProbability, s.rng.move), base = baseArrestRate(s);
  officersTickStart(s, om, base);
  return na;
}
/** Runs that have had joined officers: their shield counts must be kept current from then on. */
const joinedSeen = new WeakSet<SimState>();

/** Loyalty of every serving officer, then each one's decision, then unit walk-outs. */
function officersDecide(s: SimState): void {
  updateLoyalty(s, loyaltyContext(s), decideOfficer);
  unitWalkouts(s);
}

function endOfDay(s: SimState): void {
  const staff = staffingShares(s);
  s.today.staffing = staff.byDistrict;
  updateMomentum(s);
  s.today.momentum = s.momentum;
  regimeDay(s);
  const lv = s.movement.levels, decay = s.params.tacticDecayPerDay;
  for (const k of LEVEL_NAMES) if (k !== 'registry' && k !== 'fund') lv[k] *= 1 - decay;
  if (s.movement.fund < 1) lv.fund = 0;
  const cap = s.params.organisingCapacityPerDay;
  s.movement.capacity = Math.min(3 * cap, s.movement.capacity + cap);
  judgeDay(s);
  s.days.push(s.today);
  s.today = emptyDay(s.days.length, s.districtIds.length);
}

function stepOnce(s: SimState): void {
  applyEvents(s);
  applyActions(s);
  s.tickArrests.fill(0); s.tickViolence.fill(0);
  s.tickTally.arrests = 0; s.tickTally.violent = 0;
  s.o.arrestedThisTick.fill(0);
  const out = turnout(s, s.tick), rule = activationRule(s);
  if (s.params.countMode === 'live') { liveTurns(s, out, rule); protesterViolence(s); }
  else protesterViolence(s, s.activeBuf, actTickStart(s, out, rule));
  officersDecide(s);
  releaseDue(s);
  s.tick++;
  officerTally(s);
  if (s.tick % s.ticksPerDay === 0) endOfDay(s);
  judgeHorizon(s);
}

/** Advances the run by n ticks (n >= 0). */
export function advance(s: SimState, n: number): void {
  for (let k = 0; k < n; k++) stepOnce(s);
}

/** True once the outcome is decided (or the horizon reached). */
export const isFinished = (s: SimState): boolean => s.outcome !== null;

export const activeCount = (s: SimState): number => s.counts.citizens[CitizenState.active];
