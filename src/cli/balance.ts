/**
 * npm run balance: the balance report (docs/balance.md). Not a test: it runs thousands of
 * simulations and reports; `npm test` never runs it. Progress goes to stderr; the table (or,
 * with --json, exactly one JSON object) to stdout. Exit 0 (1 with --strict when a lesson fails),
 * 2 for a mistake in the call, 3 when a preset sets a mechanism parameter.
 */
import { availableParallelism } from 'node:os';
import { PresetRun, RunRegistry } from '../balance/engine';
import { familyOf } from '../balance/policies';
import { mechanismCheck, mechanismLine } from '../balance/mechanism';
import { balanceJson, evaluateLessons, tally, type BalanceReport } from '../balance/report';
import type { Lessons } from '../balance/lessons';
import type { ScenarioData } from '../sim/index';
import { balanceHelp, DEFAULT_SEEDS, parseBalanceArgs, type BalanceOptions } from './balanceArgs';
import { formatBalance } from './balanceFormat';
import { estimateLines, executePending, fmtMinutes, loadLessons, loadPresets, sayer, type Group } from './balanceRun';
import { CliError } from './errors';
import { print, runCommand } from './output';
import { loadCalibration, userDir } from './run';

export const MECHANISM_EXIT = 3;
const say = sayer('balance');

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

/** --dry-run: the policies and runs, and the time from one timed run of each preset. */
function dryRun(reg: RunRegistry, runs: readonly PresetRun[], workers: number): string {
  const out = ['balance --dry-run: the runs a report would make (shared runs counted once)'];
  for (const pr of runs) {
    const seen = new Set<number>(), fam = new Map<string, number>();
    for (const x of pr.runs) for (const g of x.tasks) if (!seen.has(g)) { seen.add(g); fam.set(x.policy.family, (fam.get(x.policy.family) ?? 0) + 1); }
    const once = pr.runs.some((x) => x.policy.family === 'once-day') ? ' (+ once:<t> on its best day after screening)' : '';
    out.push(`  ${pr.spec.scenario.id}: ${pr.runs.length} policies, ${seen.size} runs${once}: ${[...fam].map(([f, n]) => `${f} ${n}`).join(', ')}`);
  }
  out.push(...estimateLines(reg, workers));
  return `${out.join('\n')}\n`;
}

async function main(argv: string[]): Promise<number> {
  const opts = parseBalanceArgs(argv);
  if (opts.help) { print(balanceHelp()); return 0; }
  const baseDir = userDir();
  const lessons = loadLessons(opts.lessons, baseDir);
  const calibration = loadCalibration(opts.calibration, baseDir);
  const scenarios = loadPresets(opts.presets, baseDir);
  const check = mechanismCheck(scenarios);
  if (!check.ok) {
    if (!opts.despiteMechanism) { say(`${mechanismLine(check)}; nothing run (--despite-mechanism runs the report anyway)`); return MECHANISM_EXIT; }
    say(`${mechanismLine(check)}; running anyway (--despite-mechanism), exit code 3`);
  }
  const workers = opts.workers ?? availableParallelism();
  const reg = new RunRegistry(calibration);
  const runs = buildPresetRuns(reg, scenarios, opts, lessons);
  if (opts.dryRun) { print(dryRun(reg, runs, workers)); return check.ok ? 0 : MECHANISM_EXIT; }
  const clock = { start: performance.now() };
  say(`${reg.tasks.length} runs of ${runs.reduce((a, r) => a + r.runs.length, 0)} policies on ${workers} worker${workers === 1 ? '' : 's'} (then the once:<t> best days)`);
  let count = await executePending(reg, workers, groupsOf(runs), say, 'policy', clock);
  if (runs.map((r) => r.addOnceBest()).some(Boolean)) count += await executePending(reg, workers, groupsOf(runs), say, 'policy', clock);
  const presets = runs.map((r) => r.report());
  const report: BalanceReport = {
    presets, lessons: evaluateLessons(lessons, presets), mechanismCheck: check,
    run: { runs: count, seconds: Math.round((performance.now() - clock.start) / 100) / 10, workers, seed: opts.seed },
  };
  say(`done: ${count} runs in ${fmtMinutes(report.run.seconds)}`);
  print(opts.json ? `${JSON.stringify(balanceJson(report))}\n` : formatBalance(report, opts.allSeeds));
  if (!check.ok) return MECHANISM_EXIT;
  return opts.strict && tally(report.lessons).fail > 0 ? 1 : 0;
}

void runCommand('balance', () => main(process.argv.slice(2)));
