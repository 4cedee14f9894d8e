/**
 * One run as the page's worker holds it: the SimState built exactly as the CLI builds it
 * (buildRun: the chosen strategy's actions, then the player's, stable by tick; the default
 * calibration), advanced one tick at a time through the sim's one advance(), and turned into
 * frames. No timers and no messaging here, so Node tests drive it directly and compare it with
 * `runSim`.
 *
 * The session also keeps what the page's timeline and "take over" need:
 *  - the run's actions as two lists, the strategy's and the player's (merged as buildRun merges
 *    them), so the pending part of the model's action queue can be rebuilt after a change;
 *  - snapshots at the start of days (every day while few, thinned to every 2nd, 4th, ... day as
 *    they grow), so going back to a day is a `restore` plus at most a few days of replay.
 */
import {
  advance, CitizenState, drainEvents, isTacticId, MODEL_VERSION, recordAction, restore, runReport, runSummary, seriesRow, snapshot,
  tacticCost, tickDate, TACTIC_IDS, TACTICS,
  type ActionDef, type SeriesRow, type SimEvent, type SimState, type Snapshot, type TacticId,
} from '../sim';
import { buildRun, getPreset, strategyActions, strategyNames } from '../scenarios';
import { mergeActions } from '../scenarios/build';
import { fillAgents, makeBuffers, selectAgents, type AgentSelection } from './agents';
import { channelTotals, LoyaltyLog } from './inspect';
import type { AgentBuffers, CompareSpec, Frame, RunMeta, SideFrame } from './protocol';

export interface SessionInit {
  scenarioId: string;
  seed: number;
  sets: Array<[string, string]>;
  /** The player's actions (a link's `a=`; after a take-over, the history before it too). */
  actions: ActionDef[];
  /** 'none' (the player alone: play mode), 'scenario' or a named strategy (watch mode). */
  strategy: string;
  /** The tactics the page offers (a teacher's `tactics=`), intersected with the scenario's; null: the scenario's. */
  tactics?: TacticId[] | null;
  /** Most agents drawn per frame (a fixed subsample above it). */
  maxDrawn: number;
}

/** Most snapshots kept per run: past it the spacing doubles (memory stays bounded: ~2 MB each at classroom scale). */
export const MAX_SNAPSHOTS = 48;

export class Session {
  s: SimState;
  readonly meta: RunMeta;
  log: LoyaltyLog;
  /** The strategy that runs under the player ('none' once the player has taken over). */
  strategy: string;
  /** The tick the player took over at (moves before it are history), or null. */
  takeover: number | null = null;
  private strategyActs: ActionDef[];
  private userActs: ActionDef[];
  /** A run B's own additions (`vs.a`): kept whatever the timeline does. */
  private readonly extraActs: ActionDef[];
  private readonly offered: readonly TacticId[];
  private readonly sel: AgentSelection;
  private readonly pool: AgentBuffers[];
  private rows: SeriesRow[];
  private nextEventSeen = -1;
  private eventParams: string[] = [];
  private historicalDays = -1;
  private historical: Record<string, number | null> | null = null;
  private readonly snaps = new Map<number, Snapshot>();
  private snapEvery = 1;
  /** Peak active citizens per district today, and the last complete day's (the map's text alternative). */
  private crowdToday: Float64Array;
  private crowdDay: number[] | null = null;
  private crowdDayNo = -1;

