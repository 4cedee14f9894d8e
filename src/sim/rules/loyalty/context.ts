/** Per-tick inputs shared by the loyalty channels, computed once so each channel is O(1) per officer. */
import type { SimState } from '../../state';
import { OfficerState } from '../../state';

export interface LoyaltyContext {
  /** Fraction of a day one tick lasts: channel weights are per day. */
  dt: number;
  arrestsPerOfficer: Float64Array;
  violencePerOfficer: Float64Array;
  nationalViolence: number;
}

let ctx: LoyaltyContext | null = null;

export function loyaltyContext(s: SimState): LoyaltyContext {
  const nd = s.districtIds.length;
  if (!ctx || ctx.arrestsPerOfficer.length !== nd)
    ctx = { dt: 0, arrestsPerOfficer: new Float64Array(nd), violencePerOfficer: new Float64Array(nd), nationalViolence: 0 };
  ctx.dt = s.params.hoursPerTick / 24;
  const staff = new Float64Array(nd);
  const o = s.o;
  let onDuty = 0;
  for (let j = 0; j < o.n; j++)
    if (o.deployed[j] && o.state[j] <= OfficerState.insider) { staff[o.district[j]]++; onDuty++; }
  for (let d = 0; d < nd; d++) {
    ctx.arrestsPerOfficer[d] = s.tickArrests[d] / Math.max(1, staff[d]);
    ctx.violencePerOfficer[d] = s.tickViolence[d] / Math.max(1, staff[d]);
  }
  ctx.nationalViolence = s.tickTally.violent / Math.max(1, onDuty);
  return ctx;
}
