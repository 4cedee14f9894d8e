/**
 * Entry of `npm run calibrate`: fits the calibrated values on the campaigns ensemble
 * (docs/research.md section 5; src/batch/fit.ts), shows each ensemble on stderr, prints the fit and
 * writes the calibration file the game and the CLI load by default (or --out, or nothing with
 * --dry-run). Exit 0 when the criterion holds, 3 when it does not (best fit written, reasons
 * printed), 2 for bad input or targets that cannot hold together, 1 for anything unexpected.
 */
import { fileURLToPath } from 'node:url';
import { relative } from 'node:path';
import { DEFAULT_CALIBRATION, resolveParams } from '../scenarios/index';
import {
  batchInfo, BatchTally, campaignDefinition, CALIBRATION_KEYS, campaignPriors, campaignScenario, checkPlan, checkSeed, fitBudget, fitCoefficients, infeasibility,
  judgeValidation, runsForTargets, schedule, shardIndices, shortOfRuns, summarize, validationNonviolentRuns, validationSeeds,
  type BatchStats, type CausalStats, type Coefficients, type Row, type SeedCheck, type Targets, type Validation,
} from '../batch/index';
import { runRows } from '../batch/nodePool';
import { calibrateHelp, parseCalibrateArgs, type CalibrateOptions } from './calibrateArgs';
import { brokenLessons, calibrationDoc, fmtTime, formatReport, lessonKey, lessonName, progressLine, validationLines, validationRecord } from './calibrateFormat';
import { CliError } from './errors';
import { parseBalanceArgs } from './balanceArgs';
import { balanceReport, loadLessons, loadPresets } from './balanceRun';
import { mechanismCheck } from '../balance/mechanism';
import type { LessonResult } from '../balance/lessons';
import { checkOutDir, emit, print, runCommand } from './output';
import { loadCalibration, userDir } from './run';

/** The file the game and the CLI load by default. */
export const DEFAULT_CALIBRATION_FILE = fileURLToPath(new URL('../scenarios/calibration.json', import.meta.url));

/** The plan of one step: the campaigns world with these values, always the same seeds. */
const stepPlan = (o: CalibrateOptions, values: Coefficients, runs: number, causal = false, seed = o.seed, attribution = true) => checkPlan({
  scenarioName: 'campaigns', scenario: campaignScenario(), seed, runs, strategy: 'scenario', actions: [], sets: [], sweep: [],
  calibration: { version: 2, note: '', values }, priors: campaignPriors(), ...(causal ? { causal: true } : {}), ...(attribution ? {} : { attribution: false }),
});

/**
 * The values on three seeds the fit never saw (src/batch/validate.ts): each seed runs until it has
 * the wanted nonviolent runs (a first batch sized by `nonviolentShare`, then one top-up), without
 * the pillar attribution the three figures do not need. Runs are numbered as in any batch, so the
 * top-up continues the same ensemble.
 */
async function validateUnseen(o: CalibrateOptions, values: Coefficients, nonviolentShare: number, wanted: number | null,
  onRuns: (done: number, total: number) => void): Promise<Validation> {
  const checks: SeedCheck[] = [];
  const want = wanted ?? o.runs;
  const share = Math.min(1, Math.max(0.2, nonviolentShare));
  for (const seed of validationSeeds(o.seed)) {
    let total = Math.max(50, Math.ceil(want / share));
    let rows: Row[] = await runRows(stepPlan(o, values, total, false, seed, false), shardIndices(total, null), { workers: o.workers ?? undefined, onProgress: onRuns });
    let st = summarize(rows, o.targets);
    if (st.nonviolentRuns < want) {
      const extra = Math.ceil(((want - st.nonviolentRuns) / share) * 1.1) + 10;
      const more = Array.from({ length: extra }, (_, k) => total + k);
      rows = rows.concat(await runRows(stepPlan(o, values, total + extra, false, seed, false), more, { workers: o.workers ?? undefined, onProgress: onRuns }));
      total += extra;
      st = summarize(rows, o.targets);
    }
    checks.push(checkSeed(seed, st));
    say(`calibrate: unseen seed ${seed}: ${total} runs, ${st.nonviolentRuns} nonviolent`);
  }
  return judgeValidation(checks);
}

