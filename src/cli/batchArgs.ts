/**
 * Parses the argv of `batch` (same conventions as `sim`: `--flag value` or `--flag=value`;
 * --set and --sweep repeat). Only shapes are checked here; parameter names and values are
 * checked against the schema when the plan is built.
 */
import { parseSetArg } from '../scenarios/index';
import { parseSweepArg, type RatioKind, type SweepAxis } from '../batch/index';
import { DEFAULT_SEED, FORMATS, parseUint, type Format } from './args';
import { CliError } from './errors';
import { scanFlags } from './flags';

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
  /** As sim's: the strategy, an actions file and actions in the link syntax. */
  strategy: string;
  actions: string | null;
  a: string | null;
}

const VALUE_FLAGS = ['--scenario', '--runs', '--seed', '--workers', '--set', '--sweep', '--shard', '--format', '--out',
  '--calibration', '--priors', '--multiplier', '--strategy', '--actions', '--a'] as const;
type ValueFlag = (typeof VALUE_FLAGS)[number];
const UINT32_MAX = 4294967295;

export function parseShard(text: string): { index: number; count: number } {
  const m = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(text);
  const index = m ? Number(m[1]) : NaN, count = m ? Number(m[2]) : NaN;
  if (!m || !(count >= 1 && count <= 1_000_000) || !(index >= 1 && index <= count))
    throw new CliError(`--shard expects i/n with 1 <= i <= n (e.g. 2/8), got '${text}'`);
  return { index, count };
}

export function parseBatchArgs(argv: readonly string[]): BatchOptions {
  const o: BatchOptions = { help: false, scenario: null, runs: null, seed: DEFAULT_SEED, workers: null, sets: [], sweep: [],
    shard: null, format: 'summary', out: null, calibration: null, priors: null, multiplier: 'odds', strategy: 'scenario', actions: null, a: null };
  scanFlags(argv, { switches: ['--help', '-h'], values: VALUE_FLAGS, repeatable: ['--set', '--sweep'] },
    () => { o.help = true; }, (flag, value) => apply(o, flag as ValueFlag, value));
  if (o.help) return o;
  if (o.scenario === null) throw new CliError('missing --scenario <id, campaigns or path.json> (see --help)');
  if (o.runs === null) throw new CliError('missing --runs <N> (runs per sweep point; see --help)');
  return o;
}

function apply(o: BatchOptions, flag: ValueFlag, value: string): void {
  const nonEmpty = (): string => {
    if (value.trim() === '') throw new CliError(`${flag} needs a non-empty value`);
    return value;
  };
  switch (flag) {
    case '--scenario': o.scenario = nonEmpty(); break;
    case '--runs': o.runs = parseUint(flag, value, 1, 10_000_000); break;
    case '--seed': o.seed = parseUint(flag, value, 0, UINT32_MAX); break;
    case '--workers': o.workers = parseUint(flag, value, 1, 1024); break;
    case '--set': o.sets.push(parseSetArg(value)); break;
    case '--sweep': o.sweep.push(parseSweepArg(value)); break;
    case '--shard': o.shard = parseShard(value); break;
    case '--format':
      if (!(FORMATS as readonly string[]).includes(value)) throw new CliError(`--format expects ${FORMATS.join('|')}, got '${value}'`);
      o.format = value as Format;
      break;
    case '--out': o.out = nonEmpty(); break;
    case '--calibration': o.calibration = nonEmpty(); break;
    case '--priors': o.priors = nonEmpty(); break;
    case '--multiplier':
      if (value !== 'odds' && value !== 'risk') throw new CliError(`--multiplier expects odds|risk, got '${value}'`);
      o.multiplier = value;
      break;
    case '--strategy': o.strategy = nonEmpty(); break;
    case '--actions': o.actions = nonEmpty(); break;
    case '--a': o.a = value; break;
  }
}
