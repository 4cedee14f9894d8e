import { describe, expect, it } from 'vitest';
import { dayRange, MIN_DAYS_SHOWN } from '../../src/ui/chartOptions';

describe('the day axis of a time chart', () => {
  it('starts at day 0 and shows at least two weeks, not a point padded to a round magnitude', () => {
    expect(MIN_DAYS_SHOWN).toBe(14);
    expect(dayRange(0, 42)).toEqual([0, 14]); // day 1 of a 42-day game
    expect(dayRange(0.75, 42)).toEqual([0, 14]);
    expect(dayRange(30.5, 42)).toEqual([0, 30.5]); // past two weeks it follows the data
  });
  it('never reaches past a horizon shorter than two weeks, and survives no data', () => {
    expect(dayRange(2, 5)).toEqual([0, 5]);
    expect(dayRange(null, null)).toEqual([0, 14]);
    expect(dayRange(Number.NaN, 42)).toEqual([0, 14]);
  });
});
