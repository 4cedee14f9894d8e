/** The --help text and the --list-params table, both generated from data (flags, presets, schema). */
import { PARAM_KEYS, PARAM_SPECS, type ParamSpec, type ParamValue } from '../sim/index';
import { getPreset, PRESET_IDS, type Origin } from '../scenarios/index';
import { DEFAULT_SEED } from './args';
import { table } from './format';

const FLAGS: Array<[string, string]> = [
  ['--scenario <id|file.json>', 'Preset id (below) or a scenario JSON file; a relative path is taken from the directory you ran npm in.'],
  ['--seed <uint32>', `Random seed, an integer 0..4294967295 (default ${DEFAULT_SEED}); the same scenario, parameters and seed give the same run.`],
  ['--ticks <N>', 'Run exactly N ticks (the outcome stays as first decided). Without it the run stops when the outcome is decided or at the horizon.'],
  ['--every <N>', 'Keep a series row at tick 0, every N ticks and at the final tick (default 1).'],
  ['--set <key=value>', 'Override one parameter (repeatable); lists are comma-separated, booleans true|false. See --list-params.'],
  ['--format <summary|json|csv>', 'summary: readable text (default); json: one object with the report and the series; csv: the series, one row per kept tick.'],
  ['--out <file>', 'Write the output to this file instead of standard output (its folder must exist).'],
  ['--strategy <scenario|none|name>', "What the movement does: the scenario's own strategy (default), nothing but the actions given, or one of the scenario's named strategies."],
  ['--a <tick>.<tactic>,...', 'Movement actions in the link syntax (e.g. --a 12.symbols,40.strike), applied after the strategy\'s within a tick.'],
  ['--actions <file.json>', 'Movement actions from a file: a JSON array of {"tick": N, "tactic": "<id>"} (before --a\'s).'],
  ['--calibration <file|none>', 'The calibration layer: calibrated values of mechanism parameters, below the scenario and --set (default: the built-in src/scenarios/calibration.json); none leaves it out.'],
  ['--events', 'With --format json, include the event log (defections, tactics, regime moves) as "events".'],
  ['--list-params', 'Print every parameter: key, kind, type, group, default, range, unit and meaning (as JSON with --format json); with --scenario (and --calibration, --set) also the value a run would use and its origin (default|calibration|scenario|set).'],
  ['--help, -h', 'Print this help.'],
];

export function helpText(): string {
  const presets = PRESET_IDS.map((id) => {
    let title = '';
    try { title = getPreset(id).title; } catch { title = '(fails validation)'; }
    return [id, title];
  });
  return [
    'Breaking Ranks: run one simulation from the command line.',
    '',
    'Usage: npm run --silent sim -- --scenario <id or path.json> [--seed <uint32>] [--strategy scenario|none|<name>]',
    '                               [--a <tick>.<tactic>,...] [--ticks N] [--every N] [--set key=value ...]',
    '                               [--format summary|json|csv] [--out FILE]',
    '       npm run --silent sim -- --list-params [--scenario X [--calibration F] [--set k=v ...]] [--format json]',
    '',
    'Flags (a value may also follow "=", as in --set=legitimacy=0.5):',
    ...FLAGS.flatMap(([f, h]) => [`  ${f}`, `      ${h}`]),
    '',
    'Presets:',
    ...table(presets, '  '),
    '',
    'Errors print one line on standard error and exit with code 2 (1 for an unexpected failure).',
    '',
  ].join('\n');
}

function showDefault(s: ParamSpec): string {
  const d = s.type === 'list' ? (s.default.length === 0 ? '[]' : s.default.join(',')) : String(s.default);
  return d.length > 24 ? `${d.slice(0, 21)}...` : d;
}

function showRange(s: ParamSpec): string {
  if (s.type === 'boolean') return 'true|false';
  if (s.type === 'enum') return s.options.join('|');
  return `${s.min}..${s.max}`;
}

/** What a run would use: each parameter's tick-0 value and the layer it came from. */
export interface ParamValues { params: Record<string, ParamValue>; origin: Record<string, Origin> }

const showValue = (v: ParamValue): string => {
  const d = Array.isArray(v) ? (v.length === 0 ? '[]' : v.join(',')) : String(v);
  return d.length > 24 ? `${d.slice(0, 21)}...` : d;
};

export function paramsTable(values: ParamValues | null = null): string {
  const head = ['key', 'kind', 'type', 'group', 'default', 'range', 'unit', ...(values ? ['value', 'origin'] : []), 'help'];
  const rows = [head];
  for (const k of PARAM_KEYS) {
    const s = PARAM_SPECS[k] as ParamSpec;
    const unit = s.type === 'number' || s.type === 'integer' || s.type === 'list' ? s.unit ?? '' : '';
    const extra = values ? [showValue(values.params[k]), values.origin[k]] : [];
    rows.push([k, s.kind, s.type + (s.structural ? '*' : ''), s.group, showDefault(s), showRange(s), unit, ...extra, s.help]);
  }
  return [...table(rows), '', '* structural: fixes the map or array sizes; scheduled events cannot change it.',
    'kind: mechanism (how strongly people respond: the same in every scenario), situation (the place and time), measurement (research definitions).',
    ...(values ? ['origin: the layer the value comes from (defaults < calibration < scenario < --set); events may change it later in a run.'] : []), ''].join('\n');
}

export function paramsJson(values: ParamValues | null = null): string {
  return JSON.stringify(PARAM_KEYS.map((key) => ({
    key, ...(PARAM_SPECS[key] as ParamSpec), ...(values ? { value: values.params[key], origin: values.origin[key] } : {}),
  })), null, 2) + '\n';
}
