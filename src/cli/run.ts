/**
 * One simulation run for the command line, as a pure function of the options (plus the files
 * they name), so tests call it directly and the entry only prints. Relative paths resolve
 * against baseDir (the directory the user ran npm from).
 */
import { advance, drainEvents, isTacticId, runReport, seriesRow, TACTIC_IDS } from '../sim/index';
import type { ActionDef, RunReport, ScenarioData, SeriesRow, SimEvent, SimState } from '../sim/index';
import {
  attributeFall, buildRun, checkOffered, DEFAULT_CALIBRATION, parseActionText, validateCalibration, type BuiltRun, type Calibration,
  type RunSpec,
} from '../scenarios/index';
import { loadScenario, parseJson, readInputText } from '../scenarios/load-node';
import type { CliOptions } from './args';
import { CliError } from './errors';

export interface SimResult {
  report: RunReport;
  series: SeriesRow[];
  events: SimEvent[];
}

/** The directory relative paths mean: where `npm run` was typed, else the process's own cwd. */
export function userDir(env: NodeJS.ProcessEnv = process.env): string {
  return env.INIT_CWD && env.INIT_CWD !== '' ? env.INIT_CWD : process.cwd();
}

/** A JSON input file (or - for standard input): bounded in size and nesting (readInputText, parseJson). */
export function readJsonFile(path: string, baseDir: string, what: string): unknown {
  return parseJson(readInputText(path, baseDir, what), path);
}

export function loadCalibration(arg: string | null, baseDir: string): Calibration | null {
  if (arg === null) return DEFAULT_CALIBRATION;
  if (arg === 'none') return null;
  return validateCalibration(readJsonFile(arg, baseDir, 'calibration'), arg);
}

/** Reads an --actions file: a JSON array of {tick, tactic}, checked like a scenario's strategy. */
export function loadActions(path: string, baseDir: string, scenario: ScenarioData): ActionDef[] {
  const raw = readJsonFile(path, baseDir, 'actions');
  if (!Array.isArray(raw)) throw new CliError(`${path}: expected a JSON array of {"tick": N, "tactic": "..."}`);
  return raw.map((a: unknown, i): ActionDef => {
    const where = `${path}: [${i}]`;
    if (a === null || typeof a !== 'object' || Array.isArray(a)) throw new CliError(`${where} must be an object {"tick": N, "tactic": "..."}`);
    const o = a as Record<string, unknown>;
    const extra = Object.keys(o).find((k) => k !== 'tick' && k !== 'tactic');
    if (extra !== undefined) throw new CliError(`${where} has unknown field '${extra}' (expected tick and tactic)`);
    if (typeof o.tick !== 'number' || !Number.isInteger(o.tick) || o.tick < 0)
      throw new CliError(`${where}.tick must be a non-negative integer, got ${JSON.stringify(o.tick) ?? 'nothing'}`);
    const t = o.tactic;
    if (typeof t !== 'string' || !isTacticId(t))
      throw new CliError(`${where}.tactic ${JSON.stringify(t) ?? 'nothing'} is not a tactic (known: ${TACTIC_IDS.join(', ')})`);
    if (scenario.tactics && !scenario.tactics.includes(t)) throw new CliError(`${where}.tactic '${t}' is not among this scenario's tactics`);
    return { tick: o.tick, tactic: t };
  });
}

/** The user's actions: the --actions file's, then --a's (both after the strategy's within a tick). */
export function userActions(o: { actions: string | null; a: string | null }, baseDir: string, scenario: ScenarioData): ActionDef[] {
  const out = o.actions !== null ? loadActions(o.actions, baseDir, scenario) : [];
  if (o.a !== null) {
    const more = parseActionText(o.a, '--a');
    checkOffered(more, scenario, '--a');
    out.push(...more);
  }
  return out;
}

/** Builds the run exactly as runSim does (scenario, strategy, actions, parameter layers, seed). */
/** The run's spec (what buildRun and the attribution's replays take) from the options. */
export function runSpec(opts: CliOptions, baseDir: string): RunSpec {
  if (opts.scenario === null) throw new CliError('missing --scenario <id or path.json> (see --help)');
  const scenario = loadScenario(opts.scenario, baseDir);
  return { scenario, seed: opts.seed, strategy: opts.strategy, actions: userActions(opts, baseDir, scenario),
    calibration: loadCalibration(opts.calibration, baseDir), sets: opts.sets };
}

export const prepareRun = (opts: CliOptions, baseDir: string): BuiltRun => buildRun(runSpec(opts, baseDir));

export const prepare = (opts: CliOptions, baseDir: string): SimState => prepareRun(opts, baseDir).state;

/** Where a run's output goes as it is produced: each kept series row, each batch of events. */
export interface SimStream {
  row(row: SeriesRow): void;
  events?(events: SimEvent[]): void;
}

/**
 * Runs until the outcome is decided (or the horizon, where the sim declares a stalemate), or,
 * with opts.ticks, exactly that many ticks. Rows are kept at tick 0, every opts.every ticks and
 * at the final tick, each handed to `out` as soon as it is made (nothing is kept here but the
 * last row), so a run of any length takes the memory of its world alone.
 */
export function streamSim(opts: CliOptions, baseDir: string, out: SimStream): { report: RunReport; last: SeriesRow } {
  const spec = runSpec(opts, baseDir);
  const s = buildRun(spec).state;
  const every = Math.max(1, opts.every);
  let last = seriesRow(s);
  out.row(last);
  const put = (): void => { last = seriesRow(s); out.row(last); };
  const keep = (): void => { const e = drainEvents(s); if (e.length > 0) out.events?.(e); };
  if (opts.ticks !== null) {
    const end = opts.ticks;
    // Whole chunks between recorded rows: the outcome needs no per-tick check here.
    while (s.tick < end) {
      advance(s, Math.min(end, (Math.floor(s.tick / every) + 1) * every) - s.tick);
      keep();
      if (s.tick % every === 0 || s.tick === end) put();
    }
  } else {
    // One tick at a time so the run stops on the tick the outcome is decided; the horizon
    // bound guards against a sim that never decides.
    const end = s.horizonTicks;
    while (s.outcome === null && s.tick < end) {
      advance(s, 1);
      keep();
      if (s.tick % every === 0) put();
    }
    if (last.tick !== s.tick) put();
  }
  keep();
  // A fall is attributed to its pivotal pillar by replays of the same run (src/scenarios/attribute.ts).
  return { report: runReport(s, attributeFall(spec, s)), last };
}

/** The whole run in memory (tests, golden traces): streamSim with every row and event kept. */
export function runSim(opts: CliOptions, baseDir: string): SimResult {
  const series: SeriesRow[] = [];
  const events: SimEvent[] = [];
  const { report } = streamSim(opts, baseDir, { row: (r) => { series.push(r); }, events: (e) => { for (const x of e) events.push(x); } });
  return { report, series, events };
}
