/**
 * Citizens' outrage and the violence level (src/sim/rules/outrage.ts), once per day:
 *   outrage = min(outrageMax, outrage x (1 - outrageDecayPerDay) + outrageGain x (nonviolent detentions
 *             + injuryOutrageWeight x injuries) / citizens)
 *   violence level += violenceSmoothing x (violent acts today / active citizen-ticks today - violence level)
 * The activation rule sees legitimacy lowered by the outrage and the arrest risk raised by
 * violenceRiskWeight x violence level (activation.test.ts). World: 20 citizens.
 */
import { describe, expect, it } from 'vitest';
import type { Params } from '../../../src/sim';
import { outrageNext, violenceLevelNext } from '../../../src/sim/rules/outrage';
import { tinyWorld } from './world';

const P: Partial<Params> = { citizenCount: 20, outrageGain: 0.5, injuryOutrageWeight: 3, outrageDecayPerDay: 0.5, outrageMax: 0.3, violenceSmoothing: 0.5 };
const world = (over: Partial<Params> = {}) => tinyWorld({ ...P, ...over });

describe('outrage', () => {
  it('0.1 x (1 - 0.5) + 0.5 x (1 + 3 x 1) / 20 = 0.05 + 0.1 = 0.15', () => {
    const s = world();
    s.outrage = 0.1; s.today.nonviolentArrests = 1; s.today.injuries = 1;
    expect(outrageNext(s)).toBeCloseTo(0.15, 12);
  });

  it('detentions alone: 0.05 + 0.5 x 1/20 = 0.075; injuries weigh injuryOutrageWeight: weight 1: 0.05 + 0.5 x 2/20 = 0.1', () => {
    const s = world();
    s.outrage = 0.1; s.today.nonviolentArrests = 1;
    expect(outrageNext(s)).toBeCloseTo(0.075, 12);
    s.today.injuries = 1; s.params.injuryOutrageWeight = 1;
    expect(outrageNext(s)).toBeCloseTo(0.1, 12);
  });

  it('a quiet day only fades it: 0.1 x 0.5 = 0.05; decay 0.25: 0.075', () => {
    const s = world();
    s.outrage = 0.1;
    expect(outrageNext(s)).toBeCloseTo(0.05, 12);
    s.params.outrageDecayPerDay = 0.25;
    expect(outrageNext(s)).toBeCloseTo(0.075, 12);
  });

  it('capped at outrageMax: 0.05 + 2 x 4/20 = 0.45 -> 0.3; gain 0 gives none', () => {
    const s = world({ outrageGain: 2 });
    s.outrage = 0.1; s.today.nonviolentArrests = 1; s.today.injuries = 1;
    expect(outrageNext(s)).toBe(0.3);
    s.params.outrageGain = 0; s.outrage = 0;
    expect(outrageNext(s)).toBe(0);
  });
});

describe('violence level', () => {
  it('2 violent acts in 40 active citizen-ticks = 0.05: 0.01 + 0.5 x (0.05 - 0.01) = 0.03; smoothing 1: 0.05', () => {
    const s = world();
    s.violenceLevel = 0.01; s.today.violent = 2; s.today.activeTicks = 40;
    expect(violenceLevelNext(s)).toBeCloseTo(0.03, 12);
    s.params.violenceSmoothing = 1;
    expect(violenceLevelNext(s)).toBeCloseTo(0.05, 12);
  });

  it('a day with nobody out counts as no violence: 0.01 + 0.5 x (0 - 0.01) = 0.005', () => {
    const s = world();
    s.violenceLevel = 0.01;
    expect(violenceLevelNext(s)).toBeCloseTo(0.005, 12);
  });
});
