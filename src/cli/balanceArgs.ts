/**
 * Flags of `npm run balance` and `npm run sensitivity` (src/cli/flags.ts: one table each, the
 * same table gives --help). Only shapes are checked here; presets, lessons and keys when loaded.
 */
import { DEFAULT_SEED, nonEmpty, parseUint, UINT32_MAX } from './args';
import { CliError } from './errors';
import { flagColumns, parseFlags, type FlagTable } from './flags';

export const DEFAULT_PRESETS = ['classroom-discipline', 'classroom-unmasking', 'minsk-2020'] as const;
/** Seeds per preset by policy family (docs/balance.md): classroom 40, history (minsk-2020) 20. */
export const DEFAULT_SEEDS = { classroom: 40, history: 20 } as const;
/** The sensitivity report's defaults: the reduced policy set on fewer seeds. */
export const SENSITIVITY_SEEDS = { classroom: 6, history: 4 } as const;

export interface BalanceOptions {
  help: boolean;
  presets: string[];
  /** null: the family's default. */
  seeds: number | null;
  seed: number;
  workers: number | null;
  json: boolean;
  strict: boolean;
  allSeeds: boolean;
  despiteMechanism: boolean;
  dryRun: boolean;
  lessons: string | null;
  calibration: string | null;
}

const common = (what: string): FlagTable => [
  { name: 'preset', value: 'id|file.json', repeatable: true, help: `A scenario to ${what} (repeatable; default: ${DEFAULT_PRESETS.join(', ')}); a relative path is taken from the directory you ran npm in.` },
  { name: 'seed', value: 'uint32', help: `Report seed S (default ${DEFAULT_SEED}): run r of every policy uses the seed runSeed(S, r) (common random numbers).` },
  { name: 'workers', value: 'K', help: 'Worker threads (default: one per core; 1 runs in the main thread). The figures do not depend on it.' },
  { name: 'json', help: 'Print exactly one JSON object on standard output (progress stays on standard error).' },
  { name: 'lessons', value: 'file.json', help: 'The lessons file (default: src/scenarios/lessons.json).' },
  { name: 'calibration', value: 'file|none', help: 'The calibration layer, as for sim (default: src/scenarios/calibration.json).' },
  { name: 'dry-run', help: 'Print the policies, the run count and a time estimate (from one timed run per preset), then stop.' },
];

export const BALANCE_FLAGS: FlagTable = [
  ...common('report on'),
  { name: 'despite-mechanism', help: 'Run the report even when a preset sets a mechanism parameter (it says so at the top; the exit code stays 3).' },
  { name: 'seeds', value: 'N', help: `Seeds per preset, N (default ${DEFAULT_SEEDS.classroom} for classroom presets, ${DEFAULT_SEEDS.history} for minsk-2020). Pairs and once:<t> run ceil(N/2), the once:<t>@<day> screening ceil(N/4), unless --all-seeds.` },
  { name: 'all-seeds', help: 'Run every policy on all N seeds (no half or screening tiers; about twice the runs).' },
  { name: 'strict', help: 'Exit 1 when a lesson fails (default: 0, it is a report).' },
  { name: 'help', short: 'h', help: 'Print this help.' },
];

export const balanceHelp = (): string => [
  'Breaking Ranks: the balance report. Every policy (doing nothing, each tactic alone, pairs, the rotation, the',
  "scenario's strategies and variations of the briefing's) runs with --strategy none on common random numbers;",
  'the report prints success with its Wilson 95% interval, the median tipping day and the mean defected share per',
  'policy, each tactic\'s paired effect on its own quantity, and every lesson of the lessons file as PASS or FAIL',
  '(docs/balance.md). A report, not a test: exit 0 whatever the lessons say (1 with --strict when one fails),',
  '2 for a mistake in the call, 3 when a preset sets a mechanism parameter.',
  '',
  'Usage: npm run --silent balance -- [--preset id ...] [--seeds N] [--seed S] [--json] [--workers K]',
  '',
  'Flags:',
  ...flagColumns(BALANCE_FLAGS),
  '',
].join('\n');

export function parseBalanceArgs(argv: readonly string[]): BalanceOptions {
  const o: BalanceOptions = { help: false, presets: [], seeds: null, seed: DEFAULT_SEED, workers: null, json: false, strict: false,
    allSeeds: false, despiteMechanism: false, dryRun: false, lessons: null, calibration: null };
  for (const { name, value } of parseFlags(argv, BALANCE_FLAGS).flags) {
    const flag = `--${name}`, v = value === true ? '' : value;
    switch (name) {
      case 'help': o.help = true; break;
      case 'preset': o.presets.push(nonEmpty(flag, v)); break;
      case 'seeds': o.seeds = parseUint(flag, v, 1, 100_000); break;
      case 'seed': o.seed = parseUint(flag, v, 0, UINT32_MAX); break;
      case 'workers': o.workers = parseUint(flag, v, 1, 1024); break;
      case 'json': o.json = true; break;
      case 'strict': o.strict = true; break;
      case 'all-seeds': o.allSeeds = true; break;
      case 'despite-mechanism': o.despiteMechanism = true; break;
      case 'dry-run': o.dryRun = true; break;
      case 'lessons': o.lessons = nonEmpty(flag, v); break;
      case 'calibration': o.calibration = nonEmpty(flag, v); break;
    }
  }
  if (o.presets.length === 0) o.presets = [...DEFAULT_PRESETS];
  return o;
}

