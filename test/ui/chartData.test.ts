import { describe, expect, it } from 'vitest';
import { SeriesColumns, loyaltyBars } from '../../src/ui/chartData';
import { ratioText } from '../../src/ui/readout';
import { fakeMeta, fakeRow } from './fakeStore';

describe('chart columns', () => {
  it('append new rows only, in days, and start over on a new run', () => {
    const meta = fakeMeta();
    const rows = [0, 1, 2].map((k) => fakeRow(k * 12, meta, 0.1 * k));
    const series = { length: 2, rows };
    const cols = new SeriesColumns();
    expect(cols.update(series, meta, 1)).toBe(true);
    expect(cols.cols.day).toEqual([0, 0.5]);
    expect(cols.update(series, meta, 1)).toBe(false);
    series.length = 3;
    expect(cols.update(series, meta, 1)).toBe(true);
    expect(cols.cols.momentum).toEqual([0, 0.1, 0.2]);
    expect(cols.cols.active[2]).toBeCloseTo(rows[2].citizens.active / meta.nCitizens);
    // The same rows array emptied and refilled by the next run (the store's way): runId tells.
    expect(cols.update(series, meta, 2)).toBe(true);
    expect(cols.cols.day.length).toBe(3);
    expect(cols.last()).toBe(rows[2]);
  });

  it('turns the latest histogram into bars', () => {
    const [x, y] = loyaltyBars(fakeRow(0, fakeMeta(), 0));
    expect(x[0]).toBeCloseTo(0.05);
    expect(x[9]).toBeCloseTo(0.95);
    expect(y[9]).toBe(116);
    expect(loyaltyBars(null)[1]).toEqual(new Array(10).fill(0));
  });

  it('writes force ratios a class can read', () => {
    expect(ratioText(0.6)).toBe('0.60×');
    expect(ratioText(2.25)).toBe('2.3×');
    expect(ratioText(50)).toBe('>10×');
  });
});
