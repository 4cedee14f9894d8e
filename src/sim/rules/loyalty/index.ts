/**
 * Loyalty update: the sum of the named channels, nothing else (MODEL.md section 3). A channel
 * switched off contributes exactly 0, and since every channel draws from its own stream the run
 * is bit-identical to the baseline until that channel's baseline contribution first differs
 * from 0. Each officer's per-channel contributions are kept (last tick and cumulative) so a view
 * can explain why he moved. Loyalty is clamped to [0, 1] after the sum.
 * A channel whose inputs are all zero this tick (no arrests, no tactic running, ...) returns 0
 * for everyone without drawing, so it is skipped as a whole: same result, less work at scale.
 */
import { NCH, OfficerState } from '../../state';
import type { SimState } from '../../state';
import { accountability } from './accountability';
import { backfire } from './backfire';
import type { LoyaltyContext } from './context';
import { exposure } from './exposure';
import { momentumChannel } from './momentum';
import { offers } from './offers';
import { peers } from './peers';
import { regimePull } from './regime';
import { threat } from './threat';

/** Which channels can be non-zero this tick, in CHANNELS order. */
export interface ChannelGate { live: boolean[]; on: boolean[] }

export function channelGate(s: SimState, x: LoyaltyContext): ChannelGate {
  const p = s.params, lv = s.movement.levels;
  return {
    live: [
      s.tickTally.arrests > 0,
      s.tickTally.violent > 0 || x.nationalViolence > 0,
      lv.streetUnmasking > 0 || lv.publication > 0,
      lv.amnesty > 0 || (lv.fund > 0 && s.movement.fund > 0) || lv.outreach > 0,
      s.units.anyVisible,
      s.momentum !== 0,
      lv.registry > 0,
      true,
    ],
    on: [p.backfireOn, p.threatOn, p.exposureOn, p.offersOn, p.peersOn, p.momentumOn, p.accountabilityOn, p.regimeOn],
  };
}

function put(s: SimState, base: number, ch: number, v: number, on: boolean): number {
  const d = on ? v : 0;
  s.o.channelLast[base + ch] = d;
  if (d !== 0) s.o.channelSum[base + ch] += d;
  return d;
}

/** Applies every channel to officer j (serving officers only). */
export function updateOfficerLoyalty(s: SimState, j: number, x: LoyaltyContext, gt: ChannelGate): void {
  const o = s.o;
  if (o.state[j] > OfficerState.insider) return;
  const base = j * NCH, L = gt.live, on = gt.on;
  let total = 0;
  // Explicit calls (not a table of functions) keep each call site monomorphic for the JIT.
  total += L[0] ? put(s, base, 0, backfire(s, j, x), on[0]) : put(s, base, 0, 0, false);
  total += L[1] ? put(s, base, 1, threat(s, j, x), on[1]) : put(s, base, 1, 0, false);
  total += L[2] ? put(s, base, 2, exposure(s, j, x), on[2]) : put(s, base, 2, 0, false);
  total += L[3] ? put(s, base, 3, offers(s, j, x), on[3]) : put(s, base, 3, 0, false);
  total += L[4] ? put(s, base, 4, peers(s, j, x), on[4]) : put(s, base, 4, 0, false);
  total += L[5] ? put(s, base, 5, momentumChannel(s, j, x), on[5]) : put(s, base, 5, 0, false);
  total += L[6] ? put(s, base, 6, accountability(s, j, x), on[6]) : put(s, base, 6, 0, false);
  total += L[7] ? put(s, base, 7, regimePull(s, j, x), on[7]) : put(s, base, 7, 0, false);
  if (total !== 0) {
    const l = o.loyalty[j] + total;
    o.loyalty[j] = l < 0 ? 0 : l > 1 ? 1 : l;
  }
}
