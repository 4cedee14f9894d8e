/**
 * Parses the argv of `calibrate` (src/cli/flags.ts, as for `batch`: `--flag value` or `--flag=value`).
 * The targets default to the schema's research targets (docs/research.md section 1).
 */
import type { Targets } from '../batch/index';
import { PARAM_SPECS } from '../sim/index';
import { DEFAULT_SEED, nonEmpty, oneOf, parseUint, UINT32_MAX } from './args';
import { CliError } from './errors';
import { flagColumns, parseFlags, type FlagTable } from './flags';

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
  /** --check: no fit; the current calibration (or --from) on the unseen seeds only; writes nothing. */
  check: boolean;
  /** --validate-runs: nonviolent runs per unseen seed instead of 1.5 x the x2-interval count. */
  validateRuns: number | null;
  /** Seeds per preset when the lessons are re-checked after a fit (null: balance's defaults). */
  lessonSeeds: number | null;
  /** Write the fit even when it breaks a lesson (the exit code stays 4). */
  force: boolean;
}

/** Enough for the odds ratio's interval at the default targets (about 3,300 nonviolent runs). */
export const DEFAULT_CALIBRATE_RUNS = 4000;

/** Every flag of `calibrate`: parsed and shown in --help from this one table. */
export const CALIBRATE_FLAGS: FlagTable = [
  { name: 'target-success', value: 'X', help: `success rate of nonviolent campaigns (default ${PARAM_SPECS.targetSuccessRate.default})` },
  { name: 'target-share', value: 'X', help: `share of successes with defection (default ${PARAM_SPECS.targetDefectionShareInSuccesses.default})` },
  { name: 'target-multiplier', value: 'X', help: `success with vs without defection (default ${PARAM_SPECS.targetSuccessMultiplier.default})` },
  { name: 'kind', value: 'odds|risk', help: 'which ratio the multiplier is (default odds)' },
  { name: 'runs', value: 'N', help: `runs of the final ensemble (default ${DEFAULT_CALIBRATE_RUNS}); smaller ones come first` },
  { name: 'seed', value: 'S', help: `ensemble seed (default ${DEFAULT_SEED}); every step uses the same seeds` },
  { name: 'workers', value: 'K', help: 'worker threads (default: one per core)' },
  { name: 'out', value: 'FILE', help: 'write here instead of src/scenarios/calibration.json' },
  { name: 'from', value: 'FILE|none', help: 'start the search from this calibration file (none: the schema defaults);\ndefault: the built-in one, so a refit of a calibration that holds is one ensemble' },
  { name: 'dry-run', help: 'fit and print, write nothing' },
  { name: 'check', help: 'fit nothing: measure the current calibration (or --from) on three seeds it was not\nfitted on (--seed + 1, + 2, + 3) against the bands; writes nothing' },
  { name: 'validate-runs', value: 'N', help: 'nonviolent runs per unseen seed (default: 1.5 x the runs at which the ratio\'s\ninterval spans x2 at the targets, about 4,900); fewer make the check indicative only' },
  { name: 'lesson-seeds', value: 'N', help: 'seeds per preset when the lessons are re-checked after the fit (default: balance\'s,\n40 classroom and 20 minsk-2020)' },
  { name: 'force', help: 'write the fit even if it breaks a lesson (exit code 4 all the same)' },
  { name: 'help', short: 'h', help: 'print this help' },
];

/** A plain decimal number (no hex, no Infinity): '0.53', '46', '1e2'. */
function parseNumber(flag: string, text: string, ok: (v: number) => boolean, want: string): number {
  const t = text.trim();
  const v = /^[+]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(t) ? Number(t) : NaN;
  if (!Number.isFinite(v) || !ok(v)) throw new CliError(`${flag} expects ${want}, got '${text}'`);
  return v;
}

export function parseCalibrateArgs(argv: readonly string[]): CalibrateOptions {
  const o: CalibrateOptions = {
    help: false, runs: DEFAULT_CALIBRATE_RUNS, seed: DEFAULT_SEED, workers: null, out: null, from: null, dryRun: false, check: false, validateRuns: null, lessonSeeds: null, force: false,
    targets: { successRate: PARAM_SPECS.targetSuccessRate.default, defectionShareInSuccesses: PARAM_SPECS.targetDefectionShareInSuccesses.default,
      successMultiplier: PARAM_SPECS.targetSuccessMultiplier.default, kind: 'odds' },
  };
  for (const { name, value } of parseFlags(argv, CALIBRATE_FLAGS).flags) apply(o, name, value);
  return o;
}

const fraction = (v: number) => v > 0 && v < 1;

function apply(o: CalibrateOptions, name: string, given: string | true): void {
  const flag = `--${name}`, value = given === true ? '' : given;
  switch (name) {
    case 'help': o.help = true; break;
    case 'dry-run': o.dryRun = true; break;
    case 'check': o.check = true; break;
    case 'force': o.force = true; break;
    case 'lesson-seeds': o.lessonSeeds = parseUint(flag, value, 1, 100_000); break;
    case 'validate-runs': o.validateRuns = parseUint(flag, value, 10, 10_000_000); break;
    case 'target-success': o.targets.successRate = parseNumber(flag, value, fraction, 'a share strictly between 0 and 1'); break;
    case 'target-share': o.targets.defectionShareInSuccesses = parseNumber(flag, value, fraction, 'a share strictly between 0 and 1'); break;
    case 'target-multiplier': o.targets.successMultiplier = parseNumber(flag, value, (v) => v > 0 && v <= 1e6, 'a positive number'); break;
    case 'kind': o.targets.kind = oneOf(flag, value, ['odds', 'risk'] as const); break;
    case 'runs': o.runs = parseUint(flag, value, 50, 1_000_000); break;
    case 'seed': o.seed = parseUint(flag, value, 0, UINT32_MAX); break;
    case 'workers': o.workers = parseUint(flag, value, 1, 1024); break;
    case 'out': o.out = nonEmpty(flag, value); break;
    case 'from': o.from = nonEmpty(flag, value); break;
  }
}

export function calibrateHelp(): string {
  return `npm run --silent calibrate -- [options]

Fits the calibrated values of a few mechanism parameters (docs/research.md section 5) on the
campaigns ensemble until the criterion holds: every target inside its 95% interval and the
multiplier's interval no wider than a factor of 2. Shows its progress on stderr, prints the fitted
values and the statistics, and writes the calibration file (a layer of values, below scenarios and
--set) that the game and the CLI load by default. After the fit the final ensemble runs once more
with batch --causal at the fitted values: the report and the file's fit record carry the causal
figures (docs/research.md section 1b), reported, never fitted. Then the fitted values are measured
on three seeds the fit never saw, each with 1.5 times the nonviolent runs of a x2 interval: success
0.48-0.58, P(defection | success) 0.46-0.58 and odds ratio 23-92 must hold on each; when they cannot
all hold the targets give way in the order odds ratio (never below 10), P(defection | success),
success rate, and the fit record names the binding one. Last, the lessons file (the balance bounds and
the Minsk stalemates, src/scenarios/lessons.json) is run at the values the fit started from and at
the fitted ones: a lesson that passed and now fails is broken, and then nothing is written unless
--force (exit 4 either way).

${flagColumns(CALIBRATE_FLAGS).join('\n')}

Exit: 0 criterion met (and every band on the unseen seeds); 3 fitted (or checked) but the criterion
or a band does not hold (best fit written, reasons printed); 4 the fit breaks a lesson (nothing written
without --force);
2 bad input or targets that cannot hold together (nothing run).
`;
}
