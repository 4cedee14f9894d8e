/** The --help text of `batch` and `merge`. */
import { CAMPAIGNS_FILE } from '../batch/index';
import { PRESET_IDS } from '../scenarios/index';
import { DEFAULT_SEED } from './args';

const FLAGS: Array<[string, string]> = [
  ['--scenario <id|campaigns|file.json>', `A preset (${PRESET_IDS.join(', ')}), a scenario JSON file, or campaigns: a generic city whose parameters every run draws from documented priors (${CAMPAIGNS_FILE}, docs/research.md).`],
  ['--runs <N>', 'Runs per sweep point.'],
  ['--seed <uint32>', `Batch seed (default ${DEFAULT_SEED}). Run r's seed is a hash of (seed, r), the same at every sweep point.`],
  ['--workers <K>', 'Worker threads (default: one per core; 1 runs in the main thread). Rows do not depend on it.'],
  ['--set <key=value>', 'Override a parameter in every run (repeatable); it also fixes a sampled one.'],
  ['--sweep <key=from:to:step>', 'Vary a number or integer parameter over a grid (repeatable: the cartesian product).'],
  ['--shard <i/n>', 'Run only the i-th of n disjoint slices (runs with index mod n = i-1); merge the JSON outputs with npm run merge.'],
  ['--format <summary|json|csv>', 'summary: the research figures beside the targets (default); json: {batch, rows, stats}; csv: the rows.'],
  ['--out <file>', 'Write to this file instead of standard output (its folder must exist).'],
  ['--multiplier <odds|risk>', 'How the success multiplier is computed: the 2x2 odds ratio (default) or the risk ratio.'],
  ['--calibration <file|none>', 'Calibration coefficients, as for sim (default: src/scenarios/calibration.json).'],
  ['--priors <file|none>', 'Parameter priors to sample per run (default: the campaigns priors for campaigns, none otherwise).'],
  ['--help, -h', 'Print this help.'],
];

export function batchHelp(): string {
  return [
    'Breaking Ranks: run an ensemble of simulations and compute the research statistics.',
    '',
    'Usage: npm run --silent batch -- --scenario <id|campaigns|file.json> --runs N [--seed S] [--workers K]',
    '         [--set key=value ...] [--sweep key=from:to:step ...] [--shard i/n] [--format summary|json|csv] [--out FILE]',
    '       npm run --silent merge -- shard1.json shard2.json ... [--format summary|json|csv] [--out FILE]',
    '',
    'Flags:',
    ...FLAGS.flatMap(([f, h]) => [`  ${f}`, `      ${h}`]),
    '',
    'Each row replays with: npm run sim -- --scenario <scenario> --seed <row seed> --set <each parameter column>=<value>',
    'Errors print one line on standard error and exit with code 2 (1 for an unexpected failure).',
    '',
  ].join('\n');
}
