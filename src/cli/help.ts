/** The --help text and the --list-params table, both generated from data (flags, presets, schema). */
import { PARAM_KEYS, PARAM_SPECS, type ParamSpec } from '../sim/index';
import { getPreset, PRESET_IDS } from '../scenarios/index';
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
    'Usage: npm run --silent sim -- --scenario <id or path.json> [--seed <uint32>] [--ticks N] [--every N]',
    '                               [--set key=value ...] [--format summary|json|csv] [--out FILE]',
    '       npm run --silent sim -- --list-params [--format json]',
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

export function paramsTable(): string {
  const rows = [['key', 'type', 'group', 'default', 'range', 'unit', 'help']];
  for (const k of PARAM_KEYS) {
    const s = PARAM_SPECS[k] as ParamSpec;
    const unit = s.type === 'number' || s.type === 'integer' || s.type === 'list' ? s.unit ?? '' : '';
    rows.push([k, s.type + (s.structural ? '*' : ''), s.group, showDefault(s), showRange(s), unit, s.help]);
  }
  return [...table(rows), '', '* structural: fixes the map or array sizes; scheduled events cannot change it.', ''].join('\n');
}

export function paramsJson(): string {
  return JSON.stringify(PARAM_KEYS.map((key) => ({ key, ...(PARAM_SPECS[key] as ParamSpec) })), null, 2) + '\n';
}
