/**
 * Parses the argv of `sim` into a typed options object (src/cli/flags.ts: `--seed 7` or
 * `--seed=7`, `--set=key=value`; `--set` may repeat).
 * Parsing only checks shapes; parameter names and values are checked by the sim's schema.
 */
import { parseSetArg } from '../scenarios/index';
import { CliError } from './errors';
import { parseFlags, type FlagTable } from './flags';

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
  /** Run even when the estimate is past what the machine has. */
  force?: boolean;
}

export const DEFAULT_SEED = 1;
export const UINT32_MAX = 4294967295;

/** Every flag of `sim`: parsed and shown in --help from this one table. */
export const SIM_FLAGS: FlagTable = [
  { name: 'scenario', value: 'id|file.json', help: 'Preset id (below), a scenario JSON file or - (standard input); a relative path is taken from the directory you ran npm in.' },
  { name: 'seed', value: 'uint32', help: `Random seed, an integer 0..4294967295 (default ${DEFAULT_SEED}); the same scenario, parameters and seed give the same run.` },
  { name: 'ticks', value: 'N', help: 'Run exactly N ticks (the outcome stays as first decided). Without it the run stops when the outcome is decided or at the horizon.' },
  { name: 'every', value: 'N', help: 'Keep a series row at tick 0, every N ticks and at the final tick (default 1).' },
  { name: 'set', value: 'key=value', repeatable: true, help: 'Override one parameter (repeatable); lists are comma-separated, booleans true|false. See --list-params.' },
  { name: 'format', value: 'summary|json|csv', help: 'summary: readable text (default); json: one object with the report and the series; csv: the series, one row per kept tick.' },
  { name: 'out', value: 'file', help: 'Write the output to this file instead of standard output (its folder must exist); a file is replaced only once complete.' },
  { name: 'strategy', value: 'scenario|none|name', help: "What the movement does: the scenario's own strategy (default), nothing but the actions given, or one of the scenario's named strategies." },
  { name: 'a', value: '<tick>.<tactic>,...', help: "Movement actions in the link syntax (e.g. --a 12.symbols,40.strike), after the strategy's within a tick." },
  { name: 'actions', value: 'file.json', help: 'Movement actions from a file: a JSON array of {"tick": N, "tactic": "<id>"} (before --a\'s).' },
  { name: 'calibration', value: 'file|none', help: 'The calibration layer: calibrated values of mechanism parameters, below the scenario and --set (default: the built-in src/scenarios/calibration.json); none leaves it out.' },
  { name: 'events', help: 'With --format json, include the event log (defections, tactics, regime moves) as "events".' },
  { name: 'force', help: 'Run a world whose estimated memory or time is past what this machine has (more than its memory, or over 24 hours); the estimate is printed either way.' },
  { name: 'list-params', help: 'Print every parameter: key, kind, type, group, default, range, unit and meaning (as JSON with --format json); with --scenario (and --calibration, --set) also the value a run would use and its origin (default|calibration|scenario|set).' },
  { name: 'help', short: 'h', help: 'Print this help.' },
];

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
    format: 'summary', out: null, calibration: null, actions: null, a: null, strategy: 'scenario', events: false, force: false };
}

export function parseArgs(argv: readonly string[]): CliOptions {
  const o = defaultOptions();
  for (const { name, value } of parseFlags(argv, SIM_FLAGS).flags) apply(o, name, value);
  if (!o.help && !o.listParams && o.scenario === null) throw new CliError('missing --scenario <id or path.json> (see --help)');
  return o;
}

/** A value flag's text, refusing an empty or blank one. */
export function nonEmpty(flag: string, value: string): string {
  if (value.trim() === '') throw new CliError(`${flag} needs a non-empty value`);
  return value;
}

/** One of `choices`, or a CliError listing them. */
export function oneOf<T extends string>(flag: string, value: string, choices: readonly T[]): T {
  if (!(choices as readonly string[]).includes(value)) throw new CliError(`${flag} expects ${choices.join('|')}, got '${value}'`);
  return value as T;
}

function apply(o: CliOptions, name: string, given: string | true): void {
  const flag = `--${name}`, value = given === true ? '' : given;
  switch (name) {
    case 'help': o.help = true; break;
    case 'list-params': o.listParams = true; break;
    case 'events': o.events = true; break;
    case 'force': o.force = true; break;
    case 'scenario': o.scenario = nonEmpty(flag, value); break;
    case 'seed': o.seed = parseUint(flag, value, 0, UINT32_MAX); break;
    case 'ticks': o.ticks = parseUint(flag, value, 0, 100_000_000); break;
    case 'every': o.every = parseUint(flag, value, 1, 100_000_000); break;
    case 'set': o.sets.push(parseSetArg(value)); break;
    case 'format': o.format = oneOf(flag, value, FORMATS); break;
    case 'out': o.out = nonEmpty(flag, value); break;
    case 'calibration': o.calibration = nonEmpty(flag, value); break;
    case 'actions': o.actions = nonEmpty(flag, value); break;
    case 'a': o.a = value; break;
    case 'strategy': o.strategy = nonEmpty(flag, value); break;
  }
}
