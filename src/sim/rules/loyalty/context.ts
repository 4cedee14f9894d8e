/** Per-tick inputs shared by the loyalty channels, computed once so each channel is O(1) per officer. */
import type { SimState } from '../../state';

export interface LoyaltyContext {
  /** Fraction of a day one tick lasts: channel weights are per day unless their help says per hour. */
  dt: number;
  arrestsPerOfficer: Float64Array;
  violencePerOfficer: Float64Array;
  nationalViolence: number;
}

const cache = new WeakMap<SimState, LoyaltyContext>();

export function loyaltyContext(s: SimState): LoyaltyContext {
  const nd = s.districtIds.length;
  let ctx = cache.get(s);
  if (!ctx) {
    ctx = { dt: 0, arrestsPerOfficer: new Float64Array(nd), violencePerOfficer: new Float64Array(nd), nationalViolence: 0 };
    cache.set(s, ctx);
  }
  ctx.dt = s.params.hoursPerTick / 24;
  let onDuty = 0;
  for (let d = 0; d < nd; d++) {
    const staff = s.staffByDistrict[d];
    onDuty += staff;
    ctx.arrestsPerOfficer[d] = s.tickArrests[d] / Math.max(1, staff);
    ctx.violencePerOfficer[d] = s.tickViolence[d] / Math.max(1, staff);
  }
  ctx.nationalViolence = s.tickTally.violent / Math.max(1, onDuty);
  return ctx;
}
