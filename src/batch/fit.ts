/**
 * The calibration search (docs/research.md section 5), coarse to fine: Levenberg-Marquardt on
 * ln(value) with the three scaled target distances as residuals, at each ensemble size of
 * schedule(runs), each stage starting from the best point of the one before with smaller steps.
 * With fixed seeds the statistics are smooth enough in the coefficients for a finite-difference
 * Jacobian, and the damped step is the smallest move that closes the gaps (more parameters
 * than targets: the fit stays near where it started). Values are rounded to 3 significant
 * digits before each ensemble, so the values written to the file are exactly the ones measured.
 * A stage stops early once its estimates are as close as the final ensemble needs (the last:
 * once the whole criterion holds).
 */
import { CALIBRATION_KEYS, criterion, objective, residuals, schedule, type Coefficients, type Evaluate, type FitKey, type Verdict } from './calibrate';
import { levenberg } from './levenberg';
import { PARAM_SPECS } from '../sim/index';
import type { BatchStats } from './summarize';

/**
 * Ensembles per stage at most (coarse, middle, full), the finite-difference step and the largest
 * move per iteration in ln units; a small final size has fewer stages and starts coarse all the same.
 */
export const STAGE_EVALUATIONS = [30, 24, 24];
const STAGE_STEP = [0.25, 0.15, 0.12];
const STAGE_MOVE = [0.7, 0.4, 0.3];

export interface FitOptions {
  /** Runs of the final ensemble (the criterion is judged there). */
  runs: number;
  keys?: readonly FitKey[];
  /** Starting values (missing keys start at the schema default), clamped into each key's range. */
  start?: Coefficients;
  /** Ensembles per stage, to override STAGE_EVALUATIONS (the last entry repeats). */
  evaluations?: number[];
  onEvaluation?: (e: EvaluationInfo) => void;
}

export interface EvaluationInfo {
  /** 1..stages; 0 = the start measured at the full size first (confirmation). */
  stage: number; stages: number; runs: number;
  /** Ensembles run so far (cached repeats excluded) and the most the schedule allows. */
  evaluation: number; maxEvaluations: number;
  /** Runs still to come at most (the stages' remaining budgets): an upper bound for an ETA. */
  runsLeftAtMost: number;
  coefficients: Coefficients; stats: BatchStats; objective: number; bestObjective: number;
}

export interface FitResult {
  coefficients: Coefficients;
  stats: BatchStats;
  objective: number;
  verdict: Verdict;
  /** Ensembles run in all. */
  evaluations: number;
  /** Keys whose fitted value sits at an edge of its range. */
  atBound: string[];
}

const round3 = (v: number): number => Number(v.toPrecision(3));
/** Which full-size ensemble is the fit: one meeting the criterion first, then the lower objective. */
const rank = (e: { stats: BatchStats; objective: number }): number => (criterion(e.stats).holds ? 0 : 1e9) + e.objective;

/** Upper bound on the runs a fit performs: the start at full size, then Σ stage runs × ensembles. */
export function fitBudget(runs: number, evaluations = STAGE_EVALUATIONS): number {
  const sizes = schedule(runs);
  return (sizes.length > 1 ? runs : 0) + sizes.reduce((s, r, i) => s + r * evaluations[Math.min(evaluations.length - 1, i)], 0);
}

export async function fitCoefficients(evaluate: Evaluate, o: FitOptions): Promise<FitResult> {
  const keys = o.keys ?? CALIBRATION_KEYS;
  const lower = keys.map((k) => Math.log(k.min)), upper = keys.map((k) => Math.log(k.max));
  const toCoef = (x: readonly number[]): Coefficients =>
    Object.fromEntries(keys.map((k, i) => [k.key, round3(Math.min(k.max, Math.max(k.min, Math.exp(x[i]))))]));
  const sizes = schedule(o.runs), budgets = o.evaluations ?? STAGE_EVALUATIONS;
  // The stages; with several, the start is first measured at the full size: a calibration that
  // already meets the criterion (a refit of the shipped one) is confirmed in one ensemble.
  const stages = sizes.map((runs, i) => ({ runs, budget: budgets[Math.min(budgets.length - 1, i)], at: Math.min(STAGE_STEP.length - 1, i) }));
  if (sizes.length > 1) stages.unshift({ runs: o.runs, budget: 1, at: STAGE_STEP.length - 1 });
  const cache = new Map<string, { stats: BatchStats; objective: number }>();
  let evaluations = 0, x = keys.map((k, i) => Math.min(upper[i], Math.max(lower[i], Math.log(o.start?.[k.key] ?? (PARAM_SPECS[k.key] as { default: number }).default))));
  let last: { coefficients: Coefficients; stats: BatchStats; objective: number } | null = null;
  const runsAfter = (s: number) => stages.reduce((sum, st, i) => sum + (i > s ? st.runs * st.budget : 0), 0);
  const maxEvaluations = stages.reduce((sum, st) => sum + st.budget, 0);

  for (let s = 0; s < stages.length; s++) {
    const { runs, budget, at } = stages[s], final = runs === o.runs;
    let used = 0, bestHere = Infinity;
    const f = async (p: number[]): Promise<number[]> => {
      const coefficients = toCoef(p), id = `${runs}:${JSON.stringify(coefficients)}`;
      let hit = cache.get(id);
      const fresh = hit === undefined;
      if (!hit) {
        const stats = await evaluate(coefficients, runs);
        hit = { stats, objective: objective(stats) };
        cache.set(id, hit);
        evaluations++;
        used++;
      }
      bestHere = Math.min(bestHere, hit.objective);
      if (final && (last === null || rank(hit) < rank(last))) last = { coefficients, ...hit };
      if (fresh) o.onEvaluation?.({ stage: sizes.length > 1 ? s : 1, stages: sizes.length, runs, evaluation: evaluations, maxEvaluations,
        runsLeftAtMost: (budget - used) * runs + runsAfter(s), coefficients, stats: hit.stats, objective: hit.objective, bestObjective: bestHere });
      return residuals(hit.stats);
    };
    const stageDone = (_r: readonly number[], p: readonly number[]) => {
      const st = cache.get(`${runs}:${JSON.stringify(toCoef(p))}`)?.stats;
      // A smaller ensemble is done when its estimates would meet the final ensemble's precision:
      // the objective scales with the runs, so that is objective ≤ runs / final runs.
      return st !== undefined && (final ? criterion(st).holds : objective(st) <= runs / o.runs);
    };
    const r = await levenberg(f, x, { step: STAGE_STEP[at], maxMove: STAGE_MOVE[at], lower, upper, maxEvaluations: budget, done: stageDone });
    x = r.x;
    const done = last as { stats: BatchStats } | null;
    if (done !== null && criterion(done.stats).holds) break;
  }
  if (last === null) throw new Error('calibration evaluated nothing');
  const fitted = last as { coefficients: Coefficients; stats: BatchStats; objective: number };
  const atBound = keys.filter((k) => fitted.coefficients[k.key] <= k.min || fitted.coefficients[k.key] >= k.max).map((k) => k.key);
  return { ...fitted, verdict: criterion(fitted.stats), evaluations, atBound };
}
