/**
 * Citizen activation, Epstein (2002) civil violence model, run 2, with two extensions:
 *   active  <=>  G - N + M > T_i
 *   G = H (1 - L_i)           grievance; L_i shifted by private opinion (Kuran 1991)
 *   N = R P,  P = 1 - exp(-k floor(C / A))   C officers, A = 1 + active citizens in vision
 *   M = momentumWeight x momentum           perceived chance the movement wins
 *   T_i = T + falsificationCost x (1 - momentum)   hidden opposition surfaces as momentum grows
 * A = 1 + active in vision, the agent itself included, exactly as NetLogo's Rebellion counts it.
 * With the extensions at 0 this is NetLogo Rebellion's rule.
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

export function wantsActive(s: SimState, i: number, table: Float64Array): boolean {
  const p = s.params, c = s.c, g = s.grid, cell = c.cell[i];
  const L = p.legitimacy - p.opinionLegitimacyShift * c.opinion[i];
  const G = c.hardship[i] * (1 - (L < 0 ? 0 : L > 1 ? 1 : L));
  const j = Math.floor(g.nbCop[cell] / (1 + g.nbAct[cell]));
  const P = j < 256 ? table[j] : 1;
  const N = c.risk[i] * P;
  const M = p.momentumWeight * s.momentum;
  const T = p.activationThreshold + p.falsificationCost * (1 - s.momentum);
  return G - N + M > T;
}
