/**
 * Outcomes (docs/model.md section 9): judged on daily aggregates; the regime falls by force, overwhelm
 * or elite; the movement fails after demobilizeDays below the participation floor; otherwise a
 * stalemate at the horizon. "The outcome is fixed when first decided; the regime cannot fall
 * while needed force is zero."
 */
import { describe, expect, it } from 'vitest';
import { advance, createState, runReport, type ActionDef, type Params } from '../../../src/sim';
import { smallCity } from '../helpers';

/** Nobody protests: legitimacy 1 leaves every grievance below T + falsificationCost (see channels.test.ts). */
const NOBODY_OUT: Partial<Params> = { legitimacy: 1, horizonDays: 20 };

function run(over: Partial<Params>, strategy: ActionDef[] = [], days = 20) {
  const { scenario, params } = smallCity('outcome', over, strategy);
  const s = createState(scenario, params, 1);
  advance(s, days * s.ticksPerDay);
  return { s, report: runReport(s) };
}

describe('outcomes', () => {
  it('a movement nobody joins fails after demobilizeDays (7) days below the floor', () => {
    const { s, report } = run(NOBODY_OUT);
    expect(s.peakActive).toBe(0);
    expect(report.outcome).toBe('failure');
    expect(report.decidedTick).toBe(7 * 24);
  });

  it('with end rules off nothing is decided before the horizon, which makes a stalemate', () => {
    const { report } = run({ ...NOBODY_OUT, endRulesOn: false, horizonDays: 10 }, [], 12);
    expect(report.outcome).toBe('stalemate');
    expect(report.decidedTick).toBe(10 * 24);
    expect(report.fallCause).toBeNull();
  });

  // Regression: the elite route once ignored needed force (unlike force and overwhelm), so the
  // regime "fell" with nobody on the street, against docs/model.md section 9: "the regime cannot fall
  // while needed force is zero". With no protest at all these runs must not end in success.
  it('the regime cannot fall by the elite route while needed force is zero (weak elite at the start)', () => {
    const { s, report } = run({ ...NOBODY_OUT, eliteCohesion: 0.2 });
    expect(s.peakActive).toBe(0); // so needed force was zero on every day
    expect(report.outcome).not.toBe('success');
    expect(report.outcome).toBe('failure');
  });

  it('the regime cannot fall by the elite route while needed force is zero (appeals alone, no protest)', () => {
    // Daily appeals to diplomats and state media erode cohesion; nobody protests. (A tactic alone
    // winning would also break docs/model.md section 8: "none is a direct win button".)
    const appeals: ActionDef[] = Array.from({ length: 20 }, (_, d) => ({ tick: d * 24 + 12, tactic: 'eliteAppeals' }));
    const { s, report } = run({ ...NOBODY_OUT, eliteErosionPerDay: 0.3, demobilizeDays: 30 }, appeals);
    expect(s.peakActive).toBe(0);
    expect(report.outcome === 'success' ? `success (${report.fallCause}) at tick ${report.decidedTick}` : 'no fall').toBe('no fall');
  });
});
