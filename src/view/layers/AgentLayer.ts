/**
 * Every agent in one pixel buffer: an ImageData the size of the screen (capped), written with
 * typed-array loops (raster.ts), put into a CanvasTexture once per frame and shown by one Image.
 * In Phaser 4 CanvasTexture.refresh() only uploads: the pixels are put first.
 */
import type * as Phaser from 'phaser';
import type { AgentBuffers } from '../../runner/protocol';
import { countCells, drawAgents, NCLASS, paintDensity, type PixelTarget } from '../raster';
import { buildStamps, STAMP_TIERS, tierFor, type StampSet } from '../stamps';
import { makeXf, scaled, type GridSize, type Xf } from '../transform';

/** Buffers above this many pixels are drawn at a lower resolution and scaled up. */
const MAX_PIXELS = 1920 * 1080;
const KEY = 'agents';

interface Rect { x0: number; y0: number; x1: number; y1: number }

export class AgentLayer {
  readonly image: Phaser.GameObjects.Image;
  private readonly tex: Phaser.Textures.CanvasTexture;
  private readonly ctx: CanvasRenderingContext2D;
  private imageData: ImageData;
  private target: PixelTarget;
  private res = 1;
  private readonly stamps: StampSet[] = STAMP_TIERS.map((t) => buildStamps(t.dot, t.r));
  private counts = new Uint16Array(0);
  private readonly bufXf: Xf = makeXf();
  /** Map area put last frame and this frame (swapped each frame: no allocation). */
  private dirty: Rect = { x0: 0, y0: 0, x1: 0, y1: 0 };
  private spare: Rect = { x0: 0, y0: 0, x1: 0, y1: 0 };
  /** -1 when the last frame drew the density raster, else the index into STAMP_TIERS. */
  tier = 0;
  /** What the buffer shows: the same agents through the same view need no new pixels (the worker's frames come slower than the screen's). */
  private readonly shown = { valid: false, agents: null as AgentBuffers | null, s: 0, ox: 0, oy: 0, gw: 0, gh: 0 };

  constructor(private readonly scene: Phaser.Scene, width: number, height: number) {
    if (scene.textures.exists(KEY)) scene.textures.remove(KEY);
    const tex = scene.textures.createCanvas(KEY, 1, 1);
    if (!tex) throw new Error('could not create the agent texture');
    this.tex = tex;
    this.ctx = tex.getContext();
    this.imageData = this.ctx.createImageData(1, 1);
    this.target = { data: new Uint32Array(this.imageData.data.buffer), w: 1, h: 1 };
    this.image = scene.add.image(0, 0, KEY).setOrigin(0, 0).setDepth(1);
    this.resize(width, height);
  }

  /** Matches the buffer to the screen (width x height screen pixels). */
  resize(width: number, height: number): void {
    const w0 = Math.max(1, Math.round(width)), h0 = Math.max(1, Math.round(height));
    this.res = Math.min(1, Math.sqrt(MAX_PIXELS / (w0 * h0)));
    const w = Math.max(1, Math.round(w0 * this.res)), h = Math.max(1, Math.round(h0 * this.res));
    if (w === this.target.w && h === this.target.h) return;
    this.tex.setSize(w, h);
    this.imageData = this.ctx.createImageData(w, h);
    this.target = { data: new Uint32Array(this.imageData.data.buffer), w, h };
    this.image.setTexture(KEY).setScale(1 / this.res);
    Object.assign(this.dirty, { x0: 0, y0: 0, x1: w, y1: h });
    this.shown.valid = false;
  }

  /** Draws the frame's agents; `xf` maps cells to screen pixels. */
  draw(agents: AgentBuffers | null, xf: Xf, grid: GridSize): void {
    const v = this.shown;
    if (v.valid && v.agents === agents && v.s === xf.s && v.ox === xf.ox && v.oy === xf.oy && v.gw === grid.w && v.gh === grid.h) return;
    v.valid = true; v.agents = agents; v.s = xf.s; v.ox = xf.ox; v.oy = xf.oy; v.gw = grid.w; v.gh = grid.h;
    const t = this.target, bx = scaled(xf, this.res, this.bufXf);
    t.data.fill(0);
    const now = this.mapRect(bx, grid, this.spare);
    if (agents && agents.count > 0) {
      const safe = this.safeCount(agents);
      const tier = tierFor(xf.s);
      this.tier = tier;
      if (tier < 0) {
        const need = grid.w * grid.h * NCLASS;
        if (this.counts.length !== need) this.counts = new Uint16Array(need);
        countCells(safe, grid.w, grid.h, this.counts);
        paintDensity(t, this.counts, grid.w, grid.h, bx);
      } else {
        drawAgents(t, safe, bx, this.stamps[tier]);
      }
    }
    // Put the union of this frame's and the last frame's map area: stale dots get cleared too.
    const d = this.dirty;
    const x0 = Math.min(d.x0, now.x0), y0 = Math.min(d.y0, now.y0), x1 = Math.max(d.x1, now.x1), y1 = Math.max(d.y1, now.y1);
    if (x1 > x0 && y1 > y0) this.ctx.putImageData(this.imageData, 0, 0, x0, y0, x1 - x0, y1 - y0);
    this.spare = d;
    this.dirty = now;
    this.tex.refresh();
  }

  destroy(): void {
    this.image.destroy();
    if (this.scene.textures.exists(KEY)) this.scene.textures.remove(KEY);
  }

  /** The map's bounding box in buffer pixels, widened by the largest stamp, clipped. */
  private mapRect(bx: Xf, grid: GridSize, out: Rect): Rect {
    const m = 4, { w, h } = this.target;
    out.x0 = Math.max(0, Math.floor(bx.ox) - m); out.y0 = Math.max(0, Math.floor(bx.oy) - m);
    out.x1 = Math.min(w, Math.ceil(grid.w * bx.s + bx.ox) + m); out.y1 = Math.min(h, Math.ceil(grid.h * bx.s + bx.oy) + m);
    return out;
  }

  /** The buffers clipped to what is really there (a detached or short array draws nothing past its end). */
  private readonly clipped: AgentBuffers = { count: 0, x: new Float32Array(0), y: new Float32Array(0), style: new Uint8Array(0), id: new Int32Array(0) };
  private safeCount(a: AgentBuffers): AgentBuffers {
    const n = Math.min(a.count, a.x.length, a.y.length, a.style.length);
    if (n === a.count) return a;
    const c = this.clipped;
    c.count = n; c.x = a.x; c.y = a.y; c.style = a.style; c.id = a.id;
    return c;
  }
}
