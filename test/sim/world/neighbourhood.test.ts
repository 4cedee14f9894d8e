/**
 * Counts within vision (src/sim/world/neighbourhood.ts): live mode keeps them incrementally with
 * addAround, tickStart mode rebuilds them with windowSum. Both must equal the plain sum over the
 * cells within vision of each cell: distinct cells, as NetLogo's in-radius returns each patch
 * once, including on a small torus where the vision area wraps onto itself. scatterCounts, the
 * sparse way for whole counts, must give windowSum's figures exactly, or decline.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultParams } from '../../../src/sim';
import { buildGrid, offsetCell } from '../../../src/sim/world/grid';
import { addAround, scatterCounts, windowSum } from '../../../src/sim/world/neighbourhood';
import type { Grid } from '../../../src/sim';

function grid(w: number, h: number, torus: boolean, r: number, shape: 'euclidean' | 'square', countMode: 'live' | 'tickStart' = 'live'): Grid {
  return buildGrid({ ...defaultParams(), gridWidth: w, gridHeight: h, torus, visionRadius: r, visionShape: shape, countMode }, null).grid;
}

/** Sum of src over the distinct cells within vision of every cell (the reference). */
function brute(g: Grid, src: ArrayLike<number>): number[] {
  const out: number[] = [], seen = new Int32Array(g.cells).fill(-1);
  for (let x = 0; x < g.cells; x++) {
    let s = 0;
    for (let k = 0; k < g.offX.length; k++) {
      const y = offsetCell(g, x, g.offX[k], g.offY[k]);
      if (y >= 0 && seen[y] !== x) { seen[y] = x; s += src[y]; }
    }
    out.push(s);
  }
  return out;
}

function viaAddAround(g: Grid, src: ArrayLike<number>): number[] {
  const dst = new Float64Array(g.cells);
  for (let c = 0; c < g.cells; c++) if (src[c] !== 0) addAround(g, dst, c, src[c]);
  return Array.from(dst);
}

function viaWindowSum(g: Grid, src: ArrayLike<number>, r: number, shape: 'euclidean' | 'square'): number[] {
  const dst = new Float64Array(g.cells);
  windowSum(g, Float64Array.from(src), dst, r, shape);
  return Array.from(dst);
}

const worldArb = (fits: boolean) => fc.record({
  w: fc.integer({ min: 4, max: 12 }), h: fc.integer({ min: 4, max: 12 }), torus: fc.boolean(),
  r: fc.integer({ min: 0, max: 7 }), shape: fc.constantFrom('euclidean' as const, 'square' as const),
}).filter((x) => !fits || 2 * x.r + 1 < Math.min(x.w, x.h))
  .chain((x) => fc.record({ x: fc.constant(x), src: fc.array(fc.integer({ min: 0, max: 3 }), { minLength: x.w * x.h, maxLength: x.w * x.h }) }));

