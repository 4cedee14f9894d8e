/**
 * Citizen activation, Epstein (2002) civil violence model, run 2, with two extensions:
 *   active  <=>  G - N + M > T_i
 *   G = H (1 - L_i)           grievance; L_i shifted by private opinion (Kuran 1991)
 *   N = R P,  P = 1 - exp(-k floor(C / A))   C officers, A = 1 + active citizens in vision
 *   M = momentumWeight x momentum           perceived chance the movement wins
 *   T_i = T + falsificationCost x (1 - momentum)   hidden opposition surfaces as momentum grows
 * A = 1 + active in vision, the agent itself included, exactly as NetLogo's Rebellion counts it.
 * With the extensions at 0 this is NetLogo Rebellion's rule.
 * Everything but H, R, the opinion and the local counts is the same for all citizens in a tick,
 * so it is computed once per tick (ActivationRule) and the per-citizen test stays a few loads.
 */
import type { SimState } from '../state';

let pTable = new Float64Array(0);
let pK = NaN;

/** P(j) = 1 - exp(-k j) for the integer j = floor(C/A), cached per k (the floor makes it discrete). */
export function arrestProbTable(k: number): Float64Array {
  if (k !== pK) {
    pK = k;
    pTable = new Float64Array(256);
    for (let j = 0; j < 256; j++) pTable[j] = 1 - Math.exp(-k * j);
  }
  return pTable;
}

export interface ActivationRule {
  /** 1 - L_i for supporters, neutrals, opponents (opinion -1, 0, 1). */
  gSup: number; gNeu: number; gOpp: number;
  M: number;
  T: number;
  table: Float64Array;
}

const clamp01 = (x: number) => (x < 0 ? 0 : x > 1 ? 1 : x);

export function activationRule(s: SimState): ActivationRule {
  const p = s.params;
  return {
    gSup: 1 - clamp01(p.legitimacy + p.opinionLegitimacyShift),
    gNeu: 1 - clamp01(p.legitimacy),
    gOpp: 1 - clamp01(p.legitimacy - p.opinionLegitimacyShift),
    M: p.momentumWeight * s.momentum,
    T: p.activationThreshold + p.falsificationCost * (1 - s.momentum),
    table: arrestProbTable(p.arrestK),
  };
}
