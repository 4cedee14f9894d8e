import { describe, expect, it } from 'vitest';
import { Style } from '../../src/runner/protocol';
import { CLASS_COLOURS, cellClass, countCells, drawAgents, NCLASS, paintDensity } from '../../src/view/raster';
import { PACKED } from '../../src/view/palette';
import { buildStamps } from '../../src/view/stamps';
import { agentsOf } from './fixtures';

const target = (w: number, h: number) => ({ data: new Uint32Array(w * h), w, h });
const xf = { s: 10, ox: 0, oy: 0 };

describe('drawAgents', () => {
  it('writes each agent at its projected pixel', () => {
    const t = target(40, 40);
    drawAgents(t, agentsOf([[1.05, 2.05, Style.active, 0]]), xf, buildStamps(1, 1));
    expect(t.data[20 * 40 + 10]).toBe(PACKED.active);
    expect(t.data.filter((v) => v !== 0)).toHaveLength(1);
  });

  it('draws officers over citizens, whatever their order in the buffers', () => {
    const t = target(40, 40);
    const a = agentsOf([[2, 2, Style.officerMasked + 9, 5], [2, 2, Style.quiet, 0]]);
    drawAgents(t, a, xf, buildStamps(1, 1));
    expect(t.data[20 * 40 + 20]).toBe(PACKED.loyalty[9]);
  });

  it('skips detained and resigned agents and clips at the edges', () => {
    const t = target(20, 20);
    const a = agentsOf([[0, 0, Style.officerMasked, 3], [1.99, 1.99, Style.joined, 4], [-5, -5, Style.active, 1], [1, 1, Style.detained, 2], [1, 1, Style.resigned, 6]]);
    expect(() => drawAgents(t, a, xf, buildStamps(3, 3))).not.toThrow();
    expect(t.data[0]).not.toBe(0);
    expect(t.data[19 * 20 + 19]).not.toBe(0);
    expect(t.data[10 * 20 + 10]).toBe(0);
  });

  it('reads only `count` agents', () => {
    const t = target(40, 40);
    const a = agentsOf([[1, 1, Style.active, 0], [3, 3, Style.active, 1]]);
    a.count = 1;
    drawAgents(t, a, xf, buildStamps(1, 1));
    expect(t.data[30 * 40 + 30]).toBe(0);
  });
});

describe('density raster', () => {
  const a = agentsOf([
    [0.5, 0.5, Style.quiet, 0], [0.2, 0.7, Style.quiet, 1], [0.9, 0.1, Style.quiet, 2], [0.5, 0.5, Style.active, 3],
    [1.5, 0.5, Style.quiet, 4], [1.5, 0.5, Style.officerMasked + 8, 10],
    [0.5, 1.5, Style.detained, 5], [9, 9, Style.joined, 11],
  ]);

  it('counts agents per cell and class, clamping strays to the edge', () => {
    const counts = new Uint16Array(2 * 2 * NCLASS);
    countCells(a, 2, 2, counts);
    expect(counts[0 * NCLASS + 0]).toBe(3);
    expect(counts[0 * NCLASS + 1]).toBe(1);
    expect(counts[1 * NCLASS + 3]).toBe(1);
    expect(counts[2 * NCLASS + 0]).toBe(0);
    expect(counts[3 * NCLASS + 6]).toBe(1);
    expect(counts.reduce((s, v) => s + v, 0)).toBe(7);
  });

  it('colours a cell by its weighted majority: one officer outweighs one quiet neighbour', () => {
    const counts = new Uint16Array(2 * 2 * NCLASS);
    countCells(a, 2, 2, counts);
    // 3 quiet (weight 1) against 1 protester (weight 3): a tie goes to the rarer class.
    expect(cellClass(counts, 0)).toBe(1);
    counts[0] = 4;
    expect(cellClass(counts, 0)).toBe(0);
    expect(cellClass(counts, 1)).toBe(3);
    expect(cellClass(counts, 2)).toBe(-1);
  });

  it('paints one block per cell', () => {
    const counts = new Uint16Array(2 * 2 * NCLASS);
    countCells(a, 2, 2, counts);
    const t = target(4, 4);
    paintDensity(t, counts, 2, 2, { s: 2, ox: 0, oy: 0 });
    expect(t.data[0]).toBe(CLASS_COLOURS[1]);
    expect(t.data[3]).toBe(CLASS_COLOURS[3]);
    expect(t.data[2 * 4 + 0]).toBe(0);
    expect(t.data[3 * 4 + 3]).toBe(CLASS_COLOURS[6]);
  });
});
