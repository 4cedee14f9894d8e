/**
 * Counts of officers, active citizens and joined officers within vision of every cell.
 * live mode keeps them current incrementally (each change touches the cells of one vision area);
 * tickStart mode rebuilds them once per tick from per-cell counts with row prefix sums, so no
 * query ever scans the cells in vision (square vision costs O(cells), a disc O(cells x diameter)).
 */
import type { Grid, GridWork } from '../state';

/** Empty working buffers; each function grows what it needs (they belong to one grid: no module state). */
export const makeGridWork = (): GridWork => ({
  rowY: new Int32Array(0), rowHw: new Int32Array(0), prefix: new Float64Array(0), rows: new Float64Array(0),
  half: new Int32Array(0), spans: new Int32Array(0), rowNz: new Uint8Array(0),
});

/**
 * The distinct rows of the vision area around row y0 and the half-width of the area in each: on
 * a torus smaller than the vision diameter a row is reached by several offsets, and the widest
 * span (the smallest |dy|) is the one that counts, so every cell is counted once, as NetLogo's
 * in-radius returns each patch once. Returns the number of rows written to rowY/rowHw.
 */
function visionRows(g: Grid, y0: number, half: Int32Array): number {
  const h = g.h, r = half.length >> 1, wk = g.work;
  if (wk.rowY.length < 2 * r + 1) { wk.rowY = new Int32Array(2 * r + 1); wk.rowHw = new Int32Array(2 * r + 1); }
  const rowY = wk.rowY, rowHw = wk.rowHw;
  let n = 0;
  if (!g.torus) {
    for (let dy = -r; dy <= r; dy++) { const y = y0 + dy; if (y >= 0 && y < h) { rowY[n] = y; rowHw[n++] = half[dy + r]; } }
    return n;
  }
  if (2 * r + 1 <= h) {
    for (let dy = -r; dy <= r; dy++) { rowY[n] = (((y0 + dy) % h) + h) % h; rowHw[n++] = half[dy + r]; }
    return n;
  }
  for (let y = 0; y < h; y++) {
    const d = (((y - y0) % h) + h) % h, m = Math.min(d, h - d); // smallest |dy| reaching row y
    if (m <= r) { rowY[n] = y; rowHw[n++] = half[m + r]; }
  }
  return n;
}

/**
 * Writes the vision area around `cell` as spans of consecutive cell indices [start, end] into
 * out from `at`, row by row (two spans where a row wraps); returns the next free position.
 */
export function visionSpans(g: Grid, cell: number, out: Int32Array, at: number): number {
  const w = g.w, torus = g.torus, x0 = cell % w;
  const n = visionRows(g, (cell / w) | 0, g.spanHalf), rowY = g.work.rowY, rowHw = g.work.rowHw;
  for (let q = 0; q < n; q++) {
    const hw = rowHw[q], base = rowY[q] * w;
    let a = x0 - hw, b = x0 + hw;
    if (!torus) { if (a < 0) a = 0; if (b > w - 1) b = w - 1; }
    else if (b - a + 1 >= w) { a = 0; b = w - 1; }
    else if (a < 0) { out[at++] = base + a + w; out[at++] = base + w - 1; a = 0; }
    else if (b >= w) { out[at++] = base; out[at++] = base + b - w; b = w - 1; }
    out[at++] = base + a; out[at++] = base + b;
  }
  return at;
}

/** At most this many span ends are precomputed for a live-mode map; larger maps compute per call. */
const SPAN_TABLE_LIMIT = 8_000_000;

/** Precomputes every cell's spans (live mode), or leaves the table empty when it would be too big. */
export function buildSpanTable(g: Grid): void {
  const rows = g.spanHalf.length;
  if (g.cells * rows * 4 > SPAN_TABLE_LIMIT) return;
  const start = new Int32Array(g.cells + 1), tmp = new Int32Array(g.cells * rows * 4);
  let at = 0;
  for (let c = 0; c < g.cells; c++) { start[c] = at; at = visionSpans(g, c, tmp, at); }
  start[g.cells] = at;
  g.spanStart = start;
  g.spans = tmp.slice(0, at);
}

/**
 * Adds `delta` to arr over the vision area around `cell` (live mode's incremental counts): a few
 * runs of consecutive cells, from the precomputed table when there is one.
 */
export function addAround(g: Grid, arr: Float64Array, cell: number, delta: number): void {
  let spans = g.spans, k = 0, e = 0;
  if (g.spanStart !== null) { k = g.spanStart[cell]; e = g.spanStart[cell + 1]; }
  else {
    if (g.work.spans.length < g.spanHalf.length * 4) g.work.spans = new Int32Array(g.spanHalf.length * 4);
    spans = g.work.spans; e = visionSpans(g, cell, spans, 0);
  }
  for (; k < e; k += 2) for (let x = spans[k], end = spans[k + 1]; x <= end; x++) arr[x] += delta;
}

