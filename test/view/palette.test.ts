import { describe, expect, it } from 'vitest';
import { deltaE, lightness, packABGR, simulateCvd, type Deficiency } from '../../src/view/color';
import { LOYALTY_BY_DECILE, PACKED, PALETTE } from '../../src/view/palette';

describe('loyalty scale', () => {
  it('has one colour per decile', () => {
    expect(LOYALTY_BY_DECILE).toHaveLength(10);
  });

  it('lightness rises steadily from loyal (decile 9) to about to defect (decile 0)', () => {
    const L = LOYALTY_BY_DECILE.map(lightness);
    for (let d = 0; d < 9; d++) expect(L[d]).toBeGreaterThan(L[d + 1] + 1.5);
    expect(L[0] - L[9]).toBeGreaterThan(25);
  });

  it('keeps neighbouring deciles apart for red-green and blue-yellow colour blindness', () => {
    for (const kind of ['protan', 'deutan', 'tritan'] as Deficiency[]) {
      const sim = LOYALTY_BY_DECILE.map((c) => simulateCvd(c, kind));
      for (let d = 0; d < 9; d++) expect(deltaE(sim[d], sim[d + 1])).toBeGreaterThan(0.01);
      expect(deltaE(sim[0], sim[9])).toBeGreaterThan(0.25);
    }
  });

  it('stands out from the dark ground', () => {
    for (const c of LOYALTY_BY_DECILE) expect(lightness(c) - lightness(PALETTE.mapGround)).toBeGreaterThan(30);
  });
});

describe('citizens', () => {
  it('protesting and quiet citizens differ in lightness, not hue alone', () => {
    expect(lightness(PALETTE.active) - lightness(PALETTE.quiet)).toBeGreaterThan(40);
  });
});

describe('packABGR', () => {
  it('lays bytes out as ImageData expects (r, g, b, a) on a little-endian machine', () => {
    const word = new Uint32Array([packABGR(0x123456, 200)]);
    expect([...new Uint8Array(word.buffer)]).toEqual([0x12, 0x34, 0x56, 200]);
    expect(PACKED.loyalty).toHaveLength(10);
  });
});