  /** Throws (ParamError, ScenarioError) when the run cannot be built: the caller reports it. */
  constructor(init: SessionInit, opts: { extraActions?: ActionDef[]; exclude?: readonly TacticId[] } = {}) {
    const scenario = getPreset(init.scenarioId);
    this.strategy = init.strategy;
    const exclude = new Set(opts.exclude ?? []);
    const keep = (a: ActionDef) => !exclude.has(a.tactic);
    // A run B of a comparison never plays the excluded kinds, not even from the strategy: it is
    // then built as `--strategy none` with the strategy's other actions given explicitly.
    const built0 = exclude.size === 0 ? null : buildRun({ scenario, seed: init.seed, strategy: 'none', sets: init.sets });
    this.strategyActs = strategyActions(scenario, init.strategy, built0?.params ?? null).filter(keep);
    this.userActs = init.actions.filter(keep).map((a) => ({ ...a }));
    this.extraActs = (opts.extraActions ?? []).filter(keep).map((a) => ({ ...a }));
    const built = exclude.size === 0 && this.extraActs.length === 0
      ? buildRun({ scenario, seed: init.seed, strategy: init.strategy, actions: this.userActs, sets: init.sets })
      : buildRun({ scenario, seed: init.seed, strategy: 'none', actions: this.allActions, sets: init.sets });
    const s = built.state;
    this.s = s;
    this.log = new LoyaltyLog(s);
    this.sel = selectAgents(s.c.n, s.o.n, init.maxDrawn);
    this.pool = [makeBuffers(this.sel.ids.length), makeBuffers(this.sel.ids.length)];
    this.rows = [seriesRow(s)];
    this.crowdToday = new Float64Array(s.districtIds.length);
    const scenarioTactics = scenario.tactics ?? TACTIC_IDS;
    this.offered = init.tactics ? scenarioTactics.filter((id) => init.tactics!.includes(id)) : scenarioTactics;
    this.meta = {
      modelVersion: MODEL_VERSION, scenarioId: scenario.id, title: scenario.title, briefing: scenario.briefing ?? {}, seed: s.seed,
      params: { ...s.initialParams }, origin: { ...built.origin }, strategy: init.strategy, strategies: strategyNames(scenario),
      startDate: scenario.startDate, ticksPerDay: s.ticksPerDay, horizonTicks: s.horizonTicks, grid: { w: s.grid.w, h: s.grid.h },
      map: scenario.map, districtIds: s.districtIds, districtNames: s.districtNames, nCitizens: s.c.n, nOfficers: s.o.n,
      tactics: this.offered.map((id) => ({ id, label: TACTICS[id].label, effect: TACTICS[id].effect, cost: tacticCost(s.params, id) })),
      scenarioTactics: [...scenarioTactics],
      events: s.events.map((e) => ({ tick: e.tick, label: e.label })),
      historical: scenario.historical
        ? Object.fromEntries(Object.entries(scenario.historical).map(([k, h]) => [k, { label: h.label, source: h.source, unit: h.unit ?? null, historical: h.value, band: h.band ?? null }]))
        : null,
    };
    this.snap();
  }

  get tick(): number { return this.s.tick; }
  get finished(): boolean { return this.s.outcome !== null; }
  get atHorizon(): boolean { return this.s.tick >= this.s.horizonTicks; }
  /** The player's own actions (history before a take-over included). */
  get userActions(): ActionDef[] { return this.userActs.map((a) => ({ ...a })); }
  /** Every action of the run (strategy then player within a tick): what `--strategy none --a` would need. */
  get allActions(): ActionDef[] { return mergeActions(this.strategyActs, mergeActions(this.userActs, this.extraActs)); }

  /** One tick of the model, with the records the page needs. */
  tickOnce(): void {
    const s = this.s;
    advance(s, 1);
    this.rows.push(seriesRow(s));
    this.log.afterTick();
    this.countCrowds();
    if (s.tick % s.ticksPerDay === 0) this.snap();
  }

  private countCrowds(): void {
    const s = this.s, c = s.c, dist = s.grid.district, n = this.crowdToday.length;
    const now = new Float64Array(n);
    if (s.counts.citizens[CitizenState.active] > 0)
      for (let i = 0; i < c.n; i++) if (c.state[i] === CitizenState.active && c.cell[i] >= 0) now[dist[c.cell[i]]]++;
    for (let d = 0; d < n; d++) if (now[d] > this.crowdToday[d]) this.crowdToday[d] = now[d];
    if (s.tick % s.ticksPerDay === 0) {
      this.crowdDay = Array.from(this.crowdToday);
      this.crowdDayNo = s.tick / s.ticksPerDay - 1;
      this.crowdToday.fill(0);
    }
  }

  /** Forgets the events logged so far (a run B catching up). */
  dropEvents(): void { drainEvents(this.s); }

  /** Which tactics the page offers in this run (the scenario's, or a teacher's subset of them). */
  get offeredTactics(): readonly TacticId[] { return this.offered; }

