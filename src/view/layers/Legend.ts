/**
 * The map key, top left: each agent shape drawn with the very stamps the map uses (magnified),
 * the loyalty ramp, the place symbols and the controls. L or a click on its title folds it.
 */
import type * as Phaser from 'phaser';
import { Style } from '../../runner/protocol';
import { LOYALTY_BY_DECILE, PALETTE } from '../palette';
import { buildStamps } from '../stamps';
import { vt, type ViewStringId } from '../strings';
import { drawPlace, drawStampIcon, textStyle, type PlaceKind } from './symbols';

export const LEGEND_WIDTH = 232;
const PAD = 12, ROW = 23, ICON_X = PAD + 12, TEXT_X = PAD + 30, TITLE_H = 34;

type Row =
  | { kind: 'head'; text: ViewStringId }
  | { kind: 'stamp'; style: number; text: ViewStringId }
  | { kind: 'ramp' }
  | { kind: 'places' }
  | { kind: 'keys' };

const ROWS: Row[] = [
  { kind: 'head', text: 'legend.citizens' },
  { kind: 'stamp', style: Style.quiet, text: 'legend.quiet' },
  { kind: 'stamp', style: Style.active, text: 'legend.active' },
  { kind: 'stamp', style: Style.injured, text: 'legend.injured' },
  { kind: 'head', text: 'legend.officers' },
  { kind: 'ramp' },
  { kind: 'stamp', style: Style.officerMasked + 7, text: 'legend.masked' },
  { kind: 'stamp', style: Style.officerUnmasked + 7, text: 'legend.unmasked' },
  { kind: 'stamp', style: Style.shirking, text: 'legend.shirking' },
  { kind: 'stamp', style: Style.insider, text: 'legend.insider' },
  { kind: 'stamp', style: Style.joined, text: 'legend.joined' },
  { kind: 'head', text: 'legend.places' },
  { kind: 'places' },
  { kind: 'keys' },
];

export class Legend {
  open = true;
  private readonly g: Phaser.GameObjects.Graphics;
  private readonly title: Phaser.GameObjects.Text;
  private readonly body: Phaser.GameObjects.Text[] = [];
  private readonly bodyG: Phaser.GameObjects.Graphics;
  private height = 0;

  constructor(scene: Phaser.Scene) {
    this.g = scene.add.graphics().setDepth(10);
    this.bodyG = scene.add.graphics().setDepth(11);
    this.title = scene.add.text(PAD, 9, '', textStyle(16, PALETTE.text, true)).setDepth(11);
    const stamps = buildStamps(2, 2);
    const g = this.bodyG, text = (x: number, y: number, s: string, size = 14, c: number = PALETTE.text) =>
      this.body.push(scene.add.text(x, y, s, textStyle(size, c)).setOrigin(0, 0.5).setDepth(11));
    let y = TITLE_H + 4;
    for (const row of ROWS) {
      const cy = y + ROW / 2;
      if (row.kind === 'head') text(PAD, cy + 2, vt(row.text), 13, PALETTE.textDim);
      else if (row.kind === 'stamp') { drawStampIcon(g, stamps, row.style, ICON_X, cy, 3); text(TEXT_X, cy, vt(row.text)); }
      else if (row.kind === 'ramp') {
        const sw = 16, x0 = PAD + 4;
        for (let i = 0; i < 10; i++) { g.fillStyle(LOYALTY_BY_DECILE[9 - i], 1); g.fillRect(x0 + i * sw, cy - 8, sw, 10); }
        text(x0, cy + 12, vt('legend.loyal'), 12, PALETTE.textDim);
        this.body.push(scene.add.text(x0 + 10 * sw, cy + 12, vt('legend.defecting'), textStyle(12, PALETTE.textDim)).setOrigin(1, 0.5).setDepth(11));
        y += 14;
      } else if (row.kind === 'places') {
        const items: [PlaceKind, ViewStringId][] = [['square', 'legend.square'], ['metro', 'legend.metro'], ['station', 'legend.station']];
        items.forEach(([k, id], i) => { const x = PAD + 10 + i * 72; drawPlace(g, k, x, cy, 7); text(x + 12, cy, vt(id), 13); });
      } else {
        this.body.push(scene.add.text(PAD, y + 4, vt('legend.keys'), { ...textStyle(12, PALETTE.textDim), lineSpacing: 3 }).setDepth(11));
        y += 40;
      }
      y += ROW;
    }
    this.height = y + PAD;
    this.setOpen(true);
  }

  setOpen(open: boolean): void {
    this.open = open;
    this.title.setText(vt(open ? 'legend.title' : 'legend.hidden'));
    for (const o of this.body) o.setVisible(open);
    this.bodyG.setVisible(open);
    const g = this.g;
    g.clear();
    g.fillStyle(0x0b0e13, 0.86);
    g.fillRoundedRect(6, 6, this.width, this.panelHeight, 6);
    g.lineStyle(1, PALETTE.mapEdge, 0.9);
    g.strokeRoundedRect(6, 6, this.width, this.panelHeight, 6);
  }

  /** Panel size on screen: the whole key, or only its title bar when folded. */
  get width(): number { return this.open ? LEGEND_WIDTH : Math.ceil(this.title.width) + 2 * PAD; }
  get panelHeight(): number { return this.open ? this.height : TITLE_H; }
  /** Screen width the key takes at the left edge, margins included. */
  get column(): number { return this.width + 12; }
  /** Whether the open key fits a screen `h` pixels high. */
  fitsHeight(h: number): boolean { return this.height + 12 <= h; }

  toggle(): void { this.setOpen(!this.open); }

  /** Whether screen point (x, y) is on the key's title bar (clicks there fold it). */
  hitsTitle(x: number, y: number): boolean {
    return x >= 6 && x <= 6 + this.width && y >= 6 && y <= 6 + TITLE_H;
  }

  /** Whether the point is anywhere on the key (clicks there do not pick officers). */
  hits(x: number, y: number): boolean {
    return x >= 6 && x <= 6 + this.width && y >= 6 && y <= 6 + this.panelHeight;
  }

  destroy(): void {
    this.g.destroy(); this.bodyG.destroy(); this.title.destroy();
    for (const o of this.body) o.destroy();
  }
}
