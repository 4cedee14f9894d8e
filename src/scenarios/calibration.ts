/**
 * The calibration file (version 2): fitted *values* of at most MAX_CALIBRATED mechanism
 * parameters, one layer of the parameter stack (defaults < calibration < scenario < priors <
 * --set < sweep: resolve.ts). What a user sets above it is what runs; nothing multiplies it.
 * Only non-structural number parameters of kind `mechanism` may be calibrated (never a
 * measurement definition). Written by `npm run calibrate` (docs/research.md).
 */
import { PARAM_KEYS, type ParamKey } from '../sim/params/schema';
import { specOf } from '../sim/params/validate';
import type { NumberSpec } from '../sim/params/spec';
import calibrationJson from './calibration.json';
import { Checker, suggest } from './check';

export interface Calibration {
  version: 2;
  note: string;
  /** Parameter key -> its calibrated value. */
  values: Partial<Record<ParamKey, number>>;
  /**
   * What `npm run calibrate` fitted these to and achieved (targets, runs, seeds, statistics with
   * intervals, whether the criterion held): a record for readers, never read by the model.
   */
  fit?: Record<string, unknown>;
}

/** Most keys one calibration may set. */
export const MAX_CALIBRATED = 6;

export function validateCalibration(raw: unknown, source: string): Calibration {
  const c = new Checker(source);
  const o = c.object(raw, '', 'a JSON object');
  if (o.version === 1) c.fail('version', '1: this file holds multipliers, not values: refit with npm run calibrate');
  c.keys(o, '', ['$schema', 'version', 'note', 'values', 'fit']);
  if (o.version !== 2) c.fail('version', `must be 2, got ${JSON.stringify(o.version) ?? 'nothing'}`);
  const note = o.note === undefined ? '' : c.string(o.note, 'note', false);
  const vo = c.object(o.values, 'values');
  const keys = Object.keys(vo);
  if (keys.length > MAX_CALIBRATED) c.fail('values', `sets ${keys.length} parameters; a calibration may set at most ${MAX_CALIBRATED}`);
  const values: Partial<Record<ParamKey, number>> = {};
  for (const [k, v] of Object.entries(vo)) {
    const path = `values.${k}`;
    if (!(PARAM_KEYS as readonly string[]).includes(k)) c.fail(path, `is not a parameter${suggest(k, PARAM_KEYS)}`);
    const spec = specOf(k);
    if (spec.kind !== 'mechanism') c.fail(path, `is a ${spec.kind} parameter; a calibration may set only mechanism parameters`);
    if (spec.type !== 'number' || spec.structural) c.fail(path, `must name a non-structural number parameter ('${k}' is ${spec.structural ? 'structural' : `a ${spec.type}`})`);
    values[k as ParamKey] = c.number(v, path, (spec as NumberSpec).min, (spec as NumberSpec).max);
  }
  if (o.fit === undefined) return { version: 2, note, values };
  return { version: 2, note, values, fit: c.object(o.fit, 'fit') };
}

export const DEFAULT_CALIBRATION: Calibration = validateCalibration(calibrationJson, 'calibration.json');
