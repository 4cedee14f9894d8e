/**
 * npm run balance: the balance report (docs/balance.md). Not a test: it runs thousands of
 * simulations and reports; `npm test` never runs it. Progress goes to stderr; the table (or,
 * with --json, exactly one JSON object) to stdout. Exit 0 (1 with --strict when a lesson fails),
 * 2 for a mistake in the call, 3 when a preset sets a mechanism parameter.
 */
import { availableParallelism } from 'node:os';
import { RunRegistry, type PresetRun } from '../balance/engine';
import { mechanismCheck, mechanismLine } from '../balance/mechanism';
import { balanceJson, tally } from '../balance/report';
import { balanceHelp, parseBalanceArgs } from './balanceArgs';
import { formatBalance } from './balanceFormat';
import { balanceReport, buildPresetRuns, estimateLines, fmtMinutes, loadLessons, loadPresets, sayer } from './balanceRun';
import { print, runCommand } from './output';
import { loadCalibration, userDir } from './run';

export const MECHANISM_EXIT = 3;
const say = sayer('balance');

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
  if (opts.dryRun) {
    const workers = opts.workers ?? availableParallelism();
    const reg = new RunRegistry(calibration);
    print(dryRun(reg, buildPresetRuns(reg, scenarios, opts, lessons), workers));
    return check.ok ? 0 : MECHANISM_EXIT;
  }
  const report = await balanceReport(opts, calibration, lessons, scenarios, check, say);
  say(`done: ${report.run.runs} runs in ${fmtMinutes(report.run.seconds)}`);
  print(opts.json ? `${JSON.stringify(balanceJson(report))}\n` : formatBalance(report, opts.allSeeds));
  if (!check.ok) return MECHANISM_EXIT;
  return opts.strict && tally(report.lessons).fail > 0 ? 1 : 0;
}

void runCommand('balance', () => main(process.argv.slice(2)));
