/**
 * The shape of a validated scenario as the simulation consumes it. Validation of raw JSON
 * (with messages naming the bad field) lives in src/scenarios; the sim trusts this shape.
 */
import type { ParamValue } from './params/spec';
import type { TacticId } from './tactics';

/** A rectangle in fractions of the grid: [x0, y0, x1, y1], so maps survive a change of grid size. */
export type FracRect = [number, number, number, number];

export interface DistrictDef {
  id: string;
  name: string;
  rect: FracRect;
  /** Relative weight of citizens living here. */
  population: number;
  /** Relative weight of officers stationed here. */
  staffing: number;
}
export interface PointDef { id: string; name: string; at: [number, number]; }
export interface MapData {
  districts: DistrictDef[];
  squares: PointDef[];
  metro: PointDef[];
  stations: PointDef[];
}

/** When something happens: a tick, a day (0-based) or a calendar date (YYYY-MM-DD, at 00:00). */
export type At = { tick: number } | { day: number } | { date: string };

export interface EventDef {
  at: At;
  label?: string;
  set?: Record<string, ParamValue>;
  /** Linear ramp from the value at the start to `to` over `overDays`. */
  ramp?: { key: string; to: number; overDays: number };
}

/** One movement action: the recorded format for both players and scripted strategies. */
export interface ActionDef { tick: number; tactic: TacticId; }

export interface HistoricalDef {
  label: string;
  value: number;
  unit?: string;
  source: string;
  /** Which model measurement to compare: see sim/historical.ts. */
  metric: 'detentionsUntil' | 'deathsUntil' | 'resignationsUntil' | 'staffingChangeAt' | 'nationalForce'
    | 'privateOpposition' | 'tortureCasesUntil' | 'defectedShareAt' | 'resignationsFalloff' | 'branchLossRatio' | 'districtsEmptied';
  date?: string;
  district?: string;
  /** staffingChangeAt: only this branch's officers (a district department is district police: OMON is a city unit). */
  branch?: 'omon' | 'district_police';
  /**
   * The range the model's value should fall in to count as matching history, [lo, hi] with
   * lo <= value <= hi (a "more than" figure starts at it), and why that range.
   */
  band?: [number, number];
  bandWhy?: string;
}

export interface ScenarioData {
  id: string;
  title: string;
  summary: string;
  startDate: string;
  params: Record<string, ParamValue>;
  /** Why the scenario sets each mechanism parameter it sets (one line each). */
  why: Record<string, string>;
  map: MapData | null;
  events: EventDef[];
  /** The scenario's own strategy: history, or the scripted default (`--strategy scenario`). */
  strategy: ActionDef[];
  /** Further named strategies (`--strategy <name>`), e.g. those its briefing suggests. */
  strategies: Record<string, ActionDef[]>;
  /** Tactics offered to the player; all when absent. */
  tactics: TacticId[] | null;
  historical: Record<string, HistoricalDef> | null;
  briefing?: Record<string, string>;
}
