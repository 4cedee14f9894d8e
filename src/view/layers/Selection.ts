/**
 * The selected officer: a ring and his number at his position in this frame's buffers.
 */
import type * as Phaser from 'phaser';
import type { AgentBuffers } from '../../runner/protocol';
import { PALETTE } from '../palette';
import { findAgent } from '../pick';
import { vt } from '../strings';
import type { Xf } from '../transform';
import { textStyle } from './symbols';

export class Selection {
  private readonly g: Phaser.GameObjects.Graphics;
  private readonly label: Phaser.GameObjects.Text;
  private officer: number | null = null;

  constructor(scene: Phaser.Scene) {
    this.g = scene.add.graphics().setDepth(6);
    this.label = scene.add.text(0, 0, '', { ...textStyle(15, PALETTE.selection, true), backgroundColor: 'rgba(8,10,14,0.8)', padding: { x: 5, y: 2 } })
      .setOrigin(0, 0.5).setDepth(6).setVisible(false);
  }

  set(officer: number | null): void {
    this.officer = officer;
    if (officer !== null) this.label.setText(vt('selection.officer', { n: officer }));
  }

  update(now: number, agents: AgentBuffers | null, nCitizens: number, xf: Xf): void {
    const g = this.g;
    g.clear();
    const slot = this.officer === null || !agents ? -1 : findAgent(agents, nCitizens + this.officer);
    if (slot < 0 || !agents) { this.label.setVisible(false); return; }
    const x = agents.x[slot] * xf.s + xf.ox, y = agents.y[slot] * xf.s + xf.oy;
    const r = 12 + 2 * Math.sin(now / 180);
    g.lineStyle(4, 0x000000, 0.7); g.strokeCircle(x, y, r);
    g.lineStyle(2.5, PALETTE.selection, 1); g.strokeCircle(x, y, r);
    g.beginPath();
    g.moveTo(x - r - 7, y); g.lineTo(x - r + 2, y); g.moveTo(x + r - 2, y); g.lineTo(x + r + 7, y);
    g.moveTo(x, y - r - 7); g.lineTo(x, y - r + 2); g.moveTo(x, y + r - 2); g.lineTo(x, y + r + 7);
    g.strokePath();
    this.label.setVisible(true).setPosition(Math.round(x + r + 10), Math.round(y));
  }

  destroy(): void { this.g.destroy(); this.label.destroy(); }
}
