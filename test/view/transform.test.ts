import { describe, expect, it } from 'vitest';
import { clampView, fitScale, MAX_CELL_PX, panBy, project, resetView, zoomAt } from '../../src/view/transform';

const grid = { w: 120, h: 90 }, area = { x: 240, y: 0, w: 1040, h: 800 };

describe('view transform', () => {
  it('fits the whole map in the area at zoom 1, centred', () => {
    const xf = project(resetView(grid), grid, area);
    expect(xf.s).toBeCloseTo(fitScale(grid, area));
    expect(grid.w * xf.s).toBeLessThanOrEqual(area.w);
    expect(grid.h * xf.s).toBeLessThanOrEqual(area.h);
    expect(60 * xf.s + xf.ox).toBeCloseTo(area.x + area.w / 2);
    expect(45 * xf.s + xf.oy).toBeCloseTo(area.h / 2);
  });

  it('zooms about the pointer: the map point under it stays put', () => {
    const v0 = resetView(grid), sx = 500, sy = 300;
    const a = project(v0, grid, area);
    const wx = (sx - a.ox) / a.s, wy = (sy - a.oy) / a.s;
    const v1 = zoomAt(v0, grid, area, 2, sx, sy);
    const b = project(v1, grid, area);
    expect(v1.zoom).toBeCloseTo(2);
    expect(wx * b.s + b.ox).toBeCloseTo(sx);
    expect(wy * b.s + b.oy).toBeCloseTo(sy);
  });

  it('pans by screen pixels and keeps the centre on the map', () => {
    const v0 = resetView(grid), s = fitScale(grid, area);
    const v1 = panBy(v0, grid, area, 100, 0);
    expect(v1.cx).toBeCloseTo(60 - 100 / s);
    const far = panBy(v0, grid, area, -1e6, 1e6);
    expect(far.cx).toBe(grid.w);
    expect(far.cy).toBe(0);
  });

  it('limits the zoom', () => {
    expect(clampView({ cx: 0, cy: 0, zoom: 0.01 }, grid, area).zoom).toBe(0.5);
    const z = clampView({ cx: 0, cy: 0, zoom: 1e6 }, grid, area).zoom;
    expect(fitScale(grid, area) * z).toBeCloseTo(MAX_CELL_PX);
  });
});
