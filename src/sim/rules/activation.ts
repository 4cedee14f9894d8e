/**
 * Citizen activation, Epstein (2002) civil violence model, run 2, with two extensions:
 *   active  <=>  G - N + M > T_i
 *   G = H (1 - L_i)           grievance; L_i shifted by private opinion (Kuran 1991) and lowered
 *                             by the citizens' outrage at repression (outrage.ts)
 *   N = R P,  P = min(1, 1 - exp(-k floor(C / A)) + violenceRiskWeight x violence level)
 *                             C officers, A = 1 + active citizens in vision; violent crowds look riskier
 *   M = momentumWeight x momentum           perceived chance the movement wins
 *   T_i = T + falsificationCost x (1 - momentum)   hidden opposition surfaces as momentum grows
 * A = 1 + active in vision, exactly as NetLogo's Rebellion counts it. With the extensions at 0
 * this is NetLogo Rebellion's rule. Everything but H, R, the opinion and the local counts is the
 * same for all citizens in a tick, so it is computed once per tick (ActivationRule); the hot
 * loops call `activates` and `arrestProbability` below (small: V8 inlines them).
 */
import type { SimState } from '../state';

/** Entries of the P(j) table; beyond it P is computed directly. */
const TABLE_SIZE = 256;

export interface ActivationRule {
  /** 1 - L_i for supporters, neutrals, opponents (opinion -1, 0, 1). */
  gByOpinion: Float64Array;
  M: number;
  T: number;
  k: number;
  /** violenceRiskWeight x violence level: added to P (0 without violence). */
  riskAdd: number;
  /** P(j) = 1 - exp(-k j) for the integer j = floor(C/A) (the floor makes it discrete). */
  table: Float64Array;
}

/** Estimated arrest probability for C officers and A active citizens in vision (with the risk violence adds). */
export function arrestProbability(rule: ActivationRule, cops: number, active: number): number {
  const j = Math.floor(cops / (1 + active));
  const P = j < TABLE_SIZE ? rule.table[j] : 1 - Math.exp(-rule.k * j);
  if (rule.riskAdd === 0) return P;
  const q = P + rule.riskAdd;
  return q > 1 ? 1 : q;
}

/** The activation test itself: grievance - risk x P + M > T. */
export const activates = (grievance: number, risk: number, arrestP: number, rule: ActivationRule): boolean =>
  grievance - risk * arrestP + rule.M > rule.T;

const clamp01 = (x: number) => (x < 0 ? 0 : x > 1 ? 1 : x);

/** This tick's constants of the rule (the P table is rebuilt only when k changes). */
export function activationRule(s: SimState): ActivationRule {
  const p = s.params, sc = s.scratch;
  if (sc.arrestK !== p.arrestK || sc.arrestTable.length !== TABLE_SIZE) {
    sc.arrestK = p.arrestK;
    sc.arrestTable = new Float64Array(TABLE_SIZE);
    for (let j = 0; j < TABLE_SIZE; j++) sc.arrestTable[j] = 1 - Math.exp(-p.arrestK * j);
  }
  const g = sc.gByOpinion, L = p.legitimacy - s.outrage;
  g[0] = 1 - clamp01(L + p.opinionLegitimacyShift);
  g[1] = 1 - clamp01(L);
  g[2] = 1 - clamp01(L - p.opinionLegitimacyShift);
  return {
    gByOpinion: g,
    M: p.momentumWeight * s.momentum,
    T: p.activationThreshold + p.falsificationCost * (1 - s.momentum),
    k: p.arrestK,
    riskAdd: p.violenceRiskWeight * s.violenceLevel,
    table: sc.arrestTable,
  };
}