  /**
   * The player's tactic, recorded at the current tick and applied at the start of the next one,
   * as a recorded action in the CLI is. Whether it will apply is known now (capacity only
   * changes at the end of a day), so the player is told at once; a refused one is not recorded.
   */
  act(tactic: string): { ok: boolean; message: string; tick: number } {
    const s = this.s, tick = s.tick;
    if (!isTacticId(tactic)) return { ok: false, message: `"${tactic}" is not a tactic`, tick };
    if (!this.offered.includes(tactic)) return { ok: false, message: `${TACTICS[tactic].label} is not offered in this game`, tick };
    if (this.strategy !== 'none') return { ok: false, message: 'You are watching: take over to play your own moves', tick };
    const cost = tacticCost(s.params, tactic), left = this.capacityLeft();
    if (left < cost) return { ok: false, message: `${TACTICS[tactic].label} needs ${cost} organising capacity; ${round1(left)} left`, tick };
    recordAction(s, { tick, tactic });
    this.userActs = mergeActions(this.userActs, [{ tick, tactic }]);
    return { ok: true, message: `${TACTICS[tactic].label}: done`, tick };
  }

  /** The same action for a run B (no capacity check: the model refuses what B cannot pay, and logs it). */
  mirror(tactic: TacticId, tick: number): void {
    if (this.strategy !== 'none') return;
    recordAction(this.s, { tick, tactic });
    this.userActs = mergeActions(this.userActs, [{ tick, tactic }]);
  }

  /**
   * The player takes over from the current tick: the strategy's actions before it become the
   * player's history (as a link's `a=` would carry them), the rest of the strategy is dropped,
   * and the run goes on as `--strategy none --a <history + moves>` exactly.
   */
  takeOver(): { tick: number; actions: ActionDef[] } {
    const T = this.s.tick;
    if (this.strategy !== 'none') {
      this.userActs = mergeActions(this.strategyActs.filter((a) => a.tick < T), this.userActs);
      this.strategyActs = [];
      this.strategy = 'none';
      this.takeover = T;
      this.rebuildPending();
    }
    return { tick: this.takeover ?? T, actions: this.userActions };
  }

  /** The model's queue of actions not yet applied, rebuilt from the two lists (same order as buildRun's). */
  private rebuildPending(): void {
    const m = this.s.movement, T = this.s.tick;
    m.actions = m.actions.slice(0, m.nextAction).concat(this.allActions.filter((a) => a.tick >= T));
  }

  private snap(): void {
    const s = this.s, day = Math.floor(s.tick / s.ticksPerDay);
    if (s.tick % s.ticksPerDay !== 0 || day % this.snapEvery !== 0 || this.snaps.has(day)) return;
    this.snaps.set(day, snapshot(s));
    if (this.snaps.size > MAX_SNAPSHOTS) {
      this.snapEvery *= 2;
      for (const d of [...this.snaps.keys()]) if (d % this.snapEvery !== 0) this.snaps.delete(d);
    }
  }

  /** Days kept as snapshots (tests). */
  get snapshotDays(): number[] { return [...this.snaps.keys()].sort((a, b) => a - b); }

  /**
   * Back to tick `target` (≤ the current tick): the latest snapshot at or before it, then the
   * ticks in between replayed with the actions already decided. The player's moves at or after
   * `target` are dropped (a new branch starts there); a watched strategy stays.
   */
  seek(target: number): void {
    const s0 = this.s, tpd = s0.ticksPerDay;
    const to = Math.max(0, Math.min(Math.floor(target), s0.tick));
    let best = -1;
    for (const d of this.snaps.keys()) if (d * tpd <= to && d > best) best = d;
    if (best < 0) throw new Error('no snapshot to go back to');
    const inspected = this.log.inspected;
    this.s = restore(this.snaps.get(best)!);
    drainEvents(this.s);
    for (const d of [...this.snaps.keys()]) if (d > best) this.snaps.delete(d);
    // The player's moves from `to` on are dropped; back before a take-over, the player takes over there.
    this.userActs = this.userActs.filter((a) => a.tick < to);
    if (this.takeover !== null && to < this.takeover) this.takeover = to;
    this.rebuildPending();
    this.log = new LoyaltyLog(this.s);
    this.crowdToday.fill(0);
    this.crowdDay = null;
    while (this.s.tick < to) { advance(this.s, 1); this.log.afterTick(); this.snap(); }
    drainEvents(this.s);
    this.log.inspect(inspected);
    this.rows = [];
    this.nextEventSeen = -1;
    this.historicalDays = -1;
  }

