/**
 * Nelder-Mead minimisation in a box (Nelder & Mead 1965; the usual coefficients: reflection 1,
 * expansion 2, contraction 1/2, shrink 1/2). Derivative-free, so it copes with an objective made
 * of counts (piecewise constant, as an ensemble statistic with fixed seeds is); points outside
 * the box are clamped onto it. The function is async: one evaluation is one ensemble.
 */

export interface NelderMeadOptions {
  /** Initial simplex: x0 and x0 + step along each axis (− step where + would leave the box). */
  step: number;
  lower: readonly number[];
  upper: readonly number[];
  /** Stop after this many calls of f (repeated points count; the caller may cache them). */
  maxEvaluations: number;
  /** Stop when every vertex lies within this distance of the best one, on every axis. */
  xTolerance?: number;
  /** Stop at once when this holds for a newly evaluated point (good enough). */
  done?: (fx: number, x: readonly number[]) => boolean;
}

export interface NelderMeadResult { x: number[]; fx: number; evaluations: number; reason: 'done' | 'converged' | 'budget'; }

class Stop extends Error {}

export async function nelderMead(f: (x: number[]) => Promise<number>, x0: readonly number[],
  o: NelderMeadOptions): Promise<NelderMeadResult> {
  const n = x0.length, tol = o.xTolerance ?? 1e-3;
  const clamp = (x: number[]) => x.map((v, i) => Math.min(o.upper[i], Math.max(o.lower[i], v)));
  let evaluations = 0, best = { x: clamp([...x0]), fx: Infinity };
  const ev = async (x: number[]): Promise<number> => {
    if (evaluations >= o.maxEvaluations) throw new Stop('budget');
    evaluations++;
    const fx = await f(x);
    if (fx < best.fx) best = { x: [...x], fx };
    if (o.done?.(fx, x)) throw new Stop('done');
    return fx;
  };
  const finish = (reason: NelderMeadResult['reason']): NelderMeadResult => ({ x: best.x, fx: best.fx, evaluations, reason });
  try {
    const start = clamp([...x0]);
    const simplex: Array<{ x: number[]; fx: number }> = [{ x: start, fx: await ev(start) }];
    for (let i = 0; i < n; i++) {
      const x = [...start];
      x[i] = x[i] + o.step <= o.upper[i] ? x[i] + o.step : x[i] - o.step;
      const c = clamp(x);
      simplex.push({ x: c, fx: await ev(c) });
    }
    const along = (c: number[], w: number[], t: number) => clamp(c.map((v, i) => v + t * (w[i] - v)));
    for (;;) {
      simplex.sort((a, b) => a.fx - b.fx);
      const lo = simplex[0], hi = simplex[n];
      if (simplex.every((p) => p.x.every((v, i) => Math.abs(v - lo.x[i]) <= tol))) return finish('converged');
      const centroid = lo.x.map((_, i) => simplex.slice(0, n).reduce((s, p) => s + p.x[i], 0) / n);
      const xr = along(centroid, hi.x, -1), fr = await ev(xr);
      if (fr < lo.fx) {
        const xe = along(centroid, hi.x, -2), fe = await ev(xe);
        simplex[n] = fe < fr ? { x: xe, fx: fe } : { x: xr, fx: fr };
      } else if (fr < simplex[n - 1].fx) simplex[n] = { x: xr, fx: fr };
      else {
        const outside = fr < hi.fx;
        const xc = along(centroid, outside ? xr : hi.x, 0.5), fc = await ev(xc);
        if (fc < (outside ? fr : hi.fx)) simplex[n] = { x: xc, fx: fc };
        else for (let k = 1; k <= n; k++) { const xs = along(lo.x, simplex[k].x, 0.5); simplex[k] = { x: xs, fx: await ev(xs) }; }
      }
    }
  } catch (e) {
    if (e instanceof Stop) return finish(e.message as 'done' | 'budget');
    throw e;
  }
}
