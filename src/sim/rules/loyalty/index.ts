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
  const on = [p.backfireOn, p.threatOn, p.exposureOn, p.offersOn, p.peersOn, p.momentumOn, p.accountabilityOn, p.regimeOn];
  // A channel switched off contributes 0 and, apart from exposure (whose identifications change
  // the officers), draws only from its own stream: it need not run at all.
  const live = [
    s.tickTally.arrests > 0,
    s.tickTally.violent > 0 || x.nationalViolence > 0,
    lv.streetUnmasking > 0 || lv.publication > 0,
    lv.amnesty > 0 || (lv.fund > 0 && s.movement.fund > 0) || lv.outreach > 0,
    s.units.anyVisible,
    s.momentum !== 0,
    lv.registry > 0,
    true,
  ].map((l, ch) => l && (on[ch] || ch === 2));
  return { live, on };
}

const wasLiveBy = new WeakMap<SimState, boolean[]>();

/**
 * Applies every channel to every serving officer, clamps loyalty to [0, 1], and lets him decide
 * (the decision reads only his own state and last tick's unit tallies). One pass over
 * the officers, each channel written to its own contiguous slice (channel-major storage), the
 * calls explicit so each call site stays monomorphic and inlinable.
 */
export function updateLoyalty(s: SimState, x: LoyaltyContext, decide: (s: SimState, j: number, peersUnit: boolean) => void): void {
  const o = s.o, n = o.n, gt = channelGate(s, x), L = gt.live, on = gt.on;
  let was = wasLiveBy.get(s);
  if (!was) { was = new Array(NCH).fill(true); wasLiveBy.set(s, was); }
  const last = o.channelLast, sum = o.channelSum, loy = o.loyalty, st = o.state, SERVING = OfficerState.insider;
  const peersUnit = s.params.defectionThresholdUnit === 'peers';
  for (let ch = 0; ch < NCH; ch++) {
    if (!L[ch] && was[ch]) last.fill(0, ch * n, (ch + 1) * n); // a quiet channel contributes 0 to everyone
    was[ch] = L[ch];
  }
  const [L0, L1, L2, L3, L4, L5, L6, L7] = L, [on0, on1, on2, on3, on4, on5, on6, on7] = on;
  const o1 = n, o2 = 2 * n, o3 = 3 * n, o4 = 4 * n, o5 = 5 * n, o6 = 6 * n, o7 = 7 * n;
  for (let j = 0; j < n; j++) {
    if (st[j] > SERVING) continue;
    let total = 0, d = 0;
    if (L0) { d = backfire(s, j, x); if (!on0) d = 0; last[j] = d; if (d !== 0) { sum[j] += d; total += d; } }
    if (L1) { d = threat(s, j, x); if (!on1) d = 0; last[o1 + j] = d; if (d !== 0) { sum[o1 + j] += d; total += d; } }
    if (L2) { d = exposure(s, j, x); if (!on2) d = 0; last[o2 + j] = d; if (d !== 0) { sum[o2 + j] += d; total += d; } }
    if (L3) { d = offers(s, j, x); if (!on3) d = 0; last[o3 + j] = d; if (d !== 0) { sum[o3 + j] += d; total += d; } }
    if (L4) { d = peers(s, j, x); if (!on4) d = 0; last[o4 + j] = d; if (d !== 0) { sum[o4 + j] += d; total += d; } }
    if (L5) { d = momentumChannel(s, j, x); if (!on5) d = 0; last[o5 + j] = d; if (d !== 0) { sum[o5 + j] += d; total += d; } }
    if (L6) { d = accountability(s, j, x); if (!on6) d = 0; last[o6 + j] = d; if (d !== 0) { sum[o6 + j] += d; total += d; } }
    if (L7) { d = regimePull(s, j, x); if (!on7) d = 0; last[o7 + j] = d; if (d !== 0) { sum[o7 + j] += d; total += d; } }
    if (total !== 0) { const l = loy[j] + total; loy[j] = l < 0 ? 0 : l > 1 ? 1 : l; }
    decide(s, j, peersUnit); // his decision follows his own update at once
  }
}
