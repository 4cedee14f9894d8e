/**
 * Parses the argv of `calibrate` (same conventions as `batch`: `--flag value` or `--flag=value`).
 * The targets default to the schema's research targets (docs/research.md section 1).
 */
import type { RatioKind, Targets } from '../batch/index';
import { PARAM_SPECS } from '../sim/index';
import { DEFAULT_SEED, parseUint } from './args';
import { CliError } from './errors';
import { scanFlags } from './flags';

export interface CalibrateOptions {
  help: boolean;
  targets: Targets;
  /** Runs of the final ensemble (the criterion is judged on it). */
  runs: number;
  seed: number;
  /** null = one per core. */
  workers: number | null;
  /** null = the built-in calibration file (src/scenarios/calibration.json). */
  out: string | null;
  /** Where the search starts: null = the built-in calibration, 'none' = identity, or a file. */
  from: string | null;
  dryRun: boolean;
}

/** Enough for the odds ratio's interval at the default targets (about 3,300 nonviolent runs). */
export const DEFAULT_CALIBRATE_RUNS = 4000;

const VALUE_FLAGS = ['--target-success', '--target-share', '--target-multiplier', '--kind', '--runs', '--seed', '--workers', '--out', '--from'] as const;
type ValueFlag = (typeof VALUE_FLAGS)[number];
const UINT32_MAX = 4294967295;

/** A plain decimal number (no hex, no Infinity): '0.53', '46', '1e2'. */
function parseNumber(flag: string, text: string, ok: (v: number) => boolean, want: string): number {
  const t = text.trim();
  const v = /^[+]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(t) ? Number(t) : NaN;
  if (!Number.isFinite(v) || !ok(v)) throw new CliError(`${flag} expects ${want}, got '${text}'`);
  return v;
}

export function parseCalibrateArgs(argv: readonly string[]): CalibrateOptions {
  const o: CalibrateOptions = {
    help: false, runs: DEFAULT_CALIBRATE_RUNS, seed: DEFAULT_SEED, workers: null, out: null, from: null, dryRun: false,
    targets: { successRate: PARAM_SPECS.targetSuccessRate.default, defectionShareInSuccesses: PARAM_SPECS.targetDefectionShareInSuccesses.default,
      successMultiplier: PARAM_SPECS.targetSuccessMultiplier.default, kind: 'odds' },
  };
  scanFlags(argv, { switches: ['--help', '-h', '--dry-run'], values: VALUE_FLAGS },
    (flag) => { if (flag === '--dry-run') o.dryRun = true; else o.help = true; },
    (flag, value) => apply(o, flag as ValueFlag, value));
  return o;
}

const fraction = (v: number) => v > 0 && v < 1;

function apply(o: CalibrateOptions, flag: ValueFlag, value: string): void {
  switch (flag) {
    case '--target-success': o.targets.successRate = parseNumber(flag, value, fraction, 'a share strictly between 0 and 1'); break;
    case '--target-share': o.targets.defectionShareInSuccesses = parseNumber(flag, value, fraction, 'a share strictly between 0 and 1'); break;
    case '--target-multiplier': o.targets.successMultiplier = parseNumber(flag, value, (v) => v > 0 && v <= 1e6, 'a positive number'); break;
    case '--kind':
      if (value !== 'odds' && value !== 'risk') throw new CliError(`--kind expects odds|risk, got '${value}'`);
      o.targets.kind = value as RatioKind;
      break;
    case '--runs': o.runs = parseUint(flag, value, 50, 1_000_000); break;
    case '--seed': o.seed = parseUint(flag, value, 0, UINT32_MAX); break;
    case '--workers': o.workers = parseUint(flag, value, 1, 1024); break;
    case '--out':
    case '--from':
      if (value.trim() === '') throw new CliError(`${flag} needs a non-empty value`);
      if (flag === '--out') o.out = value; else o.from = value;
      break;
  }
}

export function calibrateHelp(): string {
  return `npm run --silent calibrate -- [options]

Fits the calibrated values of a few mechanism parameters (docs/research.md section 5) on the
campaigns ensemble until the criterion holds: every target inside its 95% interval and the
multiplier's interval no wider than a factor of 2. Shows its progress on stderr, prints the fitted
values and the statistics, and writes the calibration file (a layer of values, below scenarios and
--set) that the game and the CLI load by default.

  --target-success X     success rate of nonviolent campaigns (default ${PARAM_SPECS.targetSuccessRate.default})
  --target-share X       share of successes with defection (default ${PARAM_SPECS.targetDefectionShareInSuccesses.default})
  --target-multiplier X  success with vs without defection (default ${PARAM_SPECS.targetSuccessMultiplier.default})
  --kind odds|risk       which ratio the multiplier is (default odds)
  --runs N               runs of the final ensemble (default ${DEFAULT_CALIBRATE_RUNS}); smaller ones come first
  --seed S               ensemble seed (default ${DEFAULT_SEED}); every step uses the same seeds
  --workers K            worker threads (default: one per core)
  --out FILE             write here instead of src/scenarios/calibration.json
  --from FILE|none       start the search from this calibration file (none: the schema defaults);
                         default: the built-in one, so a refit of a calibration that holds is one ensemble
  --dry-run              fit and print, write nothing

Exit: 0 criterion met; 3 fitted but the criterion does not hold (best fit written, reasons printed);
2 bad input or targets that cannot hold together (nothing run).
`;
}
