/**
 * The small pixel shapes ("stamps") the agent layer writes for each Style code, at three sizes.
 * Shape carries meaning on its own, so nothing depends on colour alone:
 *   citizen: small dot (injured: an x at the largest size)
 *   officer on duty, masked: filled square   - unmasked: hollow ring (dark centre)
 *   shirking: flat bar   - insider: diamond   - joined the crowd: X cross
 * Detained citizens and resigned officers are not drawn.
 */
import { Style } from '../runner/protocol';
import { LOYALTY_BY_DECILE, PALETTE } from './palette';
import { packABGR } from './color';

export interface StampSet {
  /** Citizen dot size and officer stamp radius, in pixels. */
  dot: number;
  r: number;
  /** Per style code: first pixel and number of pixels in dx/dy/col (0 = not drawn). */
  start: Int32Array;
  len: Int32Array;
  dx: Int8Array;
  dy: Int8Array;
  /** Packed colour for the ImageData's Uint32 view, and the same colour as 0xRRGGBB. */
  col: Uint32Array;
  hex: Uint32Array;
  /** Largest |dx| or |dy| of any stamp: margin for the bounds check. */
  reach: number;
}

/** Below this many screen pixels per cell the map shows a density raster instead of dots. */
export const RASTER_BELOW = 2.5;

/** Stamp sizes by zoom: from `from` screen pixels per cell, citizens are `dot` wide, officers 2r+1. */
export const STAMP_TIERS: readonly { from: number; dot: number; r: number }[] = [
  { from: RASTER_BELOW, dot: 1, r: 1 },
  { from: 4, dot: 2, r: 1 },
  { from: 7, dot: 2, r: 2 },
  { from: 14, dot: 3, r: 3 },
];

/** Index into STAMP_TIERS for `scale` screen pixels per cell; -1 = use the density raster. */
export function tierFor(scale: number): number {
  let t = -1;
  for (let k = 0; k < STAMP_TIERS.length; k++) if (scale >= STAMP_TIERS[k].from) t = k;
  return t;
}

type Px = [number, number, number]; // dx, dy, 0xRRGGBB

function citizenDot(size: number, colour: number): Px[] {
  const px: Px[] = [];
  const lo = -Math.floor((size - 1) / 2);
  for (let y = lo; y < lo + size; y++) for (let x = lo; x < lo + size; x++) px.push([x, y, colour]);
  return px;
}

function shape(r: number, colour: number, inside: (x: number, y: number) => 'c' | 'o' | null): Px[] {
  const px: Px[] = [];
  for (let y = -r - 1; y <= r + 1; y++)
    for (let x = -r - 1; x <= r + 1; x++) {
      const k = inside(x, y);
      if (k) px.push([x, y, k === 'c' ? colour : PALETTE.outline]);
    }
  return px;
}

const cheb = (x: number, y: number) => Math.max(Math.abs(x), Math.abs(y));
const taxi = (x: number, y: number) => Math.abs(x) + Math.abs(y);

export const masked = (r: number, c: number): Px[] =>
  shape(r, c, (x, y) => (cheb(x, y) > r ? null : r >= 2 && cheb(x, y) === r ? 'o' : 'c'));

export const unmasked = (r: number, c: number): Px[] =>
  shape(r, c, (x, y) => {
    const d = Math.hypot(x, y);
    if (r <= 2) return cheb(x, y) === r && (r === 1 || taxi(x, y) < 2 * r) ? 'c' : cheb(x, y) < r ? 'o' : null;
    if (d <= r + 0.35 && d >= r - 0.75) return 'c';
    return d < r - 0.75 ? 'o' : null;
  });

export const bar = (r: number, c: number): Px[] => {
  const h = r >= 3 ? 1 : 0;
  return shape(r, c, (x, y) => {
    if (Math.abs(x) > r) return null;
    if (y >= -h && y <= 0) return 'c';
    return r >= 2 && (y === -h - 1 || y === 1) ? 'o' : null;
  });
};

export const diamond = (r: number, c: number): Px[] =>
  shape(r, c, (x, y) => (taxi(x, y) <= r ? 'c' : r >= 2 && taxi(x, y) === r + 1 && cheb(x, y) <= r ? 'o' : null));

export const cross = (r: number, c: number): Px[] =>
  shape(r, c, (x, y) => {
    if (cheb(x, y) > r) return null;
    if (Math.abs(x) === Math.abs(y)) return 'c';
    return r >= 3 && Math.abs(Math.abs(x) - Math.abs(y)) === 1 ? 'c' : null;
  });

/** The pixels of one style for citizen dots `dot` wide and officer stamps of radius `r` (empty: not drawn). */
export function stampFor(style: number, dot: number, r: number): Px[] {
  if (style === Style.quiet) return citizenDot(dot, PALETTE.quiet);
  if (style === Style.active) return citizenDot(dot, PALETTE.active);
  if (style === Style.injured) return dot >= 3 ? cross(1, PALETTE.injured) : citizenDot(dot, PALETTE.injured);
  if (style >= Style.officerMasked && style < Style.officerMasked + 10) return masked(r, LOYALTY_BY_DECILE[style - Style.officerMasked]);
  if (style >= Style.officerUnmasked && style < Style.officerUnmasked + 10) return unmasked(r, LOYALTY_BY_DECILE[style - Style.officerUnmasked]);
  if (style === Style.shirking) return bar(r, PALETTE.shirking);
  if (style === Style.insider) return diamond(r, PALETTE.insider);
  if (style === Style.joined) return cross(r, PALETTE.joined);
  return [];
}

export function buildStamps(dot: number, r: number): StampSet {
  const all: Px[][] = [];
  for (let s = 0; s < 256; s++) all.push(stampFor(s, dot, r));
  const total = all.reduce((n, p) => n + p.length, 0);
  const set: StampSet = {
    dot, r, start: new Int32Array(256), len: new Int32Array(256),
    dx: new Int8Array(total), dy: new Int8Array(total), col: new Uint32Array(total), hex: new Uint32Array(total), reach: 0,
  };
  let k = 0;
  all.forEach((px, s) => {
    set.start[s] = k; set.len[s] = px.length;
    for (const [x, y, c] of px) {
      set.dx[k] = x; set.dy[k] = y; set.col[k] = packABGR(c); set.hex[k] = c; k++;
      set.reach = Math.max(set.reach, Math.abs(x), Math.abs(y));
    }
  });
  return set;
}
