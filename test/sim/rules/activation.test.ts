/**
 * Activation (src/sim/rules/activation.ts): active <=> G - R P + M > T, with
 *   G = H (1 - L_i), L_i = (L - outrage) + shift (supporters), L - outrage (neutrals), L - outrage - shift (opponents), clamped to [0, 1]
 *   P = min(1, 1 - exp(-k floor(C / A)) + violenceRiskWeight x violence level), A = 1 + active in vision;  M = momentumWeight x momentum
 *   T = activationThreshold + falsificationCost x (1 - momentum)
 */
import { describe, expect, it } from 'vitest';
import { activates, activationRule, arrestProbability } from '../../../src/sim/rules/activation';
import { tinyWorld } from './world';

const LN2 = 0.6931471805599453; // k = ln 2 makes P(j) = 1 - 2^-j

describe('activation rule', () => {
  it('grievance factor 1 - L_i by opinion, M and T from momentum', () => {
    const s = tinyWorld({ legitimacy: 0.5, opinionLegitimacyShift: 0.25, momentumWeight: 0.3, activationThreshold: 0.1, falsificationCost: 0.2 });
    s.momentum = 0.5;
    const r = activationRule(s);
    expect(r.gByOpinion[0]).toBeCloseTo(0.25, 12); // supporter: 1 - (0.5 + 0.25)
    expect(r.gByOpinion[1]).toBeCloseTo(0.5, 12);  // neutral:   1 - 0.5
    expect(r.gByOpinion[2]).toBeCloseTo(0.75, 12); // opponent:  1 - (0.5 - 0.25)
    expect(r.M).toBeCloseTo(0.15, 12);             // 0.3 x 0.5
    expect(r.T).toBeCloseTo(0.2, 12);              // 0.1 + 0.2 x (1 - 0.5)
  });

  it('perceived legitimacy is clamped to [0, 1]; at momentum 0 M = 0 and T carries the whole falsification cost', () => {
    const s = tinyWorld({ legitimacy: 0.9, opinionLegitimacyShift: 0.25, momentumWeight: 0.3, activationThreshold: 0.1, falsificationCost: 0.2 });
    let r = activationRule(s);
    expect(r.gByOpinion[0]).toBe(0);               // 1 - min(1, 1.15)
    expect(r.gByOpinion[2]).toBeCloseTo(0.35, 12); // 1 - 0.65
    expect(r.M).toBe(0);                           // 0.3 x 0
    expect(r.T).toBeCloseTo(0.3, 12);              // 0.1 + 0.2 x 1
    s.params.legitimacy = 0.1;
    r = activationRule(s);
    expect(r.gByOpinion[2]).toBe(1);               // 1 - max(0, 0.1 - 0.25)
    expect(r.gByOpinion[0]).toBeCloseTo(0.65, 12); // 1 - 0.35
  });

  it('P = 1 - exp(-k floor(C / (1 + active))), from the table and beyond it', () => {
    const s = tinyWorld({ arrestK: LN2 });
    const r = activationRule(s);
    expect(r.k).toBe(LN2);
    expect(arrestProbability(r, 5, 1)).toBeCloseTo(0.75, 12); // floor(5/2) = 2: 1 - 2^-2
    expect(arrestProbability(r, 3, 1)).toBeCloseTo(0.5, 12);  // floor(3/2) = 1: 1 - 2^-1
    expect(arrestProbability(r, 1, 0)).toBeCloseTo(0.5, 12);  // A = 1 + 0 active: floor(1/1) = 1
    expect(arrestProbability(r, 1, 1)).toBe(0);               // floor(1/2) = 0: no risk
    expect(arrestProbability(r, 0, 0)).toBe(0);
    // k changes: the table is rebuilt. k = 0.01, j = 255 (last table entry) and j = 300 (computed)
    s.params.arrestK = 0.01;
    const r2 = activationRule(s);
    expect(arrestProbability(r2, 255, 0)).toBeCloseTo(0.9219183339988468, 12); // 1 - exp(-2.55)
    expect(arrestProbability(r2, 300, 0)).toBeCloseTo(0.950212931632136, 12);  // 1 - exp(-3)
    expect(arrestProbability(r2, 3, 1)).toBeCloseTo(0.009950166250831893, 12); // 1 - exp(-0.01)
  });

  it('activates exactly when G - R P + M > T (strictly); momentum adds M and lowers T', () => {
    const s = tinyWorld({ momentumWeight: 0.5, activationThreshold: 0.25, falsificationCost: 0.2 });
    s.momentum = 1;
    const r = activationRule(s);                     // M = 0.5 x 1 = 0.5, T = 0.25 + 0.2 x 0 = 0.25
    expect(activates(0.5, 0.25, 0.5, r)).toBe(true);  // 0.5 - 0.125 + 0.5 = 0.875 > 0.25
    expect(activates(0.25, 1, 0.5, r)).toBe(false);   // 0.25 - 0.5 + 0.5 = 0.25, not > 0.25
    s.momentum = 0;
    const r0 = activationRule(s);                     // M = 0, T = 0.25 + 0.2 x 1 = 0.45
    expect(activates(0.5, 0.25, 0.5, r0)).toBe(false); // 0.5 - 0.125 = 0.375 < 0.45
    expect(activates(0.75, 0.25, 0.5, r0)).toBe(true); // 0.75 - 0.125 = 0.625 > 0.45
  });

  it('outrage at repression lowers legitimacy: L 0.5 - outrage 0.25 = 0.25: grievance factors 0.5, 0.75, 1', () => {
    const s = tinyWorld({ legitimacy: 0.5, opinionLegitimacyShift: 0.25 });
    s.outrage = 0.25;
    const r = activationRule(s);
    expect(r.gByOpinion[0]).toBeCloseTo(0.5, 12);  // 1 - (0.25 + 0.25)
    expect(r.gByOpinion[1]).toBeCloseTo(0.75, 12); // 1 - 0.25
    expect(r.gByOpinion[2]).toBe(1);               // 1 - max(0, 0.25 - 0.25)
  });

  it('a violent crowd looks riskier: P + 2 x violence level 0.125 = P + 0.25, capped at 1; no violence adds nothing', () => {
    const s = tinyWorld({ arrestK: LN2, violenceRiskWeight: 2 });
    s.violenceLevel = 0.125;
    const r = activationRule(s);
    expect(r.riskAdd).toBeCloseTo(0.25, 12);
    expect(arrestProbability(r, 3, 1)).toBeCloseTo(0.75, 12); // 0.5 + 0.25
    expect(arrestProbability(r, 1, 1)).toBeCloseTo(0.25, 12); // 0 + 0.25: risk even with no officer close enough
    expect(arrestProbability(r, 5, 1)).toBe(1);               // 0.75 + 0.25 = 1
    expect(arrestProbability(r, 15, 1)).toBe(1);              // 1 - 2^-7 + 0.25 capped
    s.params.violenceRiskWeight = 0;
    expect(arrestProbability(activationRule(s), 3, 1)).toBeCloseTo(0.5, 12);
  });
});
