/** The causal figures (src/batch/causal.ts) on a hand-made ensemble, every number computed by hand. */
import { describe, expect, it } from 'vitest';
import { CausalTally, pairedDifference, type CausalFields } from '../../src/batch/causal';

const r = (outcome: string, cause: string | null, ko: string, landmark: number | null): CausalFields => ({
  nonviolent: true, outcome, fallCause: cause, knockoutSuccess: ko === 'success',
  landmarkUndecided: landmark !== null, landmarkDefectedShare: landmark ?? 0.5,
});
// Six runs undecided at the landmark (their defected share then), four decided by it.
const ROWS: CausalFields[] = [
  r('failure', null, 'failure', 0.01), r('success', 'force', 'failure', 0.03), r('success', 'force', 'success', 0.06),
  r('success', 'elite', 'failure', 0.12), r('failure', null, 'failure', 0), r('success', 'overwhelm', 'success', 0.2),
  r('success', 'force', 'failure', null), r('failure', null, 'success', null), r('stalemate', null, 'stalemate', null),
  r('success', 'economy', 'success', null),
  { ...r('success', 'force', 'failure', 0.5), nonviolent: false }, // violent: not counted
];

describe('causal figures', () => {
  const t = new CausalTally(10);
  for (const x of ROWS) t.add(x);
  const f = t.figures();

  it('landmark: 6 undecided runs, 4 left out; tables and (0.5-corrected) odds ratios at 2%, 5%, 10%', () => {
    expect(f.landmarkDay).toBe(10);
    expect([f.landmark.runs, f.landmark.excluded]).toEqual([6, 4]);
    const [x2, x5, x10] = f.landmark.byThreshold;
    expect(x2.table).toEqual({ exposedSuccess: 4, exposedNonSuccess: 0, unexposedSuccess: 0, unexposedNonSuccess: 2 });
    expect(x2.oddsRatio.value).toBeCloseTo((4.5 * 2.5) / (0.5 * 0.5), 10); // 45
    expect(x2.oddsRatio.corrected).toBe(true);
    expect(x5.table).toEqual({ exposedSuccess: 3, exposedNonSuccess: 0, unexposedSuccess: 1, unexposedNonSuccess: 2 });
    expect(x5.oddsRatio.value).toBeCloseTo((3.5 * 2.5) / (0.5 * 1.5), 10);
    expect(x10.table).toEqual({ exposedSuccess: 2, exposedNonSuccess: 0, unexposedSuccess: 2, unexposedNonSuccess: 2 });
    expect(x10.oddsRatio.value).toBeCloseTo(5, 10);
  });

  it('knockout: 6 of 10 succeed as run, 4 knocked out; Δ = (3 − 1)/10 = 0.2 ± 1.96 √3.6 / 10', () => {
    expect([f.knockout.runs, f.knockout.successAsRun.k, f.knockout.successKnockedOut.k]).toEqual([10, 6, 4]);
    const d = f.knockout.difference;
    expect(d.value).toBeCloseTo(0.2, 12);
    expect(d.lo!).toBeCloseTo(0.2 - 1.959963984540054 * Math.sqrt(3.6) / 10, 12);
    expect(d.hi!).toBeCloseTo(0.2 + 1.959963984540054 * Math.sqrt(3.6) / 10, 12);
  });

  it('per cause: force loses 2 of its 3 successes, elite 1 of 1, economy and overwhelm none; patron has none', () => {
    const l = f.knockout.lostByCause;
    expect([l.force.k, l.force.n, l.elite.k, l.elite.n, l.economy.k, l.economy.n, l.overwhelm.k, l.overwhelm.n])
      .toEqual([2, 3, 1, 1, 0, 1, 0, 1]);
    expect(l.patron.value).toBeNull();
  });

  it('a paired difference of nothing is undefined; with no discordant pair it is 0 ± 0', () => {
    expect(pairedDifference(0, 0, 0).value).toBeNull();
    expect(pairedDifference(0, 0, 5)).toEqual({ value: 0, lo: 0, hi: 0, n: 5 });
  });
});
