/**
 * Does a calibration hold where it was not fitted? (docs/research.md section 5.) The three research
 * figures are measured on three ensemble seeds other than the fit's, each with 1.5 times the
 * nonviolent runs at which the odds ratio's interval spans a factor of 2 at the targets
 * (calibrate.ts runsForTargets), and each must lie in its band:
 *   success 0.48-0.58, P(defection | success) 0.46-0.58, odds ratio 23-92.
 * When not all can hold, the targets give way in this order: the odds ratio's value (never below
 * ODDS_FLOOR), then P(defection | success), then the success rate. `binding` names the last one
 * that had to give way (null when every band holds); an odds ratio below the floor is never accepted.
 */
import type { BatchStats } from './summarize';

export type FigureKey = 'successRate' | 'defectionShareInSuccesses' | 'oddsRatio';

export const VALIDATION_BANDS: Readonly<Record<FigureKey, readonly [number, number]>> = {
  successRate: [0.48, 0.58],
  defectionShareInSuccesses: [0.46, 0.58],
  oddsRatio: [23, 92],
};

/** The order in which the targets give way when the bands cannot all hold. */
export const GIVE_WAY: readonly FigureKey[] = ['oddsRatio', 'defectionShareInSuccesses', 'successRate'];

/** The odds ratio is never accepted below this, whatever gives way. */
export const ODDS_FLOOR = 10;

/** How many unseen seeds, and how many times the ×2-interval run count each gets. */
export const VALIDATION_SEED_COUNT = 3;
export const VALIDATION_RUNS_FACTOR = 1.5;

/** The seeds of the check: the fit's seed + 1, + 2, + 3 (ensemble seeds hash with the run index: unrelated runs). */
export const validationSeeds = (fitSeed: number): number[] =>
  Array.from({ length: VALIDATION_SEED_COUNT }, (_, k) => (fitSeed + k + 1) >>> 0);

/** Nonviolent runs each seed needs: 1.5 x the runs for a x2 interval (null: the targets imply none). */
export const validationNonviolentRuns = (runsForX2: number | null): number | null =>
  runsForX2 === null ? null : Math.ceil(VALIDATION_RUNS_FACTOR * runsForX2);

export interface SeedCheck {
  seed: number;
  runs: number;
  nonviolentRuns: number;
  figures: Record<FigureKey, number | null>;
  inside: Record<FigureKey, boolean>;
}

export interface Validation {
  seeds: SeedCheck[];
  /** Every band on every seed. */
  holds: boolean;
  /** The last target (in GIVE_WAY order) outside its band on some seed; null when all hold. */
  binding: FigureKey | null;
  /** Outside its band on some seed, in GIVE_WAY order. */
  outside: FigureKey[];
  /** The odds ratio fell below ODDS_FLOOR on some seed (never acceptable). */
  belowFloor: boolean;
}

const inBand = (k: FigureKey, v: number | null): boolean => v !== null && Number.isFinite(v) && v >= VALIDATION_BANDS[k][0] && v <= VALIDATION_BANDS[k][1];

/** One seed's figures against the bands. */
export function checkSeed(seed: number, st: Pick<BatchStats, 'runs' | 'nonviolentRuns' | 'successRate' | 'defectionShareInSuccesses' | 'oddsRatio'>): SeedCheck {
  const figures: Record<FigureKey, number | null> = {
    successRate: st.successRate.value, defectionShareInSuccesses: st.defectionShareInSuccesses.value, oddsRatio: st.oddsRatio.value,
  };
  const inside = Object.fromEntries(GIVE_WAY.map((k) => [k, inBand(k, figures[k])])) as Record<FigureKey, boolean>;
  return { seed, runs: st.runs, nonviolentRuns: st.nonviolentRuns, figures, inside };
}

/** The verdict over the seeds. */
export function judgeValidation(seeds: SeedCheck[]): Validation {
  const outside = GIVE_WAY.filter((k) => seeds.some((c) => !c.inside[k]));
  const belowFloor = seeds.some((c) => c.figures.oddsRatio === null || !(c.figures.oddsRatio >= ODDS_FLOOR));
  return { seeds, holds: outside.length === 0, binding: outside.length === 0 ? null : outside[outside.length - 1], outside, belowFloor };
}

/** Some seed has fewer nonviolent runs than wanted: the check is indicative only. */
export const shortOfRuns = (v: Validation, wanted: number | null): boolean => wanted !== null && v.seeds.some((c) => c.nonviolentRuns < wanted);

const NAMES: Record<FigureKey, string> = { successRate: 'success', defectionShareInSuccesses: 'P(defection | success)', oddsRatio: 'odds ratio' };
export const figureName = (k: FigureKey): string => NAMES[k];
