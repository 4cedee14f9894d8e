/**
 * "Whenever affordable": the movement's organising capacity replayed outside the sim, exactly as
 * src/sim/rules/actions.ts spends it, so a policy such as "play symbols whenever you can" becomes
 * a fixed list of actions that `--strategy none` runs (docs/balance.md, "Policies").
 *
 * The capacity, as the sim keeps it (docs/model.md section 8):
 *   at tick 0           capacity = organisingCapacityPerDay (the tick-0 value)
 *   an action at tick t applies iff capacity >= <tactic>Cost (then capacity -= cost), in order
 *   at the end of a day capacity = min(capacityCarryDays * perDay, capacity + perDay)
 * with the values of organisingCapacityPerDay, capacityCarryDays and the costs as scheduled
 * events leave them at that tick (a `set` replaces a value when its tick starts; a ramp moves it
 * linearly, as src/sim/rules/events.ts does). The same floating-point operations in the same
 * order give the same capacity, bit for bit.
 *
 * The spammer plays at one tick a day, the **evening start tick** ceil(eveningStartHour /
 * hoursPerTick) of the day (clamped to the day's last tick; day 0 included), when the crowds
 * gather: it takes the tactics of its list round-robin, starting after the last one it played
 * (kept from day to day), skips those it cannot afford, and stops when it can afford none. A
 * tactic whose cost is 0 or less is played at most once per evening (otherwise "as many times as
 * the capacity covers" would never end). Browser-safe and pure.
 */
import { TACTIC_IDS, tacticCost, type ActionDef, type EventDef, type Params, type TacticId } from '../sim/index';
import { parseDate } from '../sim/calendar';
import { atToTick } from '../sim/rules/events';

/** Most actions one evening may hold (a guard: with positive costs the capacity ends much sooner). */
export const MAX_PLAYS_PER_EVENING = 10_000;

/** The keys the capacity depends on: the daily capacity, how much is kept, and every tactic's cost. */
export const CAPACITY_KEYS: readonly string[] = ['organisingCapacityPerDay', 'capacityCarryDays', ...TACTIC_IDS.map((t) => `${t}Cost`)];

interface Change { tick: number; idx: number; set: Array<[string, number]>; ramp: { key: string; to: number; overDays: number } | null }
interface Ramp { key: string; from: number; to: number; startTick: number; endTick: number }

/** The capacity rules of one run: its clock and the capacity keys' values over time. */
export class CapacityModel {
  readonly ticksPerDay: number;
  readonly horizonTicks: number;
  /** Tick within the day at which the spammer plays. */
  readonly eveningTick: number;
  private readonly initial: Record<string, number>;
  private readonly changes: Change[];

  constructor(params: Params, events: readonly EventDef[] = [], startDate = '2000-01-01') {
    this.ticksPerDay = 24 / params.hoursPerTick;
    this.horizonTicks = params.horizonDays * this.ticksPerDay;
    this.eveningTick = Math.min(this.ticksPerDay - 1, Math.ceil(params.eveningStartHour / params.hoursPerTick));
    const p = params as unknown as Record<string, number>;
    this.initial = Object.fromEntries(CAPACITY_KEYS.map((k) => [k, p[k]]));
    const startDay = parseDate(startDate) ?? 0;
    const keys = new Set(CAPACITY_KEYS);
    this.changes = events.map((e, idx): Change => ({
      tick: atToTick(e.at, startDay, this.ticksPerDay), idx,
      set: Object.entries(e.set ?? {}).filter(([k, v]) => keys.has(k) && typeof v === 'number') as Array<[string, number]>,
      ramp: e.ramp && keys.has(e.ramp.key) ? e.ramp : null,
    })).filter((c) => c.set.length > 0 || c.ramp !== null).sort((a, b) => a.tick - b.tick || a.idx - b.idx);
  }

  /** The day's evening start tick. */
  eveningOf(day: number): number { return day * this.ticksPerDay + this.eveningTick; }

