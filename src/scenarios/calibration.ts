/**
 * The calibration file: multiplicative coefficients on a small, documented set of model
 * parameters (MODEL.md section 6). Calibration never touches measurement definitions, so only
 * non-structural `number` parameters may carry a coefficient.
 */
import { PARAM_KEYS, type ParamKey } from '../sim/params/schema';
import { specOf } from '../sim/params/validate';
import calibrationJson from './calibration.json';
import { Checker, suggest } from './check';

export interface Calibration {
  version: 1;
  note: string;
  /** Parameter key -> factor (>= 0) multiplied into the resolved value, clamped to the range. */
  coefficients: Partial<Record<ParamKey, number>>;
  /**
   * What `npm run calibrate` fitted these to and achieved (targets, runs, seed, statistics with
   * intervals, whether MODEL.md's criterion held): a record for readers, never read by the model.
   */
  fit?: Record<string, unknown>;
}

/** Largest factor accepted: anything beyond means the fit ran away, not a calibration. */
export const MAX_COEFFICIENT = 1000;

export function validateCalibration(raw: unknown, source: string): Calibration {
  const c = new Checker(source);
  const o = c.object(raw, '', 'a JSON object');
  c.keys(o, '', ['version', 'note', 'coefficients', 'fit']);
  if (o.version !== 1) c.fail('version', `must be 1, got ${JSON.stringify(o.version) ?? 'nothing'}`);
  const note = o.note === undefined ? '' : c.string(o.note, 'note', false);
  const co = c.object(o.coefficients, 'coefficients');
  const coefficients: Partial<Record<ParamKey, number>> = {};
  for (const [k, v] of Object.entries(co)) {
    const path = `coefficients.${k}`;
    if (!(PARAM_KEYS as readonly string[]).includes(k)) c.fail(path, `is not a parameter${suggest(k, PARAM_KEYS)}`);
    const spec = specOf(k);
    if (spec.type !== 'number' || spec.structural) c.fail(path, `must name a non-structural number parameter ('${k}' is ${spec.structural ? 'structural' : `a ${spec.type}`})`);
    coefficients[k as ParamKey] = c.number(v, path, 0, MAX_COEFFICIENT);
  }
  if (o.fit === undefined) return { version: 1, note, coefficients };
  return { version: 1, note, coefficients, fit: c.object(o.fit, 'fit') };
}

export const DEFAULT_CALIBRATION: Calibration = validateCalibration(calibrationJson, 'calibration.json');
