/**
 * JSON-shape checks shared by the scenario and calibration validators. Every failure is one line,
 * `<file>: <field path> <what is wrong>`, so a teacher editing a file by hand can find the mistake.
 */
import { parseDate } from '../sim/calendar';
import { ParamError, checkValue } from '../sim/params/validate';
import { PARAM_KEYS } from '../sim/params/schema';
import type { ParamValue } from '../sim/params/spec';
import { escapeControls, safeValue } from './text';

export class ScenarioError extends Error {
  constructor(message: string) { super(message); this.name = 'ScenarioError'; }
}

export type Json = Record<string, unknown>;

/** Longest string value show() prints whole (longer ones are cut, with their length). */
const SHOW_MAX = 40;

/**
 * A short rendering of a bad value for a message: strings quoted, cut after SHOW_MAX characters
 * with "…(N chars)" and with control characters escaped (`\x1b`), so a hostile file cannot
 * recolour the terminal or forge a second line.
 */
export function show(v: unknown): string {
  if (v === undefined) return 'nothing';
  if (typeof v === 'string') return `"${safeValue(v, SHOW_MAX)}"`;
  if (Array.isArray(v)) {
    if (v.length > SHOW_MAX) return 'an array';
    let s: string;
    try { s = JSON.stringify(v); } catch { return 'an array'; }
    return s.length <= SHOW_MAX ? escapeControls(s) : 'an array';
  }
  if (v !== null && typeof v === 'object') return 'an object';
  return safeValue(String(v), SHOW_MAX);
}

/** Edit distance, for "did you mean" hints on misspelt keys. */
function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diag = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const up = row[j];
      row[j] = Math.min(row[j] + 1, row[j - 1] + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = up;
    }
  }
  return row[b.length];
}

export function suggest(key: string, known: readonly string[]): string {
  let best = '', bd = Infinity;
  for (const k of known) {
    const d = distance(key.toLowerCase(), k.toLowerCase());
    if (d < bd) { bd = d; best = k; }
  }
  return bd <= Math.max(2, Math.floor(key.length / 4)) ? ` (did you mean '${best}'?)` : '';
}

export const ID_RE = /^[a-z0-9-]+$/;

export class Checker {
  constructor(readonly source: string) {}

  fail(path: string, msg: string): never {
    throw new ScenarioError(`${this.source}: ${path ? `${path} ${msg}` : msg}`);
  }

  object(v: unknown, path: string, what = 'an object'): Json {
    if (v === null || typeof v !== 'object' || Array.isArray(v)) this.fail(path, `must be ${what}, got ${show(v)}`);
    return v as Json;
  }

  /** Rejects keys outside `allowed`, naming the first offender. */
  keys(o: Json, path: string, allowed: readonly string[]): void {
    for (const k of Object.keys(o)) {
      if (allowed.includes(k)) continue;
      const where = path ? `${path} has unknown key '${k}'` : `unknown top-level key '${k}'`;
      this.fail('', `${where}${suggest(k, allowed)} (allowed: ${allowed.join(', ')})`);
    }
  }

  array(v: unknown, path: string): unknown[] {
    if (!Array.isArray(v)) this.fail(path, `must be an array, got ${show(v)}`);
    return v;
  }

  string(v: unknown, path: string, nonEmpty = true): string {
    if (typeof v !== 'string' || (nonEmpty && v.trim() === '')) this.fail(path, `must be a ${nonEmpty ? 'non-empty ' : ''}string, got ${show(v)}`);
    return v;
  }

  id(v: unknown, path: string): string {
    const s = this.string(v, path);
    if (!ID_RE.test(s)) this.fail(path, `'${s}' must use only a-z, 0-9 and '-'`);
    return s;
  }

  number(v: unknown, path: string, min = -Infinity, max = Infinity): number {
    if (typeof v !== 'number' || !Number.isFinite(v)) this.fail(path, `must be a number, got ${show(v)}`);
    if (v < min || v > max) this.fail(path, `= ${v} is out of range [${min}, ${max}]`);
    return v;
  }

  integer(v: unknown, path: string, min = 0): number {
    if (typeof v !== 'number' || !Number.isInteger(v)) this.fail(path, `must be an integer, got ${show(v)}`);
    if (v < min) this.fail(path, `= ${v} must be >= ${min}`);
    return v;
  }

  date(v: unknown, path: string): string {
    if (typeof v !== 'string') this.fail(path, `must be a date string (YYYY-MM-DD), got ${show(v)}`);
    if (parseDate(v) === null) this.fail(path, `'${v}' is not a valid date (YYYY-MM-DD)`);
    return v;
  }

  /** Checks a parameter key at `parent.key`, then its value with the schema's own rule; `label` renames the field. */
  param(key: string, value: unknown, parent: string, label?: string): ParamValue {
    if (!(PARAM_KEYS as readonly string[]).includes(key))
      this.fail(`${parent}.${key}`, `is not a parameter${suggest(key, PARAM_KEYS)}`);
    try {
      return checkValue(key, value);
    } catch (e) {
      if (!(e instanceof ParamError)) throw e;
      // ParamError says "parameter 'key' ..."; restate it with the field path.
      const m = /^parameter '([^']*)'(.*)$/.exec(e.message);
      this.fail('', m ? `${label ?? `${parent}.${m[1]}`}${m[2]}` : `${label ?? `${parent}.${key}`}: ${e.message}`);
    }
  }
}
