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

/**
 * One channel over all serving officers, adding its contribution to delta[j]. Channel by channel
 * (rather than officer by officer) keeps each loop monomorphic and lets a quiet channel be
 * skipped whole; the sum per officer is still taken in channel order, so the result is the same.
 */
function runChannel(s: SimState, ch: number, x: LoyaltyContext, on: boolean, delta: Float64Array): void {
  const o = s.o, n = o.n, st = o.state, last = o.channelLast, sum = o.channelSum, SERVING = OfficerState.insider, off = ch * n;
  for (let j = 0; j < n; j++) {
    if (st[j] > SERVING) continue;
    // A switch, not a table of functions: each call site stays monomorphic and can be inlined.
    let v: number;
    switch (ch) {
      case 0: v = backfire(s, j, x); break;
      case 1: v = threat(s, j, x); break;
      case 2: v = exposure(s, j, x); break;
      case 3: v = offers(s, j, x); break;
      case 4: v = peers(s, j, x); break;
      case 5: v = momentumChannel(s, j, x); break;
      case 6: v = accountability(s, j, x); break;
      default: v = regimePull(s, j, x);
    }
    const d = on ? v : 0;
    last[off + j] = d;
    if (d !== 0) { sum[off + j] += d; delta[j] += d; }
  }
}

const buffers = new WeakMap<SimState, { delta: Float64Array; wasLive: boolean[] }>();

/** Applies every channel to every serving officer, then clamps loyalty to [0, 1]. */
export function updateLoyalty(s: SimState, x: LoyaltyContext): void {
  const o = s.o, n = o.n, gt = channelGate(s, x);
  let b = buffers.get(s);
  if (!b) { b = { delta: new Float64Array(n), wasLive: new Array(NCH).fill(true) }; buffers.set(s, b); }
  const delta = b.delta;
  delta.fill(0);
  for (let ch = 0; ch < NCH; ch++) {
    if (gt.live[ch]) runChannel(s, ch, x, gt.on[ch], delta);
    else if (b.wasLive[ch]) o.channelLast.fill(0, ch * n, (ch + 1) * n);
    b.wasLive[ch] = gt.live[ch];
  }
  const L = o.loyalty, st = o.state;
  for (let j = 0; j < n; j++) {
    if (st[j] > OfficerState.insider || delta[j] === 0) continue;
    const l = L[j] + delta[j];
    L[j] = l < 0 ? 0 : l > 1 ? 1 : l;
  }
}
