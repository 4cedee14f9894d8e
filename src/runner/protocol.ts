/**
 * Messages between the page and the model's Web Worker (docs/model.md section 4: one advance(), frames
 * once per animation frame, no SharedArrayBuffer). The worker owns the SimState; the page only
 * ever sees what a frame carries. Agent buffers travel as transferables and come back to the
 * worker (ping-pong) once drawn.
 */
import type { ActionDef, Channel, FallCause, MapData, Outcome, Params, RunSummary, SeriesRow, SimEvent, TacticId } from '../sim';
import type { Origin } from '../scenarios';

/** What each agent looks like on the map, one byte per agent (the view picks colours and shapes). */
export const Style = {
  quiet: 0, active: 1, detained: 2, injured: 3,
  /** + loyalty decile 0..9 (0 = about to defect, 9 = fully loyal): masked officer on duty. */
  officerMasked: 10,
  /** + loyalty decile 0..9: officer on duty whose identity is known (unmasked or published). */
  officerUnmasked: 20,
  shirking: 30, insider: 31, joined: 32, resigned: 33,
} as const;

/** Default cap on agents drawn per frame (a fixed subsample above it): above the benchmark's 100,000. */
export const DEFAULT_MAX_DRAWN = 120_000;

export interface AgentBuffers {
  /** Number of agents drawn in this frame (the arrays may be longer). */
  count: number;
  /** Position in cell units, with a fixed sub-cell offset per agent so dots in a crowded cell spread out. */
  x: Float32Array;
  y: Float32Array;
  style: Uint8Array;
  /** Agent id: citizens 0..nCitizens-1, officers nCitizens + officer index. For picking. */
  id: Int32Array;
}

export interface OfficerDetail {
  officer: number;
  state: 'on_duty' | 'shirking' | 'insider' | 'resigned' | 'joined' | 'purged';
  loyalty: number;
  threshold: number;
  thresholdUnit: 'loyalty' | 'peers';
  unit: number;
  district: string;
  branch: string;
  masked: boolean;
  exposure: number;
  abuses: number;
  defectTick: number | null;
  /** Cumulative contribution of each channel since tick 0 (negative = pushed toward defection). */
  channels: Record<Channel, number>;
  /** Loyalty over time: one point per sample (every tick while inspected, daily before). */
  history: { tick: number; loyalty: number }[];
}

export interface TacticInfo { id: TacticId; label: string; effect: string; cost: number }

export interface RunMeta {
  /** The model that runs (src/sim/version.ts). */
  modelVersion: number;
  scenarioId: string;
  title: string;
  briefing: Record<string, string>;
  seed: number;
  /** Tick-0 values, and the layer each came from (default, calibration, scenario, set). */
  params: Params;
  origin: Record<string, Origin>;
  /** The strategy that runs under the player's moves, and the scenario's choices. */
  strategy: string;
  strategies: string[];
  startDate: string;
  ticksPerDay: number;
  horizonTicks: number;
  grid: { w: number; h: number };
  map: MapData | null;
  districtIds: string[];
  districtNames: string[];
  nCitizens: number;
  nOfficers: number;
  /** The tactics offered to the player (the scenario's, or a teacher's subset of them). */
  tactics: TacticInfo[];
  /** Every tactic the scenario itself offers. */
  scenarioTactics: TacticId[];
  /** The scenario's scheduled events (its key moments), by tick. */
  events: { tick: number; label: string }[];
  historical: Record<string, { label: string; source: string; unit: string | null; historical: number; band: [number, number] | null }> | null;
}

/** What a frame carries of one run (A's or a comparison's B). */
export interface SideFrame {
  tick: number;
  date: string;
  outcome: Outcome | null;
  fallCause: FallCause | null;
  tippingTick: number | null;
  /** Series rows of every tick since the previous frame, in order (none lost). */
  rows: SeriesRow[];
  /** Events since the previous frame. */
  events: SimEvent[];
  summary: RunSummary;
  agents: AgentBuffers | null;
  /** The last complete day's largest crowd in each district (the map's text alternative), or null. */
  crowds: { day: number; byDistrict: number[] } | null;
}

