/**
 * Priors: distributions that scenario parameters are drawn from, one draw per run, so an
 * ensemble describes a world of campaigns rather than one city (docs/research.md section 3).
 * A prior is a layer of the parameter stack, above the scenario and below --set (resolve.ts).
 * It samples `situation` parameters; a `mechanism` parameter may vary only as `"relative": true`
 * (a factor on its calibrated or scenario value: mechanism uncertainty, not a different world);
 * a `measurement` parameter never. Draws come from a stream of their own, seeded by the run's
 * seed alone, so they never shift the model's streams and a run's sampled values are the same at
 * every sweep point.
 *
 * A prior set may also hold a strategy prior (`strategies`): the movement's strategy drawn per
 * run from a categorical over policy names the engine knows (`none`, `every:a+b`, `once:t@d`, a
 * scenario's named strategies: src/scenarios/policies.ts, build.ts strategyActions), on a stream
 * of its own (`breaking-ranks:strategy:<run seed>`), so adding it leaves every other draw as it was.
 */
import seedrandom from 'seedrandom';
import { PARAM_KEYS, PARAM_SPECS, type ParamKey } from '../sim/index';
import type { NumberSpec } from '../sim/params/spec';
import { Checker, suggest } from '../scenarios/check';
import type { PriorDraw } from '../scenarios/index';

/**
 * uniform: min + u·(max−min); logUniform: min·(max/min)^u (for weights whose plausible values
 * span a factor, where "twice as strong" and "half as strong" should be equally likely);
 * int: a uniform integer in [min, max].
 */
export const DISTS = ['uniform', 'logUniform', 'int'] as const;
export type Dist = (typeof DISTS)[number];

export interface Prior {
  key: ParamKey;
  dist: Dist;
  min: number;
  max: number;
  /** min and max bound a factor on the value below the priors layer (mechanism keys only). */
  relative: boolean;
  /** Why this range: shown in docs/research.md and kept beside the numbers. */
  why: string;
}

/** One choice of the strategy prior: a strategy name and its weight (weights need not sum to 1). */
export interface StrategyChoice {
  name: string;
  weight: number;
  why: string;
}

export interface PriorSet {
  version: 2;
  note: string;
  priors: Prior[];
  /** The strategy prior, when the set has one (absent: every run plays the batch's --strategy). */
  strategies?: StrategyChoice[];
}

/** Significant digits kept of a drawn number: rows stay readable and replay from their text. */
const DIGITS = 4;

