/**
 * Running the balance reports' tasks on the one worker pool (src/batch/nodePool.ts, job kind
 * 'balance'), with progress on stderr: a line per finished group of runs (a policy, or a
 * sensitivity variant) with the runs done, the time so far and an ETA weighted by each run's
 * cost (agent-ticks: a Minsk run counts for several classroom ones). Node only.
 */
import { availableParallelism } from 'node:os';
import { runRows } from '../batch/nodePool';
import { buildRun, type Calibration } from '../scenarios/index';
import { runToEnd } from '../sim/index';
import type { BalancePlan, BalanceRow } from '../balance/job';
import { PresetRun, RunRegistry } from '../balance/engine';
import { loadScenario } from '../scenarios/load-node';
import { validateLessons, type Lessons } from '../balance/lessons';
import defaultLessons from '../scenarios/lessons.json';
import { readJsonFile } from './run';
import { safeLine } from '../scenarios/text';
import type { ScenarioData } from '../sim/index';
import { CliError } from './errors';
import { familyOf } from '../balance/policies';
import type { mechanismCheck } from '../balance/mechanism';
import { evaluateLessons, type BalanceReport } from '../balance/report';
import { DEFAULT_SEEDS, type BalanceOptions } from './balanceArgs';

export const fmtMinutes = (s: number): string => (s < 90 ? `${Math.round(s)} s` : s < 5400 ? `${(s / 60).toFixed(1)} min` : `${(s / 3600).toFixed(2)} h`);

/** A group of runs whose completion is announced (a policy of a preset, a variant). */
export interface Group { label: string; tasks: readonly number[] }

/** Seconds between two progress lines when no group finishes (long runs go first, so a group may take a while). */
export const PROGRESS_EVERY_S = 60;

/**
 * Runs every pending task of the registry (longest first) and stores the rows. Each of `groups`
 * is announced on stderr (via `say`) as soon as all its tasks are in, numbered in the order they
 * finish; between them a line of runs done and the ETA at least every PROGRESS_EVERY_S seconds.
 */
export async function executePending(reg: RunRegistry, workers: number, groups: readonly Group[], say: (line: string) => void, noun: string,
  clock: { start: number } = { start: performance.now() }): Promise<number> {
  const pending = reg.pending();
  if (pending.length === 0) return 0;
  const plan: BalancePlan = reg.plan();
  const totalCost = pending.reduce((a, g) => a + reg.cost[g], 0);
  const isPending = new Set(pending);
  const open = groups.map((gr, i) => ({ i, left: gr.tasks.filter((g) => isPending.has(g)) })).filter((x) => x.left.length > 0);
  const n = open.length;
  const done = new Set<number>();
  let doneCost = 0, told = 0, lastLine = performance.now();
  const t0 = performance.now();
  const status = () => {
    const secs = (performance.now() - t0) / 1000;
    const eta = doneCost > 0 && doneCost < totalCost ? `, ETA ${fmtMinutes((secs * (totalCost - doneCost)) / doneCost)}` : '';
    lastLine = performance.now();
    return `${done.size}/${pending.length} runs · ${fmtMinutes((performance.now() - clock.start) / 1000)}${eta}`;
  };
  const tell = () => {
    let any = false;
    for (let k = 0; k < open.length; k++) {
      const x = open[k];
      if (!x.left.every((g) => done.has(g))) continue;
      open.splice(k--, 1);
      told++;
      any = true;
      say(`${noun} ${told} of ${n}: ${groups[x.i].label} (${groups[x.i].tasks.length} runs) · ${status()}`);
    }
    if (!any && (performance.now() - lastLine) / 1000 >= PROGRESS_EVERY_S) say(`${status()} (longest runs first)`);
  };
  const rows = await runRows<BalanceRow, BalancePlan>(plan, pending, {
    workers,
    onRows: (from, rs) => {
      rs.forEach((r, i) => { const g = pending[from + i]; done.add(g); doneCost += reg.cost[g]; });
      tell();
    },
  });
  reg.accept(pending, rows);
  tell();
  return pending.length;
}

/** The lessons file: the built-in src/scenarios/lessons.json, or a file. */
export function loadLessons(path: string | null, baseDir: string): Lessons {
  if (path === null) return validateLessons(defaultLessons, 'src/scenarios/lessons.json');
  return validateLessons(readJsonFile(path, baseDir, 'lessons'), path);
}

