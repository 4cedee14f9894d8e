/**
 * A batch as plain data (structured-cloneable, so a worker receives it whole) and the one pure
 * function that turns (plan, run index) into a result row. Any process that holds the plan can
 * compute any run, which is why the rows are identical whatever the worker count or sharding.
 *
 * Runs are numbered point-major: g = point · runs + r, where point is the sweep grid point and
 * r the replicate; run r's seed depends on (seed, r) only (common random numbers across points).
 */
import { advance, createState, ParamError, parseValue, runReport, type ParamValue } from '../sim/index';
import type { ScenarioData } from '../sim/index';
import { resolveParams, type Calibration } from '../scenarios/index';
import { BatchError } from './errors';
import { samplePriors, type PriorSet } from './priors';
import { makeRow, type Row } from './rows';
import { runSeed } from './seeds';
import { checkAxes, pointCount, pointValues, type SweepAxis } from './sweep';

export interface BatchPlan {
  /** What the user named: a preset id, 'campaigns' or a file path (kept for the record). */
  scenarioName: string;
  scenario: ScenarioData;
  seed: number;
  /** Runs per sweep point. */
  runs: number;
  /** `--set` overrides, as typed (key, text); applied after sampled priors, before sweep values. */
  sets: Array<[string, string]>;
  sweep: SweepAxis[];
  calibration: Calibration | null;
  priors: PriorSet | null;
}

/** Most runs one batch may hold (per shard set): beyond this the row array itself is the problem. */
export const MAX_TOTAL_RUNS = 10_000_000;

export const totalRuns = (plan: BatchPlan): number => plan.runs * pointCount(plan.sweep);

/** Checks the shape of a plan and resolves the base parameters once, so mistakes surface early. */
export function checkPlan(plan: BatchPlan): BatchPlan {
  if (!Number.isInteger(plan.runs) || plan.runs < 1) throw new BatchError(`--runs must be a positive integer, got ${plan.runs}`);
  checkAxes(plan.sweep);
  for (const a of plan.sweep)
    if (plan.sets.some(([k]) => k === a.key)) throw new BatchError(`'${a.key}' is given both by --set and by --sweep`);
  const total = totalRuns(plan);
  if (total > MAX_TOTAL_RUNS) throw new BatchError(`${total} runs (${plan.runs} per point × ${pointCount(plan.sweep)} points) exceed the limit of ${MAX_TOTAL_RUNS}`);
  resolveParams(plan.scenario, plan.sets, plan.calibration);
  return plan;
}

export interface RunInputs {
  point: number;
  replicate: number;
  seed: number;
  /** Every --set pair the run applies, in order: sampled priors, then --set, then sweep values. */
  sets: Array<[string, string]>;
  /** The same as typed values, one per key (a later pair wins), in first-appearance order. */
  values: Array<[string, ParamValue]>;
}

export function runInputs(plan: BatchPlan, g: number): RunInputs {
  const point = Math.floor(g / plan.runs), replicate = g % plan.runs;
  const seed = runSeed(plan.seed, replicate);
  const sets: Array<[string, string]> = [];
  if (plan.priors) for (const [k, v] of samplePriors(plan.priors, seed)) sets.push([k, String(v)]);
  sets.push(...plan.sets);
  for (const [k, v] of pointValues(plan.sweep, point)) sets.push([k, String(v)]);
  const byKey = new Map<string, ParamValue>();
  for (const [k, text] of sets) byKey.set(k, parseValue(k, text));
  return { point, replicate, seed, sets, values: [...byKey] };
}

/** Resolved parameters of run g: scenario ← sampled priors ← --set ← sweep ← calibration. */
export function runParams(plan: BatchPlan, g: number) {
  const inp = runInputs(plan, g);
  try {
    return { inputs: inp, params: resolveParams(plan.scenario, inp.sets, plan.calibration) };
  } catch (e) {
    // A sampled or swept combination can break a cross-parameter rule: say which run.
    if (e instanceof ParamError) throw new ParamError(`run ${g} (seed ${inp.seed}): ${e.message}`);
    throw e;
  }
}

/**
 * Runs g to its outcome (or the horizon, a stalemate) exactly as `npm run sim` does without
 * --ticks: one tick at a time until the outcome is decided, so the row replays with the CLI.
 */
export function runOne(plan: BatchPlan, g: number): Row {
  const { inputs, params } = runParams(plan, g);
  const s = createState(plan.scenario, params, inputs.seed);
  while (s.outcome === null && s.tick < s.horizonTicks) advance(s, 1);
  return makeRow(g, plan.sweep.length > 0 ? inputs.point : null, inputs.seed, inputs.values, runReport(s));
}

/** Shard i of n (1-based) takes runs g with g mod n = i − 1: strided, so each shard gets every point. */
export function shardIndices(total: number, shard: { index: number; count: number } | null): number[] {
  const out: number[] = [];
  const step = shard ? shard.count : 1;
  for (let g = shard ? shard.index - 1 : 0; g < total; g += step) out.push(g);
  return out;
}

/** Resolves every run's parameters without running it: bad combinations fail before any work. */
export function checkRuns(plan: BatchPlan, indices: readonly number[]): void {
  for (const g of indices) runParams(plan, g);
}
