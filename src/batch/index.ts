/**
 * Public surface of src/batch that is safe in the browser: plans, runs, rows, sweeps, priors,
 * statistics, results and merging. The worker pool (pool.ts) is here too; its Node threads (nodePool.ts) are Node only, imported
 * directly by the CLI, so the page's bundle never pulls in node:worker_threads.
 */
export { BatchError } from './errors';
export { Z95, wilson, oddsRatio, riskRatio, ratio, impliedByTargets, shareDifference } from './stats';
export type { Proportion, Ratio, RatioKind, Table2x2, Implied, ShareDifference } from './stats';
export { summarize, Tally, PARTICIPATION_BANDS, NAVCO_VIOLENT_SUCCESS, campaignDefinition, qualifies, strategyKind, PILLAR_TACTICS, STRATEGY_KINDS } from './summarize';
export type { BatchStats, Targets, Comparison, StatFields, CampaignDefinition, StrategyStats, StrategyGroup, StrategyKind } from './summarize';
export { runSeed, fmix32, fingerprint } from './seeds';
export { CausalTally, causalVerdict, pairedDifference, LANDMARK_THRESHOLDS, CAUSAL_FALL_CAUSES } from './causal';
export type { CausalFields, CausalStats, CausalVerdict, Difference, LandmarkFigure } from './causal';
export { parseSweepArg, checkAxes, pointCount, pointValues, MAX_AXIS_POINTS } from './sweep';
export type { SweepAxis } from './sweep';
export { validatePriors, samplePriors, sampleStrategy, DISTS } from './priors';
export type { Prior, PriorSet, Dist, StrategyChoice } from './priors';
export { CAMPAIGNS, CAMPAIGNS_FILE, campaignScenario, campaignPriors } from './campaigns';
export { checkPlan, checkRuns, runInputs, runParams, runOne, shardIndices, shardRuns, totalRuns, MAX_TOTAL_RUNS } from './plan';
export type { BatchPlan, RunInputs } from './plan';
export { makeRow, addCausalColumns, rowsToCsv, replayArgs, paramColumns, pivotalCell, pivotalPillars, CAUSAL_KEYS, METRIC_KEYS, PIVOTAL_PILLARS, STRATEGY_KEY } from './rows';
export type { Row, RunMetrics, Cell, CausalColumns } from './rows';
export { batchInfo, batchStats, batchResult, resultJson, BatchTally } from './result';
export type { BatchInfo, BatchResult, PointStats, Stats, ShardInfo } from './result';
export { BatchOutput, type OutputFormat, type StreamEnd } from './stream';
export { JsonReader, JsonSyntaxError, JsonTooLong, type ReadBytes } from './jsonReader';
export { asShard, checkHeader, checkRow, checkShardSet, mergeShards, rowColumns, shardRun, type ShardHead } from './merge';
export { scanShard, ShardRows, MAX_ROW_CHARS, MAX_HEADER_CHARS, type ShardScan } from './shardStream';
export type { ShardDoc } from './merge';
export { CALIBRATION_KEYS, MAX_INTERVAL_FACTOR, criterion, infeasibility, logRatio, objective, residuals, runsNeeded, runsForTargets, schedule } from './calibrate';
export type { Coefficients, Evaluate, FitKey, Verdict } from './calibrate';
export { fitCoefficients, fitBudget, STAGE_EVALUATIONS } from './fit';
export type { EvaluationInfo, FitOptions, FitResult } from './fit';
export { levenberg } from './levenberg';
export { runPool, BatchCancelled, jobSize, splitJobs, type WorkerLike, type PoolRun, type PoolOptions } from './pool';
export { runJob, runIndex, jobHandler, type JobReply, type JobRequest, type JobPlan, type JobRow } from './job';
export type { LevenbergOptions, LevenbergResult } from './levenberg';
export { VALIDATION_BANDS, GIVE_WAY, ODDS_FLOOR, VALIDATION_SEED_COUNT, VALIDATION_RUNS_FACTOR, validationSeeds, validationNonviolentRuns, checkSeed, judgeValidation, figureName, shortOfRuns } from './validate';
export type { FigureKey, SeedCheck, Validation } from './validate';
