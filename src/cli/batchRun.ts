/**
 * The batch command's work as functions of its options (tests call them directly; the entry
 * only prints): build the plan from the scenario, priors, calibration, --set and --sweep; pick
 * this shard's runs; run them on the pool and write { batch, rows, stats } (or the CSV, or the
 * summary) as the rows come, keeping the finished runs beside --out for --resume.
 */
import { existsSync, writeSync } from 'node:fs';
import { resolve } from 'node:path';
import { resolveParams } from '../scenarios/index';
import { loadScenario } from '../scenarios/load-node';
import {
  batchInfo, BatchOutput, CAMPAIGNS, campaignPriors, campaignScenario, checkPlan, checkRuns, shardRuns, totalRuns,
  validatePriors, type BatchInfo, type BatchPlan, type PriorSet, type ShardInfo,
} from '../batch/index';
import { runRows } from '../batch/nodePool';
import type { Params } from '../sim/index';
import type { Format } from './args';
import type { BatchOptions } from './batchArgs';
import { batchSummary } from './batchFormat';
import { CliError } from './errors';
import { worldOf, type World } from './estimate';
import { PartialFile, partialPath, readKept, type Kept, type PartialRecord } from './partial';
import { loadCalibration, readJsonFile, userActions } from './run';
import { bufferedWriter, isFileTarget, onInterrupt, openSink } from './sink';

function loadPriors(opts: BatchOptions, isCampaigns: boolean, baseDir: string): PriorSet | null {
  if (opts.priors === 'none') return null;
  if (opts.priors === null) return isCampaigns ? campaignPriors() : null;
  return validatePriors(readJsonFile(opts.priors, baseDir, 'priors'), opts.priors);
}

export function buildPlan(opts: BatchOptions, baseDir: string): BatchPlan {
  if (opts.scenario === null || opts.runs === null) throw new CliError('missing --scenario or --runs (see --help)');
  const isCampaigns = opts.scenario === CAMPAIGNS;
  const scenario = isCampaigns ? campaignScenario() : loadScenario(opts.scenario, baseDir);
  return checkPlan({
    scenarioName: opts.scenario,
    scenario,
    seed: opts.seed,
    strategy: opts.strategy,
    actions: userActions(opts, baseDir, scenario),
    runs: opts.runs,
    sets: opts.sets,
    sweep: opts.sweep,
    calibration: loadCalibration(opts.calibration, baseDir),
    priors: loadPriors(opts, isCampaigns, baseDir),
    ...(opts.causal ? { causal: true } : {}),
  });
}

/** The plan, its record and this shard's runs (4 bytes each). */
export interface Prepared { plan: BatchPlan; info: BatchInfo; indices: Uint32Array; }

/** Parameters that make a world bigger or longer as they grow (hoursPerTick: as it shrinks). */
const SIZE_KEYS = new Set(['citizenCount', 'officerCount', 'nationalForce', 'scale', 'gridWidth', 'gridHeight', 'layoutScale', 'horizonDays', 'tiesPerOfficer']);

/**
 * The largest world any run of the plan builds, for the estimate: the base parameters with each
 * sampled or swept size parameter at its costliest value (a --set fixes a sampled one).
 */
export function largestWorld(plan: BatchPlan): World {
  const p = { ...resolveParams(plan.scenario, plan.sets, plan.calibration) } as Record<string, unknown>;
  const fixed = new Set(plan.sets.map(([k]) => k));
  const ranges: Array<[string, number[]]> = [
    ...(plan.priors?.priors ?? []).filter((pr) => !fixed.has(pr.key)).map((pr): [string, number[]] => [pr.key, [pr.min, pr.max]]),
    ...plan.sweep.map((a): [string, number[]] => [a.key, a.values]),
  ];
  for (const [k, vs] of ranges) {
    if (k === 'hoursPerTick') p[k] = Math.min(p[k] as number, ...vs);
    else if (SIZE_KEYS.has(k)) p[k] = Math.max(p[k] as number, ...vs);
  }
  return worldOf(p as unknown as Params);
}

/** How many runs shard i/n of `total` holds (every n-th run from i-1). */
export const shardSize = (total: number, shard: { index: number; count: number } | null): number =>
  shard === null ? total : total > shard.index - 1 ? Math.ceil((total - (shard.index - 1)) / shard.count) : 0;

/**
 * Everything up to the first run, including a parameter check of every run in this shard;
 * `beforeRuns` sees the plan and this shard's run count first (the cost estimate).
 */
export function prepareBatch(opts: BatchOptions, baseDir: string, beforeRuns?: (plan: BatchPlan, runs: number) => void): Prepared {
  const plan = buildPlan(opts, baseDir);
  beforeRuns?.(plan, shardSize(totalRuns(plan), opts.shard));
  const indices = shardRuns(totalRuns(plan), opts.shard);
  checkRuns(plan, indices);
  return { plan, info: batchInfo(plan, opts.multiplier), indices };
}

