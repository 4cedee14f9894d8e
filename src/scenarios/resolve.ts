/**
 * The parameters of one run, as layers, lowest first (docs/model.md, "What is set is what runs"):
 *   schema defaults < calibration < scenario < priors (batch) < user (--set, URL p., slider) < sweep
 * Each layer replaces the value below it; nothing multiplies or clamps afterwards, so the value a
 * user sets is the value that runs and the value every report prints (a value outside the
 * schema's range is an error naming the range). A prior marked `relative` (allowed only for
 * mechanism keys) draws a factor on the value below it, rounded to 4 significant digits so the
 * batch row that shows it replays exactly. Scheduled events may change values later in a run.
 */
import { defaultParams, type ParamKey, type Params } from '../sim/params/schema';
import type { ParamValue } from '../sim/params/spec';
import { ParamError, checkConsistency, checkValue, parseValue } from '../sim/params/validate';
import type { ScenarioData } from '../sim/scenarioData';
import { DEFAULT_CALIBRATION, type Calibration } from './calibration';

export const ORIGINS = ['default', 'calibration', 'scenario', 'prior', 'set', 'sweep'] as const;
export type Origin = (typeof ORIGINS)[number];

/** One sampled prior value: absolute, or a factor on the value below the priors layer. */
export interface PriorDraw { key: ParamKey; value: number; relative: boolean }

export interface Layers {
  scenario: ScenarioData;
  calibration: Calibration | null;
  priors?: readonly PriorDraw[];
  /** The user's values as typed (key, text), in order: a later one wins. */
  sets?: ReadonlyArray<readonly [string, string]>;
  sweep?: ReadonlyArray<readonly [string, string]>;
}

export interface Resolved { params: Params; origin: Record<ParamKey, Origin> }

/** Splits the text of one `--set key=value` flag at its first '='. */
export function parseSetArg(text: string): [string, string] {
  const i = text.indexOf('=');
  const key = i < 0 ? '' : text.slice(0, i).trim();
  if (key === '') throw new ParamError(`--set expects key=value, got '${text}'`);
  return [key, text.slice(i + 1)];
}

const copy = (v: ParamValue): ParamValue => (Array.isArray(v) ? [...v] : v);

/** A relative prior's value: the factor times the value below, to 4 significant digits. */
export const relativeValue = (factor: number, below: number): number => Number((factor * below).toPrecision(4));

export function resolveLayers(l: Layers): Resolved {
  const p = defaultParams() as Record<string, ParamValue>;
  const origin = Object.fromEntries(Object.keys(p).map((k) => [k, 'default'])) as Record<ParamKey, Origin>;
  const put = (k: string, v: ParamValue, o: Origin) => { p[k] = v; origin[k as ParamKey] = o; };
  if (l.calibration) for (const [k, v] of Object.entries(l.calibration.values)) put(k, v as number, 'calibration');
  for (const [k, v] of Object.entries(l.scenario.params)) put(k, copy(v), 'scenario');
  for (const d of l.priors ?? []) {
    const v = d.relative ? relativeValue(d.value, p[d.key] as number) : d.value;
    put(d.key, checkValue(d.key, v), 'prior');
  }
  for (const [k, text] of l.sets ?? []) put(k, parseValue(k, text), 'set'); // names the key when it is unknown or bad
  for (const [k, text] of l.sweep ?? []) put(k, parseValue(k, text), 'sweep');
  checkConsistency(p as unknown as Params);
  return { params: p as unknown as Params, origin };
}

/** The parameters of a run with only the user's values over the scenario (the common case). */
export function resolveParams(scenario: ScenarioData, sets: ReadonlyArray<readonly [string, string]>,
  calibration: Calibration | null = DEFAULT_CALIBRATION): Params {
  return resolveLayers({ scenario, calibration, sets }).params;
}
