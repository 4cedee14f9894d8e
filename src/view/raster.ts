/**
 * Writes every agent into one pixel buffer (a Uint32 view of an ImageData): no game object per
 * agent, no allocation per frame. Two passes, citizens then officers, so officers stay on top.
 * Zoomed far out, a density raster (one colour per cell, by weighted majority) stands in.
 */
import type { AgentBuffers } from '../runner/protocol';
import { Style } from '../runner/protocol';
import type { StampSet } from './stamps';
import type { Xf } from './transform';
import { PACKED } from './palette';

export interface PixelTarget { data: Uint32Array; w: number; h: number }

/** Writes the agents' stamps; `xf` maps cells to buffer pixels. */
export function drawAgents(t: PixelTarget, a: AgentBuffers, xf: Xf, st: StampSet): void {
  const { data, w, h } = t, { x, y, style } = a, n = a.count;
  const { start, len, dx, dy, col, reach } = st, s = xf.s, ox = xf.ox, oy = xf.oy;
  for (let pass = 0; pass < 2; pass++) {
    for (let i = 0; i < n; i++) {
      const sty = style[i];
      if ((sty < Style.officerMasked ? 0 : 1) !== pass) continue;
      const m = len[sty];
      if (m === 0) continue;
      const px = Math.floor(x[i] * s + ox), py = Math.floor(y[i] * s + oy);
      if (px < -reach || py < -reach || px >= w + reach || py >= h + reach) continue;
      const k0 = start[sty];
      if (px >= reach && py >= reach && px < w - reach && py < h - reach) {
        const at = py * w + px;
        for (let k = k0; k < k0 + m; k++) data[at + dy[k] * w + dx[k]] = col[k];
      } else {
        for (let k = k0; k < k0 + m; k++) {
          const qx = px + dx[k], qy = py + dy[k];
          if (qx >= 0 && qy >= 0 && qx < w && qy < h) data[qy * w + qx] = col[k];
        }
      }
    }
  }
}

/** Density classes, in the order of `counts` per cell. */
export const DENSITY_CLASSES = ['quiet', 'active', 'injured', 'loyal', 'wavering', 'offDuty', 'joined'] as const;
export const NCLASS = DENSITY_CLASSES.length;

/**
 * How much one agent of each class counts toward its cell's colour: the rarer actors weigh more,
 * so a few officers or protesters in a quiet neighbourhood still show.
 */
export const DENSITY_WEIGHTS = new Float32Array([1, 3, 3, 4, 4, 4, 4]);

/** Style code -> density class (-1: not drawn). */
export const CLASS_OF_STYLE: Int8Array = (() => {
  const c = new Int8Array(256).fill(-1);
  c[Style.quiet] = 0; c[Style.active] = 1; c[Style.injured] = 2;
  for (let d = 0; d < 10; d++) {
    c[Style.officerMasked + d] = d >= 5 ? 3 : 4;
    c[Style.officerUnmasked + d] = d >= 5 ? 3 : 4;
  }
  c[Style.shirking] = 5; c[Style.insider] = 5; c[Style.joined] = 6;
  return c;
})();

/** Packed colour of each density class. */
export const CLASS_COLOURS = new Uint32Array([
  PACKED.quiet, PACKED.active, PACKED.injured, PACKED.loyalty[9], PACKED.loyalty[2], PACKED.shirking, PACKED.joined,
]);

/** Counts agents per cell and class into `counts` (length gridW * gridH * NCLASS, cleared here). */
export function countCells(a: AgentBuffers, gridW: number, gridH: number, counts: Uint16Array): void {
  counts.fill(0);
  const { x, y, style } = a;
  for (let i = 0; i < a.count; i++) {
    const k = CLASS_OF_STYLE[style[i]];
    if (k < 0) continue;
    let cx = Math.floor(x[i]), cy = Math.floor(y[i]);
    cx = cx < 0 ? 0 : cx >= gridW ? gridW - 1 : cx;
    cy = cy < 0 ? 0 : cy >= gridH ? gridH - 1 : cy;
    const at = (cy * gridW + cx) * NCLASS + k;
    if (counts[at] < 65535) counts[at]++;
  }
}

/** The class that colours a cell: highest weighted count, ties to the rarer class (-1: empty). */
export function cellClass(counts: Uint16Array, cell: number): number {
  let best = -1, bv = 0;
  const base = cell * NCLASS;
  for (let k = 0; k < NCLASS; k++) {
    const v = counts[base + k] * DENSITY_WEIGHTS[k];
    if (v > 0 && v >= bv) { bv = v; best = k; }
  }
  return best;
}

/** Paints each visible cell as a block of its class colour; `xf` maps cells to buffer pixels. */
export function paintDensity(t: PixelTarget, counts: Uint16Array, gridW: number, gridH: number, xf: Xf): void {
  const { data, w, h } = t, s = xf.s;
  const cx0 = Math.max(0, Math.floor(-xf.ox / s)), cx1 = Math.min(gridW, Math.ceil((w - xf.ox) / s));
  const cy0 = Math.max(0, Math.floor(-xf.oy / s)), cy1 = Math.min(gridH, Math.ceil((h - xf.oy) / s));
  for (let cy = cy0; cy < cy1; cy++) {
    const py0 = Math.max(0, Math.floor(cy * s + xf.oy)), py1 = Math.min(h, Math.max(py0 + 1, Math.floor((cy + 1) * s + xf.oy)));
    for (let cx = cx0; cx < cx1; cx++) {
      const k = cellClass(counts, cy * gridW + cx);
      if (k < 0) continue;
      const colour = CLASS_COLOURS[k];
      const px0 = Math.max(0, Math.floor(cx * s + xf.ox)), px1 = Math.min(w, Math.max(px0 + 1, Math.floor((cx + 1) * s + xf.ox)));
      // A block is a few pixels wide when zoomed out: a plain loop beats a fill() call per row.
      for (let py = py0; py < py1; py++) { const row = py * w; for (let px = px0; px < px1; px++) data[row + px] = colour; }
    }
  }
}