  /**
   * Walks the run tick by tick: `act(t, ledger)` may spend at tick t (after that tick's events);
   * the day's capacity is added after its last tick. The ledger is the capacity and the values.
   */
  walk(act: (tick: number, ledger: Ledger) => void, ticks = this.horizonTicks): void {
    const v: Record<string, number> = { ...this.initial };
    const ledger = new Ledger(v);
    let next = 0, ramps: Ramp[] = [];
    for (let t = 0; t < ticks; t++) {
      while (next < this.changes.length && this.changes[next].tick <= t) {
        const c = this.changes[next++];
        for (const [k, x] of c.set) v[k] = x;
        if (c.ramp) {
          const r = { key: c.ramp.key, from: v[c.ramp.key], to: c.ramp.to, startTick: c.tick,
            endTick: c.tick + Math.max(1, Math.round(c.ramp.overDays * this.ticksPerDay)) };
          ramps = ramps.filter((x) => x.key !== r.key).concat(r);
        }
      }
      if (ramps.length > 0) {
        for (const r of ramps) v[r.key] = r.from + (r.to - r.from) * Math.min(1, (t - r.startTick + 1) / (r.endTick - r.startTick));
        ramps = ramps.filter((r) => t + 1 < r.endTick);
      }
      act(t, ledger);
      if ((t + 1) % this.ticksPerDay === 0) ledger.endOfDay();
    }
  }
}

/** The capacity as the sim holds it, and the current values of the capacity keys. */
export class Ledger {
  capacity: number;
  constructor(private readonly v: Record<string, number>) { this.capacity = v.organisingCapacityPerDay; }
  cost(t: TacticId): number { return this.v[`${t}Cost`]; }
  /** The sim's test: an action is refused iff capacity < cost. */
  affordable(t: TacticId): boolean { return !(this.capacity < this.cost(t)); }
  spend(t: TacticId): void { this.capacity -= this.cost(t); }
  endOfDay(): void {
    const cap = this.v.organisingCapacityPerDay;
    this.capacity = Math.min(this.v.capacityCarryDays * cap, this.capacity + cap);
  }
}

/**
 * The spammer: at every evening start tick (day 0 included) plays the tactics of `order`
 * round-robin while it can afford any (see the file comment). `order` of one tactic is "alone",
 * of two "a pair, alternating", of all offered "the rotation".
 */
export function spamSchedule(model: CapacityModel, order: readonly TacticId[]): ActionDef[] {
  const out: ActionDef[] = [];
  if (order.length === 0) return out;
  let ptr = 0;
  model.walk((t, led) => {
    if (t % model.ticksPerDay !== model.eveningTick) return;
    const playedFree = new Set<number>();
    for (let plays = 0; plays < MAX_PLAYS_PER_EVENING; plays++) {
      let pick = -1;
      for (let k = 0; k < order.length; k++) {
        const i = (ptr + k) % order.length;
        if (led.affordable(order[i]) && !(led.cost(order[i]) <= 0 && playedFree.has(i))) { pick = i; break; }
      }
      if (pick < 0) break;
      if (led.cost(order[pick]) <= 0) playedFree.add(pick);
      led.spend(order[pick]);
      out.push({ tick: t, tactic: order[pick] });
      ptr = (pick + 1) % order.length;
    }
  });
  return out;
}

/**
 * Replays a list of actions (sorted by tick, stable) against the capacity, as the sim would:
 * which of them apply. `offered` null = every tactic is offered.
 */
export function replayCapacity(model: CapacityModel, actions: readonly ActionDef[], offered: readonly TacticId[] | null = null): boolean[] {
  const applied: boolean[] = new Array(actions.length).fill(false);
  const order = actions.map((a, i) => [a, i] as const).sort((x, y) => x[0].tick - y[0].tick || x[1] - y[1]);
  let k = 0;
  const last = order.length > 0 ? order[order.length - 1][0].tick + 1 : 0;
  model.walk((t, led) => {
    while (k < order.length && order[k][0].tick <= t) {
      const [a, i] = order[k++];
      if ((offered === null || offered.includes(a.tactic)) && led.affordable(a.tactic)) { led.spend(a.tactic); applied[i] = true; }
    }
  }, Math.min(model.horizonTicks, last));
  return applied;
}

/** The cost of one action of each tactic at tick 0 (for messages). */
export const costsAt0 = (p: Params, tactics: readonly TacticId[]): Record<string, number> =>
  Object.fromEntries(tactics.map((t) => [t, tacticCost(p, t)]));
