/**
 * One run as the page's worker holds it: the SimState built exactly as the CLI builds it
 * (preset, actions merged after the scenario's strategy, resolveParams with the default
 * calibration, createState), advanced one tick at a time through the sim's one advance(), and
 * turned into frames. No timers and no messaging here, so Node tests drive it directly and
 * compare it with `runSim`.
 */
import {
  advance, drainEvents, isTacticId, MODEL_VERSION, recordAction, runReport, runSummary, seriesRow, tacticCost, tickDate, TACTIC_IDS, TACTICS,
  type ActionDef, type SeriesRow, type SimEvent, type SimState, type TacticId,
} from '../sim';
import { buildRun, getPreset, strategyNames } from '../scenarios';
import { fillAgents, makeBuffers, selectAgents, type AgentSelection } from './agents';
import { channelTotals, LoyaltyLog } from './inspect';
import type { AgentBuffers, Frame, RunMeta } from './protocol';

export interface SessionInit {
  scenarioId: string;
  seed: number;
  sets: Array<[string, string]>;
  actions: ActionDef[];
  /** 'scenario' (its own strategy runs under the player's moves), 'none' or a named strategy. */
  strategy?: string;
  /** Most agents drawn per frame (a fixed subsample above it). */
  maxDrawn: number;
}

export class Session {
  readonly s: SimState;
  readonly meta: RunMeta;
  readonly log: LoyaltyLog;
  private readonly sel: AgentSelection;
  private readonly pool: AgentBuffers[];
  private rows: SeriesRow[];
  private nextEventSeen = -1;
  private eventParams: string[] = [];
  private historicalDays = -1;
  private historical: Record<string, number | null> | null = null;

  /** Throws (ParamError, ScenarioError) when the run cannot be built: the caller reports it. */
  constructor(init: SessionInit) {
    const scenario = getPreset(init.scenarioId);
    // As the CLI: the strategy's actions first, then the player's, stable by tick.
    const built = buildRun({ scenario, seed: init.seed, strategy: init.strategy ?? 'scenario', actions: init.actions, sets: init.sets });
    const s = built.state;
    this.s = s;
    this.log = new LoyaltyLog(s);
    this.sel = selectAgents(s.c.n, s.o.n, init.maxDrawn);
    this.pool = [makeBuffers(this.sel.ids.length), makeBuffers(this.sel.ids.length)];
    this.rows = [seriesRow(s)];
    const offered = scenario.tactics ?? TACTIC_IDS;
    this.meta = {
      modelVersion: MODEL_VERSION, scenarioId: scenario.id, title: scenario.title, briefing: scenario.briefing ?? {}, seed: s.seed,
      params: { ...s.initialParams }, origin: { ...built.origin }, strategy: init.strategy ?? 'scenario', strategies: strategyNames(scenario),
      startDate: scenario.startDate, ticksPerDay: s.ticksPerDay, horizonTicks: s.horizonTicks, grid: { w: s.grid.w, h: s.grid.h },
      map: scenario.map, districtIds: s.districtIds, districtNames: s.districtNames, nCitizens: s.c.n, nOfficers: s.o.n,
      tactics: offered.map((id) => ({ id, label: TACTICS[id].label, effect: TACTICS[id].effect, cost: tacticCost(s.params, id) })),
      historical: scenario.historical
        ? Object.fromEntries(Object.entries(scenario.historical).map(([k, h]) => [k, { label: h.label, source: h.source, unit: h.unit ?? null, historical: h.value }]))
        : null,
    };
  }

  get tick(): number { return this.s.tick; }
  get finished(): boolean { return this.s.outcome !== null; }
  get atHorizon(): boolean { return this.s.tick >= this.s.horizonTicks; }

  /** One tick of the model, with the records the page needs. */
  tickOnce(): void {
    advance(this.s, 1);
    this.rows.push(seriesRow(this.s));
    this.log.afterTick();
  }

  /**
   * The player's tactic, recorded at the current tick and applied at the start of the next one,
   * as a recorded action in the CLI is. Whether it will apply is known now (capacity only
   * changes at the end of a day), so the player is told at once; a refused one is not recorded.
   */
  act(tactic: string): { ok: boolean; message: string; tick: number } {
    const s = this.s, tick = s.tick;
    if (!isTacticId(tactic)) return { ok: false, message: `"${tactic}" is not a tactic`, tick };
    const offered = s.scenario.tactics;
    if (offered !== null && !offered.includes(tactic)) return { ok: false, message: `${TACTICS[tactic].label} is not offered in this scenario`, tick };
    const cost = tacticCost(s.params, tactic), left = this.capacityLeft();
    if (left < cost) return { ok: false, message: `${TACTICS[tactic].label} needs ${cost} organising capacity; ${round1(left)} left`, tick };
    recordAction(s, { tick, tactic });
    return { ok: true, message: `${TACTICS[tactic].label}: done`, tick };
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

  /** Everything since the previous frame; agents when a buffer set is free. */
  frame(playing: boolean, control: number): { frame: Frame; transfer: ArrayBuffer[] } {
    const s = this.s;
    let agents: AgentBuffers | null = null;
    if (this.pool.length > 0) {
      agents = this.pool.pop() as AgentBuffers;
      fillAgents(s, this.sel, agents);
    }
    const rows = this.rows;
    this.rows = [];
    const events: SimEvent[] = drainEvents(s);
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
      tick: s.tick, date: tickDate(s.startDay, s.tick, s.params.hoursPerTick), playing, control,
      outcome: s.outcome, fallCause: s.fallCause, tippingTick: s.tippingTick,
      rows, events, summary: runSummary(s), capacity: this.capacityLeft(), levels: { ...s.movement.levels },
      agents, inspected: inspected === null ? null : this.log.detail(inspected),
      channelTotals: channelTotals(s), historical: this.historical, eventParams: this.eventParams,
    };
    const transfer = agents ? [agents.x.buffer, agents.y.buffer, agents.style.buffer, agents.id.buffer] as ArrayBuffer[] : [];
    return { frame, transfer };
  }
}

const round1 = (x: number): number => Math.round(x * 10) / 10;
