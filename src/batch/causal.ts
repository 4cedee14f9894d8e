/**
 * Whether defection makes success likelier, measured two ways (docs/research.md section 1b; asked
 * for with `batch --causal`). Both are reported beside the targets, never fitted.
 *
 * landmark: a run still undecided at the end of day L (`landmarkDay`) is exposed at threshold x
 *   when its defected share by then is ≥ x; its outcome is the run's own (decided after L). The
 *   2×2 table exposed × success gives an odds ratio (Woolf interval, stats.ts), at x = 2%, 5%, 10%.
 *   Runs decided by day L are left out (their outcome did not wait for the exposure).
 * knockout: every run again on its own seed with no officer allowed to leave duty (`holdForce`:
 *   loyalty still moves). Over the nonviolent runs, with n10 = success only as run, n01 = success
 *   only knocked out:
 *     Δ = P(success) − P(success | no defection) = (n10 − n01) / n
 *     se = sqrt(n10 + n01 − (n10 − n01)² / n) / n        (paired proportions: Wald)
 *   and for each fall cause c, the share of its successes lost without defection:
 *     lost_c = #(success by c, knocked-out run not a success) / #(success by c)    (Wilson)
 * pass (the criterion): every landmark odds ratio above 1 with its interval (lo > 1) and the
 *   knock-out difference above 0 with its interval (lo > 0); three-valued: false when any figure
 *   fails, else null when any is undefined (too few runs), else true.
 * Counts only (constant memory): CausalTally takes one row at a time.
 */
import { oddsRatio, wilson, Z95, type Proportion, type Ratio } from './stats';

export const LANDMARK_THRESHOLDS = [0.02, 0.05, 0.1] as const;
export const CAUSAL_FALL_CAUSES = ['force', 'elite', 'economy', 'patron', 'overwhelm'] as const;

/** The fields of a row the causal figures read. */
export interface CausalFields {
  nonviolent: boolean;
  outcome: string | null;
  fallCause: string | null;
  /** Undecided at the end of day landmarkDay. */
  landmarkUndecided: boolean | null;
  /** Defected share at the end of day landmarkDay. */
  landmarkDefectedShare: number | null;
  /** Whether the run succeeds again with no officer allowed to leave duty (null: not replayed). */
  knockoutSuccess: boolean | null;
}

export interface LandmarkFigure {
  threshold: number;
  table: { exposedSuccess: number; exposedNonSuccess: number; unexposedSuccess: number; unexposedNonSuccess: number };
  oddsRatio: Ratio;
}

export interface Difference { value: number | null; lo: number | null; hi: number | null; n: number }

/** Whether the figures say defection makes success likelier (see above); null: undefined here. */
export interface CausalVerdict {
  /** At every threshold the landmark odds ratio's interval lies above 1. */
  landmark: boolean | null;
  /** The knock-out difference's interval lies above 0. */
  knockout: boolean | null;
  /** Both. */
  holds: boolean | null;
}

/** Three-valued AND: false if any is false, else null if any is null, else true. */
export const all3 = (xs: ReadonlyArray<boolean | null>): boolean | null => (xs.includes(false) ? false : xs.includes(null) ? null : true);

/** The verdict of a set of figures. */
export function causalVerdict(byThreshold: readonly LandmarkFigure[], difference: Difference): CausalVerdict {
  const landmark = all3(byThreshold.map((f) => (f.oddsRatio.lo === null ? null : f.oddsRatio.lo > 1)));
  const knockout = difference.lo === null ? null : difference.lo > 0;
  return { landmark, knockout, holds: all3([landmark, knockout]) };
}

export interface CausalStats {
  landmarkDay: number;
  /** Nonviolent runs still undecided at the landmark, and those left out (decided by then). */
  landmark: { runs: number; excluded: number; byThreshold: LandmarkFigure[] };
  knockout: {
    runs: number;
    successAsRun: Proportion;
    successKnockedOut: Proportion;
    /** P(success) − P(success | no defection), paired. */
    difference: Difference;
    /** Per fall cause: the share of its successes that do not happen without defection. */
    lostByCause: Record<string, Proportion>;
  };
  pass: CausalVerdict;
}

/** Paired difference of two proportions from the discordant counts (Wald); null for n = 0. */
export function pairedDifference(n10: number, n01: number, n: number, z = Z95): Difference {
  if (n <= 0) return { value: null, lo: null, hi: null, n };
  const d = (n10 - n01) / n;
  const se = Math.sqrt(Math.max(0, n10 + n01 - ((n10 - n01) ** 2) / n)) / n;
  return { value: d, lo: Math.max(-1, d - z * se), hi: Math.min(1, d + z * se), n };
}

const T = LANDMARK_THRESHOLDS.length, C = CAUSAL_FALL_CAUSES.length;
// Counter slots: landmark runs, excluded, then per threshold [a, b, c, d]; knockout n, success, ko success, n10, n01; per cause [successes, lost].
const L_RUNS = 0, L_EXCL = 1, L0 = 2, K0 = L0 + 4 * T, C0 = K0 + 5, SLOTS = C0 + 2 * C;

export class CausalTally {
  private readonly n = new Float64Array(SLOTS);

  constructor(readonly landmarkDay: number) {}

  add(r: CausalFields): void {
    if (!r.nonviolent) return;
    const n = this.n, s = r.outcome === 'success';
    if (r.landmarkUndecided === true && r.landmarkDefectedShare !== null) {
      n[L_RUNS]++;
      LANDMARK_THRESHOLDS.forEach((x, i) => {
        const exposed = r.landmarkDefectedShare! >= x;
        n[L0 + 4 * i + (exposed ? (s ? 0 : 1) : s ? 2 : 3)]++;
      });
    } else if (r.landmarkUndecided === false) n[L_EXCL]++;
    if (r.knockoutSuccess !== null) {
      const ko = r.knockoutSuccess;
      n[K0]++;
      if (s) n[K0 + 1]++;
      if (ko) n[K0 + 2]++;
      if (s && !ko) n[K0 + 3]++;
      if (!s && ko) n[K0 + 4]++;
      const c = s && r.fallCause !== null ? (CAUSAL_FALL_CAUSES as readonly string[]).indexOf(r.fallCause) : -1;
      if (c >= 0) { n[C0 + 2 * c]++; if (!ko) n[C0 + 2 * c + 1]++; }
    }
  }

  figures(): CausalStats {
    const n = this.n;
    const byThreshold = LANDMARK_THRESHOLDS.map((threshold, i): LandmarkFigure => {
      const [a, b, c, d] = [0, 1, 2, 3].map((k) => n[L0 + 4 * i + k]);
      return { threshold, table: { exposedSuccess: a, exposedNonSuccess: b, unexposedSuccess: c, unexposedNonSuccess: d }, oddsRatio: oddsRatio({ a, b, c, d }) };
    });
    const kn = n[K0];
    const lostByCause: Record<string, Proportion> = {};
    CAUSAL_FALL_CAUSES.forEach((c, i) => { lostByCause[c] = wilson(n[C0 + 2 * i + 1], n[C0 + 2 * i]); });
    const difference = pairedDifference(n[K0 + 3], n[K0 + 4], kn);
    return {
      landmarkDay: this.landmarkDay,
      landmark: { runs: n[L_RUNS], excluded: n[L_EXCL], byThreshold },
      knockout: {
        runs: kn, successAsRun: wilson(n[K0 + 1], kn), successKnockedOut: wilson(n[K0 + 2], kn),
        difference, lostByCause,
      },
      pass: causalVerdict(byThreshold, difference),
    };
  }
}