/** The ensemble of one step. */
function evaluator(o: CalibrateOptions, kept: Coefficients, onRuns: (done: number, total: number) => void) {
  return async (values: Coefficients, runs: number) => {
    // The search needs the three figures only: no pillar attribution (its replays would triple the cost);
    // the causal pass below attributes the final ensemble's falls.
    const rows = await runRows(stepPlan(o, { ...kept, ...values }, runs, false, o.seed, false), shardIndices(runs, null), { workers: o.workers ?? undefined, onProgress: onRuns });
    return summarize(rows, o.targets);
  };
}

/**
 * The causal figures at the fitted values (docs/research.md section 1b): the final ensemble once
 * more with --causal (same seeds, so the same runs the fit was judged on, plus their knock-out
 * replays and the pillar attribution the search skips: the report's fall causes come from here). Only
 * this one pass, not every step of the search: it would double the fit's cost.
 */
async function causalCheck(o: CalibrateOptions, values: Coefficients, onRuns: (done: number, total: number) => void): Promise<BatchStats> {
  const plan = stepPlan(o, values, o.runs, true);
  const tally = new BatchTally(batchInfo(plan, o.targets.kind));
  await runRows(plan, shardIndices(o.runs, null), { workers: o.workers ?? undefined, onProgress: onRuns, keep: false, onRows: (_i, rows) => { for (const r of rows) tally.add(r); } });
  return tally.overall();
}

function say(msg: string): void { process.stderr.write(`${msg}\n`); }

/** Exit code of a fit that breaks a lesson. */
export const LESSON_EXIT = 4;

/**
 * The lessons file (balance bounds, Minsk stalemates) at the values the fit started from and at the
 * fitted ones (one report when they are the same): `broken` passed before and fails now; `failing`
 * fails now (including lessons that failed before the fit too).
 */
async function recheckLessons(o: CalibrateOptions, start: Coefficients, fitted: Coefficients, baseDir: string): Promise<{ broken: LessonResult[]; failing: LessonResult[]; seeds: number | null }> {
  const b = parseBalanceArgs(o.lessonSeeds === null ? [] : ['--seeds', String(o.lessonSeeds)]);
  b.workers = o.workers;
  const lessons = loadLessons(null, baseDir), scenarios = loadPresets(b.presets, baseDir), check = mechanismCheck(scenarios);
  const log = (line: string) => say(`calibrate: lessons: ${line}`);
  const cal = (values: Coefficients) => ({ version: 2 as const, note: '', values });
  const sameValues = JSON.stringify(Object.entries(start).sort()) === JSON.stringify(Object.entries(fitted).sort());
  log(`at the fitted values${sameValues ? ' (the same as at the start)' : ', then at the values the fit started from'} ...`);
  const after = await balanceReport(b, cal(fitted), lessons, scenarios, check, log);
  const before = sameValues ? after : await balanceReport(b, cal(start), lessons, scenarios, check, log);
  return { ...brokenLessons(before.lessons, after.lessons), seeds: o.lessonSeeds };
}