  /** Capacity after the actions already due at this tick (applied at the start of the next). */
  capacityLeft(): number {
    const m = this.s.movement, offered = this.s.scenario.tactics;
    let cap = m.capacity;
    for (let k = m.nextAction; k < m.actions.length && m.actions[k].tick <= this.s.tick; k++) {
      const t: TacticId = m.actions[k].tactic;
      if ((offered === null || offered.includes(t)) && cap >= tacticCost(this.s.params, t)) cap -= tacticCost(this.s.params, t);
    }
    return cap;
  }

  /** Hands drawn buffers back for reuse (buffers of another run or size are dropped). */
  giveBack(b: AgentBuffers | null): void {
    if (b && b.x.length === this.sel.ids.length && this.pool.length < 2) this.pool.push(b);
  }

  get hasBuffers(): boolean { return this.pool.length > 0; }

  /** What a frame carries of this run (A's frame adds the player's side: capacity, inspector, ...). */
  side(): { side: SideFrame; transfer: ArrayBuffer[] } {
    const s = this.s;
    let agents: AgentBuffers | null = null;
    if (this.pool.length > 0) {
      agents = this.pool.pop() as AgentBuffers;
      fillAgents(s, this.sel, agents);
    }
    const rows = this.rows;
    this.rows = [];
    const events: SimEvent[] = drainEvents(s);
    const side: SideFrame = {
      tick: s.tick, date: tickDate(s.startDay, s.tick, s.params.hoursPerTick), outcome: s.outcome, fallCause: s.fallCause,
      tippingTick: s.tippingTick, rows, events, summary: runSummary(s), agents,
      crowds: this.crowdDay === null ? null : { day: this.crowdDayNo, byDistrict: this.crowdDay },
    };
    const transfer = agents ? [agents.x.buffer, agents.y.buffer, agents.style.buffer, agents.id.buffer] as ArrayBuffer[] : [];
    return { side, transfer };
  }

  /** Everything since the previous frame; agents when a buffer set is free. */
  frame(playing: boolean, control: number): { frame: Frame; transfer: ArrayBuffer[] } {
    const s = this.s;
    const { side, transfer } = this.side();
    if (this.nextEventSeen !== s.nextEvent) {
      // Which parameters scheduled events have changed since tick 0 (the drawer marks them).
      this.nextEventSeen = s.nextEvent;
      const now = s.params as unknown as Record<string, unknown>, t0 = s.initialParams as unknown as Record<string, unknown>;
      this.eventParams = Object.keys(now).filter((k) => JSON.stringify(now[k]) !== JSON.stringify(t0[k]));
    }
    if (this.historicalDays !== s.day) {
      // Historical figures change only at the end of a day; runReport is not cheap at full scale.
      const h = runReport(s).historical;
      this.historical = h ? Object.fromEntries(Object.entries(h).map(([k, r]) => [k, r.model])) : null;
      this.historicalDays = s.day;
    }
    const inspected = this.log.inspected;
    const frame: Frame = {
      ...side, playing, control, capacity: this.capacityLeft(), levels: { ...s.movement.levels },
      inspected: inspected === null ? null : this.log.detail(inspected),
      channelTotals: channelTotals(s), historical: this.historical, eventParams: this.eventParams, b: null,
      strategy: this.strategy, takeover: this.takeover,
    };
    return { frame, transfer };
  }
}

/** The run B of a comparison: A's init with B's changes (`vs.p`, `vs.a`, `vs.x`). */
export function compareSession(a: SessionInit, vs: CompareSpec): Session {
  const sets = [...a.sets.filter(([k]) => !vs.sets.some(([k2]) => k2 === k)), ...vs.sets];
  return new Session({ ...a, sets }, { extraActions: vs.actions, exclude: vs.exclude });
}

const round1 = (x: number): number => Math.round(x * 10) / 10;
