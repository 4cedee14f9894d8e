/**
 * Every colour the map uses, in one place. Officers' loyalty runs along a cividis-like ramp
 * (blue -> grey -> amber, built in OKLab): lightness rises steadily from loyal to about to defect
 * and the ramp lies on the blue-yellow axis that red-green colour-blind viewers still see.
 * Colour never carries a distinction alone: unmasked, shirking, insider and joined officers
 * also differ in shape (see stamps.ts), and the legend names each one.
 */
import { packABGR, ramp } from './color';

export { cssHex } from './color';

/** Loyalty ramp anchors, loyal first. */
const LOYAL_TO_DEFECTED = ramp([0x2f6fdb, 0x8f8f8a, 0xf6c945], 10);

/** Officer colour by loyalty decile as the protocol sends it (0 = about to defect, 9 = fully loyal). */
export const LOYALTY_BY_DECILE: readonly number[] = LOYAL_TO_DEFECTED.slice().reverse();

export const PALETTE = {
  background: 0x10141a,
  mapGround: 0x171c24,
  mapEdge: 0x5a6474,
  districtBorder: 0x8a95a8,
  /** Outline and centre of officer stamps: keeps them crisp over a crowd. */
  outline: 0x07090c,

  quiet: 0x5b6470,
  active: 0xf4f4f4,
  injured: 0xff5fa2,
  shirking: 0xa0a4aa,
  insider: 0xc9a0ff,
  joined: 0xffd84a,

  square: 0xf0e6c8,
  metro: 0x4aa3ff,
  station: 0x6f8cff,

  selection: 0x40e0ff,
  text: 0xf2f4f8,
  textDim: 0xb8c0cc,
  textShadow: 0x000000,

  success: 0xffffff,
  successAccent: 0xd62828,
  failure: 0x1d2330,
  failureAccent: 0x8a94a6,
  stalemate: 0x2a3140,
} as const;

/** Soft tints for district areas (Okabe–Ito hues, drawn at low alpha; labels identify districts). */
export const DISTRICT_TINTS: readonly number[] = [
  0x56b4e9, 0xe69f00, 0x009e73, 0xf0e442, 0x0072b2, 0xd55e00, 0xcc79a7, 0x999999, 0x66ccee,
];
export const DISTRICT_TINT_ALPHA = 0.07;

/** Pulse colours for map events. */
export const EVENT_COLOURS = {
  defect: PALETTE.joined,
  quiet: 0xb8c0cc,
  unmask: 0xffffff,
  death: PALETTE.injured,
  deploy: PALETTE.station,
} as const;

/** Packed (ImageData Uint32) versions of the colours the agent layer writes. */
export const PACKED = {
  quiet: packABGR(PALETTE.quiet),
  active: packABGR(PALETTE.active),
  injured: packABGR(PALETTE.injured),
  shirking: packABGR(PALETTE.shirking),
  insider: packABGR(PALETTE.insider),
  joined: packABGR(PALETTE.joined),
  outline: packABGR(PALETTE.outline),
  loyalty: LOYALTY_BY_DECILE.map((c) => packABGR(c)),
} as const;
