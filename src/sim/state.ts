/**
 * The simulation state: agents as struct-of-arrays in typed arrays (no agent objects), plus the
 * small aggregate state of the regime and the movement. Enums are `as const` objects.
 */
import type { Params } from './params/schema';
import type { Streams } from './rng';
import type { ActionDef, ScenarioData } from './scenarioData';
import type { LevelName } from './tactics';

export const CitizenState = { quiet: 0, active: 1, detained: 2, injured: 3 } as const;
export const OfficerState = { on_duty: 0, shirking: 1, insider: 2, resigned: 3, joined: 4 } as const;
export const CITIZEN_STATE_NAMES = ['quiet', 'active', 'detained', 'injured'] as const;
export const OFFICER_STATE_NAMES = ['on_duty', 'shirking', 'insider', 'resigned', 'joined'] as const;
export const Opinion = { supporter: -1, neutral: 0, opponent: 1 } as const;
export const BRANCHES = ['omon', 'district_police', 'internal_troops', 'kgb', 'prosecutors'] as const;

/** Loyalty channels in a fixed order; per-officer contributions are stored in this order. */
export const CHANNELS = ['backfire', 'threat', 'exposure', 'offers', 'peers', 'momentum', 'accountability', 'regime'] as const;
export type Channel = (typeof CHANNELS)[number];
export const NCH = CHANNELS.length;
/**
 * Index of (officer j, channel ch) in channelSum/channelLast. Channel-major, so a channel's pass
 * over all officers streams through one contiguous slice instead of touching every cache line.
 */
export const chIndex = (nOfficers: number, j: number, ch: number): number => ch * nOfficers + j;

export type Outcome = 'success' | 'failure' | 'stalemate';
export type FallCause = 'force' | 'overwhelm' | 'elite';

export interface Citizens {
  n: number;
  cell: Int32Array;          // -1 when dead
  state: Uint8Array;
  hardship: Float32Array;    // Float32: half the memory traffic of the hottest loop at national scale
  risk: Float32Array;
  opinion: Int8Array;
  discipline: Float32Array;
  outPropensity: Float32Array; // out when below the calendar's turnout
  term: Int32Array;          // tick at whose end a detained or injured citizen is released (-1: never)
  home: Uint16Array;         // district index
  next: Int32Array;          // intrusive per-cell list of free citizens
  prev: Int32Array;
  violent: Uint8Array;       // committed violence this tick
}

export interface Officers {
  n: number;
  initialForce: number;
  cell: Int32Array;          // -1 when off the map (reserve, resigned)
  state: Uint8Array;
  loyalty: Float64Array;
  theta: Float64Array;
  unit: Int32Array;
  district: Uint16Array;
  branch: Uint8Array;
  masked: Uint8Array;
  exposure: Float32Array;
  abuses: Uint16Array;
  fear: Float32Array;
  salaryDep: Float32Array;
  conscience: Float32Array;  // susceptibility to backfire
  deployed: Uint8Array;
  defectTick: Int32Array;    // -1 until he first leaves on_duty
  noisy: Uint8Array;
  arrestedThisTick: Uint8Array;
  /** Cumulative contribution of each channel, channel-major: [channel * n + officer] (see chIndex). */
  channelSum: Float32Array;   // Float32: half the memory traffic of the loyalty pass; for explanation, not for the dynamics
  /** Contribution of each channel in the last tick, same layout. */
  channelLast: Float32Array;
  tieStart: Int32Array;      // CSR ties to citizens
  tieCitizen: Int32Array;
}