export interface Frame extends SideFrame {
  /** Whether the worker's tick loop is running (it stops itself when the outcome is decided). */
  playing: boolean;
  /**
   * How many play/pause/step messages of this run the worker had handled: `playing` is stale
   * while the page has sent more (a frame already on its way when the player pressed play).
   */
  control: number;
  /** Organising capacity left, and the level of each tactic (0..1). */
  capacity: number;
  levels: Record<string, number>;
  inspected: OfficerDetail | null;
  /** Sum over all officers of each channel's cumulative contribution (for the debrief). */
  channelTotals: Record<Channel, number>;
  /** The model's value beside each historical figure (null until its date is reached). */
  historical: Record<string, number | null> | null;
  /** Parameters a scheduled event has changed since tick 0 (their origin is then 'event'). */
  eventParams: string[];
  /** The comparison's run B, in lock-step with A (null when none is open). */
  b: SideFrame | null;
  /** The strategy running under the player ('none' in play mode and after a take-over). */
  strategy: string;
  takeover: number | null;
}

/** A comparison's run B: A's scenario, seed, mode and calibration with these changes. */
export interface CompareSpec {
  /** `vs.p.<key>=<value>`: overrides A's value. */
  sets: Array<[string, string]>;
  /** `vs.a=`: actions B adds. */
  actions: ActionDef[];
  /** `vs.x=`: tactic kinds B never plays (the player's live moves of these kinds go to A only). */
  exclude: TacticId[];
}

/**
 * Every run has a runId chosen by the page (init); the worker stamps it on what it sends, so
 * messages of a run the page has already replaced are recognised and dropped.
 */
export type ToWorker =
  | { type: 'init'; runId: number; scenarioId: string; seed: number; sets: Array<[string, string]>; actions: ActionDef[]; strategy: string;
      tactics: TacticId[] | null; takeover: number | null; vs: CompareSpec | null; maxDrawn: number;
      /** Open paused at this tick (the actions before it applied), stopping at the outcome. */
      startTick: number }
  /** Opens (or replaces) the comparison's run B, caught up to A's tick; null closes it. */
  | { type: 'compare'; vs: CompareSpec | null; id: number }
  | { type: 'takeover'; id: number }
  /** Back to a tick (a day's start) of the run so far; the player's later moves are dropped. */
  | { type: 'seek'; tick: number; id: number }
  /** Whether play pauses by itself when a scheduled event of the scenario fires. */
  | { type: 'pauseAtEvents'; on: boolean }
  | { type: 'play'; ticksPerSecond: number }
  | { type: 'pause' }
  | { type: 'step'; n: number; id: number }
  | { type: 'act'; action: ActionDef; id: number }
  | { type: 'inspect'; officer: number | null }
  /** The page is ready for the next frame and hands back the buffers it has drawn. */
  | { type: 'frameDone'; agents: AgentBuffers | null; agentsB?: AgentBuffers | null };

export type FromWorker =
  | { type: 'ready'; runId: number; meta: RunMeta; metaB: RunMeta | null; tick: number; notice: string | null }
  | { type: 'compared'; runId: number; id: number; ok: boolean; message: string; metaB: RunMeta | null }
  | { type: 'tookOver'; runId: number; id: number; tick: number; actions: ActionDef[] }
  | { type: 'sought'; runId: number; id: number; tick: number; actions: ActionDef[] }
  /** Play stopped by itself at a scheduled event of the scenario. */
  | { type: 'paused'; runId: number; label: string; tick: number }
  | { type: 'frame'; runId: number; frame: Frame }
  | { type: 'stepped'; runId: number; id: number; tick: number }
  /** `tick`: the tick the action was recorded at (it applies at the start of that tick's step). */
  | { type: 'acted'; runId: number; id: number; ok: boolean; message: string; tick: number }
  /** phase 'init': the run could not be built (bad parameters); 'run': the model threw while running. */
  | { type: 'error'; runId: number; phase: 'init' | 'run'; message: string };
