/**
 * The shape of the game store (zustand vanilla, subscribeWithSelector). Small things only:
 * per-tick agent arrays never go through setState (docs/model.md section 2); the view reads the latest
 * agent buffers by reference through getAgents(), and charts read series from getSeries().
 */
import type { Mutate, StoreApi } from 'zustand/vanilla';
import type {} from 'zustand/middleware'; // declares the subscribeWithSelector mutator used below
import type { ActionDef, Channel, SeriesRow, SimEvent, TacticId, RunSummary, Outcome, FallCause } from '../sim';
import type { AgentBuffers, CompareSpec, OfficerDetail, RunMeta, SideFrame } from '../runner/protocol';
import type { Counterfactual } from '../runner/counterfactual';

/**
 * Everything that fixes a game: the same RunSpec gives the same run in the page and the CLI
 * (`sim --scenario <id> --seed <seed> --strategy <strategy> --set k=v ... --a <actions>`).
 */
export interface RunSpec {
  scenarioId: string;
  seed: number;
  sets: Array<[string, string]>;
  /** The player's actions (after a take-over: the watched history before it, then the player's). */
  actions: ActionDef[];
  /** 'none' in play mode (nothing acts for the movement but the player); the watched strategy in watch mode. */
  strategy: string;
  /** The tick the player took over at: the actions before it are history, not the player's. */
  takeover: number | null;
  /** A teacher's choice of tactics (`tactics=`), or null for all the scenario offers. */
  tactics: TacticId[] | null;
  /** A comparison's run B (`vs.p.`, `vs.a`, `vs.x`), or null. */
  vs: CompareSpec | null;
}

/** The run a state plays (what a link or a replay file records). */
export const runOfState = (s: Pick<RunSpec, keyof RunSpec>): RunSpec => ({
  scenarioId: s.scenarioId, seed: s.seed, sets: s.sets, actions: s.actions, strategy: s.strategy, takeover: s.takeover, tactics: s.tactics, vs: s.vs,
});

/** A run spec with the defaults for everything a caller leaves out (play mode, no comparison). */
export const runSpec = (r: Partial<RunSpec> & Pick<RunSpec, 'scenarioId' | 'seed'>): RunSpec => ({
  sets: [], actions: [], strategy: 'none', takeover: null, tactics: null, vs: null, ...r,
});

/** The comparison's run B as the page shows it (same tick as A: they move in lock-step). */
export interface CompareState {
  meta: RunMeta | null;
  tick: number;
  outcome: Outcome | null;
  fallCause: FallCause | null;
  tippingTick: number | null;
  summary: RunSummary | null;
  events: SimEvent[];
}

/** Where the debrief's replays "without each of your choices" stand. */
export type CounterfactualState =
  | { status: 'idle' }
  | { status: 'running'; done: number; total: number; results: Counterfactual[] }
  | { status: 'done'; results: Counterfactual[] }
  | { status: 'error'; message: string };

export interface GameState {
  /** 'start': the start screen, no run (a page opened without `scenario=`). */
  status: 'start' | 'loading' | 'ready' | 'error';
  /** Increases with every start(): a panel that keeps derived data (chart series) resets on change. */
  runId: number;
  /** A message for the player (bad link, refused tactic, model error); null when none. */
  notice: string | null;
  scenarioId: string;
  seed: number;
  /** Parameter overrides as `p.<key>` in the URL, in order. */
  sets: Array<[string, string]>;
  /** The player's recorded actions (replayed exactly from a shared link or replay file). */
  actions: ActionDef[];
  meta: RunMeta | null;
  playing: boolean;
  /** Ticks per second while playing. */
  speed: number;
  tick: number;
  date: string;
  outcome: Outcome | null;
  fallCause: FallCause | null;
  tippingTick: number | null;
  summary: RunSummary | null;
  capacity: number;
  levels: Record<string, number>;
  selectedOfficer: number | null;
  inspected: OfficerDetail | null;
  /** Newest events last; capped (the full log stays in the worker). */
  events: SimEvent[];
  historical: Record<string, number | null> | null;
  /** Sum over all officers of each loyalty channel's cumulative contribution (for the debrief). */
  channelTotals: Record<Channel, number> | null;
  /** Parameters a scheduled event has changed since tick 0 (the drawer shows their origin as 'event'). */
  eventParams: string[];
  /** See RunSpec. */
  strategy: string;
  takeover: number | null;
  tactics: TacticId[] | null;
  vs: CompareSpec | null;
  /** The comparison's run B while one is open. */
  compare: CompareState | null;
  /** The last complete day's largest crowd per district (for the map's text description). */
  crowds: SideFrame['crowds'];
  /** Play pauses by itself at the scenario's key events. */
  pauseAtEvents: boolean;
  counterfactuals: CounterfactualState;
}

export interface GameActions {
  /**
   * Starts a new run (a new worker state); resets series and selection. `notices` (e.g. what a
   * bad link dropped) are shown with the run. A run the model refuses (parameters that do not
   * fit) falls back to the scenario's defaults with a message.
   */
  start(run: RunSpec, notices?: string[], opts?: { startTick?: number }): void;
  /** Back to the start screen (no run). */
  showStart(notice?: string | null): void;
  /** Watch mode: the player takes over from the current tick (the moves so far become history). */
  takeOver(): Promise<void>;
  /** Back to tick `tick` (a day's start) of the run so far; the player's later moves are dropped. */
  seek(tick: number): Promise<void>;
  /** Opens a comparison's run B beside A (null closes it). */
  setCompare(vs: CompareSpec | null): Promise<{ ok: boolean; message: string }>;
  setPauseAtEvents(on: boolean): void;
  /** Replays the finished game without each of the player's choices (the debrief). */
  runCounterfactuals(): void;
  play(): void;
  pause(): void;
  toggle(): void;
  setSpeed(ticksPerSecond: number): void;
  /** Resolves when the model has advanced n ticks (pauses first). */
  step(n: number): Promise<void>;
  /** Spends organising capacity on a tactic now, as the player; resolves with whether it applied. */
  act(tactic: TacticId): Promise<{ ok: boolean; message: string }>;
  /** Officer index 0..meta.nOfficers-1 (an agent id minus meta.nCitizens); null closes the inspector. */
  selectOfficer(officer: number | null): void;
  /** Changes a parameter: restarts the run with the new value (the URL records it). */
  setParam(key: string, value: string): void;
  /** Restarts the same scenario, seed, parameters and actions. */
  reset(): void;
  dismissNotice(): void;
}

export type GameStore = GameState & GameActions;

/** The store as createGameStore returns it (subscribe also takes a selector). */
export type GameStoreApi = Mutate<StoreApi<GameStore>, [['zustand/subscribeWithSelector', never]]>;

/** Series of the run so far as columns (typed arrays appended in place by the runner). */
export interface SeriesView {
  length: number;
  rows: SeriesRow[];
}
export type { AgentBuffers, OfficerDetail, RunMeta, SimEvent, RunSummary, CompareSpec };
export type { TacticInfo, Frame } from '../runner/protocol';
