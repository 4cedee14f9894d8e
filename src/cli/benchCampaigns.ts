/**
 * campaignRunsPerSecond for `npm run bench`: the campaigns ensemble as `npm run batch -- --scenario
 * campaigns` runs it (default priors and calibration, one worker per core), timed from the pool's
 * start to the last row, so worker start-up counts against the figure as it does for a user.
 * campaignRunsPerSecondCausal: the same with `--causal` (each run's landmark and knock-out replay
 * included in its time; a run still counts once).
 */
import { campaignPriors, campaignScenario, checkPlan, shardIndices, totalRuns, type BatchPlan } from '../batch/index';
import { runRows } from '../batch/nodePool';
import { DEFAULT_CALIBRATION } from '../scenarios/index';

export const CAMPAIGN_BENCH_RUNS = 1000;

export const campaignPlan = (runs = CAMPAIGN_BENCH_RUNS, causal = false): BatchPlan => checkPlan({
  scenarioName: 'campaigns', scenario: campaignScenario(), seed: 1, runs, strategy: 'scenario', actions: [], sets: [], sweep: [],
  calibration: DEFAULT_CALIBRATION, priors: campaignPriors(), ...(causal ? { causal: true } : {}),
});

export async function campaignRate(plan: BatchPlan, log: (msg: string) => void, workers?: number): Promise<number> {
  const what = plan.causal === true ? 'campaigns --causal' : 'campaigns';
  log(`${what}: ${plan.runs} runs on the worker pool ...`);
  const t = performance.now();
  await runRows(plan, shardIndices(totalRuns(plan), null), { workers });
  const secs = (performance.now() - t) / 1000;
  log(`${what}: ${plan.runs} runs in ${secs.toFixed(2)} s`);
  return Math.round((plan.runs / secs) * 10) / 10;
}
