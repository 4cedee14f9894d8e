/**
 * Resolves the parameters of one run: schema defaults <- scenario.params <- each --set <- the
 * calibration coefficients, then the cross-parameter rules. The order is fixed so a --set value
 * means the same thing in the CLI, the page and a batch (a calibrated weight is multiplied too).
 */
import { PARAM_SPECS, defaultParams, type ParamKey, type Params } from '../sim/params/schema';
import type { NumberSpec } from '../sim/params/spec';
import { ParamError, checkConsistency, parseValue } from '../sim/params/validate';
import type { ScenarioData } from '../sim/scenarioData';
import { DEFAULT_CALIBRATION, type Calibration } from './calibration';

/** Splits the text of one `--set key=value` flag at its first '='. */
export function parseSetArg(text: string): [string, string] {
  const i = text.indexOf('=');
  const key = i < 0 ? '' : text.slice(0, i).trim();
  if (key === '') throw new ParamError(`--set expects key=value, got '${text}'`);
  return [key, text.slice(i + 1)];
}

export function resolveParams(scenario: ScenarioData, sets: Array<[string, string]>,
  calibration: Calibration | null = DEFAULT_CALIBRATION): Params {
  const p = defaultParams() as Record<string, unknown>;
  for (const [k, v] of Object.entries(scenario.params)) p[k] = Array.isArray(v) ? [...v] : v;
  for (const [k, text] of sets) p[k] = parseValue(k, text); // names the key when it is unknown or bad
  if (calibration) {
    for (const [k, f] of Object.entries(calibration.coefficients) as [ParamKey, number][]) {
      const spec = PARAM_SPECS[k] as NumberSpec;
      p[k] = Math.min(spec.max, Math.max(spec.min, (p[k] as number) * f));
    }
  }
  checkConsistency(p as Params);
  return p as Params;
}
