/**
 * What an officer does when his loyalty falls below his threshold (Bartkowski's guide for members
 * of security forces): shirk, become an insider, resign (quietly or noisily, or with his unit) or
 * join the movement. The choice is drawn with weights
 *   shirk   ~ shirkChoiceWeight x (shirkBaseWeight + fear)      insider ~ insiderChoiceWeight x (1 - exposure)
 *   resign  ~ resignChoiceWeight x (1 - salaryDep x (1 - fund pays))
 *   join    ~ joinChoiceWeight x min(1, exposure + joinTieWeight x ties) x (1 - fear)
 * A shirker or insider whose loyalty sinks escalationGap further resigns or joins.
 * In the peers unit (Granovetter) the trigger is: visible defected in his unit at t-1 >= threshold.
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

const fundPays = (s: SimState): boolean => s.movement.fund >= 1 && s.movement.levels.fund > 0;

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

/** The four weights of officer j's choice (escalating: only resign and join remain). */
export function choiceWeights(s: SimState, j: number, escalate: boolean): [number, number, number, number] {
  const o = s.o, p = s.params;
  const ws = escalate ? 0 : p.shirkChoiceWeight * (p.shirkBaseWeight + o.fear[j]);
  const wi = escalate ? 0 : p.insiderChoiceWeight * (1 - o.exposure[j]);
  const wr = p.resignChoiceWeight * (1 - o.salaryDep[j] * (fundPays(s) ? 0 : 1));
  const ties = o.tieStart[j + 1] - o.tieStart[j];
  const wj = p.joinChoiceWeight * Math.min(1, o.exposure[j] + p.joinTieWeight * ties) * (1 - o.fear[j]);
  return [ws, wi, wr, wj];
}

function choose(s: SimState, j: number, escalate: boolean): number {
  const [ws, wi, wr, wj] = choiceWeights(s, j, escalate);
  const total = ws + wi + wr + wj;
  // Every weight zero (e.g. a Granovetter officer who depends wholly on his salary): he still leaves: he resigns.
  if (total <= 0) return OfficerState.resigned;
  let u = s.rng.decisions() * total;
  if ((u -= ws) < 0) return OfficerState.shirking;
  if ((u -= wi) < 0) return OfficerState.insider;
  if ((u -= wr) < 0) return OfficerState.resigned;
  return OfficerState.joined;
}

/** Officer j acts if his trigger fires (called right after his loyalty update). */
export function decideOfficer(s: SimState, j: number, peersUnit: boolean): void {
  const o = s.o, st = o.state[j];
  if (st === OfficerState.on_duty) {
    const trigger = peersUnit ? peerSignal(s, j) >= o.theta[j] : o.loyalty[j] < o.theta[j];
    if (trigger) {
      const next = choose(s, j, false);
      leave(s, j, next, next === OfficerState.resigned ? 'resign' : next === OfficerState.shirking ? 'shirk' : 'insider');
    }
  } else if ((st === OfficerState.shirking || st === OfficerState.insider) && !peersUnit && o.loyalty[j] < o.theta[j] - s.params.escalationGap) {
    leave(s, j, choose(s, j, true), 'resign');
  }
}

/** True when unit k walks out: at least unitWalkoutShare of it has defected (and someone has). */
const walksOut = (s: SimState, k: number): boolean => s.units.defected[k] > 0 && s.units.defected[k] >= s.params.unitWalkoutShare * s.units.size[k];

/**
 * A unit in which enough had defected by the end of the last tick walks out: its wavering rest
 * (loyalty < threshold + walkoutMargin) resigns together.
 */
export function unitWalkouts(s: SimState): void {
  const o = s.o, u = s.units, p = s.params;
  if (p.unitWalkoutShare >= 1 || p.defectionThresholdUnit === 'peers') return;
  let any = false;
  for (let k = 0; k < u.n && !any; k++) if (walksOut(s, k)) any = true;
  if (!any) return;
  for (let j = 0; j < o.n; j++)
    if (o.state[j] === OfficerState.on_duty && walksOut(s, o.unit[j]) && o.loyalty[j] < o.theta[j] + p.walkoutMargin)
      leave(s, j, OfficerState.resigned, 'walkout');
}
