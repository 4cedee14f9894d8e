/**
 * The balance report's bookkeeping, without the pool (the CLI runs the tasks; tests run them in
 * the calling thread): a registry of runs that gives identical inputs one task (so `best` and
 * `strategy:scenario`, or a policy that turns out to play nothing and `nothing`, share runs), and
 * one preset's policies, their tasks, and the figures made from their rows. Browser-safe, pure.
 */
import { type ActionDef, type Params, type ScenarioData, type TacticId, TACTIC_IDS } from '../sim/index';
import { resolveLayers, type Calibration, type PriorDraw } from '../scenarios/index';
import { runSeed } from '../batch/seeds';
import { wilson } from '../batch/stats';
import type { BalancePlan, BalanceRow, RunVariant } from './job';
import { evaluateRisk, type EffectFigures, type HistoricalFigure, type LessonResult, type PolicyFigures, type PresetFigures, type RiskLesson } from './lessons';
import { bestOnceDay, familyOf, policiesFor, riskPolicies, tierSeeds, type Family, type Policy, type Tier } from './policies';
import { mean, median, pairedDiffs, r6, tInterval } from './stats';

/** The quantity each tactic is meant to move, and whether its effect is also read as a share of the nothing value. */
export const EFFECT_QUANTITY: Record<TacticId, { quantity: EffectFigures['quantity']; relative: boolean }> = {
  disciplineTraining: { quantity: 'defectedShare', relative: false },
  symbols: { quantity: 'defectedShare', relative: false },
  streetUnmasking: { quantity: 'defectedShare', relative: false },
  massPublication: { quantity: 'defectedShare', relative: false },
  amnestyPledge: { quantity: 'defectedShare', relative: false },
  solidarityFund: { quantity: 'defectedShare', relative: false },
  defectorOutreach: { quantity: 'defectedShare', relative: false },
  crimeRegistry: { quantity: 'defectedShare', relative: false },
  strike: { quantity: 'resources', relative: true },
  eliteAppeals: { quantity: 'cohesion', relative: true },
  courts: { quantity: 'detentions', relative: true },
  immunityForTestimony: { quantity: 'defectedShare', relative: false },
};

const COST_GAIN = new Map<string, TacticId>(TACTIC_IDS.flatMap((t) => [[`${t}Cost`, t], [`${t}Gain`, t]] as Array<[string, TacticId]>));

/**
 * The --set values that can matter to a run: a tactic's cost or gain is read only when that
 * tactic is played (src/sim/rules/actions.ts), so it is dropped for a run that never plays it;
 * such a run is the same run with or without it, and shares its task.
 */
export function effectiveSets(sets: ReadonlyArray<readonly [string, string]>, actions: readonly ActionDef[]): Array<[string, string]> {
  const played = new Set(actions.map((a) => a.tactic));
  return sets.filter(([k]) => { const t = COST_GAIN.get(k); return t === undefined || played.has(t); }).map(([k, v]) => [k, v]);
}

/** Every run the reports need, each once (a world with sampled priors, e.g. the campaigns ensemble, passes them per run). */
export class RunRegistry {
  readonly scenarios: ScenarioData[] = [];
  readonly variants: RunVariant[] = [];
  readonly tasks: Array<[number, number]> = [];
  readonly rows: Array<BalanceRow | undefined> = [];
  /** Relative cost of each task (agent-ticks), for the ETA and for starting the longest runs first. */
  readonly cost: number[] = [];
  private readonly scenarioIdx = new Map<ScenarioData, number>();
  private readonly variantIdx = new Map<string, number>();
  private readonly taskIdx = new Map<string, number>();

  constructor(readonly calibration: Calibration | null) {}

  /** The task of one run (a new one unless the same inputs were registered before). */
  task(scenario: ScenarioData, actions: readonly ActionDef[], sets: ReadonlyArray<readonly [string, string]>, seed: number, cost = 1,
    priors?: readonly PriorDraw[]): number {
    let si = this.scenarioIdx.get(scenario);
    if (si === undefined) { si = this.scenarios.length; this.scenarios.push(scenario); this.scenarioIdx.set(scenario, si); }
    const eff = effectiveSets(sets, actions);
    const vkey = `${si}|${JSON.stringify(eff)}|${actions.map((a) => `${a.tick}.${a.tactic}`).join(',')}|${priors ? JSON.stringify(priors) : ''}`;
    let vi = this.variantIdx.get(vkey);
    if (vi === undefined) {
      vi = this.variants.length;
      this.variants.push({ scenario: si, actions: actions.map((a) => ({ ...a })), sets: eff, ...(priors ? { priors: priors.map((d) => ({ ...d })) } : {}) });
      this.variantIdx.set(vkey, vi);
    }
    const tkey = `${vi}|${seed >>> 0}`;
    let ti = this.taskIdx.get(tkey);
    if (ti === undefined) { ti = this.tasks.length; this.tasks.push([vi, seed >>> 0]); this.rows.push(undefined); this.cost.push(cost); this.taskIdx.set(tkey, ti); }
    return ti;
  }

