/** The --help text and the --list-params table, both generated from data (flags, presets, schema). */
import { PARAM_KEYS, PARAM_SPECS, type ParamSpec, type ParamValue } from '../sim/index';
import { getPreset, PRESET_IDS, type Origin } from '../scenarios/index';
import { SIM_FLAGS } from './args';
import { flagBlock } from './flags';
import { table } from './format';

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
    ...flagBlock(SIM_FLAGS),
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
