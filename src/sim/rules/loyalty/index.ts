/**
 * Loyalty update: the sum of the named channels, nothing else (docs/model.md section 6). Each
 * channel of the run (SimState.channels, in its order) that is switched on and can be non-zero
 * this tick makes one pass over the serving officers, writing its contributions to its own
 * record slot; a switched-off or quiet channel contributes exactly 0 and draws nothing. Then one
 * pass applies each officer's change, clamps loyalty to [0, 1] and lets him decide (the decision
 * reads only his own state and last tick's unit tallies).
 */
import { OfficerState } from '../../state';
import type { SimState } from '../../state';
import { channelDef, runChannel } from './channels';
import type { LoyaltyContext } from './context';

export function updateLoyalty(s: SimState, x: LoyaltyContext, decide: (s: SimState, j: number, peersUnit: boolean) => void): void {
  const o = s.o, n = o.n, p = s.params as unknown as Record<string, unknown>, was = s.channelWasLive;
  for (let slot = 0; slot < s.channels.length; slot++) {
    const def = channelDef(s.channels[slot]);
    if (def === undefined) throw new Error(`unknown loyalty channel '${s.channels[slot]}'`);
    const live = p[def.switchKey] === true && def.live(s, x);
    // A quiet channel contributes 0 to everyone: clear its last-tick record once.
    if (!live) { if (was[slot]) o.channelLast.fill(0, slot * n, (slot + 1) * n); was[slot] = 0; continue; }
    was[slot] = 1;
    runChannel(s, x, slot, def.fn);
  }
  const loy = o.loyalty, st = o.state, delta = s.scratch.loyaltyDelta, SERVING = OfficerState.insider;
  const peersUnit = s.params.defectionThresholdUnit === 'peers';
  for (let j = 0; j < n; j++) {
    if (st[j] > SERVING) continue;
    const d = delta[j];
    if (d !== 0) { const l = loy[j] + d; loy[j] = l < 0 ? 0 : l > 1 ? 1 : l; delta[j] = 0; }
    decide(s, j, peersUnit); // his decision follows his own update at once
  }
}
