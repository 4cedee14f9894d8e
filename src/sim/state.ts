/**
 * The simulation state: agents as struct-of-arrays in typed arrays (no agent objects), plus the
 * small aggregate state of the regime and the movement. Enums are `as const` objects.
 */
import type { Params } from './params/schema';
import type { LoyaltyContext } from './rules/loyalty/context';
import type { Streams } from './rng';
import type { ActionDef, ScenarioData } from './scenarioData';
import type { LevelName } from './tactics';

export const CitizenState = { quiet: 0, active: 1, detained: 2, injured: 3 } as const;
export const OfficerState = { on_duty: 0, shirking: 1, insider: 2, resigned: 3, joined: 4, purged: 5 } as const;
export const CITIZEN_STATE_NAMES = ['quiet', 'active', 'detained', 'injured'] as const;
export const OFFICER_STATE_NAMES = ['on_duty', 'shirking', 'insider', 'resigned', 'joined', 'purged'] as const;
export const Opinion = { supporter: -1, neutral: 0, opponent: 1 } as const;
/** Riot police and internal troops (OMON): privileged, masked, implicated; district police: tied to their districts. */
export const BRANCHES = ['omon', 'district_police'] as const;
export const Branch = { omon: 0, district_police: 1 } as const;

/** Index of (officer j, channel slot k) in channelSum/channelLast: channel-major (see SimState.channels). */
export const chIndex = (nOfficers: number, j: number, slot: number): number => slot * nOfficers + j;

export type Outcome = 'success' | 'failure' | 'stalemate';
/** The rule that decided a fall (route), and the pillar a fall is attributed to (cause: attribute.ts in src/scenarios). */
export type FallRoute = 'force' | 'overwhelm' | 'elite';
export type FallCause = 'force' | 'elite' | 'economy' | 'patron' | 'overwhelm';
export type { Channel } from './rules/loyalty/channels';

export interface Citizens {
  n: number;
  cell: Int32Array;          // his cell (citizens never leave the map: deaths are counted as an expectation)
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
  /** His loyalty at the start: what the regime's pull restores (regime channel). */
  loyalty0: Float32Array;
  theta: Float64Array;
  unit: Int32Array;
  district: Uint16Array;
  branch: Uint8Array;
  masked: Uint8Array;
  exposure: Float32Array;
  abuses: Uint16Array;
  /** Abuses on record (documented by identification, insiders or the defector network): what a registry can use. */
  documented: Uint16Array;
  /** A recent contact with the defector network (1 at the contact, fading daily). */
  contact: Float32Array;
  fear: Float32Array;
  salaryDep: Float32Array;
  conscience: Float32Array;  // susceptibility to backfire
  /** Repression he has taken part in or seen so far (backfire's habituation: rules/loyalty/backfire.ts). */
  seen: Float32Array;
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
  head: Int32Array;            // live mode: first active citizen in the cell (intrusive list)
  lists: boolean;              // live mode keeps per-cell lists; tickStart indexes active citizens once per tick (Scratch)
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
  /** Working buffers of the neighbourhood sums (rewritten before every use; not part of a snapshot). */
  work: GridWork;
}

export interface GridWork { rowY: Int32Array; rowHw: Int32Array; prefix: Float64Array; rows: Float64Array; half: Int32Array; spans: Int32Array;
  /** Square vision: whether each row of the counts summed this pass holds anything. */
  rowNz: Uint8Array }

/**
 * Per-tick working buffers: each is rewritten from the state before it is read in a tick, so none
 * carries anything from one tick to the next (snapshots leave them out; restore makes new ones).
 */
export interface Scratch {
  loyalty: LoyaltyContext;
  /** This tick's loyalty change per officer; all zero between ticks. */
  loyaltyDelta: Float64Array;
  /** P(j) table of the activation rule and the k it was made for. */
  arrestK: number;
  arrestTable: Float64Array;
  gByOpinion: Float64Array;
  /** tickStart: the arrest probability of a cell this tick, valid where cellPEpoch[c] === cellPPass (computed when a citizen first needs it). */
  cellP: Float64Array;
  cellPEpoch: Int32Array;
  cellPPass: number;
  /** The cells of this tick's active citizens (nbAct's sparse count). */
  cellList: Int32Array;
  /** tickStart: CSR index of this tick's active citizens by cell. */
  actStart: Int32Array;
  actList: Int32Array;
  /** One slot per cell, and one per vision offset. */
  cells: Int32Array;
  offsets: Int32Array;
  /** Units walking out this tick. */
  walking: Uint8Array;
  /** Officers contacted by the defector network this tick (outreach.ts), and whether any was. */
  contactNew: Uint8Array;
  anyContact: boolean;
}

export interface SimEvent { tick: number; kind: string; officer?: number; channel?: string; district?: string; detail?: string; }

export interface DayAgg {
  day: number; peakActive: number; peakNeeded: number; effectiveAtPeak: number; detentions: number; deaths: number;
  resigned: number; defected: number; staffing: number[]; momentum: number; violent: number; abuses: number;
  /** Detentions of nonviolent protesters, injuries (both in agents), active citizen-ticks, officers purged. */
  nonviolentArrests: number; injuries: number; activeTicks: number; purged: number;
  /** Expected resignations (each officer's chance to resign this day summed, walk-outs and escalations included: decisions.ts): the smooth count of dismissal reports. */
  resignHazard: number;
}

export interface Ramp { key: keyof Params; from: number; to: number; startTick: number; endTick: number; }
export interface ScheduledEvent { tick: number; label: string; set: Record<string, unknown>; ramp: Ramp | null; }