async function main(argv: string[]): Promise<number> {
  const o = parseCalibrateArgs(argv);
  if (o.help) { print(calibrateHelp()); return 0; }
  // The campaigns world's definition of a campaign (NAVCO's 1,000 participants): the fit and its checks count campaigns only.
  o.targets.campaign ??= campaignDefinition(resolveParams(campaignScenario(), [], null));
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
  if (!o.check) say(`calibrate: fitting ${CALIBRATION_KEYS.map((k) => k.key).join(', ')} on the campaigns ensemble, seed ${o.seed}; `
    + `ensembles of ${schedule(o.runs).join(', ')} runs (at most ${fitBudget(o.runs)} runs in all)`);
  if (need !== null && !o.check) say(`calibrate: at the targets' own cell shares the ${t.kind} ratio's interval spans ×2 at about ${need} nonviolent runs`
    + (need > o.runs ? ` - more than --runs ${o.runs}: the criterion cannot hold at this size` : ''));

  const tty = process.stderr.isTTY === true;
  const start = performance.now();
  let runsDone = 0;
  const wanted = o.validateRuns ?? validationNonviolentRuns(need);
  const unseenProgress = (done: number, total: number) => {
    if (tty) process.stderr.write(`\r\x1b[Kcalibrate: unseen seeds ${done}/${total} runs`);
    if (done === total) runsDone += total;
  };
  if (o.check) {
    say(`calibrate --check: ${Object.entries(current).map(([k, v]) => `${k} ${v}`).join(', ') || 'the schema defaults'} on seeds ${validationSeeds(o.seed).join(', ')}`
      + ` (--seed ${o.seed} + 1, + 2, + 3: give the seed the calibration was fitted on)`);
    const v = await validateUnseen(o, current, 0.65, wanted, unseenProgress);
    if (tty) process.stderr.write('\r\x1b[K');
    say(`calibrate: ${runsDone} runs in ${fmtTime((performance.now() - start) / 1000)}`);
    print(`${validationLines(v, wanted).join('\n')}\n`);
    return v.holds && !shortOfRuns(v, wanted) ? 0 : 3;
  }
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
  // The same runs as the search's final ensemble (same seeds and values), now with the falls attributed.
  const result = { ...fit, coefficients, stats: { ...fit.stats, fallCauses: causal.fallCauses, pivotal: causal.pivotal, medianPeak: causal.medianPeak,
    violentFallCauses: causal.violentFallCauses, causal: causal.causal as CausalStats } };
  say(`calibrate: the fitted values on seeds ${validationSeeds(o.seed).join(', ')}, which the fit never saw ...`);
  const t2 = performance.now(), before2 = runsDone;
  const unseen = await validateUnseen(o, coefficients, fit.stats.nonviolentRuns / Math.max(1, fit.stats.runs), wanted, unseenProgress);
  if (tty) process.stderr.write('\r\x1b[K');
  say(`calibrate: unseen seeds: ${runsDone - before2} runs in ${fmtTime((performance.now() - t2) / 1000)}`);
  const lessons = await recheckLessons(o, current, coefficients, baseDir);
  print(formatReport(result, o.runs, o.seed));
  print(`${validationLines(unseen, wanted).join('\n')}\n`);
  if (lessons.broken.length > 0) print(`lessons broken by the fit (passed at the start, fail now):\n${lessons.broken.map((l) => `  - ${lessonName(l)}`).join('\n')}\n`);
  else print(`lessons: none broken by the fit${lessons.failing.length > 0 ? ` (failing before and after: ${lessons.failing.map((l) => l.id).join(', ')})` : ''}\n`);
  const doc = calibrationDoc(result, t, o.runs, o.seed, validationRecord(unseen, wanted), { seedsPerPreset: lessons.seeds, broken: lessons.broken.map(lessonKey), failing: lessons.failing.map(lessonKey) });
  const blocked = lessons.broken.length > 0 && !o.force;
  if (o.dryRun) print('dry run: nothing written\n');
  else if (blocked) print('nothing written: the fit breaks a lesson (--force writes it all the same)\n');
  else {
    emit(doc, o.out ?? DEFAULT_CALIBRATION_FILE, baseDir);
    print(`wrote ${o.out ?? relative(process.cwd(), DEFAULT_CALIBRATION_FILE)}\n`);
  }
  if (lessons.broken.length > 0) return LESSON_EXIT;
  return fit.verdict.holds && unseen.holds ? 0 : 3;
}

void runCommand('calibrate', () => main(process.argv.slice(2)));