export interface WriteOptions {
  workers: number | undefined;
  format: Format;
  shard: ShardInfo | null;
  out: string | null;
  baseDir: string;
  resume: boolean;
  onProgress?: (done: number, total: number) => void;
  /** A line for standard error. */
  say: (line: string) => void;
}

/**
 * Test hook (fault injection): `stop-after:K` interrupts the batch (SIGINT to itself) once K runs
 * are kept in the partial file, exactly K: rows that finish after it are not kept.
 */
const FAULT_ENV = 'BREAKING_RANKS_BATCH_FAULT';
const stopAfter = (): number | null => {
  const m = /^stop-after:(\d+)$/.exec(process.env[FAULT_ENV] ?? '');
  return m === null ? null : Number(m[1]);
};

/**
 * Runs the batch and writes its output as the rows come, in run order (JSON and CSV; the summary
 * at the end): nothing grows with the number of runs. With --out FILE the finished runs are also
 * kept in FILE.partial.jsonl (partial.ts); an interrupt or a lost worker says how many are kept,
 * --resume continues from them, and the partial file is removed once the output is committed.
 */
export async function writeBatch(p: Prepared, o: WriteOptions): Promise<void> {
  const n = p.indices.length;
  const record: PartialRecord = { batch: p.info, shard: o.shard, format: o.format };
  const keeps = o.out !== null && isFileTarget(o.out, o.baseDir);
  const path = keeps ? partialPath(resolve(o.baseDir, o.out as string)) : null;
  const shown = o.out === null ? '' : partialPath(o.out);
  if (o.resume && !keeps) throw new CliError(`--resume needs --out to name a file (${o.out} is not one), beside which the runs are kept`);
  if (path !== null && !o.resume && existsSync(path))
    throw new CliError(`${shown} holds the runs of an interrupted batch: add --resume to continue it, or delete it to start over`);

  const sink = openSink(o.out, o.baseDir);
  const w = bufferedWriter(sink);
  let partial: PartialFile | null = null;
  let stopped = false;
  let forget = (): void => {};
  const note = (): string => `${partial?.rows ?? 0} of ${n} runs are kept in ${shown}: run the same command with --resume to continue`;
  try {
    const out = new BatchOutput(p.info, o.shard, o.format, (t) => w.write(t));
    let kept: Kept | null = null;
    if (path !== null && o.resume) {
      kept = readKept(path, shown, record, p.indices, (row) => out.add(row), (line) => o.say(`batch: ${line}`));
      o.say(kept === null ? `batch: no runs kept in ${shown}: starting from the first run`
        : `batch: resuming: ${kept.rows} of ${n} runs kept in ${shown}`);
    }
    if (path !== null) {
      const file = new PartialFile(path, shown, record, kept);
      partial = file;
      forget = onInterrupt((sig) => {
        file.close();
        const line = `batch: interrupted (${sig}): ${note()}\n`;
        try { writeSync(2, line); } catch { /* nowhere to say it */ }
      });
    }
    const done = partial?.rows ?? 0;
    const hook = partial !== null ? stopAfter() : null;
    const stop = (): void => { stopped = true; process.kill(process.pid, 'SIGINT'); };
    if (hook !== null && done >= hook) stop();
    else {
      o.onProgress?.(done, n);
      await runRows(p.plan, p.indices.subarray(done), {
        workers: o.workers, keep: false, thread: partial !== null,
        onProgress: o.onProgress ? (d) => o.onProgress?.(done + d, n) : undefined,
        onRows: (_from, rows) => {
          if (stopped) return;
          const take = hook !== null && partial !== null ? rows.slice(0, Math.max(0, hook - partial.rows)) : rows;
          const texts = take.map((r) => JSON.stringify(r));
          partial?.add(texts);
          take.forEach((r, i) => out.add(r, texts[i]));
          if (hook !== null && partial !== null && partial.rows >= hook) stop();
        },
      });
    }
    // The hook's interrupt ends the process as soon as the signal is handled.
    if (stopped) await new Promise(() => { setInterval(() => {}, 1000); });
    const end = out.end();
    if (o.format === 'summary') w.write(batchSummary(p.info, end.tally.stats(), end.rows, end.first, o.shard));
    w.flush();
    sink.commit();
    partial?.remove();
  } catch (e) {
    sink.abort();
    if (partial !== null) {
      partial.close();
      if (e instanceof Error) e.message = `${e.message}; ${note()}`;
    }
    throw e;
  } finally {
    forget();
  }
}
