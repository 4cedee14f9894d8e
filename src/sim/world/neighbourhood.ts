/**
 * Counts of officers, active citizens and joined officers within vision of every cell.
 * live mode keeps them current incrementally (each change touches the cells of one vision area);
 * tickStart mode rebuilds them once per tick from per-cell counts with row prefix sums, so no
 * query ever scans the cells in vision (square vision costs O(cells), a disc O(cells x diameter)).
 */
import type { Grid } from '../state';
import { offsetCell } from './grid';

/** Adds `delta` to arr over the vision area around `cell` (live mode). */
export function addAround(g: Grid, arr: Int32Array | Float64Array, cell: number, delta: number): void {
  const tab = g.nbr, K = g.offX.length;
  if (tab !== null) {
    for (let k = cell * K, e = k + K; k < e; k++) { const c = tab[k]; if (c >= 0) arr[c] += delta; }
    return;
  }
  for (let k = 0; k < K; k++) { const c = offsetCell(g, cell, g.offX[k], g.offY[k]); if (c >= 0) arr[c] += delta; }
}

let prefix = new Float64Array(0);

/** Sum of row `y` of src over columns a..b inclusive (wrapping on a torus), from row prefix sums. */
function rowRange(g: Grid, y: number, a: number, b: number): number {
  const w = g.w, base = y * (w + 1);
  if (!g.torus) {
    if (a < 0) a = 0;
    if (b > w - 1) b = w - 1;
    return a > b ? 0 : prefix[base + b + 1] - prefix[base + a];
  }
  if (b - a + 1 >= w) return prefix[base + w] - prefix[base];
  const aa = ((a % w) + w) % w, bb = ((b % w) + w) % w;
  if (aa <= bb) return prefix[base + bb + 1] - prefix[base + aa];
  return prefix[base + w] - prefix[base + aa] + prefix[base + bb + 1] - prefix[base];
}

/** Rebuilds dst[cell] = sum of src over the vision area of cell (tickStart mode). */
export function windowSum(g: Grid, src: Int32Array | Float64Array, dst: Int32Array | Float64Array, r: number, shape: 'euclidean' | 'square'): void {
  const w = g.w, h = g.h;
  if (prefix.length < h * (w + 1)) prefix = new Float64Array(h * (w + 1));
  for (let y = 0; y < h; y++) {
    const base = y * (w + 1);
    prefix[base] = 0;
    for (let x = 0; x < w; x++) prefix[base + x + 1] = prefix[base + x] + src[y * w + x];
  }
  const half = new Int32Array(2 * r + 1);
  for (let dy = -r; dy <= r; dy++) half[dy + r] = shape === 'square' ? r : Math.floor(Math.sqrt(r * r - dy * dy) + 1e-9);
  if (shape === 'square') {
    // Row windows first, then a sliding column window over them: O(cells).
    const rows = new Float64Array(w * h);
    for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) rows[y * w + x] = rowRange(g, y, x - r, x + r);
    const span = Math.min(2 * r + 1, h);
    for (let x = 0; x < w; x++) {
      for (let y = 0; y < h; y++) {
        let s = 0;
        if (g.torus && span >= h) { for (let yy = 0; yy < h; yy++) s += rows[yy * w + x]; }
        else if (y === 0 || g.torus) {
          for (let dy = -r; dy <= r; dy++) {
            let yy = y + dy;
            if (g.torus) yy = ((yy % h) + h) % h; else if (yy < 0 || yy >= h) continue;
            s += rows[yy * w + x];
          }
        } else {
          s = dst[(y - 1) * w + x];
          const out = y - 1 - r, inn = y + r;
          if (out >= 0) s -= rows[out * w + x];
          if (inn < h) s += rows[inn * w + x];
        }
        dst[y * w + x] = s;
      }
    }
    return;
  }
  for (let y = 0; y < h; y++)
    for (let x = 0; x < w; x++) {
      let s = 0;
      for (let dy = -r; dy <= r; dy++) {
        let yy = y + dy;
        if (g.torus) yy = ((yy % h) + h) % h; else if (yy < 0 || yy >= h) continue;
        s += rowRange(g, yy, x - half[dy + r], x + half[dy + r]);
      }
      dst[y * w + x] = s;
    }
}
