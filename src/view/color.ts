/**
 * Colour arithmetic for the palette (no Phaser, no DOM): sRGB <-> OKLab for smooth, perceptually
 * even ramps, CIE L* for lightness checks, packing for an ImageData's Uint32 view, and a
 * colour-vision-deficiency simulation the tests use to check the palette.
 */

export type RGB = [number, number, number];

export const hexToRgb = (hex: number): RGB => [(hex >> 16) & 255, (hex >> 8) & 255, hex & 255];
export const rgbToHex = ([r, g, b]: RGB): number => (r << 16) | (g << 8) | b;
export const cssHex = (hex: number): string => `#${hex.toString(16).padStart(6, '0')}`;

/**
 * A colour for a Uint32Array view of ImageData bytes [r, g, b, a]: on little-endian machines
 * (every browser platform in use) the word reads 0xAABBGGRR.
 */
export function packABGR(hex: number, alpha = 255): number {
  const [r, g, b] = hexToRgb(hex);
  return ((alpha << 24) | (b << 16) | (g << 8) | r) >>> 0;
}

const toLinear = (c: number): number => {
  const v = c / 255;
  return v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
};
const fromLinear = (v: number): number => {
  const c = v <= 0.0031308 ? 12.92 * v : 1.055 * v ** (1 / 2.4) - 0.055;
  return Math.max(0, Math.min(255, Math.round(c * 255)));
};

export function rgbToOklab([r8, g8, b8]: RGB): RGB {
  const r = toLinear(r8), g = toLinear(g8), b = toLinear(b8);
  const l = Math.cbrt(0.4122214708 * r + 0.5363325363 * g + 0.0514459929 * b);
  const m = Math.cbrt(0.2119034982 * r + 0.6806995451 * g + 0.1073969566 * b);
  const s = Math.cbrt(0.0883024619 * r + 0.2817188376 * g + 0.6299787005 * b);
  return [
    0.2104542553 * l + 0.793617785 * m - 0.0040720468 * s,
    1.9779984951 * l - 2.428592205 * m + 0.4505937099 * s,
    0.0259040371 * l + 0.7827717662 * m - 0.808675766 * s,
  ];
}

export function oklabToRgb([L, A, B]: RGB): RGB {
  const l = (L + 0.3963377774 * A + 0.2158037573 * B) ** 3;
  const m = (L - 0.1055613458 * A - 0.0638541728 * B) ** 3;
  const s = (L - 0.0894841775 * A - 1.291485548 * B) ** 3;
  return [
    fromLinear(4.0767416621 * l - 3.3077115913 * m + 0.2309699292 * s),
    fromLinear(-1.2684380046 * l + 2.6097574011 * m - 0.3413193965 * s),
    fromLinear(-0.0041960863 * l - 0.7034186147 * m + 1.707614701 * s),
  ];
}

/** `n` colours from the first anchor to the last, evenly spaced in OKLab through the anchors. */
export function ramp(anchors: number[], n: number): number[] {
  const labs = anchors.map((a) => rgbToOklab(hexToRgb(a)));
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = n === 1 ? 0 : (i / (n - 1)) * (labs.length - 1);
    const k = Math.min(labs.length - 2, Math.floor(t)), f = t - k;
    const a = labs[k], b = labs[k + 1];
    out.push(rgbToHex(oklabToRgb([a[0] + (b[0] - a[0]) * f, a[1] + (b[1] - a[1]) * f, a[2] + (b[2] - a[2]) * f])));
  }
  return out;
}

/** CIE 1976 L* (0 black .. 100 white) of an sRGB colour. */
export function lightness(hex: number): number {
  const [r, g, b] = hexToRgb(hex);
  const y = 0.2126 * toLinear(r) + 0.7152 * toLinear(g) + 0.0722 * toLinear(b);
  const f = y > 216 / 24389 ? Math.cbrt(y) : (24389 / 27 * y + 16) / 116;
  return 116 * f - 16;
}

/** Dichromat simulation matrices on linear RGB (Viénot, Brettel & Mollon 1999). */
const CVD = {
  protan: [0.11238, 0.88762, 0, 0.11238, 0.88762, 0, 0.00401, -0.00401, 1],
  deutan: [0.29275, 0.70725, 0, 0.29275, 0.70725, 0, -0.02234, 0.02234, 1],
  tritan: [1, 0.14461, -0.14461, 0, 0.85924, 0.14076, 0, 0.86747, 0.13253],
} as const;
export type Deficiency = keyof typeof CVD;

export function simulateCvd(hex: number, kind: Deficiency): number {
  const m = CVD[kind];
  const [r8, g8, b8] = hexToRgb(hex);
  const r = toLinear(r8), g = toLinear(g8), b = toLinear(b8);
  return rgbToHex([
    fromLinear(m[0] * r + m[1] * g + m[2] * b),
    fromLinear(m[3] * r + m[4] * g + m[5] * b),
    fromLinear(m[6] * r + m[7] * g + m[8] * b),
  ]);
}

/** Distance in OKLab (about 0.02 is a just-noticeable difference; 0.1 is clearly different). */
export function deltaE(a: number, b: number): number {
  const p = rgbToOklab(hexToRgb(a)), q = rgbToOklab(hexToRgb(b));
  return Math.hypot(p[0] - q[0], p[1] - q[1], p[2] - q[2]);
}