/** Sum of row `y` of src over columns a..b inclusive (wrapping on a torus), from row prefix sums. */
function rowRange(g: Grid, prefix: Float64Array, y: number, a: number, b: number): number {
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

/** Sliding window of half-width r along one line of n values (stride apart), wrapping or clipped. */
function slide(src: Float64Array, dst: Float64Array, off: number, stride: number, n: number, r: number, wrap: boolean): void {
  if (wrap && 2 * r + 1 >= n) {
    let t = 0;
    for (let i = 0; i < n; i++) t += src[off + i * stride];
    for (let i = 0; i < n; i++) dst[off + i * stride] = t;
    return;
  }
  let sum = 0;
  if (wrap) {
    for (let d = -r; d <= r; d++) sum += src[off + (((d % n) + n) % n) * stride];
    for (let i = 0; i < n; i++) {
      dst[off + i * stride] = sum;
      let a = i - r, b = i + r + 1;
      if (a < 0) a += n;
      if (b >= n) b -= n;
      sum += src[off + b * stride] - src[off + a * stride];
    }
    return;
  }
  for (let d = 0; d <= r && d < n; d++) sum += src[off + d * stride];
  for (let i = 0; i < n; i++) {
    dst[off + i * stride] = sum;
    const a = i - r, b = i + r + 1;
    if (a >= 0) sum -= src[off + a * stride];
    if (b < n) sum += src[off + b * stride];
  }
}

function rowHasAny(src: Float64Array, off: number, w: number): boolean {
  for (let x = off, e = off + w; x < e; x++) if (src[x] !== 0) return true;
  return false;
}

/**
 * The column pass of a square window, taken a whole row at a time (memory order, not a stride of w
 * per step): row y of dst is row y - 1 plus the row entering the window minus the row leaving it,
 * each column with exactly the operations, in the order, of slide() along that column, so the
 * sums are bit for bit those of a column-by-column pass. Rows flagged empty (nz[y] = 0) are not
 * read: adding or subtracting one changes nothing, and a window over empty rows copies the row above.
 */
function slideRows(rows: Float64Array, dst: Float64Array, nz: Uint8Array, w: number, h: number, r: number, wrap: boolean): void {
  if (wrap && 2 * r + 1 >= h) {
    dst.fill(0, 0, w);
    for (let y = 0; y < h; y++) if (nz[y]) addRow(dst, 0, rows, y * w, w);
    for (let y = 1; y < h; y++) dst.copyWithin(y * w, 0, w);
    return;
  }
  dst.fill(0, 0, w);
  if (wrap) {
    for (let d = -r; d <= r; d++) { const y = ((d % h) + h) % h; if (nz[y]) addRow(dst, 0, rows, y * w, w); }
  } else {
    for (let d = 0; d <= r && d < h; d++) if (nz[d]) addRow(dst, 0, rows, d * w, w);
  }
  for (let y = 1; y < h; y++) {
    const prev = (y - 1) * w, cur = y * w;
    let a = y - 1 - r, b = y + r;
    if (wrap) {
      if (a < 0) a += h;
      if (b >= h) b -= h;
      if (!nz[a] && !nz[b]) { dst.copyWithin(cur, prev, cur); continue; }
      // slide(): sum += src[b] - src[a]; with one side empty that is sum + src[b] or sum - src[a], exactly
      const ao = a * w, bo = b * w;
      if (nz[a] && nz[b]) for (let x = 0; x < w; x++) dst[cur + x] = dst[prev + x] + (rows[bo + x] - rows[ao + x]);
      else if (nz[b]) for (let x = 0; x < w; x++) dst[cur + x] = dst[prev + x] + rows[bo + x];
      else for (let x = 0; x < w; x++) dst[cur + x] = dst[prev + x] - rows[ao + x];
      continue;
    }
    // slide(): sum -= src[a] (a >= 0), then sum += src[b] (b < h)
    const useA = a >= 0 && nz[a] === 1, useB = b < h && nz[b] === 1;
    if (!useA && !useB) { dst.copyWithin(cur, prev, cur); continue; }
    const ao = a * w, bo = b * w;
    if (useA && useB) for (let x = 0; x < w; x++) dst[cur + x] = (dst[prev + x] - rows[ao + x]) + rows[bo + x];
    else if (useA) for (let x = 0; x < w; x++) dst[cur + x] = dst[prev + x] - rows[ao + x];
    else for (let x = 0; x < w; x++) dst[cur + x] = dst[prev + x] + rows[bo + x];
  }
}

function addRow(dst: Float64Array, dOff: number, src: Float64Array, sOff: number, w: number): void {
  for (let x = 0; x < w; x++) dst[dOff + x] += src[sOff + x];
}

/**
 * The sparse way to windowSum a source of whole counts (active citizens, joined officers): dst is
 * cleared and each listed cell adds 1 over its own vision area (a cell listed k times adds k), so
 * n x area steps replace the passes over every cell. Whole numbers add exactly in any order, so
 * this gives windowSum's figures bit for bit when the list holds every unit of the source once.
 * Returns false, doing nothing, when it would not be the faster way (n x area > cells) or
 * the grid's vision (spanHalf) is not the one asked for, or is wider than a torus.
 */
export function scatterCounts(g: Grid, list: Int32Array, n: number, dst: Float64Array, r: number, shape: 'euclidean' | 'square'): boolean {
  const half = g.spanHalf;
  if (half.length !== 2 * r + 1 || (g.torus && 2 * r + 1 > Math.min(g.w, g.h))) return false;
  let area = 0;
  for (let q = 0; q < half.length; q++) { const hw = shape === 'square' ? r : discHalf(r, q - r); if (half[q] !== hw) return false; area += 2 * hw + 1; }
  if (n * area > g.cells) return false;
  dst.fill(0, 0, g.cells);
  const w = g.w, h = g.h, torus = g.torus;
  for (let k = 0; k < n; k++) {
    const c = list[k], x0 = c % w, y0 = (c / w) | 0;
    for (let q = 0; q < half.length; q++) {
      let y = y0 + q - r;
      if (y < 0 || y >= h) { if (!torus) continue; y = y < 0 ? y + h : y - h; }
      const hw = half[q], base = y * w;
      let a = x0 - hw, b = x0 + hw;
      if (torus) {
        // 2 * hw + 1 <= w here: at most one wrapped piece
        if (a < 0) { for (let x = a + w; x < w; x++) dst[base + x] += 1; a = 0; }
        else if (b >= w) { for (let x = 0; x <= b - w; x++) dst[base + x] += 1; b = w - 1; }
      } else { if (a < 0) a = 0; if (b > w - 1) b = w - 1; }
      for (let x = base + a, e = base + b; x <= e; x++) dst[x] += 1;
    }
  }
  return true;
}

/** Half-width of a disc of radius r in row dy: the one rule for euclidean vision (windowSum, spanHalves, scatterCounts). */
export function discHalf(r: number, dy: number): number {
  let hw = 0;
  while ((hw + 1) * (hw + 1) + dy * dy <= r * r) hw++;
  return hw;
}

/** Rebuilds dst[cell] = sum of src over the vision area of cell (tickStart mode). */
export function windowSum(g: Grid, src: Float64Array, dst: Float64Array, r: number, shape: 'euclidean' | 'square'): void {
  const w = g.w, h = g.h, wk = g.work;
  if (shape === 'square') {
    // A box is separable: a sliding window along rows, then along columns. O(cells), no scan of the vision area.
    if (wk.rows.length < w * h) wk.rows = new Float64Array(w * h);
    if (wk.rowNz.length < h) wk.rowNz = new Uint8Array(h);
    const rowsBuf = wk.rows, nz = wk.rowNz;
    for (let y = 0; y < h; y++) {
      // A row with nothing in it sums to nothing: it is flagged and never read (most of a city map is empty).
      nz[y] = rowHasAny(src, y * w, w) ? 1 : 0;
      if (nz[y]) slide(src, rowsBuf, y * w, 1, w, r, g.torus);
    }
    slideRows(rowsBuf, dst, nz, w, h, r, g.torus);
    return;
  }
  if (wk.prefix.length < h * (w + 1)) wk.prefix = new Float64Array(h * (w + 1));
  const prefix = wk.prefix;
  for (let y = 0; y < h; y++) {
    const base = y * (w + 1);
    prefix[base] = 0;
    for (let x = 0; x < w; x++) prefix[base + x + 1] = prefix[base + x] + src[y * w + x];
  }
  if (wk.half.length !== 2 * r + 1) wk.half = new Int32Array(2 * r + 1);
  const half = wk.half;
  for (let dy = -r; dy <= r; dy++) half[dy + r] = discHalf(r, dy);
  for (let y = 0; y < h; y++) {
    const n = visionRows(g, y, half), rowY = wk.rowY, rowHw = wk.rowHw;
    for (let x = 0; x < w; x++) {
      let s = 0;
      for (let q = 0; q < n; q++) s += rowRange(g, prefix, rowY[q], x - rowHw[q], x + rowHw[q]);
      dst[y * w + x] = s;
    }
  }
}


