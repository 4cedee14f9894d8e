/**
 * Events where they happen: a pulse at the officer (found in this frame's agent buffers) or at
 * the district centre, a short label for the ones that matter (noisy resignation, walk-out,
 * joining the crowd, unmasking, a death), and a caption line for city-wide news.
 */
import type * as Phaser from 'phaser';
import type { AgentBuffers, RunMeta } from '../../runner/protocol';
import type { SimEvent } from '../../sim';
import { Labels, lookOf, mapPlaces, Pulses, type MapPlaces } from '../events';
import { cssHex, PALETTE } from '../palette';
import { locateAgents } from '../pick';
import { vt } from '../strings';
import type { Xf } from '../transform';
import { textStyle } from './symbols';

const MAX_PENDING = 400;
/** Room a label needs on screen (pixels): labels closer than this to a live one are skipped. */
const LABEL_BOX_PX: [number, number] = [190, 34];

export class EventLayer {
  private readonly g: Phaser.GameObjects.Graphics;
  private readonly pulses = new Pulses(256);
  private readonly labels = new Labels(8);
  private readonly texts: Phaser.GameObjects.Text[];
  private readonly shown: number[];
  private readonly caption: Phaser.GameObjects.Text;
  private captionUntil = 0;
  private pending: SimEvent[] = [];
  private readonly wanted = new Map<number, number>();
  private places: MapPlaces = { centres: new Map(), stations: [] };
  private nCitizens = 0;
  private tacticLabels = new Map<string, string>();

  constructor(scene: Phaser.Scene) {
    this.g = scene.add.graphics().setDepth(4);
    this.texts = Array.from({ length: this.labels.slots.length }, () =>
      scene.add.text(0, 0, '', { ...textStyle(16, PALETTE.text, true), backgroundColor: 'rgba(8,10,14,0.78)', padding: { x: 6, y: 3 } })
        .setOrigin(0.5, 1).setDepth(5).setVisible(false));
    this.shown = this.texts.map(() => 0);
    this.caption = scene.add.text(0, 0, '', { ...textStyle(17, PALETTE.text), backgroundColor: 'rgba(8,10,14,0.8)', padding: { x: 10, y: 5 }, align: 'center' })
      .setOrigin(0.5, 1).setDepth(11).setVisible(false);
  }

  setMeta(meta: RunMeta | null): void {
    this.pending = []; this.pulses.clear(); this.labels.clear(); this.captionUntil = 0;
    if (!meta) return;
    this.places = mapPlaces(meta.grid, meta.map, meta.districtIds);
    this.nCitizens = meta.nCitizens;
    this.tacticLabels = new Map(meta.tactics.map((t) => [t.id as string, t.label]));
  }

  /** Queues events[from..] to be placed on the next frame. */
  push(events: readonly SimEvent[], from: number): void {
    for (let i = from; i < events.length; i++) if (lookOf(events[i].kind)) this.pending.push(events[i]);
    if (this.pending.length > MAX_PENDING) this.pending.splice(0, this.pending.length - MAX_PENDING);
  }

  /** Places queued events and draws the live ones; the caption goes at the foot of `area`. */
  update(now: number, agents: AgentBuffers | null, xf: Xf, area: { x: number; y: number; w: number; h: number }): void {
    if (this.pending.length) this.place(now, agents, xf);
    const g = this.g;
    g.clear();
    const p = this.pulses;
    for (let k = 0; k < p.cap; k++) {
      const t = p.progress(k, now);
      if (t < 0 || t >= 1) continue;
      const x = p.x[k] * xf.s + xf.ox, y = p.y[k] * xf.s + xf.oy, ease = 1 - (1 - t) * (1 - t);
      g.lineStyle(p.radius[k] > 20 ? 3 : 2, p.colour[k], 1 - t);
      g.strokeCircle(x, y, 3 + (p.radius[k] - 3) * ease);
      if (t < 0.35) { g.fillStyle(p.colour[k], 0.85 * (1 - t / 0.35)); g.fillCircle(x, y, 3.5); }
    }
    const slots = this.labels.slots;
    for (let k = 0; k < slots.length; k++) {
      const s = slots[k], text = this.texts[k];
      const age = now - s.born;
      if (!(age < s.ttl)) { text.setVisible(false); continue; }
      if (this.shown[k] !== s.version) { this.shown[k] = s.version; text.setText(s.text).setColor(cssHex(s.colour)); }
      // Above the event, kept on screen.
      const half = text.width / 2 + 4, sw = this.g.scene.scale.width;
      const x = Math.min(Math.max(s.x * xf.s + xf.ox, half), Math.max(half, sw - half));
      const y = Math.max(s.y * xf.s + xf.oy - 16, text.height + 4);
      text.setVisible(true).setAlpha(age > s.ttl * 0.75 ? (s.ttl - age) / (s.ttl * 0.25) : 1).setPosition(Math.round(x), Math.round(y));
    }
    const cap = this.caption;
    cap.setVisible(now < this.captionUntil);
    if (cap.visible) cap.setPosition(Math.round(area.x + area.w / 2), Math.round(area.y + area.h - 12)).setAlpha(Math.min(1, (this.captionUntil - now) / 800));
  }

  destroy(): void {
    this.g.destroy();
    for (const t of this.texts) t.destroy();
    this.caption.destroy();
  }

  private place(now: number, agents: AgentBuffers | null, xf: Xf): void {
    const w = this.wanted, bw = LABEL_BOX_PX[0] / xf.s, bh = LABEL_BOX_PX[1] / xf.s;
    w.clear();
    for (const e of this.pending) if (e.officer !== undefined && lookOf(e.kind)?.where === 'officer') w.set(this.nCitizens + e.officer, -1);
    if (agents) locateAgents(agents, w);
    for (const e of this.pending) {
      const look = lookOf(e.kind);
      if (!look) continue;
      if (look.where === 'caption') { this.showCaption(e, now, look.ttl); continue; }
      if (look.where === 'stations') {
        for (const [x, y] of this.places.stations) this.pulses.add(x, y, now, look);
        const [x, y] = this.places.stations[0];
        if (look.label) this.labels.add(e.kind, vt(look.label), x, y, now, look.ttl + 1500, look.colour, bw, bh);
        continue;
      }
      let at: [number, number] | undefined;
      const slot = e.officer !== undefined ? w.get(this.nCitizens + e.officer) ?? -1 : -1;
      if (slot >= 0 && agents) at = [agents.x[slot], agents.y[slot]];
      else if (e.district) at = this.places.centres.get(e.district);
      if (!at) continue;
      this.pulses.add(at[0], at[1], now, look);
      if (look.label) this.labels.add(e.kind, vt(look.label), at[0], at[1], now, look.ttl + 1500, look.colour, bw, bh);
    }
    this.pending = [];
  }

  private showCaption(e: SimEvent, now: number, ttl: number): void {
    const look = lookOf(e.kind);
    let detail = e.detail ?? '';
    if (e.kind === 'tactic' || e.kind === 'tactic-refused') {
      const [id, ...why] = detail.split(': ');
      detail = [this.tacticLabels.get(id) ?? id, ...why].join(': ');
    }
    const text = look?.label ? vt(look.label, { detail }) : detail;
    if (!text) return;
    this.caption.setText(text).setWordWrapWidth(Math.min(900, Math.max(300, this.caption.scene.scale.width - 80)));
    this.captionUntil = now + ttl;
  }
}