  /** Tasks without a row yet, the costliest first (the pool hands out jobs in this order). */
  pending(): number[] {
    const out: number[] = [];
    for (let g = 0; g < this.tasks.length; g++) if (this.rows[g] === undefined) out.push(g);
    return out.sort((a, b) => this.cost[b] - this.cost[a] || a - b);
  }

  plan(): BalancePlan {
    return { kind: 'balance', scenarios: this.scenarios, calibration: this.calibration, variants: this.variants, tasks: this.tasks };
  }

  accept(indices: readonly number[], rows: readonly BalanceRow[]): void {
    indices.forEach((g, i) => { this.rows[g] = rows[i]; });
  }

  row(g: number): BalanceRow {
    const r = this.rows[g];
    if (r === undefined) throw new Error(`balance: run ${g} has not run`);
    return r;
  }
}

export interface PresetSpec {
  scenario: ScenarioData;
  /** N, the report's seeds for this preset; run r uses runSeed(seed, r). */
  seeds: number;
  seed: number;
  /** --set values on top of the layers for every run (a sensitivity variant); [] for the balance report. */
  sets?: Array<[string, string]>;
  /** Only nothing, best and each tactic alone (history family: only history). */
  reduced?: boolean;
  /** false: every policy at N seeds (no half or screen tiers). */
  tiers?: boolean;
  /** Risk lessons of this preset. */
  risks?: RiskLesson[];
}

export interface PolicyRuns { policy: Policy; seeds: number; tasks: number[] }

export interface PolicyReport extends PolicyFigures {
  name: string;
  family: string;
  tier: Tier;
  success: number | null;
  successLo: number | null;
  successHi: number | null;
  refusedPerRun: number;
  actionsPerRun: number;
}

export interface PresetReport {
  id: string;
  family: Family;
  seeds: number;
  policies: PolicyReport[];
  effects: Record<string, EffectFigures>;
  /** once:<t>: each start day's success (screen tier) and the best day. */
  once: Record<string, { days: Record<string, { runs: number; success: number | null; meanDefectedShare: number | null }>; best: number | null }>;
  /** History family: the mean model value of each historical figure under `history` (null: never reached). */
  historical: Record<string, HistoricalFigure> | null;
  risks: LessonResult[];
}

/** Relative cost of a run of these parameters (agent-ticks to the horizon). */
export const runCost = (p: Params): number =>
  (Math.round(p.citizenCount * p.scale) + Math.max(Math.round(p.officerCount * p.scale), Math.round(p.nationalForce * p.scale))) * p.horizonDays * (24 / p.hoursPerTick);

const setText = (v: unknown): string => (Array.isArray(v) ? v.join(',') : String(v));

/** One preset of a report: its policies, their runs, and the figures from their rows. */
export class PresetRun {
  readonly params: Params;
  readonly family: Family;
  readonly runs: PolicyRuns[] = [];
  private readonly cost: number;
  private readonly riskPairs: Array<{ lesson: RiskLesson; best: PolicyRuns; add: PolicyRuns }> = [];
  private onceDone = false;

  constructor(private readonly reg: RunRegistry, readonly spec: PresetSpec) {
    const sets = spec.sets ?? [];
    this.params = resolveLayers({ scenario: spec.scenario, calibration: reg.calibration, sets }).params;
    this.family = familyOf(spec.scenario);
    this.cost = runCost(this.params);
    for (const p of policiesFor(spec.scenario, { params: this.params, reduced: spec.reduced })) this.runs.push(this.register(p));
    for (const l of spec.risks ?? []) {
      const cond = l.condition.map(([k, v]): [string, string] => [k, setText(v)]);
      const rsets = [...sets, ...cond];
      const params = resolveLayers({ scenario: spec.scenario, calibration: reg.calibration, sets: rsets }).params;
      const [b, a] = riskPolicies(spec.scenario, params, l.id, rsets, l.add);
      const best = this.register(b), add = this.register(a);
      this.runs.push(best, add);
      this.riskPairs.push({ lesson: l, best, add });
    }
  }

  private seedsOf(tier: Tier): number { return this.spec.tiers === false ? this.spec.seeds : tierSeeds(tier, this.spec.seeds); }

  private register(p: Policy, n = this.seedsOf(p.tier)): PolicyRuns {
    const sets = [...(this.spec.sets ?? []), ...(p.sets ?? [])];
    const tasks: number[] = [];
    for (let r = 0; r < n; r++) {
      const seed = runSeed(this.spec.seed, r);
      const actions = typeof p.actions === 'function' ? p.actions(seed) : p.actions;
      tasks.push(this.reg.task(this.spec.scenario, actions, sets, seed, this.cost));
    }
    return { policy: p, seeds: n, tasks };
  }

