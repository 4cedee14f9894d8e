/**
 * What an officer does when his loyalty falls below his threshold (seed 004, the guide for members
 * of security forces): shirk, become an insider, resign (quietly or noisily, or with his unit) or
 * join the movement. The choice is drawn with weights
 *   shirk  ~ shirkChoiceWeight x fear          insider ~ insiderChoiceWeight x (1 - exposure)
 *   resign ~ resignChoiceWeight x (1 - salaryDep x (1 - fund pays))   join ~ joinChoiceWeight x exposure-or-ties x (1 - fear)
 * A shirker or insider whose loyalty sinks escalationGap further resigns or joins.
 * In the peers unit (Granovetter) the trigger is: visible defected in his unit at t-1 >= threshold.
 */
import { CHANNELS, NCH, OfficerState } from '../state';
import type { SimState } from '../state';
import { officerSetState } from '../world/cells';
import { peerSignal } from './loyalty/peers';

/** The channel that pushed him down most (peers when the peer count itself triggered); none if no channel did. */
function mainChannel(s: SimState, j: number): (typeof CHANNELS)[number] | undefined {
  if (s.params.defectionThresholdUnit === 'peers') return 'peers';
  let best = -1, bv = 0;
  for (let ch = 0; ch < NCH; ch++) { const v = s.o.channelSum[ch * s.o.n + j]; if (v < bv) { bv = v; best = ch; } }
  return best < 0 ? undefined : CHANNELS[best];
}

function leave(s: SimState, j: number, next: number, kind: string): void {
  const o = s.o, p = s.params;
  if (o.defectTick[j] < 0) { o.defectTick[j] = s.tick; s.defectedCount++; s.today.defected++; }
  if (next === OfficerState.resigned) {
    s.totals.resignations++; s.today.resigned++;
    o.noisy[j] = kind !== 'walkout' && s.rng.decisions() < p.noisyResignShare ? 1 : 0;
    if (s.movement.fund >= 1 && s.movement.levels.fund > 0) s.movement.fund -= 1;
  }
  officerSetState(s, j, next, next !== OfficerState.resigned && o.deployed[j] === 1);
  const k = next === OfficerState.resigned ? (o.noisy[j] ? 'resign-noisy' : kind) : OfficerState.joined === next ? 'join' : kind;
  s.eventLog.push({ tick: s.tick, kind: k, officer: j, channel: mainChannel(s, j), district: s.districtIds[o.district[j]] });
}

function choose(s: SimState, j: number, escalate: boolean): number {
  const o = s.o, p = s.params, r = s.rng.decisions;
  const fundPays = s.movement.fund >= 1 && s.movement.levels.fund > 0 ? 1 : 0;
  const ws = escalate ? 0 : p.shirkChoiceWeight * (0.2 + o.fear[j]);
  const wi = escalate ? 0 : p.insiderChoiceWeight * (1 - o.exposure[j]);
  const wr = p.resignChoiceWeight * (1 - o.salaryDep[j] * (1 - fundPays));
  const ties = o.tieStart[j + 1] - o.tieStart[j];
  const wj = p.joinChoiceWeight * Math.min(1, o.exposure[j] + 0.3 * ties) * (1 - o.fear[j]);
  const total = ws + wi + wr + wj;
  // Every weight zero (e.g. a Granovetter officer who depends wholly on his salary): he still leaves, quietly.
  if (total <= 0) return OfficerState.resigned;
  let u = r() * total;
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

/**
 * A unit in which enough had defected by the end of the last tick walks out: its wavering rest
 * (loyalty < threshold + 0.1) resigns together.
 */
export function unitWalkouts(s: SimState): void {
  const o = s.o, u = s.units, p = s.params;
  if (p.unitWalkoutShare >= 1 || p.defectionThresholdUnit === 'peers') return;
  let any = false;
  for (let k = 0; k < u.n && !any; k++) if (u.defected[k] > 0 && u.defected[k] >= p.unitWalkoutShare * u.size[k]) any = true;
  if (!any) return;
  for (let j = 0; j < o.n; j++) {
    const k = o.unit[j];
    if (o.state[j] === OfficerState.on_duty && u.defected[k] > 0 && u.defected[k] >= p.unitWalkoutShare * u.size[k] && o.loyalty[j] < o.theta[j] + 0.1)
      leave(s, j, OfficerState.resigned, 'walkout');
  }
}
