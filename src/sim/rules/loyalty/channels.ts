/**
 * The eight loyalty channels as one table (docs/model.md section 6): id, switch parameter, random
 * stream, gate (can it be non-zero this tick?), the equation (one function per channel, in the
 * file named for it), the direction it pushes and the id of its learner text (src/ui/strings.ts).
 * The state's record layout (channelLast/channelSum slots), the streams, the UI's channel list
 * and the channel tests all derive from this table; a run may take its channels in any order
 * (SimState.channels), which the tests use to show that nothing depends on the position.
 */
import { OfficerState, type SimState } from '../../state';
import { accountability, accountabilityLive } from './accountability';
import { backfire, backfireLive } from './backfire';
import type { LoyaltyContext } from './context';
import { exposure, exposureLive } from './exposure';
import { momentumChannel, momentumLive } from './momentum';
import { offers, offersLive } from './offers';
import { peers, peersLive } from './peers';
import { regimeLive, regimePull } from './regime';
import { threat, threatLive } from './threat';

type ChannelFn = (s: SimState, j: number, x: LoyaltyContext) => number;

/** The channels' equations, in the table's order: runChannel dispatches on the position. */
const KERNELS: readonly ChannelFn[] = Object.freeze([backfire, threat, exposure, offers, peers, momentumChannel, accountability, regimePull]);

/**
 * One channel's pass over the serving officers: its contribution to each goes to his record
 * (slot) and to this tick's loyalty change. The switch picks one loop per channel, each with its
 * own call site, so each site sees one function and V8 inlines it (a single site calling eight
 * functions would be a megamorphic call per officer and channel), and the switch runs once per
 * pass, not once per officer (5-7% of a campaign run).
 */
export function runChannel(s: SimState, x: LoyaltyContext, slot: number, fn: ChannelFn): void {
  const o = s.o, n = o.n, st = o.state, last = o.channelLast, sum = o.channelSum, delta = s.scratch.loyaltyDelta;
  const base = slot * n, SERVING = OfficerState.insider, k = KERNELS.indexOf(fn);
  if (k < 0) throw new Error('runChannel: not a channel equation of the table');
  switch (k) {
    case 0: for (let j = 0; j < n; j++) if (st[j] <= SERVING) record(last, sum, delta, base, j, backfire(s, j, x)); break;
    case 1: for (let j = 0; j < n; j++) if (st[j] <= SERVING) record(last, sum, delta, base, j, threat(s, j, x)); break;
    case 2: for (let j = 0; j < n; j++) if (st[j] <= SERVING) record(last, sum, delta, base, j, exposure(s, j, x)); break;
    case 3: for (let j = 0; j < n; j++) if (st[j] <= SERVING) record(last, sum, delta, base, j, offers(s, j, x)); break;
    case 4: for (let j = 0; j < n; j++) if (st[j] <= SERVING) record(last, sum, delta, base, j, peers(s, j, x)); break;
    case 5: for (let j = 0; j < n; j++) if (st[j] <= SERVING) record(last, sum, delta, base, j, momentumChannel(s, j, x)); break;
    case 6: for (let j = 0; j < n; j++) if (st[j] <= SERVING) record(last, sum, delta, base, j, accountability(s, j, x)); break;
    default: for (let j = 0; j < n; j++) if (st[j] <= SERVING) record(last, sum, delta, base, j, regimePull(s, j, x));
  }
}

/** Officer j's contribution d of one channel: to his record slot and to this tick's loyalty change. */
function record(last: Float32Array, sum: Float32Array, delta: Float64Array, base: number, j: number, d: number): void {
  last[base + j] = d;
  if (d !== 0) { sum[base + j] += d; delta[j] += d; }
}

export interface ChannelDef {
  id: string;
  /** The boolean parameter that switches it (off: contributes 0 and draws nothing). */
  switchKey: string;
  /** Its own random stream (`ch.<id>`), whether or not it draws. */
  stream: string;
  /** Learner text: `channel.<id>` (name) and `channelWhy.<id>` (what moves it), in src/ui/strings.ts. */
  textId: string;
  direction: 'down' | 'up' | 'both';
  /** False when its inputs are all zero this tick: it contributes 0 to everyone without drawing. */
  live(s: SimState, x: LoyaltyContext): boolean;
  /** The equation: officer j's contribution this tick. */
  fn: ChannelFn;
}

export const CHANNEL_TABLE = [
  { id: 'backfire', switchKey: 'backfireOn', stream: 'ch.backfire', textId: 'channel.backfire', direction: 'down', live: backfireLive, fn: backfire  },
  { id: 'threat', switchKey: 'threatOn', stream: 'ch.threat', textId: 'channel.threat', direction: 'up', live: threatLive, fn: threat  },
  { id: 'exposure', switchKey: 'exposureOn', stream: 'ch.exposure', textId: 'channel.exposure', direction: 'both', live: exposureLive, fn: exposure  },
  { id: 'offers', switchKey: 'offersOn', stream: 'ch.offers', textId: 'channel.offers', direction: 'down', live: offersLive, fn: offers  },
  { id: 'peers', switchKey: 'peersOn', stream: 'ch.peers', textId: 'channel.peers', direction: 'down', live: peersLive, fn: peers  },
  { id: 'momentum', switchKey: 'momentumOn', stream: 'ch.momentum', textId: 'channel.momentum', direction: 'down', live: momentumLive, fn: momentumChannel  },
  { id: 'accountability', switchKey: 'accountabilityOn', stream: 'ch.accountability', textId: 'channel.accountability', direction: 'both',
    live: accountabilityLive, fn: accountability  },
  { id: 'regime', switchKey: 'regimeOn', stream: 'ch.regime', textId: 'channel.regime', direction: 'up', live: regimeLive, fn: regimePull  },
] as const satisfies readonly ChannelDef[];

export type Channel = (typeof CHANNEL_TABLE)[number]['id'];
/** Channel ids in the table's (canonical) order. */
export const CHANNELS: readonly Channel[] = CHANNEL_TABLE.map((d) => d.id);
export const NCH = CHANNEL_TABLE.length;
export const CHANNEL_STREAMS: readonly string[] = CHANNEL_TABLE.map((d) => d.stream);

export const channelDef = (id: string): ChannelDef | undefined => CHANNEL_TABLE.find((d) => d.id === id);
export const isChannel = (id: string): id is Channel => channelDef(id) !== undefined;
