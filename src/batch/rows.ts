/**
 * One flat row per run (docs/research.md section 2): {run, point?, seed, ...params, ...metrics}.
 * The parameters are the values the run was given on top of its scenario (sampled priors, --set
 * and sweep values, as typed: before calibration), so
 *   npm run sim -- --scenario <scenario> --seed <seed> --set k=v ...
 * with the same calibration replays the run exactly (replayArgs below builds that call, with the
 * row's `--strategy`). Columns added since the first version go at the end of the row (after the
 * metrics: `pivotal`, then `strategy`; with `batch --causal`, then the causal columns), so scripts
 * that read the old columns by position still work.
 */
import type { Outcome, FallCause, FallRoute, ParamValue, RunReport } from '../sim/index';

export interface RunMetrics {
  outcome: Outcome | null;
  fallCause: FallCause | null;
  fallRoute: FallRoute | null;
  tippingTick: number | null;
  tippingDay: number | null;
  peakParticipation: number;
  defectedShare: number;
  defectionOccurred: boolean;
  violenceShare: number;
  nonviolent: boolean;
  /**
   * The pillars pivotal in a success (docs/model.md section 9), '+'-joined in the order force, elite,
   * economy, patron; 'none' when no single pillar was (fallCause overwhelm when the run falls with
   * every pillar held, else the joint cause: the pillar with the largest loss); null for any other outcome.
   */
  pivotal: string | null;
}

/** The metric columns, in output order. */
export const METRIC_KEYS = ['outcome', 'fallCause', 'fallRoute', 'tippingTick', 'tippingDay', 'peakParticipation', 'defectedShare',
  'defectionOccurred', 'violenceShare', 'nonviolent', 'pivotal'] as const satisfies ReadonlyArray<keyof RunMetrics>;

/** The last column: the movement's strategy that ran (sampled by a strategy prior, or the batch's --strategy). */
export const STRATEGY_KEY = 'strategy';

/**
 * The causal columns (`batch --causal`, docs/research.md section 1b), after `strategy`; absent
 * otherwise, so a batch without --causal writes what it always wrote.
 */
export const CAUSAL_KEYS = ['landmarkUndecided', 'landmarkDefectedShare', 'knockoutSuccess'] as const;

export interface CausalColumns {
  /** Still undecided at the end of day landmarkDay. */
  landmarkUndecided: boolean;
  /** The defected share then (6 decimals, as defectedShare). */
  landmarkDefectedShare: number;
  /** Whether the run succeeds again with no officer allowed to leave duty; null for a violent run (not replayed, not counted). */
  knockoutSuccess: boolean | null;
}

/** Pillars that can be pivotal, in the order a `pivotal` cell lists them. */
export const PIVOTAL_PILLARS = ['force', 'elite', 'economy', 'patron'] as const;

/** A `pivotal` cell from the attribution's per-pillar flags. */
export function pivotalCell(p: Record<(typeof PIVOTAL_PILLARS)[number], boolean> | null): string | null {
  if (p === null) return null;
  const on = PIVOTAL_PILLARS.filter((k) => p[k]);
  return on.length === 0 ? 'none' : on.join('+');
}

/** The pillars of a `pivotal` cell ([] for 'none', null or an empty cell). */
export function pivotalPillars(cell: string | null | undefined): string[] {
  return cell === null || cell === undefined || cell === '' || cell === 'none' ? [] : cell.split('+');
}

export type Cell = ParamValue | null;
export type Row = { run: number; point?: number; seed: number; strategy?: string } & RunMetrics & Partial<CausalColumns> & Record<string, Cell>;

export function makeRow(run: number, point: number | null, seed: number, values: ReadonlyArray<[string, ParamValue]>, rep: RunReport,
  strategy = 'scenario'): Row {
  const row: Record<string, Cell> = { run };
  if (point !== null) row.point = point;
  row.seed = seed;
  for (const [k, v] of values) row[k] = Array.isArray(v) ? [...v] : v;
  const sm = rep.summary;
  const m: RunMetrics = {
    outcome: rep.outcome, fallCause: rep.fallCause, fallRoute: rep.fallRoute, tippingTick: rep.tippingTick, tippingDay: rep.tippingDay,
    peakParticipation: sm.peakParticipation, defectedShare: sm.defectedShare, defectionOccurred: sm.defectionOccurred,
    violenceShare: sm.violenceShare, nonviolent: sm.nonviolent,
    pivotal: rep.outcome === 'success' ? pivotalCell(rep.pivotal) : null,
  };
  for (const k of METRIC_KEYS) row[k] = m[k];
  row[STRATEGY_KEY] = strategy;
  return row as Row;
}

/** Adds the causal columns to a row made by makeRow (in CAUSAL_KEYS order, at its end). */
export function addCausalColumns(row: Row, c: CausalColumns): Row {
  const r = row as Record<string, Cell>;
  for (const k of CAUSAL_KEYS) r[k] = c[k];
  return row;
}

const NOT_PARAMS = new Set<string>(['run', 'point', 'seed', ...METRIC_KEYS, STRATEGY_KEY, ...CAUSAL_KEYS]);

/** The parameter columns of a row: everything but the run identity, the metrics, the strategy and the causal columns. */
export function paramColumns(row: Row): string[] {
  return Object.keys(row).filter((k) => !NOT_PARAMS.has(k));
}

const csvCell = (v: unknown): string => {
  const s = v === null || v === undefined ? '' : Array.isArray(v) ? v.join(',') : String(v);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

/** One CSV line of cells (without its newline). */
export const csvLine = (cells: readonly unknown[]): string => cells.map(csvCell).join(',');

/** CSV with a header; every row of a batch has the same columns in the same order. */
export function rowsToCsv(rows: readonly Row[]): string {
  if (rows.length === 0) return '\n';
  const header = Object.keys(rows[0]);
  const lines = [csvLine(header)];
  for (const r of rows) lines.push(csvLine(header.map((k) => r[k])));
  return lines.join('\n') + '\n';
}

/** The `npm run sim` arguments that replay a row (the scenario as a preset id or file path). */
export function replayArgs(scenario: string, row: Row): string[] {
  const args = ['--scenario', scenario, '--seed', String(row.seed)];
  for (const k of paramColumns(row)) {
    const v = row[k];
    args.push('--set', `${k}=${Array.isArray(v) ? v.join(',') : String(v)}`);
  }
  // Last, so the parameter flags stay where they were before rows carried a strategy.
  if (typeof row.strategy === 'string') args.push('--strategy', row.strategy);
  return args;
}