/** The presets named (ids or files), each once. */
export function loadPresets(names: readonly string[], baseDir: string): ScenarioData[] {
  const out: ScenarioData[] = [];
  for (const n of names) {
    const s = loadScenario(n, baseDir);
    if (out.some((x) => x.id === s.id)) throw new CliError(`--preset '${n}' names scenario '${s.id}' a second time`);
    out.push(s);
  }
  return out;
}

/** stderr lines of a command, made safe like every error line. */
export const sayer = (command: string) => (line: string): void => { process.stderr.write(`${command}: ${safeLine(line)}\n`); };

/** Seconds one run of the scenario takes here (nothing, seed 1): the unit of a --dry-run estimate. */
export function timeOneRun(scenario: ScenarioData, calibration: Calibration | null): number {
  const t = performance.now();
  const { state } = buildRun({ scenario, seed: 1, strategy: 'none', calibration });
  runToEnd(state);
  return (performance.now() - t) / 1000;
}

/** The estimate of a --dry-run: each scenario's task count times its timed run, over the workers. */
export function estimateLines(reg: RunRegistry, workers: number): string[] {
  const per = new Map<number, number>();
  for (const [v] of reg.tasks) { const s = reg.variants[v].scenario; per.set(s, (per.get(s) ?? 0) + 1); }
  let total = 0;
  const out: string[] = [];
  for (const [si, n] of per) {
    const secs = timeOneRun(reg.scenarios[si], reg.calibration);
    total += n * secs;
    out.push(`  ${reg.scenarios[si].id}: ${n} runs; one run (nothing, seed 1) took ${secs.toFixed(2)} s`);
  }
  out.push(`  total ${reg.tasks.length} runs, about ${fmtMinutes(total / workers)} on ${workers} worker${workers === 1 ? '' : 's'} (runs decided early are quicker; a busy machine is slower)`);
  return out;
}

/** The risk lessons of one preset, checked against what it offers. */
function risksOf(lessons: Lessons, s: ScenarioData) {
  const rs = lessons.risks.filter((r) => r.preset === s.id);
  for (const r of rs)
    for (const a of r.add)
      if (s.tactics !== null && !s.tactics.includes(a.tactic)) throw new CliError(`risk lesson '${r.id}': ${s.id} does not offer ${a.tactic}`);
  return rs;
}

export function buildPresetRuns(reg: RunRegistry, scenarios: readonly ScenarioData[], opts: BalanceOptions, lessons: Lessons): PresetRun[] {
  return scenarios.map((s) => new PresetRun(reg, {
    scenario: s, seeds: opts.seeds ?? DEFAULT_SEEDS[familyOf(s)], seed: opts.seed, tiers: !opts.allSeeds, risks: risksOf(lessons, s),
  }));
}

const groupsOf = (runs: readonly PresetRun[]): Group[] =>
  runs.flatMap((pr) => pr.runs.map((x) => ({ label: `${pr.spec.scenario.id} ${x.policy.name}`, tasks: x.tasks })));

/**
 * Every policy of `scenarios` under `calibration`, then the lessons: the report as `balance` builds it
 * (also called by `calibrate` to re-check the lessons at fitted values).
 */
export async function balanceReport(opts: BalanceOptions, calibration: Calibration | null, lessons: Lessons, scenarios: readonly ScenarioData[],
  check: ReturnType<typeof mechanismCheck>, log: (line: string) => void): Promise<BalanceReport> {
  const workers = opts.workers ?? availableParallelism();
  const reg = new RunRegistry(calibration);
  const runs = buildPresetRuns(reg, scenarios, opts, lessons);
  const clock = { start: performance.now() };
  log(`${reg.tasks.length} runs of ${runs.reduce((a, r) => a + r.runs.length, 0)} policies on ${workers} worker${workers === 1 ? '' : 's'} (then the once:<t> best days)`);
  let count = await executePending(reg, workers, groupsOf(runs), log, 'policy', clock);
  if (runs.map((r) => r.addOnceBest()).some(Boolean)) count += await executePending(reg, workers, groupsOf(runs), log, 'policy', clock);
  const presets = runs.map((r) => r.report());
  return {
    presets, lessons: evaluateLessons(lessons, presets), mechanismCheck: check,
    run: { runs: count, seconds: Math.round((performance.now() - clock.start) / 100) / 10, workers, seed: opts.seed },
  };
}
