/**
 * The one way to advance the model: scheduled events, the movement's recorded actions, then n
 * ticks. The CLI, the batch runner and the page's worker all call advance() (or runToEnd).
 * Order within a tick follows NetLogo Rebellion: every agent moves then decides (live counts, one
 * random order) or, in tickStart mode, citizens then officers against counts taken per tick;
 * then violence, identification of officers, outreach contacts, the loyalty channels and officers'
 * decisions, unit walk-outs, the jail countdown, the tallies; at the end of each day the violence
 * level, momentum, outrage, the perceived chance of a fall, the regime's pillars and answers,
 * documentation, fading, the movement's capacity and tactics, the historical figures and the outcome.
 */
import { CitizenState, type SimState } from './state';
import { emptyDay } from './init';
import { staffingShares } from './metrics';
import { historicalDay } from './historical';
import { applyActions, movementDay } from './rules/actions';
import { activationRule, type ActivationRule } from './rules/activation';
import { indexActive, baseArrestRate } from './rules/arrest';
import { citizensTickStart } from './rules/citizenAct';
import { decideOfficer, unitWalkouts } from './rules/decisions';
import { applyEvents } from './rules/events';
import { identifyOfficers } from './rules/identification';
import { documentationDay } from './rules/documentation';
import { fadeDay } from './rules/fade';
import { outreachContacts } from './rules/outreach';
import { outrageNext, violenceLevelNext } from './rules/outrage';
import { updatePerception } from './rules/perception';
import { releaseDue } from './rules/jail';
import { liveTurns } from './rules/liveTurns';
import { updateLoyalty } from './rules/loyalty';
import { loyaltyContext } from './rules/loyalty/context';
import { MoverSampler } from './rules/move';
import { officersTickStart } from './rules/officerTurn';
import { officerTally, tallyForce } from './rules/officerTally';
import { updateMomentum } from './rules/momentum';
import { judgeDay, judgeHorizon } from './rules/outcome';
import { regimeDay } from './rules/regime';
import { turnout } from './rules/turnout';
import { protesterViolence } from './rules/violence';
import { scatterCounts, windowSum } from './world/neighbourhood';
import { OfficerState } from './state';

/**
 * nbAct, the active citizens within vision of each cell: from the list of active citizens when it
 * holds every one of them (scatterCounts: a few hundred thousand steps where a city map has a
 * million cells, the same figures bit for bit), otherwise by windowSum over every cell.
 */
function countActiveInVision(s: SimState): void {
  const g = s.grid, p = s.params, st = s.c.state, cellOf = s.c.cell, list = s.activeBuf, sc = s.scratch;
  const total = s.counts.citizens[CitizenState.active];
  let n = 0;
  if (total <= s.activeN) {
    if (sc.cellList.length < s.activeN) sc.cellList = new Int32Array(s.activeN);
    const cells = sc.cellList, ACTIVE = CitizenState.active;
    for (let q = 0; q < s.activeN; q++) { const i = list[q]; if (st[i] === ACTIVE) cells[n++] = cellOf[i]; }
  }
  if (n === total && scatterCounts(g, sc.cellList, n, g.nbAct, p.visionRadius, p.visionShape)) return;
  windowSum(g, g.actCell, g.nbAct, p.visionRadius, p.visionShape);
}

/** tickStart: counts, citizens' turns, the active index, officers' turns; returns how many are active. */
function actTickStart(s: SimState, out: number, rule: ActivationRule): number {
  const g = s.grid, p = s.params;
  windowSum(g, g.copCell, g.nbCop, p.visionRadius, p.visionShape);
  countActiveInVision(s);
  if (s.counts.officers[OfficerState.joined] > 0 || s.joinedSeen) {
    windowSum(g, g.joinedCell, g.nbJoined, p.visionRadius, p.visionShape);
    s.joinedSeen = true;
  }
  const na = citizensTickStart(s, out, rule, new MoverSampler(p.moveProbability, s.rng.move), s.activeBuf);
  indexActive(s, s.activeBuf, na);
  countActiveInVision(s);
  officersTickStart(s, new MoverSampler(p.moveProbability, s.rng.move), baseArrestRate(s));
  return na;
}

function endOfDay(s: SimState): void {
  s.today.staffing = staffingShares(s).byDistrict;
  s.violenceLevel = violenceLevelNext(s);
  updateMomentum(s);
  s.today.momentum = s.momentum;
  s.outrage = outrageNext(s);
  updatePerception(s);
  regimeDay(s);
  documentationDay(s);
  fadeDay(s);
  movementDay(s);
  historicalDay(s);
  judgeDay(s);
  s.yesterday = s.today;
  s.day++;
  s.today = emptyDay(s.day, s.districtIds.length);
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
  identifyOfficers(s);
  outreachContacts(s);
  updateLoyalty(s, loyaltyContext(s), decideOfficer);
  unitWalkouts(s);
  releaseDue(s);
  s.tick++;
  officerTally(s);
  if (s.tick % s.ticksPerDay === 0) {
    const purged = s.totals.purged;
    endOfDay(s);
    if (s.totals.purged !== purged) tallyForce(s);
  }
  judgeHorizon(s);
}

/** Advances the run by n ticks (n >= 0). */
export function advance(s: SimState, n: number): void {
  for (let k = 0; k < n; k++) stepOnce(s);
}

/** True once the outcome is decided (or the horizon reached). */
export const isFinished = (s: SimState): boolean => s.outcome !== null;

/**
 * Runs to the outcome (or the horizon, a stalemate) one tick at a time, so it stops on the tick
 * the outcome is decided; `onTick` sees the state after every tick (its events may be drained
 * there; otherwise they are dropped each tick so the log stays empty in a long batch run).
 */
export function runToEnd(s: SimState, onTick?: (s: SimState) => void): SimState {
  while (s.outcome === null && s.tick < s.horizonTicks) {
    advance(s, 1);
    if (onTick) onTick(s); else if (s.eventLog.length > 0) s.eventLog = [];
  }
  return s;
}

export const activeCount = (s: SimState): number => s.counts.citizens[CitizenState.active];
