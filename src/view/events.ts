/**
 * Map events as short-lived pulses and labels (no Phaser): how each event kind looks, where it
 * happens, and fixed-size pools so a burst of events (a whole unit walking out) allocates nothing.
 */
import type { SimEvent } from '../sim';
import { EVENT_COLOURS, PALETTE } from './palette';
import type { ViewStringId } from './strings';

export type Where = 'officer' | 'district' | 'stations' | 'caption' | 'none';

export interface EventLook {
  where: Where;
  colour: number;
  /** Final pulse radius in screen pixels. */
  radius: number;
  /** Lifetime in milliseconds. */
  ttl: number;
  /** Label text id, for the events worth naming on the map. */
  label: ViewStringId | null;
}

const look = (where: Where, colour: number, radius: number, ttl: number, label: ViewStringId | null = null): EventLook =>
  ({ where, colour, radius, ttl, label });

export const EVENT_LOOKS: Record<string, EventLook> = {
  'resign-noisy': look('officer', EVENT_COLOURS.defect, 30, 2600, 'event.resign-noisy'),
  walkout: look('officer', EVENT_COLOURS.defect, 44, 3200, 'event.walkout'),
  join: look('officer', EVENT_COLOURS.defect, 36, 3000, 'event.join'),
  unmasking: look('officer', EVENT_COLOURS.unmask, 24, 2200, 'event.unmasking'),
  resign: look('officer', EVENT_COLOURS.quiet, 16, 1600),
  shirk: look('officer', EVENT_COLOURS.quiet, 11, 1200),
  insider: look('officer', PALETTE.insider, 13, 1500),
  death: look('district', EVENT_COLOURS.death, 40, 4500, 'event.death'),
  deploy: look('stations', EVENT_COLOURS.deploy, 34, 2600, 'event.deploy'),
  'patron-withdraws': look('caption', PALETTE.text, 0, 6000, 'event.patron-withdraws'),
  tactic: look('caption', PALETTE.text, 0, 5000, 'event.tactic'),
  'tactic-refused': look('caption', PALETTE.textDim, 0, 4000, 'event.tactic-refused'),
  scenario: look('caption', PALETTE.text, 0, 7000),
};

export const lookOf = (kind: string): EventLook | null => EVENT_LOOKS[kind] ?? null;

/**
 * Index of the first event in `events` not yet seen, given the last event handled before. The
 * store caps its list, so when `last` has scrolled out (or a new run began) every event is new.
 */
export function firstUnseen(events: readonly SimEvent[], last: SimEvent | null): number {
  if (last === null) return 0;
  const i = events.lastIndexOf(last);
  return i < 0 ? 0 : i + 1;
}

/** Expanding rings in a ring buffer: adding to a full pool replaces the oldest. */
export class Pulses {
  readonly x: Float32Array; readonly y: Float32Array;
  readonly born: Float64Array; readonly ttl: Float32Array;
  readonly colour: Uint32Array; readonly radius: Float32Array;
  private next = 0;

  constructor(readonly cap = 256) {
    this.x = new Float32Array(cap); this.y = new Float32Array(cap);
    this.born = new Float64Array(cap); this.ttl = new Float32Array(cap);
    this.colour = new Uint32Array(cap); this.radius = new Float32Array(cap);
  }

  add(x: number, y: number, now: number, l: EventLook): void {
    const k = this.next;
    this.x[k] = x; this.y[k] = y; this.born[k] = now; this.ttl[k] = l.ttl; this.colour[k] = l.colour; this.radius[k] = l.radius;
    this.next = (k + 1) % this.cap;
  }

  /** Age of pulse k as a fraction of its life (>= 1 or < 0: not showing). */
  progress(k: number, now: number): number {
    return this.ttl[k] > 0 ? (now - this.born[k]) / this.ttl[k] : 2;
  }

  clear(): void { this.ttl.fill(0); }
}

export interface LabelSlot { kind: string; text: string; x: number; y: number; born: number; ttl: number; colour: number; version: number }

/**
 * A few labels at a time, never piled up: a new label is skipped when another live label would
 * overlap it (its box, in cells, is given by the caller for the current zoom) or when `perKind`
 * labels of its kind are already showing (a unit walk-out is one label, not twenty).
 */
export class Labels {
  readonly slots: LabelSlot[];

  constructor(n = 8, private readonly perKind = 2) {
    this.slots = Array.from({ length: n }, () => ({ kind: '', text: '', x: 0, y: 0, born: -Infinity, ttl: 0, colour: 0, version: 0 }));
  }

  live(k: number, now: number): boolean {
    const s = this.slots[k];
    return now - s.born < s.ttl;
  }

  /** Adds a label and returns its slot, or -1 when it was skipped. `boxW`, `boxH`: label size in cells. */
  add(kind: string, text: string, x: number, y: number, now: number, ttl: number, colour: number, boxW = 0, boxH = 0): number {
    let oldest = 0, sameKind = 0;
    for (let k = 0; k < this.slots.length; k++) {
      const s = this.slots[k];
      if (this.live(k, now)) {
        if (s.kind === kind && ++sameKind >= this.perKind) return -1;
        if (Math.abs(s.x - x) < boxW && Math.abs(s.y - y) < boxH) return -1;
      }
      if (s.born < this.slots[oldest].born) oldest = k;
    }
    const s = this.slots[oldest];
    Object.assign(s, { kind, text, x, y, born: now, ttl, colour, version: s.version + 1 });
    return oldest;
  }

  clear(): void { for (const s of this.slots) s.born = -Infinity; }
}

export interface MapPlaces {
  /** District centres in cells, by district id. */
  centres: Map<string, [number, number]>;
  /** Police stations in cells (the map centre when the scenario names none). */
  stations: [number, number][];
}

export function mapPlaces(grid: { w: number; h: number }, map: { districts: { id: string; rect: [number, number, number, number] }[]; stations: { at: [number, number] }[] } | null, districtIds: string[]): MapPlaces {
  const centres = new Map<string, [number, number]>();
  for (const id of districtIds) centres.set(id, [grid.w / 2, grid.h / 2]);
  for (const d of map?.districts ?? []) {
    const [x0, y0, x1, y1] = d.rect;
    centres.set(d.id, [((x0 + x1) / 2) * grid.w, ((y0 + y1) / 2) * grid.h]);
  }
  const stations: [number, number][] = (map?.stations ?? []).map((s) => [s.at[0] * grid.w, s.at[1] * grid.h]);
  if (stations.length === 0) stations.push([grid.w / 2, grid.h / 2]);
  return { centres, stations };
}
