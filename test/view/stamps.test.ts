import { describe, expect, it } from 'vitest';
import { Style } from '../../src/runner/protocol';
import { buildStamps, STAMP_TIERS, stampFor, tierFor } from '../../src/view/stamps';

/** A stamp's shape without its colours: the set of "dx,dy" it covers (outline pixels included). */
const shape = (style: number, dot: number, r: number) => new Set(stampFor(style, dot, r).map(([x, y]) => `${x},${y}`));
/** The pixels in the stamp's own colour (not the dark outline). */
const body = (style: number, dot: number, r: number) =>
  new Set(stampFor(style, dot, r).filter(([, , c]) => c !== 0x07090c).map(([x, y]) => `${x},${y}`));
const same = (a: Set<string>, b: Set<string>) => a.size === b.size && [...a].every((k) => b.has(k));

describe('stamps', () => {
  it.each(STAMP_TIERS.map((t) => [t.dot, t.r]))('tell officer kinds apart by shape (dot %i, r %i)', (dot, r) => {
    const kinds = [Style.officerMasked + 5, Style.officerUnmasked + 5, Style.shirking, Style.insider, Style.joined];
    for (let a = 0; a < kinds.length; a++)
      for (let b = a + 1; b < kinds.length; b++)
        expect(same(body(kinds[a], dot, r), body(kinds[b], dot, r)), `${kinds[a]} vs ${kinds[b]}`).toBe(false);
  });

  it('draws masked and unmasked officers of one decile in the same colour: only the shape differs', () => {
    const colours = (s: number) => new Set(stampFor(s, 2, 2).map(([, , c]) => c));
    expect(colours(Style.officerMasked + 3)).toEqual(colours(Style.officerUnmasked + 3));
    expect(same(shape(Style.officerMasked + 3, 2, 2), shape(Style.officerUnmasked + 3, 2, 2))).toBe(false);
  });

  it('does not draw detained citizens or resigned officers', () => {
    const set = buildStamps(2, 2);
    expect(set.len[Style.detained]).toBe(0);
    expect(set.len[Style.resigned]).toBe(0);
    expect(set.len[Style.quiet]).toBe(4);
    expect(set.reach).toBeLessThanOrEqual(3);
  });

  it('makes officers bigger than citizens', () => {
    for (const t of STAMP_TIERS) expect(shape(Style.officerMasked, t.dot, t.r).size).toBeGreaterThan(shape(Style.active, t.dot, t.r).size);
  });

  it('chooses the density raster below 2.5 px per cell and bigger stamps as the map grows', () => {
    expect(tierFor(1)).toBe(-1);
    expect(tierFor(3)).toBe(0);
    expect(tierFor(8.4)).toBe(2);
    expect(tierFor(40)).toBe(STAMP_TIERS.length - 1);
  });
});
