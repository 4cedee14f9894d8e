/**
 * Entry of `npm run batch`: an ensemble of runs (optionally a sweep grid, optionally one shard of
 * it) on a pool of worker threads; prints the rows and the research statistics. Every failure is
 * one line on stderr: exit 2 for a mistake in the call or the inputs, 1 for anything unexpected.
 */
import { parseBatchArgs } from './batchArgs';
import { batchHelp } from './batchHelp';
import { availableParallelism } from 'node:os';
import { largestWorld, prepareBatch, writeBatch } from './batchRun';
import { batchEstimate, checkBudget } from './estimate';
import { checkOutDir, print, runCommand } from './output';
import { progressBar } from './progress';
import { pointCount } from '../batch/index';
import { userDir } from './run';
import { overrideLines } from '../scenarios/index';

const say = (line: string): void => { process.stderr.write(`${line}\n`); };

async function main(argv: string[]): Promise<number> {
  const opts = parseBatchArgs(argv);
  if (opts.help) { print(batchHelp()); return 0; }
  const baseDir = userDir();
  checkOutDir(opts.out, baseDir);
  // The ensemble's cost from its counts, before the runs are even listed.
  const prepared = prepareBatch(opts, baseDir, (plan, runs) => {
    checkBudget('batch', batchEstimate(largestWorld(plan), runs, opts.workers ?? availableParallelism(), pointCount(plan.sweep), plan.causal === true), opts.force, say);
    const hpt = Number(plan.scenario.params.hoursPerTick ?? 1);
    for (const line of overrideLines(plan.scenario, plan.sets.map(([k]) => k), '--set', hpt)) say(line);
    for (const line of overrideLines(plan.scenario, plan.sweep.map((a) => a.key), '--sweep', hpt)) say(line);
  });
  const bar = progressBar(process.stderr, 'batch');
  await writeBatch(prepared, {
    workers: opts.workers ?? undefined, format: opts.format, shard: opts.shard, out: opts.out, baseDir, resume: opts.resume,
    onProgress: bar ? (d, t) => bar.update(d, t) : undefined, say,
  });
  bar?.end();
  return 0;
}

void runCommand('batch', () => main(process.argv.slice(2)));
