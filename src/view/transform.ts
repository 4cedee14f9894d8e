/**
 * The one view transform (no Phaser): map cells -> screen pixels. Every layer (map, agents,
 * events, picking) projects through it, so they cannot drift apart. The camera itself stays
 * at zoom 1; pan and zoom live here as a centre (in cells) and a zoom factor over "fit".
 */

export interface View {
  /** Map point at the centre of the fit area, in cells. */
  cx: number;
  cy: number;
  /** 1 = the whole map fits the area. */
  zoom: number;
}

/** The screen rectangle the map is fitted into (the screen minus the legend column, say). */
export interface Area { x: number; y: number; w: number; h: number }

export interface GridSize { w: number; h: number }

/** screen = cell * s + o. Reused in place each frame by project(). */
export interface Xf { s: number; ox: number; oy: number }

export const MIN_ZOOM = 0.5;
/** Zooming in stops at this many screen pixels per cell. */
export const MAX_CELL_PX = 64;
const FIT_MARGIN = 0.97;

export const makeXf = (): Xf => ({ s: 1, ox: 0, oy: 0 });

export function fitScale(grid: GridSize, area: Area): number {
  return Math.max(1e-6, Math.min(area.w / grid.w, area.h / grid.h) * FIT_MARGIN);
}

export function maxZoom(grid: GridSize, area: Area): number {
  return Math.max(1, MAX_CELL_PX / fitScale(grid, area));
}

export function resetView(grid: GridSize): View {
  return { cx: grid.w / 2, cy: grid.h / 2, zoom: 1 };
}

export function project(view: View, grid: GridSize, area: Area, out: Xf = makeXf()): Xf {
  const s = fitScale(grid, area) * view.zoom;
  out.s = s;
  out.ox = area.x + area.w / 2 - view.cx * s;
  out.oy = area.y + area.h / 2 - view.cy * s;
  return out;
}

/** Keeps the zoom in range and the centre on the map. */
export function clampView(view: View, grid: GridSize, area: Area): View {
  const zoom = Math.min(maxZoom(grid, area), Math.max(MIN_ZOOM, view.zoom));
  return {
    zoom,
    cx: Math.min(grid.w, Math.max(0, view.cx)),
    cy: Math.min(grid.h, Math.max(0, view.cy)),
  };
}

/** Moves the map by a screen-pixel drag (dx, dy). */
export function panBy(view: View, grid: GridSize, area: Area, dx: number, dy: number): View {
  const s = fitScale(grid, area) * view.zoom;
  return clampView({ ...view, cx: view.cx - dx / s, cy: view.cy - dy / s }, grid, area);
}

/** Zooms by `factor` keeping the map point under screen point (sx, sy) where it is. */
export function zoomAt(view: View, grid: GridSize, area: Area, factor: number, sx: number, sy: number): View {
  const before = project(view, grid, area);
  const wx = (sx - before.ox) / before.s, wy = (sy - before.oy) / before.s;
  const next = clampView({ ...view, zoom: view.zoom * factor }, grid, area);
  const s = fitScale(grid, area) * next.zoom;
  // Solve area centre - c*s + w*s = sx for the new centre c.
  const cx = wx - (sx - area.x - area.w / 2) / s;
  const cy = wy - (sy - area.y - area.h / 2) / s;
  return clampView({ zoom: next.zoom, cx, cy }, grid, area);
}

export const toScreenX = (xf: Xf, cellX: number): number => cellX * xf.s + xf.ox;
export const toScreenY = (xf: Xf, cellY: number): number => cellY * xf.s + xf.oy;
export const toCellX = (xf: Xf, sx: number): number => (sx - xf.ox) / xf.s;
export const toCellY = (xf: Xf, sy: number): number => (sy - xf.oy) / xf.s;

/** The transform scaled for a buffer drawn at `res` buffer pixels per screen pixel. */
export function scaled(xf: Xf, res: number, out: Xf = makeXf()): Xf {
  out.s = xf.s * res; out.ox = xf.ox * res; out.oy = xf.oy * res;
  return out;
}