export interface Grid {
  w: number; h: number; cells: number; torus: boolean;
  district: Uint16Array;       // district index of each cell
  occ: Int32Array;             // free agents per cell
  copCell: Float64Array;       // officers per cell, weighted by effectiveness
  actCell: Float64Array;       // active citizens per cell (Float64 like every count grid: one array type for the window sums)
  joinedCell: Float64Array;    // joined officers per cell
  head: Int32Array;            // live mode: first free citizen in the cell (intrusive list)
  lists: boolean;              // live mode keeps per-cell lists; tickStart indexes active citizens once per tick
  actStart: Int32Array;        // tickStart: CSR index of this tick's active citizens by cell
  actList: Int32Array;
  nbCop: Float64Array;         // effective officers in vision of each cell
  nbAct: Float64Array;         // active citizens in vision of each cell
  nbJoined: Float64Array;
  offX: Int32Array; offY: Int32Array; // vision offsets
  spanHalf: Int32Array;        // half-width of the vision area in each row dy = -r..r
  spanStart: Int32Array | null; // live mode: where each cell's vision spans start in `spans`
  spans: Int32Array;           // [start, end] cell-index runs of every cell's vision area
  nbr: Uint16Array | null;     // live mode: neighbour cells of each cell, K per cell (0xffff off the map), when small
  rallyCells: Int32Array;
  nearestRally: Int32Array;    // nearest rally cell of each cell (-1 none)
}

export interface SimEvent { tick: number; kind: string; officer?: number; channel?: Channel; district?: string; detail?: string; }

export interface DayAgg {
  day: number; peakActive: number; peakNeeded: number; effectiveAtPeak: number; detentions: number; deaths: number;
  resigned: number; defected: number; staffing: number[]; momentum: number; violent: number; abuses: number;
}

export interface Ramp { key: keyof Params; from: number; to: number; startTick: number; endTick: number; }
export interface ScheduledEvent { tick: number; label: string; set: Record<string, unknown>; ramp: Ramp | null; }

export interface SimState {
  scenario: ScenarioData;
  params: Params;
  seed: number;
  rng: Streams;
  tick: number;
  ticksPerDay: number;
  startDay: number;
  horizonTicks: number;
  grid: Grid;
  c: Citizens;
  o: Officers;
  districtIds: string[];
  districtNames: string[];
  districtInitialStaff: Float64Array;
  recruitsByDistrict: Float64Array;
  reserve: number;             // officer agents not yet deployed (count)
  cityStaff: number;           // officers 0..cityStaff-1 started on the map: the city's own staff
  units: { n: number; visible: Float64Array; size: Int32Array; defected: Int32Array; anyVisible: boolean };
  /** Serving officers on the map per home district (kept current by officerSetState and deployment). */
  staffByDistrict: Float64Array;
  /** Citizens to release at the end of a tick, by tick (a bucket queue instead of a countdown scan). */
  releases: Map<number, number[]>;
  regime: { resources: number; eliteCohesion: number; patronWithdrawn: boolean };
  movement: { capacity: number; levels: Record<LevelName, number>; fund: number; actions: ActionDef[]; nextAction: number; spent: ActionDef[] };
  events: ScheduledEvent[];
  nextEvent: number;
  ramps: Ramp[];
  momentum: number;
  /** Tick-level tallies reset each tick. */
  tickArrests: Float64Array;     // per district: arrests of nonviolent protesters
  tickViolence: Float64Array;    // per district: violent incidents
  tickTally: { arrests: number; violent: number; active: number };
  totals: { detentions: number; deaths: number; injuries: number; abuses: number; violentActs: number; activeTicks: number; unmaskings: number; resignations: number };
  counts: { citizens: Int32Array; officers: Int32Array };
  effectiveForce: number;
  neededForce: number;
  loyalForceTotal: number;
  days: DayAgg[];
  today: DayAgg;
  streak: { collapse: number; demobilize: number; collapseStartTick: number };
  peakActive: number; peakActiveTick: number;
  outcome: Outcome | null;
  fallCause: FallCause | null;
  decidedTick: number | null;
  tippingTick: number | null;
  defectedAtDecision: number | null;
  defectedCount: number;
  eventLog: SimEvent[];
  scratch: Int32Array;
  /** One slot per cell, for index building. */
  scratchCells: Int32Array;
  /** Citizens active after their turn this tick (tickStart), ascending, activeN of them. */
  activeBuf: Int32Array;
  activeN: number;
}
