/**
 * Outcomes (docs/model.md section 9): judged on daily aggregates; the regime falls by force, overwhelm
 * or elite; the movement fails after demobilizeDays below the participation floor; otherwise a
 * stalemate at the horizon. "The outcome is fixed when first decided; the regime cannot fall
 * while needed force is zero."
 */
import { describe, expect, it } from 'vitest';
import { advance, createState, runReport, type ActionDef, type Params } from '../../../src/sim';
import { judgeDay, judgeHorizon } from '../../../src/sim/rules/outcome';
import { smallCity } from '../helpers';
import { tinyWorld } from './world';

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

/**
 * judgeDay's equations on a hand-set day (tick 48 = the end of day 2, 24 ticks a day, 20 citizens):
 *   force:     effectiveAtPeak / peakNeeded < collapseRatio on collapseDays days running; tipping = the streak's first tick
 *   overwhelm: peakNeeded > loyalForceTotal; elite: cohesion < eliteBreakThreshold (needed > 0)
 *   pillarLoss: force = defected share, elite = 1 - cohesion/cohesion0, economy = 1 - resources/resources0, patron = 1 - support/support0
 *   failure:   peakActive / citizens < demobilizeFloor on demobilizeDays days running
 */
describe('judgeDay (equations)', () => {
  function day(over: Partial<Params> = {}) {
    const s = tinyWorld({ citizenCount: 20, officerCount: 4, nationalForce: 4, collapseRatio: 0.6, collapseDays: 2, demobilizeFloor: 0.1, demobilizeDays: 2, eliteBreakThreshold: 0.3, ...over });
    s.tick = 48; s.loyalForceTotal = 100; s.defectedCount = 1;
    Object.assign(s.today, { peakActive: 10, peakNeeded: 10, effectiveAtPeak: 5 });
    return s;
  }

  it('force: 5/10 = 0.5 < 0.6 on the second day running falls the regime, tipping at the first day\'s start', () => {
    const s = day();
    s.tick = 24; judgeDay(s);           // day 1: streak 1, starting at tick 24 - 24 = 0
    expect(s.streak.collapse).toBe(1); expect(s.outcome).toBeNull();
    s.tick = 48; judgeDay(s);           // day 2: streak 2 = collapseDays
    expect([s.outcome, s.fallCause, s.decidedTick, s.tippingTick]).toEqual(['success', 'force', 48, 0]);
    expect(s.defectedAtDecision).toBeCloseTo(0.25, 12); // 1 defected / 4 officers
  });

  it('6/10 = 0.6 is not below 0.6: the streak resets', () => {
    const s = day();
    s.streak.collapse = 1; s.today.effectiveAtPeak = 6;
    judgeDay(s);
    expect(s.streak.collapse).toBe(0); expect(s.outcome).toBeNull();
  });

  it('overwhelm: needed 10 > loyal force 9.5; 10 is not > 10', () => {
    let s = day();
    s.today.effectiveAtPeak = 10; s.loyalForceTotal = 10;
    judgeDay(s);
    expect(s.outcome).toBeNull();
    s = day();
    s.today.effectiveAtPeak = 10; s.loyalForceTotal = 9.5;
    judgeDay(s);
    // Judged at tick 48, the end of the day that began at tick 24: it tips on that day, decided at 48.
    expect([s.outcome, s.fallCause, s.tippingTick, s.decidedTick]).toEqual(['success', 'overwhelm', 24, 48]);
  });

  it('elite: cohesion 0.25 < 0.3 with people on the street; not with nobody out', () => {
    const s = day();
    s.today.effectiveAtPeak = 10; s.regime.eliteCohesion = 0.25;
    judgeDay(s);
    expect([s.outcome, s.fallCause, s.tippingTick, s.decidedTick]).toEqual(['success', 'elite', 24, 48]);
    const q = day();
    Object.assign(q.today, { peakActive: 0, peakNeeded: 0 }); q.regime.eliteCohesion = 0.25;
    judgeDay(q);
    expect(q.fallCause).toBeNull();
    const r = day();
    r.today.effectiveAtPeak = 10; r.regime.eliteCohesion = 0.3; // not below
    judgeDay(r);
    expect(r.outcome).toBeNull();
  });

  it('the patron gone is no fall by itself (it only shakes the elite: patron.ts)', () => {
    const s = day();
    s.today.effectiveAtPeak = 10; s.regime.patronWithdrawn = true; s.regime.patronSupport = 0; s.regime.eliteCohesion = 1;
    judgeDay(s);
    expect(s.outcome).toBeNull();
  });

  it('the pillars\' losses at the decision: force 1/4 = 0.25, elite (1 - 0.25)/1 = 0.75, economy 1 - 0.5/1 = 0.5, patron 1 - 0.125/0.5 = 0.75', () => {
    const s = day({ eliteCohesion: 1, regimeResources: 1, externalSupport: 0.5 });
    s.today.effectiveAtPeak = 10; s.regime.eliteCohesion = 0.25; s.regime.resources = 0.5; s.regime.patronSupport = 0.125;
    judgeDay(s);
    expect(s.fallCause).toBe('elite');
    const l = s.pillarLoss!;
    expect(l.force).toBeCloseTo(0.25, 12); expect(l.elite).toBeCloseTo(0.75, 12);
    expect(l.economy).toBeCloseTo(0.5, 12); expect(l.patron).toBeCloseTo(0.75, 12);
  });

  it('demobilisation: 1/20 = 0.05 < 0.1 on 2 days running fails; 2/20 = 0.1 resets the streak', () => {
    const s = day();
    Object.assign(s.today, { peakActive: 1, peakNeeded: 0 });
    judgeDay(s); expect(s.streak.demobilize).toBe(1);
    s.today.peakActive = 2; judgeDay(s); expect(s.streak.demobilize).toBe(0);
    s.today.peakActive = 1; judgeDay(s); judgeDay(s);
    expect([s.outcome, s.fallCause, s.tippingTick]).toEqual(['failure', null, null]);
  });

  it('an outcome once decided stays; end rules off decide nothing; the horizon makes a stalemate', () => {
    const s = day();
    s.outcome = 'failure';
    s.today.effectiveAtPeak = 10; s.loyalForceTotal = 1;
    judgeDay(s);
    expect(s.outcome).toBe('failure');
    const q = day({ endRulesOn: false, horizonDays: 2 });
    q.loyalForceTotal = 1;
    judgeDay(q);
    expect(q.outcome).toBeNull();
    judgeHorizon(q); // tick 48 >= 2 days x 24
    expect([q.outcome, q.decidedTick]).toEqual(['stalemate', 48]);
  });
});
