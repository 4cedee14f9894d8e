/**
 * The calibration search (MODEL.md section 6), coarse to fine: Nelder-Mead on ln(coefficient) at
 * each ensemble size of schedule(runs), each stage starting from the best point of the one before
 * with a smaller simplex. Coefficients are rounded to 3 significant digits before each ensemble,
 * so the values written to the file are exactly the ones measured. A stage stops early once its
 * ensemble puts every target inside its interval (the last: once the whole criterion holds).
 */
import { CALIBRATION_KEYS, criterion, objective, schedule, type Coefficients, type Evaluate, type FitKey, type Verdict } from './calibrate';
import { nelderMead } from './nelderMead';
import type { BatchStats } from './summarize';

/** Ensembles per stage at most (coarse, middle, full) and the initial simplex step in ln units. */
export const STAGE_EVALUATIONS = [60, 30, 12];
const STAGE_STEP = [0.5, 0.25, 0.1];

export interface FitOptions {
  /** Runs of the final ensemble (the criterion is judged there). */
  runs: number;
  keys?: readonly FitKey[];
  /** Starting coefficients (missing keys start at 1), clamped into each key's range. */
  start?: Coefficients;
  /** Ensembles per stage, to override STAGE_EVALUATIONS (the last entry repeats). */
  evaluations?: number[];
  onEvaluation?: (e: EvaluationInfo) => void;
}

export interface EvaluationInfo {
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
const allInside = (st: BatchStats) => st.comparison.every((c) => c.inside === true);

/** Upper bound on the runs a fit performs (for an ETA): Σ stage runs × stage ensembles. */
export function fitBudget(runs: number, evaluations = STAGE_EVALUATIONS): number {
  const stages = schedule(runs), offset = 3 - stages.length;
  return stages.reduce((s, r, i) => s + r * evaluations[Math.min(evaluations.length - 1, i + offset)], 0);
}

export async function fitCoefficients(evaluate: Evaluate, o: FitOptions): Promise<FitResult> {
  const keys = o.keys ?? CALIBRATION_KEYS;
  const lower = keys.map((k) => Math.log(k.min)), upper = keys.map((k) => Math.log(k.max));
  const toCoef = (x: readonly number[]): Coefficients =>
    Object.fromEntries(keys.map((k, i) => [k.key, round3(Math.min(k.max, Math.max(k.min, Math.exp(x[i]))))]));
  const stages = schedule(o.runs), budgets = o.evaluations ?? STAGE_EVALUATIONS;
  // With fewer stages (a small ensemble) the remaining ones are the finer ones.
  const offset = 3 - stages.length;
  const cache = new Map<string, { stats: BatchStats; objective: number }>();
  let evaluations = 0, x = keys.map((k, i) => Math.min(upper[i], Math.max(lower[i], Math.log(o.start?.[k.key] ?? 1))));
  let last: { coefficients: Coefficients; stats: BatchStats; objective: number } | null = null;
  const budgetOf = (i: number) => budgets[Math.min(budgets.length - 1, i + offset)];
  const runsAfter = (s: number) => stages.reduce((sum, r, i) => sum + (i > s ? r * budgetOf(i) : 0), 0);
  const maxEvaluations = stages.reduce((sum, _, i) => sum + budgetOf(i), 0);

  for (let s = 0; s < stages.length; s++) {
    const runs = stages[s], final = s === stages.length - 1;
    let best: { coefficients: Coefficients; stats: BatchStats; objective: number } | null = null;
    let used = 0;
    const f = async (p: number[]): Promise<number> => {
      const coefficients = toCoef(p), id = `${runs}:${JSON.stringify(coefficients)}`;
      let hit = cache.get(id);
      if (!hit) {
        const stats = await evaluate(coefficients, runs);
        hit = { stats, objective: objective(stats) };
        cache.set(id, hit);
        evaluations++;
        used++;
        if (best === null || hit.objective < best.objective) best = { coefficients, ...hit };
        o.onEvaluation?.({ stage: s + 1, stages: stages.length, runs, evaluation: evaluations, maxEvaluations,
          runsLeftAtMost: (budgetOf(s) - used) * runs + runsAfter(s), coefficients, stats, objective: hit.objective, bestObjective: best.objective });
      }
      return hit.objective;
    };
    const stageDone = (_fx: number, p: readonly number[]) => {
      const st = cache.get(`${runs}:${JSON.stringify(toCoef(p))}`)?.stats;
      return st !== undefined && (final ? criterion(st).holds : allInside(st));
    };
    const r = await nelderMead(f, x, { step: STAGE_STEP[Math.min(2, s + offset)], lower, upper,
      maxEvaluations: budgetOf(s), xTolerance: 0.01, done: stageDone });
    x = r.x;
    last = best;
  }
  if (last === null) throw new Error('calibration evaluated nothing');
  const fitted = last as { coefficients: Coefficients; stats: BatchStats; objective: number };
  const atBound = keys.filter((k) => fitted.coefficients[k.key] <= k.min || fitted.coefficients[k.key] >= k.max).map((k) => k.key);
  return { ...fitted, verdict: criterion(fitted.stats), evaluations, atBound };
}
