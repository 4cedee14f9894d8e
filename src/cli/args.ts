/**
 * Parses the argv of `sim` into a typed options object. Flags take their value as the next
 * argument (`--seed 7`) or after '=' (`--seed=7`, `--set=key=value`); `--set` may repeat.
 * Parsing only checks shapes; parameter names and values are checked by the sim's schema.
 */
import { parseSetArg } from '../scenarios/index';
import { CliError } from './errors';

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
  events: boolean;
}

export const DEFAULT_SEED = 1;
const UINT32_MAX = 4294967295;

/** Flags that take a value, and what each accepts (shown in errors). */
const VALUE_FLAGS = ['--scenario', '--seed', '--ticks', '--every', '--set', '--format', '--out', '--calibration', '--actions'] as const;
const SWITCHES = ['--help', '-h', '--list-params', '--events'] as const;
type ValueFlag = (typeof VALUE_FLAGS)[number];

const isValueFlag = (f: string): f is ValueFlag => (VALUE_FLAGS as readonly string[]).includes(f);

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
    format: 'summary', out: null, calibration: null, actions: null, events: false };
}

export function parseArgs(argv: readonly string[]): CliOptions {
  const o = defaultOptions();
  const seen = new Set<string>();
  for (let k = 0; k < argv.length; k++) {
    const arg = argv[k];
    if (!arg.startsWith('-')) throw new CliError(`unexpected argument '${arg}' (flags start with --; see --help)`);
    const eq = arg.indexOf('=');
    const flag = eq > 0 ? arg.slice(0, eq) : arg;
    if ((SWITCHES as readonly string[]).includes(flag)) {
      if (eq > 0) throw new CliError(`${flag} takes no value`);
      if (flag === '--help' || flag === '-h') o.help = true;
      else if (flag === '--list-params') o.listParams = true;
      else o.events = true;
      continue;
    }
    if (!isValueFlag(flag)) throw new CliError(`unknown flag '${flag}' (see --help)`);
    let value: string;
    if (eq > 0) value = arg.slice(eq + 1);
    else {
      // A following flag is not a value: `--out --seed 3` means the value was forgotten.
      const next = argv[k + 1];
      if (next === undefined || (next.startsWith('--') && next.length > 2)) throw new CliError(`${flag} needs a value (see --help)`);
      value = next;
      k++;
    }
    if (flag !== '--set') {
      if (seen.has(flag)) throw new CliError(`${flag} given more than once`);
      seen.add(flag);
    }
    apply(o, flag, value);
  }
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
  }
}
