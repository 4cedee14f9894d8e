/**
 * randomOpenCell (src/sim/world/cells.ts): "a random cell in vision with room, or -1; uniform over
 * open cells" (Epstein's move rule: a random site within vision that holds nothing blocking).
 */
import seedrandom from 'seedrandom';
import { describe, expect, it } from 'vitest';
import { createState, type SimState } from '../../../src/sim';
import { offsetCell } from '../../../src/sim/world/grid';
import { randomOpenCell } from '../../../src/sim/world/cells';
import { bareScenario, smallCityParams } from '../helpers';

function world(w: number, h: number, torus: boolean, r: number, shape: 'euclidean' | 'square', countMode: 'live' | 'tickStart'): SimState {
  return createState(bareScenario('cells'), smallCityParams({
    gridWidth: w, gridHeight: h, torus, visionRadius: r, visionShape: shape, countMode, citizenCount: 0, officerCount: 0, nationalForce: 0, cellCapacity: 5,
  }), 1);
}

/** The distinct cells within vision of `cell`. */
function visionCells(s: SimState, cell: number): number[] {
  const g = s.grid, out = new Set<number>();
  for (let k = 0; k < g.offX.length; k++) { const c = offsetCell(g, cell, g.offX[k], g.offY[k]); if (c >= 0) out.add(c); }
  return [...out].sort((a, b) => a - b);
}

function frequencies(s: SimState, cell: number, n: number): Map<number, number> {
  const r = seedrandom.alea('cells-test') as unknown as () => number;
  const f = new Map<number, number>();
  for (let k = 0; k < n; k++) { const c = randomOpenCell(s, cell, r); f.set(c, (f.get(c) ?? 0) + 1); }
  return f;
}

const N = 40_000;

describe('randomOpenCell', () => {
  it.each(['live', 'tickStart'] as const)('is uniform over the open cells in vision (%s: with and without a neighbour table)', (mode) => {
    const s = world(20, 20, false, 3, 'euclidean', mode);
    const cell = 10 * 20 + 10;
    const cells = visionCells(s, cell);
    expect(cells.length).toBe(29);
    s.grid.occ[cells[3]] = 5; // full: never chosen
    const f = frequencies(s, cell, N);
    expect(f.has(cells[3])).toBe(false);
    expect([...f.keys()].every((c) => cells.includes(c))).toBe(true);
    for (const c of cells) if (c !== cells[3]) expect(Math.abs((f.get(c) ?? 0) / N - 1 / 28), `cell ${c}`).toBeLessThan(0.008);
  });

  it('returns -1 when every cell in vision is full', () => {
    const s = world(10, 10, false, 1, 'square', 'live');
    for (const c of visionCells(s, 55)) s.grid.occ[c] = 5;
    expect(frequencies(s, 55, 100).get(-1)).toBe(100);
  });

  // Regression: on a torus smaller than the vision diameter several offsets reach the same cell;
  // randomOpenCell (and pickActive) once drew cells in proportion to the number of offsets that
  // reach them. 4x4 torus, square vision 3: the own cell is reached by 1 of 49 offsets (it was
  // drawn ~2% of the time), others by 2 or 4; uniform is 1/16 = 6.25% each.
  it.each(['live', 'tickStart'] as const)('is uniform over distinct cells on a torus smaller than the vision diameter (%s)', (mode) => {
    const s = world(4, 4, true, 3, 'square', mode);
    const f = frequencies(s, 5, N);
    for (let c = 0; c < 16; c++) expect(Math.abs((f.get(c) ?? 0) / N - 1 / 16), `cell ${c}`).toBeLessThan(0.01);
  });
});
