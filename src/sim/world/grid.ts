/** Builds the city grid: district of each cell, vision offsets, rally points. */
import type { Params } from '../params/schema';
import type { MapData } from '../scenarioData';
import type { Grid } from '../state';
import { buildSpanTable, discHalf, makeGridWork } from './neighbourhood';

/** Offsets within vision, own cell first. euclidean: dx²+dy² <= r² (NetLogo in-radius); square: a box. */
export function visionOffsets(r: number, shape: 'euclidean' | 'square'): { x: Int32Array; y: Int32Array } {
  const xs: number[] = [0], ys: number[] = [0];
  for (let dy = -r; dy <= r; dy++)
    for (let dx = -r; dx <= r; dx++) {
      if (dx === 0 && dy === 0) continue;
      if (shape === 'euclidean' && dx * dx + dy * dy > r * r) continue;
      xs.push(dx); ys.push(dy);
    }
  return { x: Int32Array.from(xs), y: Int32Array.from(ys) };
}

/**
 * On a torus smaller than the vision diameter several offsets reach the same cell; keep one of
 * each (the first, nearest to the centre), so choices over cells in vision stay uniform.
 */
function distinctOnTorus(off: { x: Int32Array; y: Int32Array }, w: number, h: number): { x: Int32Array; y: Int32Array } {
  const seen = new Set<number>(), xs: number[] = [], ys: number[] = [];
  const order = Array.from(off.x.keys()).sort((a, b) => (off.x[a] ** 2 + off.y[a] ** 2) - (off.x[b] ** 2 + off.y[b] ** 2) || a - b);
  for (const k of order) {
    const key = ((((off.y[k] % h) + h) % h) * w) + (((off.x[k] % w) + w) % w);
    if (seen.has(key)) continue;
    seen.add(key); xs.push(off.x[k]); ys.push(off.y[k]);
  }
  if (xs.length === off.x.length) return off;
  return { x: Int32Array.from(xs), y: Int32Array.from(ys) };
}

/** Half-width of the vision area in each row, dy = -r..r (matches visionOffsets). */
export function spanHalves(r: number, shape: 'euclidean' | 'square'): Int32Array {
  const out = new Int32Array(2 * r + 1);
  for (let dy = -r; dy <= r; dy++) {
    let hw = r;
    if (shape === 'euclidean') hw = discHalf(r, dy);
    out[dy + r] = hw;
  }
  return out;
}

/** Cell index of (x + dx, y + dy), or -1 off a non-wrapping map. */
export function offsetCell(g: Grid, cell: number, dx: number, dy: number): number {
  let x = (cell % g.w) + dx, y = ((cell / g.w) | 0) + dy;
  if (g.torus) {
    x = ((x % g.w) + g.w) % g.w; y = ((y % g.h) + g.h) % g.h;
  } else if (x < 0 || y < 0 || x >= g.w || y >= g.h) return -1;
  return y * g.w + x;
}

const fracCell = (w: number, h: number, at: [number, number]): number =>
  Math.min(h - 1, Math.max(0, Math.floor(at[1] * h))) * w + Math.min(w - 1, Math.max(0, Math.floor(at[0] * w)));

/**
 * The grid's sides: as given, or, with layoutScale > 0, scaled by sqrt(scale / layoutScale) so
 * the density of people per cell does not depend on the scale (at least 4 cells a side).
 */
export function gridSize(p: Params): { w: number; h: number } {
  if (!(p.layoutScale > 0)) return { w: p.gridWidth, h: p.gridHeight };
  const f = Math.sqrt(p.scale / p.layoutScale);
  return { w: Math.max(4, Math.round(p.gridWidth * f)), h: Math.max(4, Math.round(p.gridHeight * f)) };
}

/** Officers per unit: as given, or, with layoutScale > 0, scaled by scale / layoutScale (at least 1). */
export const unitSizeAt = (p: Params): number =>
  p.layoutScale > 0 ? Math.max(1, Math.round(p.unitSize * p.scale / p.layoutScale)) : p.unitSize;

export function buildGrid(p: Params, map: MapData | null): { grid: Grid; districtIds: string[]; districtNames: string[] } {
  const { w, h } = gridSize(p), cells = w * h;
  const district = new Uint16Array(cells);
  const districtIds: string[] = [], districtNames: string[] = [];
  if (!map || map.districts.length === 0) {
    districtIds.push('city'); districtNames.push('City');
  } else {
    // Cells outside every rectangle belong to the first district; later rectangles win overlaps.
    map.districts.forEach((d, i) => {
      districtIds.push(d.id); districtNames.push(d.name);
      const [x0, y0, x1, y1] = d.rect;
      const cx0 = Math.floor(x0 * w), cx1 = Math.ceil(x1 * w), cy0 = Math.floor(y0 * h), cy1 = Math.ceil(y1 * h);
      for (let y = Math.max(0, cy0); y < Math.min(h, cy1); y++)
        for (let x = Math.max(0, cx0); x < Math.min(w, cx1); x++) district[y * w + x] = i;
    });
  }
  let off = visionOffsets(p.visionRadius, p.visionShape);
  if (p.torus) off = distinctOnTorus(off, w, h);
  const rally = map ? [...map.squares, ...map.metro].map((pt) => fracCell(w, h, pt.at)) : [];
  const grid: Grid = {
    w, h, cells, torus: p.torus, district,
    occ: new Int32Array(cells), copCell: new Float64Array(cells), actCell: new Float64Array(cells), joinedCell: new Float64Array(cells),
    head: new Int32Array(cells).fill(-1), lists: p.countMode === 'live',
    nbCop: new Float64Array(cells), nbAct: new Float64Array(cells), nbJoined: new Float64Array(cells),
    offX: off.x, offY: off.y, spanHalf: spanHalves(p.visionRadius, p.visionShape), spanStart: null, spans: new Int32Array(0), nbr: null, rallyCells: Int32Array.from(rally), nearestRally: new Int32Array(cells).fill(-1),
    work: makeGridWork(),
  };
  // Live mode updates whole vision areas on every move: a neighbour table pays when it stays
  // cache-sized. At city scale arithmetic beats a table that would miss the cache on each read.
  const K = off.x.length;
  // 16-bit entries halve the table (Epstein's fits the second-level cache); 0xffff = off the map.
  if (p.countMode === 'live' && cells * K <= 4_000_000 && cells < 0xffff) {
    const tab = new Uint16Array(cells * K);
    for (let c = 0; c < cells; c++) for (let k = 0; k < K; k++) { const n = offsetCell(grid, c, off.x[k], off.y[k]); tab[c * K + k] = n < 0 ? 0xffff : n; }
    grid.nbr = tab;
  }
  if (p.countMode === 'live') buildSpanTable(grid);
  if (rally.length > 0) {
    for (let c = 0; c < cells; c++) {
      const x = c % w, y = (c / w) | 0;
      let best = -1, bd = Infinity;
      for (const r of rally) {
        const dx = (r % w) - x, dy = ((r / w) | 0) - y, d = dx * dx + dy * dy;
        if (d < bd) { bd = d; best = r; }
      }
      grid.nearestRally[c] = best;
    }
  }
  return { grid, districtIds, districtNames };
}