export function validatePriors(raw: unknown, source: string): PriorSet {
  const c = new Checker(source);
  const o = c.object(raw, '', 'a JSON object');
  c.keys(o, '', ['$schema', 'version', 'note', 'priors', 'strategies']);
  if (o.version !== 2) c.fail('version', `must be 2, got ${JSON.stringify(o.version) ?? 'nothing'}`);
  const note = o.note === undefined ? '' : c.string(o.note, 'note', false);
  const seen = new Set<string>();
  const priors = c.array(o.priors, 'priors').map((p, i): Prior => {
    const path = `priors[${i}]`;
    const e = c.object(p, path);
    c.keys(e, path, ['key', 'dist', 'min', 'max', 'relative', 'why']);
    const key = c.string(e.key, `${path}.key`);
    if (!(PARAM_KEYS as readonly string[]).includes(key)) c.fail(`${path}.key`, `'${key}' is not a parameter${suggest(key, PARAM_KEYS)}`);
    const spec = PARAM_SPECS[key as ParamKey] as NumberSpec;
    if (spec.type !== 'number' && spec.type !== 'integer') c.fail(`${path}.key`, `'${key}' is not a number or integer parameter`);
    if (seen.has(key)) c.fail(`${path}.key`, `'${key}' has a prior already`);
    seen.add(key);
    const relative = e.relative === undefined ? false : e.relative === true ? true : e.relative === false ? false
      : c.fail(`${path}.relative`, `must be true or false, got ${JSON.stringify(e.relative)}`);
    if (spec.kind === 'measurement') c.fail(`${path}.key`, `'${key}' is a measurement parameter (a research definition): no prior may vary it`);
    if (spec.kind === 'mechanism' && !relative)
      c.fail(`${path}.key`, `'${key}' is a mechanism parameter: a prior may vary it only as a factor on its calibrated value ("relative": true)`);
    if (spec.kind === 'situation' && relative) c.fail(`${path}.relative`, `'${key}' is a situation parameter: draw its values, not a factor`);
    const dist = c.string(e.dist, `${path}.dist`);
    if (!(DISTS as readonly string[]).includes(dist)) c.fail(`${path}.dist`, `must be one of ${DISTS.join('|')}, got '${dist}'`);
    const min = relative ? c.number(e.min, `${path}.min`, 0) : c.number(e.min, `${path}.min`, spec.min, spec.max);
    const max = relative ? c.number(e.max, `${path}.max`, 0) : c.number(e.max, `${path}.max`, spec.min, spec.max);
    if (min > max) c.fail(path, `min (${min}) exceeds max (${max})`);
    if (relative && dist === 'int') c.fail(`${path}.dist`, 'a relative prior draws a factor: use uniform or logUniform');
    if (!relative && (dist === 'int' || spec.type === 'integer') && (dist !== 'int' || !Number.isInteger(min) || !Number.isInteger(max)))
      c.fail(`${path}.dist`, `'${key}' is an integer parameter: use dist 'int' with integer min and max`);
    if (dist === 'logUniform' && !(min > 0)) c.fail(`${path}.min`, 'must be positive for logUniform');
    const why = e.why === undefined ? '' : c.string(e.why, `${path}.why`, false);
    return { key: key as ParamKey, dist: dist as Dist, min, max, relative, why };
  });
  if (o.strategies === undefined) return { version: 2, note, priors };
  const names = new Set<string>();
  const strategies = c.array(o.strategies, 'strategies').map((x, i): StrategyChoice => {
    const path = `strategies[${i}]`;
    const e = c.object(x, path);
    c.keys(e, path, ['name', 'weight', 'why']);
    const name = c.string(e.name, `${path}.name`);
    if (name === 'scenario') c.fail(`${path}.name`, "'scenario' would hand the choice back to the batch: name the strategy (none, a policy or a scenario's strategy)");
    if (names.has(name)) c.fail(`${path}.name`, `'${name}' is listed already`);
    names.add(name);
    const weight = c.number(e.weight, `${path}.weight`, 0);
    const why = e.why === undefined ? '' : c.string(e.why, `${path}.why`, false);
    return { name, weight, why };
  });
  if (strategies.length === 0) c.fail('strategies', 'must list at least one strategy');
  if (!(strategies.reduce((t, x) => t + x.weight, 0) > 0)) c.fail('strategies', 'weights must not all be 0');
  return { version: 2, note, priors, strategies };
}

/**
 * The strategy run `seed` plays under the set's strategy prior (null without one): one uniform
 * draw from a stream of its own, against the cumulative weights in the file's order.
 */
export function sampleStrategy(set: PriorSet | null, seed: number): string | null {
  const list = set?.strategies;
  if (list === undefined || list.length === 0) return null;
  const u = seedrandom.alea(`breaking-ranks:strategy:${seed >>> 0}`)();
  const total = list.reduce((t, x) => t + x.weight, 0);
  let acc = 0;
  for (const x of list) {
    acc += x.weight;
    if (u * total < acc) return x.name;
  }
  // Rounding at the top end: the last choice with any weight.
  return [...list].reverse().find((x) => x.weight > 0)?.name ?? list[list.length - 1].name;
}

function draw(p: Prior, u: number): number {
  switch (p.dist) {
    case 'int': return Math.min(p.max, p.min + Math.floor(u * (p.max - p.min + 1)));
    case 'uniform': return p.min + u * (p.max - p.min);
    case 'logUniform': return p.min * Math.pow(p.max / p.min, u);
  }
}

/** The draws of every prior for one run, in the file's order (one uniform draw each): values, or factors. */
export function samplePriors(set: PriorSet, seed: number): PriorDraw[] {
  const rng = seedrandom.alea(`breaking-ranks:priors:${seed >>> 0}`);
  return set.priors.map((p) => {
    const x = draw(p, rng());
    const v = p.dist === 'int' ? x : Number(x.toPrecision(DIGITS));
    return { key: p.key, value: Math.min(p.max, Math.max(p.min, v)), relative: p.relative };
  });
}
