/**
 * A batch's result document: `{ batch, rows, stats }` (a shard adds `shard`). `batch` records what
 * was run (and fingerprints of the inputs, so shards of different batches are never merged);
 * `stats` is a function of the rows and `batch` alone, so merged shards print the same bytes as
 * the single run.
 */
import { resolveParams } from '../scenarios/index';
import { MODEL_VERSION, type ActionDef } from '../sim/index';
import { CausalTally, type CausalFields } from './causal';
import { totalRuns, type BatchPlan } from './plan';
import type { Row } from './rows';
import { fingerprint } from './seeds';
import type { RatioKind } from './stats';
import { campaignDefinition, qualifies, Tally, type BatchStats, type Targets } from './summarize';
import { pointCount, pointValues, type SweepAxis } from './sweep';

export interface BatchInfo {
  /** The model that made the rows (src/sim/version.ts): merge refuses shards of different models. */
  modelVersion: number;
  scenario: string;
  /** --strategy and the actions added to it (--a, --actions). */
  strategy: string;
  actions: ActionDef[];
  seed: number;
  runs: number;
  points: number;
  total: number;
  sets: Array<[string, string]>;
  sweep: SweepAxis[];
  /** The priors' keys when the batch samples them (campaigns), else null. */
  sampled: string[] | null;
  targets: Targets;
  /** FNV-1a of the model version, scenario, calibration, priors, strategy and actions as loaded. */
  fingerprint: string;
  /**
   * `batch --causal` (docs/research.md section 1b): present only then, with the landmark day every
   * run was noted at, so a batch without it writes the record it always wrote (and merge or
   * --resume refuse to mix the two).
   */
  causal?: { landmarkDay: number };
}

export interface PointStats { point: number; values: Record<string, number>; stats: BatchStats; }
export type Stats = BatchStats & { points?: PointStats[] };
export interface BatchResult { batch: BatchInfo; rows: Row[]; stats: Stats; }
export interface ShardInfo { index: number; count: number; }

export function batchInfo(plan: BatchPlan, kind: RatioKind): BatchInfo {
  const p = resolveParams(plan.scenario, plan.sets, plan.calibration);
  const info: BatchInfo = {
    modelVersion: MODEL_VERSION,
    scenario: plan.scenarioName,
    strategy: plan.strategy,
    actions: plan.actions.map((a) => ({ ...a })),
    seed: plan.seed,
    runs: plan.runs,
    points: pointCount(plan.sweep),
    total: totalRuns(plan),
    sets: plan.sets.map(([k, v]) => [k, v]),
    sweep: plan.sweep.map((a) => ({ key: a.key, values: [...a.values] })),
    sampled: plan.priors ? plan.priors.priors.map((x) => x.key) : null,
    targets: {
      successRate: p.targetSuccessRate,
      defectionShareInSuccesses: p.targetDefectionShareInSuccesses,
      successMultiplier: p.targetSuccessMultiplier,
      kind,
      campaign: campaignDefinition(p),
    },
    fingerprint: fingerprint(JSON.stringify([MODEL_VERSION, plan.scenario, plan.calibration, plan.priors, plan.strategy, plan.actions])),
  };
  if (plan.causal === true) info.causal = { landmarkDay: p.landmarkDay };
  return info;
}

/**
 * The statistics of a batch's rows, added one at a time (in any order): a Tally of all rows and,
 * with a sweep, one of each grid point, so the rows themselves need not be kept.
 */
export class BatchTally {
  private readonly all: Tally;
  private readonly byPoint: Tally | null;
  /** With --causal: the causal counts of all rows and of each grid point (`stats.causal`). */
  private readonly causal: CausalTally | null;
  private readonly causalByPoint: CausalTally[] | null;
  rows = 0;

  constructor(readonly info: BatchInfo) {
    this.all = new Tally(1, info.targets.campaign);
    this.byPoint = info.sweep.length > 0 ? new Tally(info.points, info.targets.campaign) : null;
    const c = info.causal;
    this.causal = c === undefined ? null : new CausalTally(c.landmarkDay);
    this.causalByPoint = c === undefined || this.byPoint === null ? null : Array.from({ length: info.points }, () => new CausalTally(c.landmarkDay));
  }

  add(r: Row): void {
    this.rows++;
    this.all.add(r);
    this.byPoint?.add(r, r.point ?? 0);
    // The causal figures count campaigns only, as the targets do.
    if (this.causal !== null && qualifies(r, this.info.targets.campaign)) {
      const c = causalFields(r);
      this.causal.add(c);
      const p = r.point ?? 0;
      if (this.causalByPoint !== null && Number.isInteger(p) && p >= 0 && p < this.causalByPoint.length) this.causalByPoint[p].add(c);
    }
  }

  /** The ensemble's figures, without the per-point ones. */
  overall(): BatchStats {
    const st = this.all.figures(this.info.targets);
    if (this.causal !== null) st.causal = this.causal.figures();
    return st;
  }

  /** Grid point p's figures (a sweep only). */
  point(p: number): PointStats {
    if (this.byPoint === null) throw new Error('no sweep: no per-point statistics');
    const st = this.byPoint.figures(this.info.targets, p);
    if (this.causalByPoint !== null) st.causal = this.causalByPoint[p].figures();
    return { point: p, values: Object.fromEntries(pointValues(this.info.sweep, p)), stats: st };
  }

  /** Everything at once (what batchStats returns). */
  stats(): Stats {
    const all: Stats = this.overall();
    if (this.byPoint !== null) all.points = Array.from({ length: this.info.points }, (_, p) => this.point(p));
    return all;
  }

  /**
   * JSON.stringify(this.stats()), written in pieces (one per sweep point), so a sweep of many
   * points never holds its whole statistics text at once.
   */
  writeJson(write: (chunk: string) => void): void {
    const head = JSON.stringify(this.overall());
    if (this.byPoint === null) { write(head); return; }
    write(`${head.slice(0, -1)},"points":[`);
    for (let p = 0; p < this.info.points; p++) write((p > 0 ? ',' : '') + JSON.stringify(this.point(p)));
    write(']}');
  }
}

/** The causal fields of a row (a row without them counts as not noted, not replayed). */
const causalFields = (r: Row): CausalFields => ({
  nonviolent: r.nonviolent, outcome: r.outcome, fallCause: r.fallCause,
  landmarkUndecided: r.landmarkUndecided ?? null, landmarkDefectedShare: r.landmarkDefectedShare ?? null, knockoutSuccess: r.knockoutSuccess ?? null,
});

/** Stats of all rows and, with a sweep, of each grid point's rows. */
export function batchStats(info: BatchInfo, rows: readonly Row[]): Stats {
  const t = new BatchTally(info);
  for (const r of rows) t.add(r);
  return t.stats();
}

export function batchResult(info: BatchInfo, rows: Row[]): BatchResult {
  return { batch: info, rows, stats: batchStats(info, rows) };
}

/** The JSON text: one line, no timestamps or paths beyond what the user typed. */
export function resultJson(r: BatchResult, shard: ShardInfo | null = null): string {
  const doc = shard === null ? r : { batch: r.batch, shard, rows: r.rows, stats: r.stats };
  return JSON.stringify(doc) + '\n';
}
