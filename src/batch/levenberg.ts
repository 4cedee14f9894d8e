/**
 * Levenberg-Marquardt least squares in a box, with a forward-difference Jacobian: minimises
 * Σ rᵢ(x)² for a few residuals (the calibration's three targets) over a few parameters. No
 * derivatives are needed, only residuals, and the step Δ = −Jᵀ(JJᵀ + λI)⁻¹r is the smallest move
 * that fixes the residuals to first order - with more parameters than targets the fit moves as
 * little as it can. Each iteration costs one evaluation per parameter plus one or more trials;
 * when no trial improves, the best difference probe is taken if it did (objectives made of counts
 * are rough, and a probe is a measured improvement).
 */

export interface LevenbergOptions {
  /** Forward-difference step (− where + would leave the box). */
  step: number;
  lower: readonly number[];
  upper: readonly number[];
  /** Largest change of one coordinate in one iteration. */
  maxMove: number;
  /** Stop after this many calls of the residual function. */
  maxEvaluations: number;
  /** Stop at once when this holds for an evaluated point (good enough). */
  done?: (r: readonly number[], x: readonly number[]) => boolean;
}

export interface LevenbergResult { x: number[]; fx: number; evaluations: number; reason: 'done' | 'converged' | 'budget'; }

class Stop extends Error {}

const sumSq = (r: readonly number[]) => r.reduce((s, v) => s + v * v, 0);

/** Solves the small symmetric positive definite system A y = b (Gaussian elimination, pivoting). */
export function solve(A: number[][], b: number[]): number[] {
  const n = b.length, M = A.map((row, i) => [...row, b[i]]);
  for (let c = 0; c < n; c++) {
    let p = c;
    for (let i = c + 1; i < n; i++) if (Math.abs(M[i][c]) > Math.abs(M[p][c])) p = i;
    [M[c], M[p]] = [M[p], M[c]];
    for (let i = c + 1; i < n; i++) {
      const k = M[i][c] / M[c][c];
      for (let j = c; j <= n; j++) M[i][j] -= k * M[c][j];
    }
  }
  const y = new Array<number>(n).fill(0);
  for (let i = n - 1; i >= 0; i--) {
    let s = M[i][n];
    for (let j = i + 1; j < n; j++) s -= M[i][j] * y[j];
    y[i] = s / M[i][i];
  }
  return y;
}

export async function levenberg(residuals: (x: number[]) => Promise<number[]>, x0: readonly number[],
  o: LevenbergOptions): Promise<LevenbergResult> {
  const k = x0.length;
  const clamp = (x: number[]) => x.map((v, i) => Math.min(o.upper[i], Math.max(o.lower[i], v)));
  let evaluations = 0, best = { x: clamp([...x0]), fx: Infinity };
  const ev = async (x: number[]): Promise<number[]> => {
    if (evaluations >= o.maxEvaluations) throw new Stop('budget');
    evaluations++;
    const r = await residuals(x), fx = sumSq(r);
    if (fx < best.fx) best = { x: [...x], fx };
    if (o.done?.(r, x)) throw new Stop('done');
    return r;
  };
  const finish = (reason: LevenbergResult['reason']): LevenbergResult => ({ x: best.x, fx: best.fx, evaluations, reason });
  try {
    let x = clamp([...x0]), r = await ev(x), mu = 0.01;
    for (;;) {
      // Jacobian by forward differences; a column is zero where the box leaves no room.
      const J: number[][] = r.map(() => new Array<number>(k).fill(0));
      let probe: { x: number[]; r: number[] } | null = null;
      for (let j = 0; j < k; j++) {
        const h = x[j] + o.step <= o.upper[j] ? o.step : -o.step;
        const xj = [...x];
        xj[j] += h;
        if (clamp(xj)[j] === x[j]) continue;
        const rj = await ev(xj);
        for (let i = 0; i < r.length; i++) J[i][j] = (rj[i] - r[i]) / h;
        if (sumSq(rj) < sumSq(probe?.r ?? r)) probe = { x: xj, r: rj };
      }
      let improved = false;
      for (let t = 0; t < 4 && !improved; t++) {
        const JJ = J.map((a) => J.map((b) => a.reduce((s, v, j) => s + v * b[j], 0)));
        const scale = Math.max(1e-12, ...JJ.map((row, i) => row[i]));
        const y = solve(JJ.map((row, i) => row.map((v, j) => v + (i === j ? mu * scale : 0))), r);
        let d = x.map((_, j) => -J.reduce((s, row, i) => s + row[j] * y[i], 0));
        const big = Math.max(...d.map(Math.abs));
        if (big > o.maxMove) d = d.map((v) => (v * o.maxMove) / big);
        const xn = clamp(x.map((v, j) => v + d[j]));
        if (xn.every((v, j) => Math.abs(v - x[j]) < 1e-4)) return finish('converged');
        const rn = await ev(xn);
        if (sumSq(rn) < sumSq(r)) { x = xn; r = rn; mu = Math.max(1e-6, mu / 3); improved = true; } else mu *= 4;
      }
      // The linear model failed (a rough objective): a probe that did better is still progress.
      if (!improved && probe !== null) { x = probe.x; r = probe.r; improved = true; }
      if (!improved) return finish('converged');
    }
  } catch (e) {
    if (e instanceof Stop) return finish(e.message as 'done' | 'budget');
    throw e;
  }
}
