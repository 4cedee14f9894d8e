/**
 * Parses the argv of `batch` (src/cli/flags.ts, as for `sim`: `--flag value` or `--flag=value`;
 * --set and --sweep repeat). Only shapes are checked here; parameter names and values are
 * checked against the schema when the plan is built.
 */
import { parseSetArg, PRESET_IDS } from '../scenarios/index';
import { CAMPAIGNS_FILE, parseSweepArg, type RatioKind, type SweepAxis } from '../batch/index';
import { DEFAULT_SEED, FORMATS, nonEmpty, oneOf, parseUint, UINT32_MAX, type Format } from './args';
import { CliError } from './errors';
import { parseFlags, type FlagTable } from './flags';

export interface BatchOptions {
  help: boolean;
  scenario: string | null;
  runs: number | null;
  seed: number;
  /** null = one per core. */
  workers: number | null;
  sets: Array<[string, string]>;
  sweep: SweepAxis[];
  shard: { index: number; count: number } | null;
  format: Format;
  out: string | null;
  calibration: string | null;
  /** null = the scenario's own (campaigns: the built-in priors); 'none' = no sampling; or a file. */
  priors: string | null;
  multiplier: RatioKind;
  /** Run even when the estimate is past what the machine has. */
  force: boolean;
  /** Continue from the runs kept in <out>.partial.jsonl by an interrupted call with the same flags. */
  resume: boolean;
  /** The causal figures (docs/research.md section 1b): row columns and stats.causal, at the cost of knock-out replays. */
  causal: boolean;
  /** As sim's: the strategy, an actions file and actions in the link syntax. */
  strategy: string;
  actions: string | null;
  a: string | null;
}

/** Every flag of `batch`: parsed and shown in --help from this one table. */
export const BATCH_FLAGS: FlagTable = [
  { name: 'scenario', value: 'id|campaigns|file.json', help: `A preset (${PRESET_IDS.join(', ')}), a scenario JSON file, or campaigns: a generic city whose parameters every run draws from documented priors (${CAMPAIGNS_FILE}, docs/research.md).` },
  { name: 'runs', value: 'N', help: 'Runs per sweep point.' },
  { name: 'seed', value: 'uint32', help: `Batch seed (default ${DEFAULT_SEED}). Run r's seed is a hash of (seed, r), the same at every sweep point.` },
  { name: 'workers', value: 'K', help: 'Worker threads (default: one per core; 1 runs in the main thread, or with --out FILE in one thread so an interrupt is handled at once). Rows do not depend on it.' },
  { name: 'set', value: 'key=value', repeatable: true, help: 'Override a parameter in every run (repeatable); it also fixes a sampled one.' },
  { name: 'sweep', value: 'key=from:to:step', repeatable: true, help: 'Vary a number or integer parameter over a grid (repeatable: the cartesian product).' },
  { name: 'shard', value: 'i/n', help: 'Run only the i-th of n disjoint slices (runs with index mod n = i-1); merge the JSON outputs with npm run merge.' },
  { name: 'format', value: 'summary|json|csv', help: 'summary: the research figures beside the targets (default); json: {batch, rows, stats}; csv: the rows.' },
  { name: 'out', value: 'file', help: 'Write to this file instead of standard output (its folder must exist); a file is replaced only once complete.' },
  { name: 'multiplier', value: 'odds|risk', help: 'How the success multiplier is computed: the 2x2 odds ratio (default) or the risk ratio.' },
  { name: 'strategy', value: 'scenario|none|name', help: "What the movement does in every run, as for sim: the scenario's own strategy (default), nothing but the actions given, or a named one. With a strategy prior (campaigns) the default lets each run draw its own (the row's strategy column); any other value fixes it." },
  { name: 'a', value: '<tick>.<tactic>,...', help: 'Movement actions in the link syntax added to every run, as for sim.' },
  { name: 'actions', value: 'file.json', help: 'Movement actions from a file added to every run, as for sim.' },
  { name: 'calibration', value: 'file|none', help: 'The calibration layer, as for sim (default: src/scenarios/calibration.json).' },
  { name: 'priors', value: 'file|none', help: 'Parameter priors to sample per run (default: the campaigns priors for campaigns, none otherwise).' },
  { name: 'causal', help: 'Also measure whether defection makes success likelier (docs/research.md section 1b): each row notes the run at day landmarkDay (landmarkUndecided, landmarkDefectedShare) and replays it with no officer allowed to leave duty (knockoutSuccess); the statistics gain stats.causal (landmark odds ratios at 2%, 5% and 10%, the knock-out difference). Off by default: it about doubles the runs.' },
  { name: 'resume', help: 'Continue an interrupted batch: with --out FILE, the finished runs are kept in FILE.partial.jsonl as they finish; --resume (with the same flags; --workers may differ) runs only the rest and writes exactly what an uninterrupted call writes.' },
  { name: 'force', help: 'Run an ensemble whose estimated memory or time is past what this machine has (more than its memory, or over 24 hours); the estimate is printed either way.' },
  { name: 'help', short: 'h', help: 'Print this help.' },
];

