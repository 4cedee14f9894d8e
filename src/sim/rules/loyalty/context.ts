/**
 * Per-tick inputs shared by the loyalty channels, computed once per tick so each channel's
 * equation is O(1) per officer. The buffers live in the run's scratch (SimState.scratch): they are
 * rewritten from the state at every tick and carry nothing from one tick to the next.
 */
import type { SimState } from '../../state';
import { violentFlank } from '../violentFlank';

export interface LoyaltyContext {
  /** Fraction of a day one tick lasts: channel weights are per day unless their help says per hour. */
  dt: number;
  arrestsPerOfficer: Float64Array;
  violencePerOfficer: Float64Array;
  nationalViolence: number;
  /** Chance an officer of a district witnesses one of its arrests: min(1, witnessFactor x arrests per officer). */
  witnessP: Float64Array;
  /** backfireWeight x hoursPerTick x (1 + symbolsBoost x symbols) x the violent flank (violentFlank.ts). */
  backfireK: number;
  /** Visible defected / unit size, per unit (read from the previous tick). */
  unitShare: Float64Array;
  /** regimeWeight x dt, and the pay-and-propaganda pull (payWeight min(1, resources) + (1 - payWeight) propaganda). */
  regimeK: number;
  regimePay: number;
  /** Rise of each officer's exposure this tick (identification rule), and how many rose. */
  exposureGain: Float32Array;
  identified: number;
  /** Amnesty level x credibility x perceived chance of a fall: how believable a way out is. */
  amnestyStrength: number;
  /** Whether bonuses run today (the regime channel's extra pull). */
  bonusPull: number;
}

export function makeLoyaltyContext(nDistricts: number, nUnits: number, nOfficers: number): LoyaltyContext {
  return { dt: 0, arrestsPerOfficer: new Float64Array(nDistricts), violencePerOfficer: new Float64Array(nDistricts), nationalViolence: 0,
    witnessP: new Float64Array(nDistricts), backfireK: 0, unitShare: new Float64Array(nUnits), regimeK: 0, regimePay: 0,
    exposureGain: new Float32Array(nOfficers), identified: 0, amnestyStrength: 0, bonusPull: 0 };
}

/** Fills the context from the state at the start of the loyalty update (the identification rule has run). */
export function loyaltyContext(s: SimState): LoyaltyContext {
  const ctx = s.scratch.loyalty, nd = s.districtIds.length, p = s.params;
  ctx.dt = p.hoursPerTick / 24;
  let onDuty = 0;
  for (let d = 0; d < nd; d++) {
    const staff = s.staffByDistrict[d];
    onDuty += staff;
    ctx.arrestsPerOfficer[d] = s.tickArrests[d] / Math.max(1, staff);
    ctx.violencePerOfficer[d] = s.tickViolence[d] / Math.max(1, staff);
    ctx.witnessP[d] = Math.min(1, p.witnessFactor * ctx.arrestsPerOfficer[d]);
  }
  ctx.nationalViolence = s.tickTally.violent / Math.max(1, onDuty);
  ctx.backfireK = p.backfireWeight * p.hoursPerTick * (1 + p.symbolsBoost * s.movement.levels.symbols) * violentFlank(s);
  const u = s.units;
  for (let k = 0; k < u.n; k++) ctx.unitShare[k] = u.visible[k] / u.size[k];
  ctx.regimeK = p.regimeWeight * ctx.dt;
  ctx.regimePay = p.regimePayWeight * Math.min(1, s.regime.resources) + (1 - p.regimePayWeight) * p.propaganda;
  ctx.amnestyStrength = s.movement.levels.amnesty * p.amnestyCredibility * s.perceived;
  ctx.bonusPull = s.regime.bonus * p.bonusPull;
  return ctx;
}