/** Model figures of a scenario's historical block, accumulated day by day (historical.ts). */
export interface HistoricalAcc {
  /** Value so far (sums: in agents; staffing: percent change). */
  value: Float64Array;
  /** 1 once the figure's date is reached (its value is final). */
  reached: Uint8Array;
  /** Two more numbers per figure (figure k at 2k, 2k+1): resignationsFalloff's sum before its date and the days counted since. */
  aux: Float64Array;
}

export interface SimState {
  modelVersion: number;
  scenario: ScenarioData;
  /** Current values (scheduled events may change them). */
  params: Params;
  /** The values at tick 0: what the report's `params` shows. */
  initialParams: Params;
  seed: number;
  /** Names of the random streams, in the order of their state words in rngWords (4 words each). */
  streamNames: string[];
  rngWords: Int32Array;
  /** Generators over rngWords (rebuilt by restore; not part of a snapshot). */
  rng: Streams;
  /** The run's loyalty channels in slot order (ids of rules/loyalty/channels.ts). */
  channels: string[];
  /** Whether each channel slot ran last tick (a channel that falls quiet clears its last-tick record once). */
  channelWasLive: Uint8Array;
  scratch: Scratch;
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
  units: {
    n: number; visible: Float64Array; size: Int32Array; defected: Int32Array; anyVisible: boolean;
    /** Insiders and unmasked officers serving in the unit (at the last tally). */
    insiders: Int32Array; unmasked: Int32Array;
    /** 1 once the unit has walked out (a unit walks out once: decisions.ts). */
    walked: Uint8Array;
    /** The unit's anger at publications of its members (exposure channel), and whether any unit has some. */
    backlash: Float64Array; anyBacklash: boolean;
  };
  /** Serving officers on the map per home district (kept current by officerSetState and deployment). */
  staffByDistrict: Float64Array;
  /** Citizens to release at the end of a tick, by tick (a bucket queue instead of a countdown scan). */
  releases: Map<number, number[]>;
  /** live mode: the turn order of all agents (citizens 0..n-1, then officers), reshuffled each tick. */
  order: Int32Array;
  regime: {
    resources: number; eliteCohesion: number; patronWithdrawn: boolean;
    /** The patron's support now (starts at externalSupport). */
    patronSupport: number;
    /** Bonuses paid to the forces today (1) or not (0). */
    bonus: number;
    /** Coalition splits so far. */
    splits: number;
  };
  /** The perceived chance that the regime falls (perception.ts), updated daily. */
  perceived: number;
  /** Citizens' outrage at repression of nonviolent protesters (outrage.ts), and the violence level (violent acts per active citizen, daily average). */
  outrage: number;
  violenceLevel: number;
  /**
   * What the movement could not know in advance, drawn once per run from the seed (init.ts):
   * loyaltyShift, the common shift of every officer's initial loyalty (hiddenLoyaltySd; 0 when it is 0).
   */
  hidden: { loyaltyShift: number };
  /** The movement: capacity, tactic levels, the fund, and the actions it will take (sorted by tick). */
  movement: { capacity: number; levels: Record<LevelName, number>; fund: number; actions: ActionDef[]; nextAction: number };
  events: ScheduledEvent[];
  nextEvent: number;
  ramps: Ramp[];
  momentum: number;
  /** Tick-level tallies reset each tick. */
  tickArrests: Float64Array;     // per district: arrests of nonviolent protesters, each abuse weighing 1 + backfireAbuseWeight x its chance
  tickViolence: Float64Array;    // per district: violent incidents
  tickTally: { arrests: number; violent: number; active: number };
  /** Run totals in agents; deaths and abuses are expectations (the chance summed over arrests), so a small count is representable at any scale. */
  totals: { detentions: number; deaths: number; injuries: number; abuses: number; violentActs: number; activeTicks: number; unmaskings: number;
    resignations: number; contacts: number; purged: number; publications: number; wrongIds: number };
  counts: { citizens: Int32Array; officers: Int32Array };
  effectiveForce: number;
  neededForce: number;
  loyalForceTotal: number;
  /** Days completed so far. */
  day: number;
  /** The last completed day's aggregates. */
  yesterday: DayAgg;
  today: DayAgg;
  historical: HistoricalAcc;
  streak: { collapse: number; demobilize: number; collapseStartTick: number };
  peakActive: number; peakActiveTick: number;
  outcome: Outcome | null;
  /** The rule that decided the fall; the report's fallCause is the pivotal pillar (src/scenarios/attribute.ts). */
  fallCause: FallRoute | null;
  /** Each pillar's state at the decision, as a loss from day 0 in [0, 1] (force: defected share). */
  pillarLoss: { force: number; elite: number; economy: number; patron: number } | null;
  decidedTick: number | null;
  tippingTick: number | null;
  defectedAtDecision: number | null;
  defectedCount: number;
  /** Events since the consumer last drained them (eventLog.ts), and how many did not fit. */
  eventLog: SimEvent[];
  eventsDropped: number;
  /** Citizens active after their turn this tick (tickStart), ascending, activeN of them. */
  activeBuf: Int32Array;
  activeN: number;
  /** A run that has had joined officers keeps their shield counts current from then on. */
  joinedSeen: boolean;
  /** Some citizen's violent flag is set (cleared before the next tick's draws). */
  violentFlagsSet: boolean;
  /** Deaths already announced as events (whole people, deaths/scale). */
  deathsLogged: number;
}
