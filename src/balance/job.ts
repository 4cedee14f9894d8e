/**
 * The balance reports' job kind for the one worker pool (src/batch/pool.ts, job.ts): a plan is
 * a list of scenarios, a list of run variants (a scenario, the movement's actions under
 * `--strategy none`, `--set` values on top of the layers) and a list of tasks (variant, seed);
 * task g is one run, built with buildRun exactly as `npm run sim -- --strategy none --a ...
 * --set ...` builds it, run to its end, and reduced to the few numbers the reports read.
 * Browser-safe: imports only the sim and src/scenarios.
 */
import { runReport, runToEnd, type ActionDef, type FallCause, type Outcome, type ScenarioData } from '../sim/index';
import { buildRun, type Calibration, type PriorDraw } from '../scenarios/index';

/** One way of running a scenario: what the movement does and what is set on top of the layers. */
export interface RunVariant {
  /** Index into BalancePlan.scenarios. */
  scenario: number;
  actions: ActionDef[];
  /** --set values (key, text), applied after the calibration and scenario layers. */
  sets: Array<[string, string]>;
  /** Sampled priors, if the world is an ensemble (none for the presets). */
  priors?: PriorDraw[];
}

export interface BalancePlan {
  kind: 'balance';
  scenarios: ScenarioData[];
  calibration: Calibration | null;
  variants: RunVariant[];
  /** Task g = [variant index, seed]. */
  tasks: Array<[number, number]>;
}

/** What one run leaves for the reports. */
export interface BalanceRow {
  task: number;
  seed: number;
  outcome: Outcome | null;
  fallCause: FallCause | null;
  tippingDay: number | null;
  ticks: number;
  /** summary.defectedShare: officers ever defected / initial force, at the decision (the horizon for a stalemate). */
  defectedShare: number;
  defectionOccurred: boolean;
  nonviolent: boolean;
  /** The regime's resources, elite cohesion and the detentions so far, when the run ended. */
  resources: number;
  cohesion: number;
  detentions: number;
  /** Actions the sim refused (capacity short, or not offered): 0 when the scheduler predicted right. */
  refused: number;
  /** The model's value of each entry of the scenario's historical block (null: not reached). */
  historical: Record<string, number | null> | null;
}

export function runBalanceTask(plan: BalancePlan, g: number): BalanceRow {
  const task = plan.tasks[g];
  if (task === undefined) throw new Error(`balance job: no task ${g}`);
  const [vi, seed] = task;
  const v = plan.variants[vi];
  const { state } = buildRun({ scenario: plan.scenarios[v.scenario], seed, strategy: 'none', actions: v.actions,
    calibration: plan.calibration, sets: v.sets, priors: v.priors });
  let refused = 0;
  runToEnd(state, (s) => {
    if (s.eventLog.length === 0) return;
    for (const e of s.eventLog) if (e.kind === 'tactic-refused') refused++;
    s.eventLog = [];
  });
  const rep = runReport(state);
  let historical: Record<string, number | null> | null = null;
  if (rep.historical) {
    historical = {};
    for (const [k, h] of Object.entries(rep.historical)) historical[k] = h.model;
  }
  return {
    task: g, seed, outcome: rep.outcome, fallCause: rep.fallCause, tippingDay: rep.tippingDay, ticks: rep.ticks,
    defectedShare: rep.summary.defectedShare, defectionOccurred: rep.summary.defectionOccurred, nonviolent: rep.summary.nonviolent,
    resources: state.regime.resources, cohesion: state.regime.eliteCohesion, detentions: state.totals.detentions,
    refused, historical,
  };
}
