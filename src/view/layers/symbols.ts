/**
 * Shared drawing bits for the map and its key: place symbols, stamp icons, text styles.
 */
import type * as Phaser from 'phaser';
import { cssHex, PALETTE } from '../palette';
import type { StampSet } from '../stamps';

export type PlaceKind = 'square' | 'metro' | 'station';

export const FONT = 'system-ui, "Segoe UI", Roboto, "DejaVu Sans", Helvetica, Arial, sans-serif';

export function textStyle(size: number, colour: number = PALETTE.text, bold = false): Phaser.Types.GameObjects.Text.TextStyle {
  return {
    fontFamily: FONT, fontSize: `${size}px`, fontStyle: bold ? 'bold' : 'normal',
    color: cssHex(colour), stroke: '#000000', strokeThickness: Math.max(2, Math.round(size / 5)),
  };
}

/** A place symbol centred on (x, y), `r` screen pixels in radius. */
export function drawPlace(g: Phaser.GameObjects.Graphics, kind: PlaceKind, x: number, y: number, r: number): void {
  if (kind === 'square') {
    g.fillStyle(PALETTE.square, 1);
    g.fillTriangle(x, y - r, x + r, y, x, y + r);
    g.fillTriangle(x, y - r, x - r, y, x, y + r);
    g.lineStyle(1.5, PALETTE.outline, 1);
    g.strokeTriangle(x, y - r, x + r, y, x - r, y);
    g.strokeTriangle(x - r, y, x + r, y, x, y + r);
    g.fillStyle(PALETTE.square, 1);
    g.fillRect(x - r / 2, y - 1, r, 2);
  } else if (kind === 'metro') {
    g.fillStyle(PALETTE.metro, 1);
    g.fillCircle(x, y, r);
    g.lineStyle(1.5, PALETTE.outline, 1);
    g.strokeCircle(x, y, r);
    const a = r * 0.5, b = r * 0.45;
    g.lineStyle(Math.max(1.5, r / 4), 0xffffff, 1);
    g.beginPath();
    g.moveTo(x - a, y + b); g.lineTo(x - a, y - b); g.lineTo(x, y + b * 0.3); g.lineTo(x + a, y - b); g.lineTo(x + a, y + b);
    g.strokePath();
  } else {
    // A shield: police.
    const s = r * 0.9;
    g.fillStyle(PALETTE.station, 1);
    g.lineStyle(1.5, 0xffffff, 1);
    g.beginPath();
    g.moveTo(x - s, y - s); g.lineTo(x + s, y - s); g.lineTo(x + s, y + s * 0.15); g.lineTo(x, y + s * 1.15); g.lineTo(x - s, y + s * 0.15);
    g.closePath();
    g.fillPath();
    g.strokePath();
    g.fillStyle(0xffffff, 1);
    g.fillCircle(x, y - s * 0.1, Math.max(1.2, s * 0.3));
  }
}

/** One stamp magnified (each pixel a `k`-pixel block), centred on (x, y); for the map key. */
export function drawStampIcon(g: Phaser.GameObjects.Graphics, set: StampSet, style: number, x: number, y: number, k: number): void {
  const a = set.start[style], n = set.len[style];
  for (let i = a; i < a + n; i++) {
    g.fillStyle(set.hex[i], 1);
    g.fillRect(Math.round(x + (set.dx[i] - 0.5) * k), Math.round(y + (set.dy[i] - 0.5) * k), k, k);
  }
}
