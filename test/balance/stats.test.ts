/** Effects statistics with hand-computed numbers. */
import { describe, expect, it } from 'vitest';
import { median, pairedDiffs, tCdf, tInterval, tQuantile } from '../../src/balance/stats';

describe('Student t', () => {
  it('has the tabulated 97.5% quantiles', () => {
    // Tables: df 1 12.7062, 2 4.3027, 4 2.7764, 9 2.2622, 19 2.0930, 39 2.0227, 100 1.9840.
    const table: Array<[number, number]> = [[1, 12.706205], [2, 4.302653], [4, 2.776445], [9, 2.262157], [19, 2.093024], [39, 2.022691], [100, 1.983972]];
    for (const [df, q] of table) expect(tQuantile(0.975, df)).toBeCloseTo(q, 5);
    expect(tQuantile(0.025, 4)).toBeCloseTo(-2.776445, 5);
    expect(tCdf(0, 7)).toBeCloseTo(0.5, 12);
    // df 1 is the Cauchy distribution: P(T <= 1) = 3/4.
    expect(tCdf(1, 1)).toBeCloseTo(0.75, 10);
  });
});

describe('tInterval', () => {
  it('1..5: mean 3, s = sqrt(2.5), half-width t(0.975, 4) * s / sqrt 5 = 2.776445 * 0.707107 = 1.963243', () => {
    const r = tInterval([1, 2, 3, 4, 5]);
    expect(r.n).toBe(5);
    expect(r.mean).toBe(3);
    expect(r.sd).toBeCloseTo(Math.sqrt(2.5), 12);
    expect(r.lo).toBeCloseTo(1.036757, 5);
    expect(r.hi).toBeCloseTo(4.963243, 5);
  });

  it('differences of defected shares 0.02, 0.05, 0.03, 0.04: 0.035 ± 3.182446 * 0.0129099 / 2', () => {
    const r = tInterval([0.02, 0.05, 0.03, 0.04]);
    expect(r.mean).toBeCloseTo(0.035, 12);
    expect(r.lo).toBeCloseTo(0.035 - 0.0205426, 6);
    expect(r.hi).toBeCloseTo(0.035 + 0.0205426, 6);
  });

  it('one difference has no interval; equal ones a point; none nothing', () => {
    expect(tInterval([0.4])).toEqual({ n: 1, mean: 0.4, lo: null, hi: null, sd: null });
    expect(tInterval([0.25, 0.25, 0.25])).toMatchObject({ mean: 0.25, lo: 0.25, hi: 0.25, sd: 0 });
    expect(tInterval([])).toEqual({ n: 0, mean: null, lo: null, hi: null, sd: null });
  });
});

describe('pairing and medians', () => {
  it('pairs on the seeds both have, b minus a', () => {
    const a = new Map([[11, 0.1], [12, 0.2], [13, 0.3]]), b = new Map([[13, 0.5], [11, 0.4]]);
    expect(pairedDiffs(a, b).map((x) => Math.round(x * 1e9) / 1e9)).toEqual([0.3, 0.2]);
  });

  it('median of odd and even counts', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 10])).toBe(3.5);
    expect(median([])).toBeNull();
  });
});
