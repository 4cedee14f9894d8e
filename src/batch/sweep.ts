/**
 * Sweep grids: `--sweep key=from:to:step` gives one axis; several axes form their cartesian
 * product, the last axis varying fastest. Only number and integer parameters can be swept, and
 * every value is checked against the schema before any run starts.
 */
import { checkValue, specOf } from '../sim/index';
import { BatchError } from './errors';

export interface SweepAxis {
  key: string;
  values: number[];
}

/** Most points one axis may have: a typo in the step should fail fast, not run for a week. */
export const MAX_AXIS_POINTS = 10_000;
const NUM = /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/;

/** Removes the binary noise of from + k·step (0.1 + 2·0.1 = 0.30000000000000004 → 0.3). */
const tidy = (x: number): number => Number(x.toPrecision(12));

/** Parses one `key=from:to:step` into an axis whose values all pass the schema. */
export function parseSweepArg(text: string): SweepAxis {
  const eq = text.indexOf('=');
  const key = eq < 0 ? '' : text.slice(0, eq).trim();
  const parts = eq < 0 ? [] : text.slice(eq + 1).split(':').map((s) => s.trim());
  if (key === '' || parts.length !== 3)
    throw new BatchError(`--sweep expects key=from:to:step (e.g. legitimacy=0.3:0.7:0.1), got '${text}'`);
  const spec = specOf(key); // unknown key → ParamError naming it
  if (spec.type !== 'number' && spec.type !== 'integer')
    throw new BatchError(`--sweep ${key}: only number and integer parameters can be swept ('${key}' is ${spec.type === 'enum' ? 'an enum' : `a ${spec.type}`}; use --set)`);
  const [from, to, step] = parts.map((p, i) => {
    if (!NUM.test(p)) throw new BatchError(`--sweep ${key}: ${['from', 'to', 'step'][i]} must be a number, got '${p}'`);
    return Number(p);
  });
  if (!(step > 0)) throw new BatchError(`--sweep ${key}: step must be positive, got ${step}`);
  if (to < from) throw new BatchError(`--sweep ${key}: from (${from}) exceeds to (${to})`);
  if (spec.type === 'integer' && (!Number.isInteger(from) || !Number.isInteger(step)))
    throw new BatchError(`--sweep ${key}: '${key}' is an integer parameter, so from and step must be integers`);
  // The tolerance keeps `to` when (to - from) / step is an integer up to rounding (0.3:0.7:0.1).
  const count = Math.floor((to - from) / step + 1e-9) + 1;
  if (count > MAX_AXIS_POINTS) throw new BatchError(`--sweep ${key}: ${count} points exceed the limit of ${MAX_AXIS_POINTS}`);
  const values: number[] = [];
  for (let k = 0; k < count; k++) values.push(checkValue(key, tidy(from + k * step)) as number);
  return { key, values };
}

/** Rejects an axis given twice: the grid would be ambiguous. */
export function checkAxes(axes: readonly SweepAxis[]): void {
  const seen = new Set<string>();
  for (const a of axes) {
    if (seen.has(a.key)) throw new BatchError(`--sweep ${a.key} given more than once`);
    seen.add(a.key);
  }
}

/** Number of grid points (1 without a sweep). */
export const pointCount = (axes: readonly SweepAxis[]): number => axes.reduce((n, a) => n * a.values.length, 1);

/** The parameter values of grid point p (mixed radix, last axis fastest). */
export function pointValues(axes: readonly SweepAxis[], p: number): Array<[string, number]> {
  const out: Array<[string, number]> = new Array(axes.length);
  for (let i = axes.length - 1; i >= 0; i--) {
    const n = axes[i].values.length;
    out[i] = [axes[i].key, axes[i].values[p % n]];
    p = Math.floor(p / n);
  }
  return out;
}
