/**
 * The shape of the game store (zustand vanilla, subscribeWithSelector). Small things only:
 * per-tick agent arrays never go through setState (docs/model.md section 2); the view reads the latest
 * agent buffers by reference through getAgents(), and charts read series from getSeries().
 */
import type { Mutate, StoreApi } from 'zustand/vanilla';
import type {} from 'zustand/middleware'; // declares the subscribeWithSelector mutator used below
import type { ActionDef, Channel, SeriesRow, SimEvent, TacticId, RunSummary, Outcome, FallCause } from '../sim';
import type { AgentBuffers, OfficerDetail, RunMeta } from '../runner/protocol';

/** Everything that fixes a game: the same RunSpec gives the same run in the page and the CLI. */
export interface RunSpec {
  scenarioId: string;
  seed: number;
  sets: Array<[string, string]>;
  actions: ActionDef[];
}

export interface GameState {
  status: 'loading' | 'ready' | 'error';
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
}

export interface GameActions {
  /**
   * Starts a new run (a new worker state); resets series and selection. `notices` (e.g. what a
   * bad link dropped) are shown with the run. A run the model refuses (parameters that do not
   * fit) falls back to the scenario's defaults with a message.
   */
  start(run: RunSpec, notices?: string[]): void;
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
export type { AgentBuffers, OfficerDetail, RunMeta, SimEvent, RunSummary };
export type { TacticInfo, Frame } from '../runner/protocol';