export function parseShard(text: string): { index: number; count: number } {
  const m = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(text);
  const index = m ? Number(m[1]) : NaN, count = m ? Number(m[2]) : NaN;
  if (!m || !(count >= 1 && count <= 1_000_000) || !(index >= 1 && index <= count))
    throw new CliError(`--shard expects i/n with 1 <= i <= n (e.g. 2/8), got '${text}'`);
  return { index, count };
}

export function parseBatchArgs(argv: readonly string[]): BatchOptions {
  const o: BatchOptions = { help: false, scenario: null, runs: null, seed: DEFAULT_SEED, workers: null, sets: [], sweep: [],
    shard: null, format: 'summary', out: null, calibration: null, priors: null, multiplier: 'odds', force: false, resume: false, causal: false, strategy: 'scenario', actions: null, a: null };
  for (const { name, value } of parseFlags(argv, BATCH_FLAGS).flags) apply(o, name, value);
  if (o.help) return o;
  if (o.scenario === null) throw new CliError('missing --scenario <id, campaigns or path.json> (see --help)');
  if (o.runs === null) throw new CliError('missing --runs <N> (runs per sweep point; see --help)');
  if (o.resume && o.out === null) throw new CliError('--resume needs --out FILE (the runs of an interrupted batch are kept in FILE.partial.jsonl)');
  return o;
}

function apply(o: BatchOptions, name: string, given: string | true): void {
  const flag = `--${name}`, value = given === true ? '' : given;
  switch (name) {
    case 'help': o.help = true; break;
    case 'force': o.force = true; break;
    case 'resume': o.resume = true; break;
    case 'causal': o.causal = true; break;
    case 'scenario': o.scenario = nonEmpty(flag, value); break;
    case 'runs': o.runs = parseUint(flag, value, 1, 10_000_000); break;
    case 'seed': o.seed = parseUint(flag, value, 0, UINT32_MAX); break;
    case 'workers': o.workers = parseUint(flag, value, 1, 1024); break;
    case 'set': o.sets.push(parseSetArg(value)); break;
    case 'sweep': o.sweep.push(parseSweepArg(value)); break;
    case 'shard': o.shard = parseShard(value); break;
    case 'format': o.format = oneOf(flag, value, FORMATS); break;
    case 'out': o.out = nonEmpty(flag, value); break;
    case 'calibration': o.calibration = nonEmpty(flag, value); break;
    case 'priors': o.priors = nonEmpty(flag, value); break;
    case 'multiplier': o.multiplier = oneOf(flag, value, ['odds', 'risk'] as const); break;
    case 'strategy': o.strategy = nonEmpty(flag, value); break;
    case 'actions': o.actions = nonEmpty(flag, value); break;
    case 'a': o.a = value; break;
  }
}
