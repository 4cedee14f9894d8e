/**
 * What an officer does when his loyalty falls below his threshold (Bartkowski's guide for members
 * of security forces): shirk, become an insider, resign (quietly or noisily, or with his unit) or
 * join the movement. Exit depends on opportunity, not only on loyalty: below his threshold he acts
 * with hazard rate per day
 *   h = exitRatePerDay x (1 + opportunity) x (1 - exitFearDamping x fear),
 *   opportunity = exitOpportunityContact x contact + exitOpportunityFund x [fund pays] x salaryDep
 *                 + exitOpportunityAmnesty x amnesty strength (x amnestyAbuserTrust for abusers)
 * (P per tick = 1 - exp(-h x dt)), and then chooses with weights
 *   shirk   ~ shirkChoiceWeight x (shirkBaseWeight + fear) x (1 + amnestyShirkBoost x A) x (1 - threatShirkDamping x threat)
 *   insider ~ insiderChoiceWeight x (1 - exposure) x (1 + contactInsiderBoost x contact)
 *   resign  ~ resignChoiceWeight x (1 - salaryDep x (1 - fund pays)) x (1 + contactResignBoost x contact)
 *   join    ~ joinChoiceWeight x min(1, exposure + joinTieWeight x ties) x (1 - fear)
 * A = his amnesty strength (amnesty is for those who refuse orders); threat = min(1, attacks per
 * officer in his district / threatFullAttacksPerOfficer) this tick (the reserve: threatReserveShare x the national rate). A shirker or insider whose
 * loyalty sinks escalationGap further resigns or joins. A minor offender on record (documented
 * abuses <= minorAbuseMax) turns insider with hazard immunityTurnRatePerDay x immunity x perceived
 * (immunity for testimony). In the peers unit (Granovetter) the trigger is immediate: visible
 * defected in his unit at t-1 >= threshold. Nobody leaves while the forces are held (holdForce).
 */
import { OfficerState } from '../state';
import type { SimState } from '../state';
import { logEvent } from '../eventLog';
import { officerSetState } from '../world/cells';
import { peerSignal } from './loyalty/peers';

/** The channel that pushed him down most (peers when the peer count itself triggered); none if no channel did. */
function mainChannel(s: SimState, j: number): string | undefined {
  if (s.params.defectionThresholdUnit === 'peers') return 'peers';
  let best = -1, bv = 0;
  for (let k = 0; k < s.channels.length; k++) { const v = s.o.channelSum[k * s.o.n + j]; if (v < bv) { bv = v; best = k; } }
  return best < 0 ? undefined : s.channels[best];
}

export const fundPays = (s: SimState): boolean => s.movement.fund >= 1 && s.movement.levels.fund > 0;

/** Officer j's amnesty strength: level x credibility x perceived chance, less for abusers. */
export const amnestyFor = (s: SimState, j: number): number =>
  s.scratch.loyalty.amnestyStrength * (s.o.abuses[j] > 0 ? s.params.amnestyAbuserTrust : 1);

/** This tick's threat on officer j: min(1, attacks per officer in his district / full). */
export function threatOn(s: SimState, j: number): number {
  const o = s.o, x = s.scratch.loyalty;
  const v = o.deployed[j] ? x.violencePerOfficer[o.district[j]] : s.params.threatReserveShare * x.nationalViolence;
  return Math.min(1, v / s.params.threatFullAttacksPerOfficer);
}

/** Officer j's hazard rate (per day) of acting once below his threshold. */
export function exitHazard(s: SimState, j: number): number {
  const o = s.o, p = s.params;
  const opportunity = p.exitOpportunityContact * o.contact[j] + (fundPays(s) ? p.exitOpportunityFund * o.salaryDep[j] : 0)
    + p.exitOpportunityAmnesty * amnestyFor(s, j);
  return p.exitRatePerDay * (1 + opportunity) * (1 - p.exitFearDamping * o.fear[j]);
}

/** The four weights of officer j's choice (escalating: only resign and join remain). */
export function choiceWeights(s: SimState, j: number, escalate: boolean): [number, number, number, number] {
  const o = s.o, p = s.params, c = o.contact[j];
  const ws = escalate ? 0 : p.shirkChoiceWeight * (p.shirkBaseWeight + o.fear[j]) * (1 + p.amnestyShirkBoost * amnestyFor(s, j))
    * (1 - p.threatShirkDamping * threatOn(s, j));
  const wi = escalate ? 0 : p.insiderChoiceWeight * (1 - o.exposure[j]) * (1 + p.contactInsiderBoost * c);
  const wr = p.resignChoiceWeight * (1 - o.salaryDep[j] * (fundPays(s) ? 0 : 1)) * (1 + p.contactResignBoost * c);
  const ties = o.tieStart[j + 1] - o.tieStart[j];
  const wj = p.joinChoiceWeight * Math.min(1, o.exposure[j] + p.joinTieWeight * ties) * (1 - o.fear[j]);
  return [ws, wi, wr, wj];
}

