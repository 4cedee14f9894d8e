/**
 * The batch command's work as functions of its options (tests call them directly; the entry
 * only prints): build the plan from the scenario, priors, calibration, --set and --sweep; pick
 * this shard's runs; run them on the pool; assemble { batch, rows, stats }.
 */
import { loadScenario } from '../scenarios/load-node';
import {
  batchInfo, batchResult, CAMPAIGNS, campaignPriors, campaignScenario, checkPlan, checkRuns, shardIndices, totalRuns,
  validatePriors, type BatchInfo, type BatchPlan, type BatchResult, type PriorSet,
} from '../batch/index';
import { runRows } from '../batch/nodePool';
import type { BatchOptions } from './batchArgs';
import { CliError } from './errors';
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

/** Everything up to the first run, including a parameter check of every run in this shard. */
export function prepareBatch(opts: BatchOptions, baseDir: string): Prepared {
  const plan = buildPlan(opts, baseDir);
  const indices = shardIndices(totalRuns(plan), opts.shard);
  checkRuns(plan, indices);
  return { plan, info: batchInfo(plan, opts.multiplier), indices };
}

export async function runBatch(p: Prepared, workers: number | undefined,
  onProgress?: (done: number, total: number) => void): Promise<BatchResult> {
  const rows = await runRows(p.plan, p.indices, { workers, onProgress });
  return batchResult(p.info, rows);
}
