import { describe, expect, it } from 'vitest';
import { changesText, compareRows } from '../../src/ui/compare';
import { counterfactualSentence } from '../../src/ui/debriefModel';
import type { RunSummary } from '../../src/sim';

const side = (outcome: 'success' | 'failure' | 'stalemate' | null, tippingTick: number | null, defectedShare: number) =>
  ({ outcome, tippingTick, summary: { defectedShare } as RunSummary });

describe('the comparison readout', () => {
  it('tells outcome, tipping day (from 1) and defected share of A and B, and their difference', () => {
    const rows = compareRows(side('success', 26 * 24 + 5, 0.31), side('success', 18 * 24, 0.42), 24, 0.1, 0.1);
    expect(rows.map((r) => [r.label, r.a, r.b, r.diff])).toEqual([
      ['Outcome', 'The regime fell', 'The regime fell', 'same'],
      ['Tipping day', '27', '19', '−8 days'],
      ['Force defected', '31.0%', '42.0%', '+11.0 points'],
      ['Protesting now', '10.0%', '10.0%', 'same'],
    ]);
    expect(compareRows(side(null, null, 0.001), side(null, null, 0.0012), 24, 0, 0)[2].diff).toBe('same'); // no "−0.0 points"
  });
  it("says in words what B changes", () => {
    expect(changesText({ sets: [['disciplineMean', '0.4']], actions: [{ tick: 3, tactic: 'symbols' }], exclude: ['strike'] }))
      .toBe('Nonviolent discipline = 0.4, no Strikes, + 1 moves');
  });
});

describe('the debrief sentences about the player\'s choices', () => {
  const c = (outcome: 'success' | 'failure' | 'stalemate', tippingTick: number | null, defectedShare = 0.2) =>
    ({ tactic: 'massPublication' as const, count: 1, firstTick: 11 * 24 + 18, outcome, fallCause: null, tippingTick, decidedTick: null, defectedShare, ticks: 0, actions: [] });
  it('compares the tipping days, counted from 1', () => {
    const actual = { outcome: 'success', tippingTick: 26 * 24, defectedShare: 0.3 };
    expect(counterfactualSentence(c('success', 18 * 24), actual, 24)).toBe("Without your mass publication of officers' data (day 12), the regime would have fallen on day 19 instead of day 27: it slowed you down.");
    expect(counterfactualSentence(c('success', 30 * 24), actual, 24)).toMatch(/on day 31 instead of day 27\.$/);
    expect(counterfactualSentence(c('stalemate', null), actual, 24)).toMatch(/would not have fallen \(stalemate at the horizon\)/);
    expect(counterfactualSentence(c('success', 20 * 24), { outcome: 'failure', tippingTick: null, defectedShare: 0.1 }, 24)).toMatch(/would have fallen on day 21: this choice held you back/);
  });
});
