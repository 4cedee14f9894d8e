/** Per-tick inputs shared by the loyalty channels, computed once so each channel is O(1) per officer. */
import type { SimState } from '../../state';

export interface LoyaltyContext {
  /** Fraction of a day one tick lasts: channel weights are per day unless their help says per hour. */
  dt: number;
  arrestsPerOfficer: Float64Array;
  violencePerOfficer: Float64Array;
  nationalViolence: number;
  /** Chance an officer of a district witnesses one of its arrests: min(1, 3 x arrests per officer). */
  witnessP: Float64Array;
  /** backfireWeight x hoursPerTick / 2 x (1 + symbolsBoost x symbols). */
  backfireK: number;
  /** Visible defected / unit size, per unit (read from the previous tick). */
  unitShare: Float64Array;
  /** regimeWeight x dt, and the pay-and-propaganda pull (0.5 min(1, resources) + 0.5 propaganda). */
  regimeK: number;
  regimePay: number;
}

const cache = new WeakMap<SimState, LoyaltyContext>();

export function loyaltyContext(s: SimState): LoyaltyContext {
  const nd = s.districtIds.length;
  let ctx = cache.get(s);
  if (!ctx) {
    ctx = { dt: 0, arrestsPerOfficer: new Float64Array(nd), violencePerOfficer: new Float64Array(nd), nationalViolence: 0,
      witnessP: new Float64Array(nd), backfireK: 0, unitShare: new Float64Array(s.units.n), regimeK: 0, regimePay: 0 };
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
  const p = s.params;
  for (let d = 0; d < nd; d++) ctx.witnessP[d] = Math.min(1, 3 * ctx.arrestsPerOfficer[d]);
  ctx.backfireK = p.backfireWeight * p.hoursPerTick * 0.5 * (1 + p.symbolsBoost * s.movement.levels.symbols);
  const u = s.units;
  for (let k = 0; k < u.n; k++) ctx.unitShare[k] = u.visible[k] / u.size[k];
  ctx.regimeK = p.regimeWeight * ctx.dt;
  ctx.regimePay = 0.5 * Math.min(1, s.regime.resources) + 0.5 * p.propaganda;
  return ctx;
}
