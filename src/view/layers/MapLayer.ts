/**
 * The scenario's map: ground, district areas (soft tints and borders), squares, metro and police
 * stations as symbols, district names (sized for a projector, hidden when they do not fit) and
 * place names once zoomed in. Redrawn only when the view changes.
 */
import type * as Phaser from 'phaser';
import type { RunMeta } from '../../runner/protocol';
import { DISTRICT_TINT_ALPHA, DISTRICT_TINTS, PALETTE } from '../palette';
import type { Xf } from '../transform';
import { drawPlace, textStyle, type PlaceKind } from './symbols';

interface District { name: string; rect: [number, number, number, number]; label: Phaser.GameObjects.Text }
interface Place { kind: PlaceKind; at: [number, number]; label: Phaser.GameObjects.Text }

/** Place names show from this many screen pixels per cell. */
const PLACE_NAMES_FROM = 15;
const SYMBOL_R = 7;

export class MapLayer {
  private readonly ground: Phaser.GameObjects.Graphics;
  private readonly symbols: Phaser.GameObjects.Graphics;
  private districts: District[] = [];
  private places: Place[] = [];
  private grid = { w: 1, h: 1 };
  private fontSize = 0;

  constructor(private readonly scene: Phaser.Scene) {
    this.ground = scene.add.graphics().setDepth(0);
    this.symbols = scene.add.graphics().setDepth(2);
  }

  setMeta(meta: RunMeta | null): void {
    for (const d of this.districts) d.label.destroy();
    for (const p of this.places) p.label.destroy();
    this.districts = []; this.places = []; this.fontSize = 0;
    this.ground.clear(); this.symbols.clear();
    if (!meta) return;
    this.grid = meta.grid;
    const label = (text: string, depth: number) => this.scene.add.text(0, 0, text, textStyle(15, PALETTE.textDim, true)).setDepth(depth);
    const defs = meta.map?.districts.length ? meta.map.districts : [{ name: meta.districtNames[0] ?? '', rect: [0, 0, 1, 1] as [number, number, number, number] }];
    this.districts = defs.map((d) => ({ name: d.name, rect: d.rect, label: label(d.name, 3).setOrigin(0, 0) }));
    const kinds: [PlaceKind, 'squares' | 'metro' | 'stations'][] = [['square', 'squares'], ['metro', 'metro'], ['station', 'stations']];
    for (const [kind, key] of kinds)
      for (const p of meta.map?.[key] ?? [])
        this.places.push({ kind, at: p.at, label: this.scene.add.text(0, 0, p.name, textStyle(13, PALETTE.text)).setOrigin(0, 0.5).setDepth(3).setWordWrapWidth(200) });
  }

  /** Lays everything out for the transform `xf` (cells -> screen pixels). */
  layout(xf: Xf): void {
    const g = this.ground, { w, h } = this.grid, s = xf.s;
    const sx = (fx: number) => fx * w * s + xf.ox, sy = (fy: number) => fy * h * s + xf.oy;
    g.clear();
    g.fillStyle(PALETTE.mapGround, 1);
    g.fillRect(xf.ox, xf.oy, w * s, h * s);
    this.districts.forEach((d, i) => {
      const [x0, y0, x1, y1] = d.rect;
      g.fillStyle(DISTRICT_TINTS[i % DISTRICT_TINTS.length], DISTRICT_TINT_ALPHA);
      g.fillRect(sx(x0), sy(y0), sx(x1) - sx(x0), sy(y1) - sy(y0));
    });
    g.lineStyle(1.5, PALETTE.districtBorder, 0.45);
    for (const d of this.districts) {
      const [x0, y0, x1, y1] = d.rect;
      g.strokeRect(sx(x0), sy(y0), sx(x1) - sx(x0), sy(y1) - sy(y0));
    }
    g.lineStyle(2, PALETTE.mapEdge, 1);
    g.strokeRect(xf.ox, xf.oy, w * s, h * s);
    this.layoutDistrictLabels(xf, sx, sy);
    this.layoutPlaces(xf, sx, sy);
  }

  destroy(): void {
    this.setMeta(null);
    this.ground.destroy(); this.symbols.destroy();
  }

  private layoutDistrictLabels(xf: Xf, sx: (f: number) => number, sy: (f: number) => number): void {
    // Bigger names as the map grows on screen: 15 px at fit, up to 24 px zoomed in.
    const size = xf.s < 12 ? 15 : xf.s < 24 ? 19 : 24;
    if (size !== this.fontSize) {
      this.fontSize = size;
      for (const d of this.districts) d.label.setStyle(textStyle(size, PALETTE.textDim, true));
    }
    for (const d of this.districts) {
      const [x0, y0, x1, y1] = d.rect;
      const left = sx(x0) + 6, top = sy(y0) + 4, room = sx(x1) - sx(x0) - 12;
      const fits = d.label.width <= room && d.label.height <= sy(y1) - sy(y0) - 8;
      d.label.setVisible(fits && this.districts.length > 1).setPosition(Math.round(left), Math.round(top));
    }
  }

  private layoutPlaces(xf: Xf, sx: (f: number) => number, sy: (f: number) => number): void {
    const g = this.symbols, names = xf.s >= PLACE_NAMES_FROM;
    const r = xf.s < 4 ? 4 : xf.s < 10 ? 6 : SYMBOL_R;
    g.clear();
    for (const p of this.places) {
      const x = sx(p.at[0]), y = sy(p.at[1]);
      drawPlace(g, p.kind, x, y, r);
      p.label.setVisible(names).setPosition(Math.round(x + r + 4), Math.round(y));
    }
  }
}
