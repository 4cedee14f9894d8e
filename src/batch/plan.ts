/**
 * A batch as plain data (structured-cloneable, so a worker receives it whole) and the one pure
 * function that turns (plan, run index) into a result row. Any process that holds the plan can
 * compute any run, which is why the rows are identical whatever the worker count or sharding.
 *
 * Runs are numbered point-major: g = point · runs + r, where point is the sweep grid point and
 * r the replicate; run r's seed depends on (seed, r) only (common random numbers across points).
 */
import { ParamError, runReport, runToEnd, type ActionDef, type ParamValue, type Params } from '../sim/index';
import type { ScenarioData } from '../sim/index';
import { attributeFall, buildRun, resolveLayers, strategyActions, type Calibration, type Origin, type PriorDraw, type Resolved, type RunSpec } from '../scenarios/index';
import { knockoutSucceeds, runToEndWithLandmark, type Landmark } from './causalRun';
import { BatchError } from './errors';
import { samplePriors, sampleStrategy, type PriorSet } from './priors';
import { addCausalColumns, makeRow, type Row } from './rows';
import { runSeed } from './seeds';
import { checkAxes, pointCount, pointValues, type SweepAxis } from './sweep';

export interface BatchPlan {
  /** What the user named: a preset id, 'campaigns' or a file path (kept for the record). */
  scenarioName: string;
  scenario: ScenarioData;
  seed: number;
  /** Runs per sweep point. */
  runs: number;
  /**
   * The movement's strategy (`--strategy`: scenario, none or a named one) and the actions added to it.
   * With a strategy prior (priors.strategies) a run draws its own strategy unless this names one
   * other than 'scenario' (as --set fixes a sampled parameter).
   */
  strategy: string;
  actions: ActionDef[];
  /** `--set` overrides, as typed (key, text); applied after sampled priors, before sweep values. */
  sets: Array<[string, string]>;
  sweep: SweepAxis[];
  calibration: Calibration | null;
  priors: PriorSet | null;
  /**
   * `batch --causal` (docs/research.md section 1b; default false): each row also notes the run at
   * the landmark day and whether it succeeds again with no officer allowed to leave duty (a
   * knock-out replay for every nonviolent run whose attribution did not replay it already).
   */
  causal?: boolean;
  /**
   * false: no pillar attribution (src/scenarios/attribute.ts): a success's fallCause and pivotal are
   * null and no replay runs. For ensembles judged only on the three research figures (calibrate's
   * check on unseen seeds), which need no cause; default true.
   */
  attribution?: boolean;
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
  if (plan.causal === true && plan.sweep.some((a) => a.key === 'landmarkDay'))
    throw new BatchError("--causal counts every run at one landmark day: sweep 'landmarkDay' in separate batches (--set landmarkDay=N) instead");
  const total = totalRuns(plan);
  if (total > MAX_TOTAL_RUNS) throw new BatchError(`${total} runs (${plan.runs} per point × ${pointCount(plan.sweep)} points) exceed the limit of ${MAX_TOTAL_RUNS}`);
  strategyActions(plan.scenario, plan.strategy); // names the choices when the strategy is unknown
  for (const x of plan.priors?.strategies ?? []) strategyActions(plan.scenario, x.name);
  resolveLayers({ scenario: plan.scenario, calibration: plan.calibration, sets: plan.sets });
  return plan;
}

export interface RunInputs {
  point: number;
  replicate: number;
  seed: number;
  /** The run's sampled priors, then its sweep values (as text); --set is the plan's. */
  priors: PriorDraw[];
  sweep: Array<[string, string]>;
  /** The strategy the run plays: drawn by the strategy prior, or the plan's. */
  strategy: string;
}

export function runInputs(plan: BatchPlan, g: number): RunInputs {
  const point = Math.floor(g / plan.runs), replicate = g % plan.runs;
  const seed = runSeed(plan.seed, replicate);
  const priors = plan.priors ? samplePriors(plan.priors, seed) : [];
  const sweep = pointValues(plan.sweep, point).map(([k, v]): [string, string] => [k, String(v)]);
  const drawn = plan.strategy === 'scenario' ? sampleStrategy(plan.priors, seed) : null;
  return { point, replicate, seed, priors, sweep, strategy: drawn ?? plan.strategy };
}

/** The run's own columns: every sampled, --set or swept parameter with the value that ran, in first-appearance order. */
function rowValues(plan: BatchPlan, inp: RunInputs, params: Params): Array<[string, ParamValue]> {
  const keys = new Set<string>([...inp.priors.map((d) => d.key), ...plan.sets.map(([k]) => k), ...inp.sweep.map(([k]) => k)]);
  const p = params as unknown as Record<string, ParamValue>;
  return [...keys].map((k) => [k, p[k]]);
}