export interface SensitivityOptions extends Omit<BalanceOptions, 'strict' | 'allSeeds' | 'despiteMechanism'> {
  /** Seeds of the history family (minsk-2020's history policy); null: the default. */
  historySeeds: number | null;
  /** null: every mechanism key. */
  keys: string[] | null;
  /** The balance report's policies and seeds instead of the reduced set. */
  full: boolean;
  /** Runs of the campaigns ensemble per variant for the research figures (0: none). */
  campaignRuns: number;
}

/** The research figures' ensemble per variant: enough for the odds ratio within about ×2.5 at the targets. */
export const SENSITIVITY_CAMPAIGN_RUNS = 1000;

export const SENSITIVITY_FLAGS: FlagTable = [
  ...common('vary'),
  { name: 'keys', value: 'k1,k2,...', help: 'Only these mechanism parameters (default: every number, integer and boolean mechanism parameter that is not structural).' },
  { name: 'seeds', value: 'N', help: `Seeds per classroom preset (default ${SENSITIVITY_SEEDS.classroom}; with --full ${DEFAULT_SEEDS.classroom}).` },
  { name: 'history-seeds', value: 'N', help: `Seeds of minsk-2020's history policy (default ${SENSITIVITY_SEEDS.history}; with --full ${DEFAULT_SEEDS.history}).` },
  { name: 'full', help: "Use the balance report's policies and seeds for every variant (far more runs)." },
  { name: 'campaign-runs', value: 'N', help: `Runs of the campaigns ensemble per variant for the three research figures (success, P(defection | success), odds ratio; default ${SENSITIVITY_CAMPAIGN_RUNS}; 0 = none).` },
  { name: 'help', short: 'h', help: 'Print this help.' },
];

export const sensitivityHelp = (): string => [
  'Breaking Ranks: the sensitivity report. Each mechanism parameter (kind mechanism, number or integer, not',
  'structural) at x0.8 and x1.2 of the value a run would otherwise use (a --set on top of the calibrated or',
  'scenario value; a variant outside the range is skipped and named), and each boolean mechanism switch flipped,',
  'on common random numbers: which lessons flip against the baseline, and minsk-2020\'s outcome shares and',
  'historical figures, and the three research figures on the campaigns ensemble (docs/research.md). Default: nothing, best and each tactic alone on the classroom presets,',
  'minsk-2020\'s history policy, on few seeds. A preset that sets a mechanism parameter is named on stderr (the',
  'variant then scales the preset\'s value). Exit 0, or 2 for a mistake in the call.',
  '',
  'Usage: npm run --silent sensitivity -- [--preset id ...] [--seeds N] [--keys k1,k2] [--json]',
  '',
  'Flags:',
  ...flagColumns(SENSITIVITY_FLAGS),
  '',
].join('\n');

export function parseSensitivityArgs(argv: readonly string[]): SensitivityOptions {
  const o: SensitivityOptions = { help: false, presets: [], seeds: null, historySeeds: null, seed: DEFAULT_SEED, workers: null, json: false,
    dryRun: false, lessons: null, calibration: null, keys: null, full: false, campaignRuns: SENSITIVITY_CAMPAIGN_RUNS };
  for (const { name, value } of parseFlags(argv, SENSITIVITY_FLAGS).flags) {
    const flag = `--${name}`, v = value === true ? '' : value;
    switch (name) {
      case 'help': o.help = true; break;
      case 'preset': o.presets.push(nonEmpty(flag, v)); break;
      case 'seeds': o.seeds = parseUint(flag, v, 1, 100_000); break;
      case 'history-seeds': o.historySeeds = parseUint(flag, v, 1, 100_000); break;
      case 'seed': o.seed = parseUint(flag, v, 0, UINT32_MAX); break;
      case 'workers': o.workers = parseUint(flag, v, 1, 1024); break;
      case 'json': o.json = true; break;
      case 'full': o.full = true; break;
      case 'campaign-runs': o.campaignRuns = parseUint(flag, v, 0, 10_000_000); break;
      case 'dry-run': o.dryRun = true; break;
      case 'lessons': o.lessons = nonEmpty(flag, v); break;
      case 'calibration': o.calibration = nonEmpty(flag, v); break;
      case 'keys': {
        const keys = nonEmpty(flag, v).split(',').map((k) => k.trim());
        if (keys.some((k) => k === '')) throw new CliError(`--keys expects k1,k2,... without empty names, got '${v}'`);
        o.keys = keys;
        break;
      }
    }
  }
  if (o.presets.length === 0) o.presets = [...DEFAULT_PRESETS];
  return o;
}