  /**
   * After the screening runs: once:<t>, the best start day of each tactic, at the half tier
   * (its first seeds are the screening runs). Returns false when there is nothing more to do.
   */
  addOnceBest(): boolean {
    if (this.onceDone) return false;
    this.onceDone = true;
    const byTactic = new Map<TacticId, PolicyRuns[]>();
    for (const pr of this.runs) if (pr.policy.family === 'once-day') byTactic.set(pr.policy.tactic!, [...(byTactic.get(pr.policy.tactic!) ?? []), pr]);
    if (byTactic.size === 0) return false;
    for (const [t, days] of byTactic) {
      const stats = days.map((d) => { const f = this.figures(d); return { day: d.policy.day!, success: f.success ?? 0, defected: f.defectedShare ?? 0 }; });
      const best = bestOnceDay(stats);
      const pick = days.find((d) => d.policy.day === best)!;
      const pr = this.register({ ...pick.policy, name: `once:${t}`, family: 'once', tier: 'half' }, this.seedsOf('half'));
      const at = this.runs.indexOf(days[days.length - 1]);
      this.runs.splice(at + 1, 0, pr);
    }
    return true;
  }

  private rowsOf(pr: PolicyRuns): BalanceRow[] { return pr.tasks.map((g) => this.reg.row(g)); }

  figures(pr: PolicyRuns): PolicyReport {
    const rows = this.rowsOf(pr), n = rows.length;
    const count = (o: string) => rows.filter((r) => r.outcome === o).length;
    const w = wilson(count('success'), n);
    const share = (k: number) => (n > 0 ? k / n : null);
    const tips = rows.filter((r) => r.outcome === 'success' && r.tippingDay !== null).map((r) => r.tippingDay!);
    return {
      name: pr.policy.name, family: pr.policy.family, tier: pr.policy.tier, runs: n,
      success: w.value, successLo: w.lo, successHi: w.hi, stalemate: share(count('stalemate')), failure: share(count('failure')),
      medianTippingDay: median(tips), defectedShare: mean(rows.map((r) => r.defectedShare)), resources: mean(rows.map((r) => r.resources)),
      cohesion: mean(rows.map((r) => r.cohesion)), detentions: mean(rows.map((r) => r.detentions)),
      refusedPerRun: mean(rows.map((r) => r.refused)) ?? 0,
      actionsPerRun: n > 0 ? pr.tasks.reduce((a, g) => a + this.reg.variants[this.reg.tasks[g][0]].actions.length, 0) / n : 0,
    };
  }

  private bySeed(pr: PolicyRuns, q: EffectFigures['quantity']): Map<number, number> {
    return new Map(this.rowsOf(pr).map((r) => [r.seed, r[q]]));
  }

  report(): PresetReport {
    const policies = this.runs.map((pr) => this.figures(pr));
    const nothing = this.runs.find((pr) => pr.policy.name === 'nothing');
    const effects: Record<string, EffectFigures> = {};
    if (nothing)
      for (const pr of this.runs.filter((x) => x.policy.family === 'alone')) {
        const t = pr.policy.tactic!, { quantity, relative } = EFFECT_QUANTITY[t];
        const base = this.bySeed(nothing, quantity), alone = this.bySeed(pr, quantity), d = pairedDiffs(base, alone);
        const paired = [...base.keys()].filter((s) => alone.has(s)).map((s) => base.get(s)!);
        const ci = tInterval(d), nm = mean(paired);
        const rel = (x: number | null) => (x === null || nm === null || nm === 0 || !relative ? null : x / nm);
        effects[t] = { quantity, n: ci.n, mean: r6(ci.mean), lo: r6(ci.lo), hi: r6(ci.hi), nothingMean: r6(nm),
          relative: { mean: r6(rel(ci.mean)), lo: r6(rel(ci.lo)), hi: r6(rel(ci.hi)) } };
      }
    const once: PresetReport['once'] = {};
    for (const pr of this.runs) {
      if (pr.policy.family === 'once-day') {
        const f = this.figures(pr), t = pr.policy.tactic!;
        once[t] ??= { days: {}, best: null };
        once[t].days[String(pr.policy.day)] = { runs: f.runs, success: f.success, meanDefectedShare: r6(f.defectedShare) };
      }
      if (pr.policy.family === 'once') { once[pr.policy.tactic!] ??= { days: {}, best: null }; once[pr.policy.tactic!].best = pr.policy.day!; }
    }
    let historical: PresetReport['historical'] = null;
    const hist = this.runs.find((pr) => pr.policy.name === 'history');
    if (this.spec.scenario.historical && hist) {
      historical = {};
      const rows = this.rowsOf(hist);
      for (const [k, def] of Object.entries(this.spec.scenario.historical)) {
        const vals = rows.map((r) => r.historical?.[k]).filter((v): v is number => typeof v === 'number');
        historical[k] = { historical: def.value, band: def.band ?? null, model: r6(mean(vals)) };
      }
    }
    const risks = this.riskPairs.map(({ lesson, best, add }) => evaluateRisk(lesson, this.figures(best).success, this.figures(add).success));
    return { id: this.spec.scenario.id, family: this.family, seeds: this.spec.seeds, policies, effects, once, historical, risks };
  }
}

/** What the lessons read of a preset's report. */
export function presetFigures(r: PresetReport): PresetFigures {
  const policies: Record<string, PolicyFigures> = {};
  for (const p of r.policies) policies[p.name] = p;
  return { policies, effects: r.effects, historical: r.historical };
}