function leave(s: SimState, j: number, next: number, kind: string): void {
  const o = s.o, p = s.params;
  if (o.defectTick[j] < 0) { o.defectTick[j] = s.tick; s.defectedCount++; s.today.defected++; }
  if (next === OfficerState.resigned) {
    s.totals.resignations++; s.today.resigned++;
    o.noisy[j] = kind !== 'walkout' && s.rng.decisions() < p.noisyResignShare ? 1 : 0;
    if (fundPays(s)) s.movement.fund -= 1;
  }
  officerSetState(s, j, next, next !== OfficerState.resigned && o.deployed[j] === 1);
  const k = next === OfficerState.resigned ? (o.noisy[j] ? 'resign-noisy' : kind) : OfficerState.joined === next ? 'join' : kind;
  logEvent(s, { tick: s.tick, kind: k, officer: j, channel: mainChannel(s, j), district: s.districtIds[o.district[j]] });
}

function choose(s: SimState, j: number, w: [number, number, number, number]): number {
  const [ws, wi, wr] = w, total = w[0] + w[1] + w[2] + w[3];
  // Every weight zero (e.g. a Granovetter officer who depends wholly on his salary): he still leaves: he resigns.
  if (total <= 0) return OfficerState.resigned;
  let u = s.rng.decisions() * total;
  if ((u -= ws) < 0) return OfficerState.shirking;
  if ((u -= wi) < 0) return OfficerState.insider;
  if ((u -= wr) < 0) return OfficerState.resigned;
  return OfficerState.joined;
}

/** He leaves duty for `next`, logged by what he did. */
const act = (s: SimState, j: number, next: number): void =>
  leave(s, j, next, next === OfficerState.resigned ? 'resign' : next === OfficerState.shirking ? 'shirk' : 'insider');

/** Chance per tick of an event with hazard rate `perDay`. */
const perTick = (s: SimState, perDay: number): number => 1 - Math.exp(-perDay * s.params.hoursPerTick / 24);

/** Officer j acts if his trigger fires (called right after his loyalty update). */
export function decideOfficer(s: SimState, j: number, peersUnit: boolean): void {
  const o = s.o, st = o.state[j], p = s.params;
  if (p.holdForce) return;
  if (st === OfficerState.on_duty) {
    if (peersUnit) {
      if (peerSignal(s, j) >= o.theta[j]) act(s, j, choose(s, j, choiceWeights(s, j, false)));
      return;
    }
    if (o.documented[j] > 0 && o.documented[j] <= p.minorAbuseMax && s.movement.levels.immunity > 0) {
      const q = perTick(s, p.immunityTurnRatePerDay * s.movement.levels.immunity * s.perceived);
      if (q > 0 && s.rng.decisions() < q) { leave(s, j, OfficerState.insider, 'testify'); return; }
    }
    if (o.loyalty[j] >= o.theta[j]) return;
    const w = choiceWeights(s, j, false), total = w[0] + w[1] + w[2] + w[3], q = perTick(s, exitHazard(s, j));
    s.today.resignHazard += total > 0 ? q * w[2] / total : q;
    if (s.rng.decisions() >= q) return;
    act(s, j, choose(s, j, w));
  } else if ((st === OfficerState.shirking || st === OfficerState.insider) && !peersUnit && o.loyalty[j] < o.theta[j] - p.escalationGap) {
    // He leaves now, for sure: his chance of filing for dismissal is his resign weight's share.
    const w = choiceWeights(s, j, true), total = w[0] + w[1] + w[2] + w[3];
    s.today.resignHazard += total > 0 ? w[2] / total : 1;
    leave(s, j, choose(s, j, w), 'resign');
  }
}

/** True when unit k walks out now: it has not yet, and at least unitWalkoutShare of it has defected (and someone has). */
const walksOut = (s: SimState, k: number): boolean =>
  s.units.walked[k] === 0 && s.units.defected[k] > 0 && s.units.defected[k] >= s.params.unitWalkoutShare * s.units.size[k];

/**
 * A unit in which enough had defected by the end of the last tick walks out, once ("resign en
 * masse": the guide): its wavering rest (loyalty < threshold + walkoutMargin) resigns together.
 */
export function unitWalkouts(s: SimState): void {
  const o = s.o, u = s.units, p = s.params;
  if (p.unitWalkoutShare >= 1 || p.defectionThresholdUnit === 'peers' || p.holdForce) return;
  const now = s.scratch.walking;
  let any = false;
  for (let k = 0; k < u.n; k++) { now[k] = walksOut(s, k) ? 1 : 0; if (now[k]) { any = true; u.walked[k] = 1; } }
  if (!any) return;
  for (let j = 0; j < o.n; j++)
    if (now[o.unit[j]] && o.state[j] === OfficerState.on_duty && o.loyalty[j] < o.theta[j] + p.walkoutMargin) {
      s.today.resignHazard += 1; // a walk-out is a resignation for certain (the dismissal figure counts it)
      leave(s, j, OfficerState.resigned, 'walkout');
    }
}
