/**
 * campaignRunsPerSecond for `npm run bench`: the campaigns ensemble as `npm run batch -- --scenario
 * campaigns` runs it (default priors and calibration, one worker per core), timed from the pool's
 * start to the last row, so worker start-up counts against the figure as it does for a user.
 */
import { campaignPriors, campaignScenario, checkPlan, shardIndices, totalRuns, type BatchPlan } from '../batch/index';
import { runRows } from '../batch/nodePool';
import { DEFAULT_CALIBRATION } from '../scenarios/index';

export const CAMPAIGN_BENCH_RUNS = 1000;

export const campaignPlan = (runs = CAMPAIGN_BENCH_RUNS): BatchPlan => checkPlan({
  scenarioName: 'campaigns', scenario: campaignScenario(), seed: 1, runs, strategy: 'scenario', actions: [], sets: [], sweep: [],
  calibration: DEFAULT_CALIBRATION, priors: campaignPriors(),
});

export async function campaignRate(plan: BatchPlan, log: (msg: string) => void, workers?: number): Promise<number> {
  log(`campaigns: ${plan.runs} runs on the worker pool ...`);
  const t = performance.now();
  await runRows(plan, shardIndices(totalRuns(plan), null), { workers });
  const secs = (performance.now() - t) / 1000;
  log(`campaigns: ${plan.runs} runs in ${secs.toFixed(2)} s`);
  return Math.round((plan.runs / secs) * 10) / 10;
}
