/**
 * Chart columns from the run's series, appended incrementally (the runner appends rows in place;
 * a shorter series or a new rows array means a new run, and the columns start over). Pure: no
 * DOM, no uPlot, so it is tested in Node.
 */
import type { SeriesRow } from '../sim';
import type { RunMeta, SeriesView } from '../store/types';

export const OFFICER_KEYS = ['on_duty', 'shirking', 'insider', 'resigned', 'joined'] as const;

export interface Columns {
  /** Days since the start (tick / ticksPerDay). */
  day: number[];
  active: number[];
  detained: number[];
  on_duty: number[];
  shirking: number[];
  insider: number[];
  resigned: number[];
  joined: number[];
  effective: number[];
  needed: number[];
  momentum: number[];
  meanLoyalty: number[];
}

const empty = (): Columns => ({
  day: [], active: [], detained: [], on_duty: [], shirking: [], insider: [], resigned: [], joined: [],
  effective: [], needed: [], momentum: [], meanLoyalty: [],
});

export class SeriesColumns {
  cols: Columns = empty();
  private rows: SeriesRow[] | null = null;
  private meta: RunMeta | null = null;
  private runId = -1;
  /** Rows taken so far. */
  length = 0;

  /**
   * Appends the rows added since the last call; returns true when anything changed. A new run
   * (another runId or meta, a new rows array, or fewer rows) starts the columns over.
   */
  update(series: SeriesView, meta: RunMeta | null, runId = 0): boolean {
    const n = Math.min(series.length, series.rows.length);
    if (series.rows !== this.rows || meta !== this.meta || runId !== this.runId || n < this.length) {
      this.runId = runId;
      const had = this.length > 0;
      this.cols = empty();
      this.rows = series.rows;
      this.meta = meta;
      this.length = 0;
      if (n === 0) return had;
    }
    if (n === this.length || !meta) return false;
    const tpd = Math.max(1, meta.ticksPerDay);
    const pop = Math.max(1, meta.nCitizens);
    const c = this.cols;
    for (let k = this.length; k < n; k++) {
      const r = series.rows[k];
      c.day.push(r.tick / tpd);
      c.active.push(r.citizens.active / pop);
      c.detained.push(r.citizens.detained / pop);
      for (const key of OFFICER_KEYS) c[key].push(r.officers[key]);
      c.effective.push(r.effectiveForce);
      c.needed.push(r.neededForce);
      c.momentum.push(r.momentum);
      c.meanLoyalty.push(r.meanLoyalty);
    }
    this.length = n;
    return true;
  }

  /** The latest row taken, or null. */
  last(): SeriesRow | null {
    return this.rows && this.length > 0 ? this.rows[this.length - 1] : null;
  }
}

/** Loyalty histogram of the latest row as bin centres and counts (10 bins over [0,1]). */
export function loyaltyBars(row: SeriesRow | null): [number[], number[]] {
  const h = row?.loyaltyHistogram ?? [];
  const n = h.length || 10;
  return [Array.from({ length: n }, (_, k) => (k + 0.5) / n), Array.from({ length: n }, (_, k) => h[k] ?? 0)];
}

/** Largest value of a column, or 0. */
export function peak(col: readonly number[]): number {
  let m = 0;
  for (const v of col) if (v > m) m = v;
  return m;
}
