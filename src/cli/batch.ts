/**
 * Entry of `npm run batch`: an ensemble of runs (optionally a sweep grid, optionally one shard of
 * it) on a pool of worker threads; prints the rows and the research statistics. Every failure is
 * one line on stderr: exit 2 for a mistake in the call or the inputs, 1 for anything unexpected.
 */
import { parseBatchArgs } from './batchArgs';
import { formatBatch } from './batchFormat';
import { batchHelp } from './batchHelp';
import { availableParallelism } from 'node:os';
import { largestWorld, prepareBatch, runBatch } from './batchRun';
import { batchEstimate, checkBudget } from './estimate';
import { checkOutDir, emit, print, runCommand } from './output';
import { progressBar } from './progress';
import { userDir } from './run';

const say = (line: string): void => { process.stderr.write(`${line}\n`); };

async function main(argv: string[]): Promise<number> {
  const opts = parseBatchArgs(argv);
  if (opts.help) { print(batchHelp()); return 0; }
  const baseDir = userDir();
  checkOutDir(opts.out, baseDir);
  // The ensemble's cost from its counts, before the runs are even listed.
  const prepared = prepareBatch(opts, baseDir, (plan, runs) =>
    checkBudget('batch', batchEstimate(largestWorld(plan), runs, opts.workers ?? availableParallelism()), opts.force, say));
  const bar = progressBar(process.stderr, 'batch');
  const result = await runBatch(prepared, opts.workers ?? undefined, bar ? (d, t) => bar.update(d, t) : undefined);
  bar?.end();
  emit(formatBatch(result, opts.format, opts.shard), opts.out, baseDir);
  return 0;
}

void runCommand('batch', () => main(process.argv.slice(2)));
