/**
 * One flat row per run (docs/research.md section 2): {run, point?, seed, ...params, ...metrics}.
 * The parameters are the values the run was given on top of its scenario (sampled priors, --set
 * and sweep values, as typed: before calibration), so
 *   npm run sim -- --scenario <scenario> --seed <seed> --set k=v ...
 * with the same calibration replays the run exactly (replayArgs below builds that call).
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
}

/** The metric columns, in output order. */
export const METRIC_KEYS = ['outcome', 'fallCause', 'fallRoute', 'tippingTick', 'tippingDay', 'peakParticipation', 'defectedShare',
  'defectionOccurred', 'violenceShare', 'nonviolent'] as const satisfies ReadonlyArray<keyof RunMetrics>;

export type Cell = ParamValue | null;
export type Row = { run: number; point?: number; seed: number } & RunMetrics & Record<string, Cell>;

export function makeRow(run: number, point: number | null, seed: number, values: ReadonlyArray<[string, ParamValue]>, rep: RunReport): Row {
  const row: Record<string, Cell> = { run };
  if (point !== null) row.point = point;
  row.seed = seed;
  for (const [k, v] of values) row[k] = Array.isArray(v) ? [...v] : v;
  const sm = rep.summary;
  const m: RunMetrics = {
    outcome: rep.outcome, fallCause: rep.fallCause, fallRoute: rep.fallRoute, tippingTick: rep.tippingTick, tippingDay: rep.tippingDay,
    peakParticipation: sm.peakParticipation, defectedShare: sm.defectedShare, defectionOccurred: sm.defectionOccurred,
    violenceShare: sm.violenceShare, nonviolent: sm.nonviolent,
  };
  for (const k of METRIC_KEYS) row[k] = m[k];
  return row as Row;
}

/** The parameter columns of a row: everything but the run identity and the metrics. */
export function paramColumns(row: Row): string[] {
  const skip = new Set<string>(['run', 'point', 'seed', ...METRIC_KEYS]);
  return Object.keys(row).filter((k) => !skip.has(k));
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
  return args;
}
