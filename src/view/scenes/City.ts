/**
 * City: the map, every agent, events, selection and the outcome. Thin: it subscribes to store
 * slices in create() (unsubscribing on shutdown), owns the pan/zoom view, and each frame hands
 * the agent buffers and the one transform to its layers. It never changes the model; its only
 * write is selectOfficer().
 */
import * as Phaser from 'phaser';
import type { ViewDeps } from '../deps';
import { attachControls } from '../controls';
import { AgentLayer } from '../layers/AgentLayer';
import { Banner } from '../layers/Banner';
import { EventLayer } from '../layers/EventLayer';
import { Legend, LEGEND_WIDTH } from '../layers/Legend';
import { MapLayer } from '../layers/MapLayer';
import { Selection } from '../layers/Selection';
import { textStyle } from '../layers/symbols';
import { firstUnseen } from '../events';
import { bannerText } from '../outcome';
import { PALETTE } from '../palette';
import { pickOfficer } from '../pick';
import { vt } from '../strings';
import { fitScale, makeXf, panBy, project, resetView, zoomAt, type Area, type View } from '../transform';
import { shallowEqual, watch, type Unsubscribe } from '../watch';
import type { SimEvent } from '../../sim';

/** A click picks the nearest officer within this many screen pixels. */
const PICK_PX = 10;

export class City extends Phaser.Scene {
  private layers!: { map: MapLayer; agents: AgentLayer; events: EventLayer; selection: Selection; legend: Legend; banner: Banner };
  private loading!: Phaser.GameObjects.Text;
  private grid = { w: 1, h: 1 };
  private view: View = resetView(this.grid);
  private area: Area = { x: 0, y: 0, w: 1, h: 1 };
  private readonly xf = makeXf();
  private viewDirty = true;
  private lastEvent: SimEvent | null = null;
  private subs: Unsubscribe[] = [];
  private controls: ReturnType<typeof attachControls> | null = null;
  private legendTouched = false;

  constructor(private readonly deps: ViewDeps) {
    super('City');
  }

  create(): void {
    const { width, height } = this.scale;
    this.layers = {
      map: new MapLayer(this), agents: new AgentLayer(this, width, height), events: new EventLayer(this),
      selection: new Selection(this), legend: new Legend(this), banner: new Banner(this),
    };
    this.layers.legend.setOpen(this.layers.legend.fitsHeight(height) && width >= 3 * (LEGEND_WIDTH + 12));
    this.loading = this.add.text(width / 2, height / 2, vt('status.loading'), textStyle(20, PALETTE.textDim)).setOrigin(0.5).setDepth(12);
    const store = this.deps.store;
    this.subs = [
      watch(store, (s) => s.meta, (meta) => {
        this.layers.map.setMeta(meta);
        this.layers.events.setMeta(meta);
        this.layers.banner.hide();
        this.lastEvent = null;
        this.grid = meta ? meta.grid : { w: 1, h: 1 };
        this.layoutArea();
        this.resetView();
      }),
      watch(store, (s) => s.status, (status) => this.loading.setText(vt(status === 'error' ? 'status.error' : 'status.loading')).setVisible(status !== 'ready')),
      watch(store, (s) => s.events, (events, prev) => {
        // Events from before the view existed are history, not news.
        if (prev !== undefined) this.layers.events.push(events, firstUnseen(events, this.lastEvent));
        this.lastEvent = events.length ? events[events.length - 1] : this.lastEvent;
      }),
      watch(store, (s) => ({ outcome: s.outcome, fallCause: s.fallCause, tippingTick: s.tippingTick }), (o, prev) => {
        const s = store.getState();
        const text = bannerText({ ...o, date: s.date }, s.meta);
        if (!text) this.layers.banner.hide();
        else this.layers.banner.show(text, this.time.now, prev !== undefined && prev.outcome === null);
      }, { equals: shallowEqual }),
      watch(store, (s) => s.selectedOfficer, (id) => this.layers.selection.set(id)),
    ];
    this.controls = attachControls(this.game.canvas, {
      pan: (dx, dy) => this.setView(panBy(this.view, this.grid, this.area, dx, dy)),
      zoom: (f, sx, sy) => this.setView(zoomAt(this.view, this.grid, this.area, f, sx ?? this.area.x + this.area.w / 2, sy ?? this.area.y + this.area.h / 2)),
      reset: () => this.resetView(),
      click: (sx, sy) => this.click(sx, sy),
      toggleLegend: () => this.toggleLegend(),
    });
    this.scale.on(Phaser.Scale.Events.RESIZE, this.onResize, this);
    // Stopping the scene frees its objects; destroying the game frees them itself. Both let go
    // of the page: DOM listeners, store subscriptions, the scale manager's resize.
    this.events.once(Phaser.Scenes.Events.SHUTDOWN, () => {
      this.release();
      for (const l of Object.values(this.layers)) l.destroy();
    });
    this.events.once(Phaser.Scenes.Events.DESTROY, () => this.release());
    this.onResize();
  }

  override update(time: number, delta: number): void {
    const L = this.layers;
    this.controls?.update(delta);
    if (this.viewDirty) {
      project(this.view, this.grid, this.area, this.xf);
      L.map.layout(this.xf);
      this.viewDirty = false;
    }
    const meta = this.deps.store.getState().meta;
    const agents = meta ? this.deps.getAgents() : null;
    L.agents.draw(agents, this.xf, this.grid);
    L.events.update(time, agents, this.xf, this.area);
    L.selection.update(time, agents, meta?.nCitizens ?? 0, this.xf);
    L.banner.update(time);
  }

  private release(): void {
    this.controls?.destroy();
    this.controls = null;
    for (const off of this.subs) off();
    this.subs = [];
    this.scale.off(Phaser.Scale.Events.RESIZE, this.onResize, this);
  }

  private setView(v: View): void {
    this.view = v;
    this.viewDirty = true;
  }

  private resetView(): void {
    this.setView(resetView(this.grid));
  }

  private click(sx: number, sy: number): void {
    const L = this.layers;
    if (L.legend.hitsTitle(sx, sy)) return this.toggleLegend();
    if (L.legend.hits(sx, sy)) return;
    const s = this.deps.store.getState(), agents = this.deps.getAgents();
    if (!s.meta || !agents) return;
    const officer = pickOfficer(agents, s.meta.nCitizens, this.xf, sx, sy, PICK_PX);
    if (officer !== s.selectedOfficer) s.selectOfficer(officer);
  }

  private toggleLegend(): void {
    this.legendTouched = true;
    this.layers.legend.toggle();
    this.layoutArea();
  }

  private onResize(): void {
    const { width, height } = this.scale, legend = this.layers.legend;
    // Fold the key when the screen gets too short for it, unfold it again unless the player folded it.
    const fits = legend.fitsHeight(height) && width >= 3 * (LEGEND_WIDTH + 12);
    if (!this.legendTouched && legend.open !== fits) legend.setOpen(!legend.open);
    this.layoutArea();
    this.layers.agents.resize(width, height);
    this.layers.banner.layout();
    this.loading.setPosition(width / 2, height / 2);
  }

  /** The map fits beside the key when that costs it little (the screen is wider than the map), else under it. */
  private layoutArea(): void {
    const { width, height } = this.scale, col = this.layers.legend.column;
    const whole: Area = { x: 0, y: 0, w: Math.max(1, width), h: Math.max(1, height) };
    const beside: Area = { x: col, y: 0, w: Math.max(1, width - col), h: whole.h };
    this.area = fitScale(this.grid, beside) >= 0.85 * fitScale(this.grid, whole) ? beside : whole;
    this.viewDirty = true;
  }
}
