/**
 * Parses the argv of `sim` into a typed options object. Flags take their value as the next
 * argument (`--seed 7`) or after '=' (`--seed=7`, `--set=key=value`); `--set` may repeat.
 * Parsing only checks shapes; parameter names and values are checked by the sim's schema.
 */
import { parseSetArg } from '../scenarios/index';
import { CliError } from './errors';
import { scanFlags } from './flags';

export const FORMATS = ['summary', 'json', 'csv'] as const;
export type Format = (typeof FORMATS)[number];

export interface CliOptions {
  help: boolean;
  listParams: boolean;
  /** Preset id or path to a scenario JSON file; null only with --help or --list-params. */
  scenario: string | null;
  seed: number;
  /** Exact number of ticks to run; null = until the outcome is decided (or the horizon). */
  ticks: number | null;
  every: number;
  sets: Array<[string, string]>;
  format: Format;
  out: string | null;
  /** null = the built-in calibration; 'none' = no calibration; otherwise a file path. */
  calibration: string | null;
  actions: string | null;
  /** Actions in the link syntax, `<tick>.<tactic>,...` (--a). */
  a: string | null;
  /** 'scenario' (default), 'none' or a named strategy of the scenario. */
  strategy: string;
  events: boolean;
}

export const DEFAULT_SEED = 1;
const UINT32_MAX = 4294967295;

/** Flags that take a value, and what each accepts (shown in errors). */
const VALUE_FLAGS = ['--scenario', '--seed', '--ticks', '--every', '--set', '--format', '--out', '--calibration', '--actions', '--a', '--strategy'] as const;
const SWITCHES = ['--help', '-h', '--list-params', '--events'] as const;
type ValueFlag = (typeof VALUE_FLAGS)[number];

/** A non-negative decimal integer no larger than max; rejects '1e3', '0x10', '-1', '2.5'. */
export function parseUint(flag: string, text: string, min: number, max: number): number {
  const t = text.trim();
  const n = /^\d+$/.test(t) ? Number(t) : NaN;
  if (!Number.isSafeInteger(n) || n < min || n > max)
    throw new CliError(`${flag} expects an integer from ${min} to ${max}, got '${text}'`);
  return n;
}

export function defaultOptions(): CliOptions {
  return { help: false, listParams: false, scenario: null, seed: DEFAULT_SEED, ticks: null, every: 1, sets: [],
    format: 'summary', out: null, calibration: null, actions: null, a: null, strategy: 'scenario', events: false };
}

export function parseArgs(argv: readonly string[]): CliOptions {
  const o = defaultOptions();
  scanFlags(argv, { switches: SWITCHES, values: VALUE_FLAGS, repeatable: ['--set'] }, (flag) => {
    if (flag === '--help' || flag === '-h') o.help = true;
    else if (flag === '--list-params') o.listParams = true;
    else o.events = true;
  }, (flag, value) => apply(o, flag as ValueFlag, value));
  if (!o.help && !o.listParams && o.scenario === null) throw new CliError('missing --scenario <id or path.json> (see --help)');
  return o;
}

function apply(o: CliOptions, flag: ValueFlag, value: string): void {
  const nonEmpty = (): string => {
    if (value.trim() === '') throw new CliError(`${flag} needs a non-empty value`);
    return value;
  };
  switch (flag) {
    case '--scenario': o.scenario = nonEmpty(); break;
    case '--seed': o.seed = parseUint(flag, value, 0, UINT32_MAX); break;
    case '--ticks': o.ticks = parseUint(flag, value, 0, 100_000_000); break;
    case '--every': o.every = parseUint(flag, value, 1, 100_000_000); break;
    case '--set': o.sets.push(parseSetArg(value)); break;
    case '--format':
      if (!(FORMATS as readonly string[]).includes(value)) throw new CliError(`--format expects ${FORMATS.join('|')}, got '${value}'`);
      o.format = value as Format;
      break;
    case '--out': o.out = nonEmpty(); break;
    case '--calibration': o.calibration = nonEmpty(); break;
    case '--actions': o.actions = nonEmpty(); break;
    case '--a': o.a = value; break;
    case '--strategy': o.strategy = nonEmpty(); break;
  }
}
