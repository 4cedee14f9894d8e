/** Checks and parses parameter values; every message names the parameter and the rule it broke. */
import type { ParamSpec, ParamValue } from './spec';
import { PARAM_SPECS, type ParamKey, type Params } from './schema';

export class ParamError extends Error {
  constructor(message: string) { super(message); this.name = 'ParamError'; }
}

export function isParamKey(key: string): key is ParamKey {
  return Object.prototype.hasOwnProperty.call(PARAM_SPECS, key);
}

export function specOf(key: string): ParamSpec {
  if (!isParamKey(key)) throw new ParamError(`unknown parameter '${key}' (see --list-params)`);
  return PARAM_SPECS[key] as ParamSpec;
}

function checkNumber(key: string, spec: ParamSpec & { min: number; max: number }, v: number, integer: boolean): number {
  if (!Number.isFinite(v)) throw new ParamError(`parameter '${key}' must be a finite number`);
  if (integer && !Number.isInteger(v)) throw new ParamError(`parameter '${key}' must be an integer, got ${v}`);
  if (v < spec.min || v > spec.max) throw new ParamError(`parameter '${key}' = ${v} is out of range [${spec.min}, ${spec.max}]`);
  return v;
}

/** Validates a JSON value (from a scenario file or an event) for one parameter. */
export function checkValue(key: string, value: unknown): ParamValue {
  const spec = specOf(key);
  switch (spec.type) {
    case 'number':
    case 'integer':
      if (typeof value !== 'number') throw new ParamError(`parameter '${key}' must be a number, got ${JSON.stringify(value)}`);
      return checkNumber(key, spec, value, spec.type === 'integer');
    case 'boolean':
      if (typeof value !== 'boolean') throw new ParamError(`parameter '${key}' must be true or false, got ${JSON.stringify(value)}`);
      return value;
    case 'enum':
      if (typeof value !== 'string' || !spec.options.includes(value))
        throw new ParamError(`parameter '${key}' must be one of ${spec.options.join('|')}, got ${JSON.stringify(value)}`);
      return value;
    case 'list':
      if (!Array.isArray(value)) throw new ParamError(`parameter '${key}' must be a list of numbers`);
      return value.map((x, i) => {
        if (typeof x !== 'number') throw new ParamError(`parameter '${key}'[${i}] must be a number`);
        return checkNumber(`${key}[${i}]`, spec, x, false);
      });
  }
}

/** Parses the text of `--set key=value` (a list is `a,b,c`). */
export function parseValue(key: string, text: string): ParamValue {
  const spec = specOf(key);
  const t = text.trim();
  switch (spec.type) {
    case 'number':
    case 'integer': {
      if (t === '' || !/^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(t))
        throw new ParamError(`parameter '${key}' expects a number, got '${text}'`);
      return checkValue(key, Number(t));
    }
    case 'boolean':
      if (t === 'true' || t === '1' || t === 'on') return true;
      if (t === 'false' || t === '0' || t === 'off') return false;
      throw new ParamError(`parameter '${key}' expects true or false, got '${text}'`);
    case 'enum':
      return checkValue(key, t);
    case 'list': {
      if (t === '') return [];
      const parts = t.split(',');
      return checkValue(key, parts.map((s, i) => {
        const n = Number(s.trim());
        if (s.trim() === '' || !Number.isFinite(n)) throw new ParamError(`parameter '${key}' element ${i + 1} is not a number: '${s}'`);
        return n;
      }));
    }
  }
}

/** Cross-parameter rules that no single range can express. */
export function checkConsistency(p: Params): void {
  if (p.defectionThresholdKind === 'list' && p.defectionThresholdList.length === 0)
    throw new ParamError(`parameter 'defectionThresholdList' must not be empty when defectionThresholdKind is list`);
  if (p.defectionThresholdMin > p.defectionThresholdMax)
    throw new ParamError(`parameter 'defectionThresholdMin' (${p.defectionThresholdMin}) exceeds defectionThresholdMax (${p.defectionThresholdMax})`);
  if (p.detentionMinDays > p.detentionMaxDays)
    throw new ParamError(`parameter 'detentionMinDays' (${p.detentionMinDays}) exceeds detentionMaxDays (${p.detentionMaxDays})`);
  if (p.eveningStartHour >= p.eveningEndHour)
    throw new ParamError(`parameter 'eveningStartHour' must be before eveningEndHour`);
  if (p.privateOppositionShare + p.incumbentSupportShare > 1)
    throw new ParamError(`privateOppositionShare + incumbentSupportShare must not exceed 1`);
  if (24 % p.hoursPerTick !== 0) throw new ParamError(`parameter 'hoursPerTick' must divide 24, got ${p.hoursPerTick}`);
}
