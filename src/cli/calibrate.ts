/**
 * Entry of `npm run calibrate`: fits the calibrated values on the campaigns ensemble
 * (docs/research.md section 5; src/batch/fit.ts), shows each ensemble on stderr, prints the fit and
 * writes the calibration file the game and the CLI load by default (or --out, or nothing with
 * --dry-run). Exit 0 when the criterion holds, 3 when it does not (best fit written, reasons
 * printed), 2 for bad input or targets that cannot hold together, 1 for anything unexpected.
 */
import { fileURLToPath } from 'node:url';
import { relative } from 'node:path';
import { DEFAULT_CALIBRATION } from '../scenarios/index';
import {
  batchInfo, BatchTally, CALIBRATION_KEYS, campaignPriors, campaignScenario, checkPlan, fitBudget, fitCoefficients, infeasibility,
  runsForTargets, schedule, shardIndices, summarize, type CausalStats, type Coefficients, type Targets,
} from '../batch/index';
import { runRows } from '../batch/nodePool';
import { calibrateHelp, parseCalibrateArgs, type CalibrateOptions } from './calibrateArgs';
import { calibrationDoc, fmtTime, formatReport, progressLine } from './calibrateFormat';
import { CliError } from './errors';
import { checkOutDir, emit, print, runCommand } from './output';
import { loadCalibration, userDir } from './run';

/** The file the game and the CLI load by default. */
export const DEFAULT_CALIBRATION_FILE = fileURLToPath(new URL('../scenarios/calibration.json', import.meta.url));

/** The plan of one step: the campaigns world with these values, always the same seeds. */
const stepPlan = (o: CalibrateOptions, values: Coefficients, runs: number, causal = false) => checkPlan({
  scenarioName: 'campaigns', scenario: campaignScenario(), seed: o.seed, runs, strategy: 'scenario', actions: [], sets: [], sweep: [],
  calibration: { version: 2, note: '', values }, priors: campaignPriors(), ...(causal ? { causal: true } : {}),
});

/** The ensemble of one step. */
function evaluator(o: CalibrateOptions, kept: Coefficients, onRuns: (done: number, total: number) => void) {
  return async (values: Coefficients, runs: number) => {
    const rows = await runRows(stepPlan(o, { ...kept, ...values }, runs), shardIndices(runs, null), { workers: o.workers ?? undefined, onProgress: onRuns });
    return summarize(rows, o.targets);
  };
}

/**
 * The causal figures at the fitted values (docs/research.md section 1b): the final ensemble once
 * more with --causal (same seeds, so the same runs the fit was judged on, plus their knock-out
 * replays). Only this one check pass, not every step of the search: it would double the fit's cost.
 */
async function causalCheck(o: CalibrateOptions, values: Coefficients, onRuns: (done: number, total: number) => void): Promise<CausalStats> {
  const plan = stepPlan(o, values, o.runs, true);
  const tally = new BatchTally(batchInfo(plan, o.targets.kind));
  await runRows(plan, shardIndices(o.runs, null), { workers: o.workers ?? undefined, onProgress: onRuns, keep: false, onRows: (_i, rows) => { for (const r of rows) tally.add(r); } });
  return tally.overall().causal as CausalStats;
}

function say(msg: string): void { process.stderr.write(`${msg}\n`); }

async function main(argv: string[]): Promise<number> {
  const o = parseCalibrateArgs(argv);
  if (o.help) { print(calibrateHelp()); return 0; }
  const t: Targets = o.targets;
  const why = infeasibility(t);
  if (why !== null) throw new CliError(`the targets cannot be met together: ${why}`);
  const baseDir = userDir();
  checkOutDir(o.out, baseDir);

  // Start from the current calibration (a refit moves from there) or --from; values of keys
  // outside the fitted set are kept as they are.
  const fitted = new Set(CALIBRATION_KEYS.map((k) => k.key as string));
  const current = (o.from === null ? DEFAULT_CALIBRATION.values : o.from === 'none' ? {}
    : loadCalibration(o.from, baseDir)?.values ?? {}) as Coefficients;
  const kept = Object.fromEntries(Object.entries(current).filter(([k]) => !fitted.has(k)));
  const need = runsForTargets(t);
  say(`calibrate: fitting ${CALIBRATION_KEYS.map((k) => k.key).join(', ')} on the campaigns ensemble, seed ${o.seed}; `
    + `ensembles of ${schedule(o.runs).join(', ')} runs (at most ${fitBudget(o.runs)} runs in all)`);
  if (need !== null) say(`calibrate: at the targets' own cell shares the ${t.kind} ratio's interval spans ×2 at about ${need} nonviolent runs`
    + (need > o.runs ? ` - more than --runs ${o.runs}: the criterion cannot hold at this size` : ''));

  const tty = process.stderr.isTTY === true;
  const start = performance.now();
  let runsDone = 0;
  const evaluate = evaluator(o, kept, (done, total) => {
    if (tty) process.stderr.write(`\r\x1b[Kcalibrate: ensemble ${done}/${total} runs`);
    if (done === total) runsDone += total;
  });
  const fit = await fitCoefficients(evaluate, {
    runs: o.runs, start: current,
    onEvaluation: (e) => {
      const perRun = (performance.now() - start) / 1000 / Math.max(1, runsDone);
      process.stderr.write(`${tty ? '\r\x1b[K' : ''}${progressLine(e, perRun)}\n`);
    },
  });
  say(`calibrate: ${fit.evaluations} ensemble${fit.evaluations === 1 ? "" : "s"}, ${runsDone} runs in ${fmtTime((performance.now() - start) / 1000)}`);
  const coefficients = { ...kept, ...fit.coefficients };
  say(`calibrate: the causal figures at the fitted values: the ${o.runs} runs once more with their knock-out replays (--causal) ...`);
  const before = runsDone, t1 = performance.now();
  const causal = await causalCheck(o, coefficients, (done, total) => {
    if (tty) process.stderr.write(`\r\x1b[Kcalibrate: causal check ${done}/${total} runs`);
    if (done === total) runsDone += total;
  });
  if (tty) process.stderr.write('\r\x1b[K');
  say(`calibrate: causal check: ${runsDone - before} runs in ${fmtTime((performance.now() - t1) / 1000)}`);
  const result = { ...fit, coefficients, stats: { ...fit.stats, causal } };
  print(formatReport(result, o.runs, o.seed));
  const doc = calibrationDoc(result, t, o.runs, o.seed);
  if (o.dryRun) print('dry run: nothing written\n');
  else {
    emit(doc, o.out ?? DEFAULT_CALIBRATION_FILE, baseDir);
    print(`wrote ${o.out ?? relative(process.cwd(), DEFAULT_CALIBRATION_FILE)}\n`);
  }
  return fit.verdict.holds ? 0 : 3;
}

void runCommand('calibrate', () => main(process.argv.slice(2)));
