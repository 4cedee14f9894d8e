/**
 * The batch command's work as functions of its options (tests call them directly; the entry
 * only prints): build the plan from the scenario, priors, calibration, --set and --sweep; pick
 * this shard's runs; run them on the pool; assemble { batch, rows, stats }.
 */
import { resolveParams } from '../scenarios/index';
import { loadScenario } from '../scenarios/load-node';
import {
  batchInfo, batchResult, CAMPAIGNS, campaignPriors, campaignScenario, checkPlan, checkRuns, shardIndices, totalRuns,
  validatePriors, type BatchInfo, type BatchPlan, type BatchResult, type PriorSet,
} from '../batch/index';
import { runRows } from '../batch/nodePool';
import type { Params } from '../sim/index';
import type { BatchOptions } from './batchArgs';
import { CliError } from './errors';
import { worldOf, type World } from './estimate';
import { loadCalibration, readJsonFile, userActions } from './run';

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
  });
}

export interface Prepared { plan: BatchPlan; info: BatchInfo; indices: number[]; }

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
  const indices = shardIndices(totalRuns(plan), opts.shard);
  checkRuns(plan, indices);
  return { plan, info: batchInfo(plan, opts.multiplier), indices };
}

export async function runBatch(p: Prepared, workers: number | undefined,
  onProgress?: (done: number, total: number) => void): Promise<BatchResult> {
  const rows = await runRows(p.plan, p.indices, { workers, onProgress });
  return batchResult(p.info, rows);
}