describe('counts within vision', () => {
  it('single agent on a 40x40 torus, vision 7 (Epstein): 149 cells see him', () => {
    const g = grid(40, 40, true, 7, 'euclidean');
    const src = new Float64Array(g.cells); src[0] = 1;
    expect(viaAddAround(g, src).reduce((a, b) => a + b, 0)).toBe(149);
    expect(viaWindowSum(g, src, 7, 'euclidean').reduce((a, b) => a + b, 0)).toBe(149);
  });

  it('addAround and windowSum equal the reference when the vision diameter is less than the grid', () => {
    fc.assert(fc.property(worldArb(true), ({ x, src }) => {
      const g = grid(x.w, x.h, x.torus, x.r, x.shape);
      const want = brute(g, src);
      expect(viaAddAround(g, src)).toEqual(want);
      expect(viaWindowSum(g, src, x.r, x.shape)).toEqual(want);
    }), { numRuns: 300, seed: 42 });
  });

  it('windowSum equals the reference on any non-wrapping map', () => {
    fc.assert(fc.property(worldArb(false).filter(({ x }) => !x.torus), ({ x, src }) => {
      const g = grid(x.w, x.h, false, x.r, x.shape);
      expect(viaWindowSum(g, src, x.r, x.shape)).toEqual(brute(g, src));
    }), { numRuns: 200, seed: 42 });
  });

  // Regression: addAround once took a row span at least as wide as a non-wrapping grid
  // (2 x half-width + 1 >= gridWidth) for the whole row, so an agent near one edge was counted in
  // cells beyond his vision near the other edge, and live mode disagreed with tickStart. Minimal
  // case: 6x5 map, no torus, vision 3, one agent at (5, 2): cell (0, 2), 5 cells away, counted him.
  it('addAround on a non-wrapping map no wider than the vision diameter', () => {
    const g = grid(6, 5, false, 3, 'euclidean');
    const src = new Float64Array(g.cells); src[2 * 6 + 5] = 1; // (x 5, y 2)
    const got = viaAddAround(g, src), want = brute(g, src);
    expect(want[2 * 6 + 0]).toBe(0);
    expect(got).toEqual(want);
  });

  it('addAround equals the reference on any non-wrapping map', () => {
    fc.assert(fc.property(worldArb(false).filter(({ x }) => !x.torus), ({ x, src }) => {
      const g = grid(x.w, x.h, false, x.r, x.shape);
      expect(viaAddAround(g, src)).toEqual(brute(g, src));
    }), { numRuns: 200, seed: 42 });
  });

  // Regression: on a torus smaller than the vision diameter the vision area wraps onto itself;
  // addAround (and windowSum for euclidean vision) once visited a wrapped row twice, so some
  // cells counted twice. Minimal case: 4x4 torus, vision 2.
  it('addAround and windowSum on a torus smaller than the vision diameter', () => {
    const g = grid(4, 4, true, 2, 'square');
    const src = new Float64Array(g.cells); src[15] = 1;
    expect(viaAddAround(g, src)).toEqual(brute(g, src)); // every cell sees him exactly once
    fc.assert(fc.property(worldArb(false).filter(({ x }) => x.torus), ({ x, src: s2 }) => {
      const g2 = grid(x.w, x.h, true, x.r, x.shape);
      const want = brute(g2, s2);
      expect(viaAddAround(g2, s2)).toEqual(want);
      expect(viaWindowSum(g2, s2, x.r, x.shape)).toEqual(want);
    }), { numRuns: 200, seed: 42 });
  });

  // A city map is mostly empty rows; the square pass skips them (never reading its stale row
  // buffer) and must still equal the reference, with fractional weights (shirkers count 0.5).
  const sparseArb = fc.record({
    w: fc.integer({ min: 4, max: 16 }), h: fc.integer({ min: 4, max: 16 }), torus: fc.boolean(), r: fc.integer({ min: 0, max: 5 }),
  }).chain((x) => fc.record({ x: fc.constant(x),
    cells: fc.array(fc.tuple(fc.nat(x.w * x.h - 1), fc.constantFrom(1, 0.5, 0.25, 2)), { maxLength: 6 }) }));

  it('square windowSum over mostly empty rows equals the reference, whatever its row buffer held', () => {
    fc.assert(fc.property(sparseArb, ({ x, cells }) => {
      const g = grid(x.w, x.h, x.torus, x.r, 'square');
      const src = new Float64Array(g.cells);
      for (const [c, v] of cells) src[c] += v;
      g.work.rows = new Float64Array(g.cells).fill(7.5); // stale figures a skipped row must not leak
      const dst = new Float64Array(g.cells);
      windowSum(g, src, dst, x.r, 'square');
      expect(Array.from(dst)).toEqual(brute(g, src));
    }), { numRuns: 300, seed: 7 });
  });

  it('scatterCounts gives windowSum\'s figures bit for bit from a list of occupied cells, or declines', () => {
    fc.assert(fc.property(sparseArb, fc.constantFrom('euclidean' as const, 'square' as const), ({ x, cells }, shape) => {
      const g = grid(x.w, x.h, x.torus, x.r, shape);
      const src = new Float64Array(g.cells), list = new Int32Array(cells.length);
      cells.forEach(([c], k) => { src[c] += 1; list[k] = c; });
      const want = new Float64Array(g.cells), got = new Float64Array(g.cells).fill(3);
      windowSum(g, src, want, x.r, shape);
      const wraps = x.torus && 2 * x.r + 1 > Math.min(x.w, x.h);
      const area = Array.from(g.spanHalf).reduce((a, hw) => a + 2 * hw + 1, 0);
      const took = scatterCounts(g, list, cells.length, got, x.r, shape);
      expect(took).toBe(!wraps && cells.length * area <= g.cells);
      if (took) expect(Array.from(got)).toEqual(Array.from(want));
      else expect(got.every((v) => v === 3)).toBe(true);
    }), { numRuns: 300, seed: 11 });
  });

  it('scatterCounts declines a vision other than the grid\'s own', () => {
    const g = grid(20, 20, false, 2, 'square');
    expect(scatterCounts(g, new Int32Array([5]), 1, new Float64Array(g.cells), 3, 'square')).toBe(false);
    expect(scatterCounts(g, new Int32Array([5]), 1, new Float64Array(g.cells), 2, 'euclidean')).toBe(false);
  });
});