/**
 * Without priors every run of a sweep point has the same parameters: they are resolved once per
 * point (per plan object) rather than once per run, which is most of a small world's cost.
 */
const samePoint = new WeakMap<BatchPlan, { point: number; resolved: Resolved; values: Array<[string, ParamValue]> }>();

/**
 * Layers of run g: defaults < calibration < scenario < sampled priors < --set < sweep. The result
 * may be shared with other runs of the plan: read it, do not change it.
 */
export function runParams(plan: BatchPlan, g: number): { inputs: RunInputs; params: Params; origin: Record<string, Origin>; values: Array<[string, ParamValue]> } {
  const inp = runInputs(plan, g);
  const cacheable = inp.priors.length === 0;
  const hit = cacheable ? samePoint.get(plan) : undefined;
  if (hit !== undefined && hit.point === inp.point) return { inputs: inp, params: hit.resolved.params, origin: hit.resolved.origin, values: hit.values };
  try {
    const r = resolveLayers({ scenario: plan.scenario, calibration: plan.calibration, priors: inp.priors, sets: plan.sets, sweep: inp.sweep });
    const values = rowValues(plan, inp, r.params);
    if (cacheable) samePoint.set(plan, { point: inp.point, resolved: r, values });
    return { inputs: inp, params: r.params, origin: r.origin, values };
  } catch (e) {
    // A sampled or swept combination can break a cross-parameter rule: say which run.
    if (e instanceof ParamError) throw new ParamError(`run ${g} (seed ${inp.seed}): ${e.message}`);
    throw e;
  }
}

const r6 = (x: number): number => Math.round(x * 1e6) / 1e6;

/**
 * Runs g to its outcome (or the horizon, a stalemate) exactly as `npm run sim` does without
 * --ticks: one tick at a time until the outcome is decided, so the row replays with the CLI.
 * With plan.causal the run is the same (runToEndWithLandmark only looks at it on the way) and the
 * row gains the causal columns: the knock-out of a success is its attribution's own force replay
 * (pivotal.force: the run does not fall with holdForce), so only the other nonviolent runs are
 * replayed; a violent run is not (the causal figures count nonviolent runs only).
 */
export function runOne(plan: BatchPlan, g: number): Row {
  const { inputs, params, origin, values } = runParams(plan, g);
  const spec: RunSpec = { scenario: plan.scenario, seed: inputs.seed, strategy: inputs.strategy, actions: plan.actions,
    calibration: plan.calibration, priors: inputs.priors, sets: plan.sets, sweep: inputs.sweep, resolved: { params, origin } };
  const { state } = buildRun(spec);
  let mark: Landmark | null = null;
  if (plan.causal === true) mark = runToEndWithLandmark(state, params.landmarkDay);
  else runToEnd(state);
  const attribute = plan.attribution !== false;
  const attribution = attribute ? attributeFall(spec, state) : null;
  const report = runReport(state, attribution);
  if (!attribute && report.outcome === 'success') { report.fallCause = null; report.pivotal = null; }
  const row = makeRow(g, plan.sweep.length > 0 ? inputs.point : null, inputs.seed, values, report, inputs.strategy);
  if (mark === null) return row;
  const knockoutSuccess = !row.nonviolent ? null : attribution !== null ? !attribution.pivotal.force : knockoutSucceeds(spec);
  return addCausalColumns(row, { landmarkUndecided: mark.undecided, landmarkDefectedShare: r6(mark.defectedShare), knockoutSuccess });
}

/** Shard i of n (1-based) takes runs g with g mod n = i − 1: strided, so each shard gets every point. */
export function shardIndices(total: number, shard: { index: number; count: number } | null): number[] {
  const out: number[] = [];
  const step = shard ? shard.count : 1;
  for (let g = shard ? shard.index - 1 : 0; g < total; g += step) out.push(g);
  return out;
}

/** shardIndices as a Uint32Array (4 bytes a run: what a batch of millions of runs holds). */
export function shardRuns(total: number, shard: { index: number; count: number } | null): Uint32Array {
  const start = shard ? shard.index - 1 : 0, step = shard ? shard.count : 1;
  const out = new Uint32Array(total > start ? Math.ceil((total - start) / step) : 0);
  for (let k = 0; k < out.length; k++) out[k] = start + k * step;
  return out;
}

/** Resolves every run's parameters without running it: bad combinations fail before any work. */
export function checkRuns(plan: BatchPlan, indices: ArrayLike<number>): void {
  for (let k = 0; k < indices.length; k++) runParams(plan, indices[k]);
}
