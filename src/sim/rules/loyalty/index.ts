/**
 * Loyalty update: the sum of the named channels, nothing else (MODEL.md section 3). A channel
 * switched off contributes exactly 0, and since every channel draws from its own stream the run
 * is bit-identical to the baseline until that channel's baseline contribution first differs
 * from 0. Each officer's per-channel contributions are kept (last tick and cumulative) so a view
 * can explain why he moved. Loyalty is clamped to [0, 1] after the sum.
 */
import { NCH, OfficerState } from '../../state';
import type { SimState } from '../../state';
import { accountability } from './accountability';
import { backfire } from './backfire';
import { loyaltyContext, type LoyaltyContext } from './context';
import { exposure } from './exposure';
import { momentumChannel } from './momentum';
import { offers } from './offers';
import { peers } from './peers';
import { regimePull } from './regime';
import { threat } from './threat';

type ChannelFn = (s: SimState, j: number, x: LoyaltyContext) => number;
/** In CHANNELS order. */
const FNS: ChannelFn[] = [backfire, threat, exposure, offers, peers, momentumChannel, accountability, regimePull];
const ON_KEYS = ['backfireOn', 'threatOn', 'exposureOn', 'offersOn', 'peersOn', 'momentumOn', 'accountabilityOn', 'regimeOn'] as const;

export function updateLoyalty(s: SimState): void {
  const x = loyaltyContext(s);
  const o = s.o, p = s.params, last = o.channelLast, sum = o.channelSum;
  const on = ON_KEYS.map((k) => p[k]);
  for (let j = 0; j < o.n; j++) {
    const base = j * NCH;
    if (o.state[j] > OfficerState.insider) continue;
    let total = 0;
    for (let ch = 0; ch < NCH; ch++) {
      // The channel's process runs either way (its own stream); "off" zeroes its contribution.
      const v = FNS[ch](s, j, x);
      const d = on[ch] ? v : 0;
      last[base + ch] = d;
      if (d !== 0) { sum[base + ch] += d; total += d; }
    }
    if (total !== 0) {
      const l = o.loyalty[j] + total;
      o.loyalty[j] = l < 0 ? 0 : l > 1 ? 1 : l;
    }
  }
}
