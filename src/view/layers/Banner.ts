/**
 * The outcome, impossible to miss: the moment the regime falls the screen flashes white, shakes,
 * rings spread from the centre and a white-red-white banner names the route and the date; when
 * the movement is crushed the map darkens under a grey banner. After a few seconds the banner
 * moves to the top of the map and stays there.
 */
import * as Phaser from 'phaser';
import type { BannerText } from '../outcome';
import { cssHex, PALETTE } from '../palette';
import { FONT } from './symbols';

const BIG_MS = 6000;
const RING_MS = 2400;

export class Banner {
  private readonly dim: Phaser.GameObjects.Rectangle;
  private readonly box: Phaser.GameObjects.Container;
  private readonly panel: Phaser.GameObjects.Graphics;
  private readonly title: Phaser.GameObjects.Text;
  private readonly lines: Phaser.GameObjects.Text;
  private readonly rings: Phaser.GameObjects.Graphics;
  private shownAt = -1;
  private compact = false;
  private kind: BannerText['kind'] | null = null;

  constructor(private readonly scene: Phaser.Scene) {
    this.dim = scene.add.rectangle(0, 0, 10, 10, 0x000000, 1).setOrigin(0, 0).setDepth(19).setAlpha(0).setVisible(false);
    this.rings = scene.add.graphics().setDepth(19);
    this.panel = scene.add.graphics();
    this.title = scene.add.text(0, 0, '', { fontFamily: FONT, fontSize: '40px', fontStyle: 'bold', align: 'center' }).setOrigin(0.5, 0.5);
    this.lines = scene.add.text(0, 0, '', { fontFamily: FONT, fontSize: '20px', align: 'center', lineSpacing: 6 }).setOrigin(0.5, 0);
    this.box = scene.add.container(0, 0, [this.panel, this.title, this.lines]).setDepth(20).setVisible(false);
  }

  /** Shows the outcome; `effects` plays the flash and shake (not when the outcome was already known). */
  show(b: BannerText, now: number, effects: boolean): void {
    this.kind = b.kind;
    const success = b.kind === 'success';
    this.title.setText(b.title).setColor(success ? '#ffffff' : cssHex(PALETTE.text));
    this.lines.setText(b.lines.join('\n')).setColor(success ? '#15181d' : cssHex(PALETTE.textDim));
    this.drawPanel();
    this.box.setVisible(true).setAlpha(1);
    this.shownAt = effects ? now : now - BIG_MS;
    this.compact = !effects;
    this.layout();
    const cam = this.scene.cameras.main;
    const dimTo = success ? 0 : b.kind === 'failure' ? 0.5 : 0.25;
    this.dim.setVisible(dimTo > 0).setAlpha(effects ? 0 : dimTo);
    if (!effects) return;
    if (success) { cam.flash(900, 255, 255, 255); cam.shake(700, 0.006); }
    else { cam.shake(500, 0.004); this.scene.tweens.add({ targets: this.dim, alpha: dimTo, duration: 1500 }); }
    this.box.setScale(0.6).setAlpha(0);
    this.scene.tweens.add({ targets: this.box, scale: 1, alpha: 1, duration: 450, ease: 'Back.easeOut' });
  }

  hide(): void {
    this.kind = null; this.shownAt = -1;
    this.box.setVisible(false); this.dim.setVisible(false); this.rings.clear();
  }

  update(now: number): void {
    if (this.kind === null) return;
    if (!this.compact && now - this.shownAt > BIG_MS) {
      this.compact = true;
      const [x, y, s] = this.place();
      this.scene.tweens.add({ targets: this.box, x, y, scale: s, duration: 700, ease: 'Cubic.easeInOut' });
    }
    const t = (now - this.shownAt) / RING_MS, g = this.rings;
    g.clear();
    if (this.kind !== 'success' || t < 0 || t >= 1.6) return;
    const { width, height } = this.scene.scale, r = Math.hypot(width, height) / 2;
    for (let k = 0; k < 3; k++) {
      const u = t - k * 0.3;
      if (u <= 0 || u >= 1) continue;
      g.lineStyle(10 * (1 - u) + 2, k === 1 ? PALETTE.successAccent : 0xffffff, 0.8 * (1 - u));
      g.strokeCircle(width / 2, height / 2, 20 + r * u);
    }
  }

  /** Re-places everything for the current screen size. */
  layout(): void {
    const { width, height } = this.scene.scale;
    this.dim.setSize(width, height);
    if (this.kind === null) return;
    const [x, y, s] = this.place();
    this.box.setPosition(x, y).setScale(s);
  }

  private place(): [number, number, number] {
    const { width, height } = this.scene.scale;
    const fit = Math.min(1, (width - 24) / this.panelW());
    if (!this.compact) return [width / 2, height / 2, fit];
    const s = Math.min(0.72, fit);
    return [width / 2, 8 + (this.panelH() / 2) * s, s];
  }

  private panelW(): number { return Math.max(this.title.width, this.lines.width) + 80; }
  private panelH(): number { return this.title.height + this.lines.height + 64; }

  private drawPanel(): void {
    const w = this.panelW(), h = this.panelH(), g = this.panel, x = -w / 2, y = -h / 2;
    const band = this.title.height + 24;
    g.clear();
    if (this.kind === 'success') {
      // White-red-white: the flag of the 2020 protests.
      g.fillStyle(0xffffff, 1); g.fillRect(x, y, w, h);
      g.fillStyle(PALETTE.successAccent, 1); g.fillRect(x, y + 14, w, band);
    } else {
      g.fillStyle(this.kind === 'failure' ? PALETTE.failure : PALETTE.stalemate, 0.96); g.fillRect(x, y, w, h);
      g.lineStyle(3, PALETTE.failureAccent, 1); g.strokeRect(x, y, w, h);
    }
    this.title.setPosition(0, y + 14 + band / 2);
    this.lines.setPosition(0, y + 14 + band + 12);
  }

  destroy(): void {
    this.dim.destroy(); this.rings.destroy(); this.box.destroy();
  }
}
