/**
 * A cap on how deeply a parsed JSON input nests, checked without recursion before any validator
 * (which recurses) sees it: a 5,000-deep `[[[[...]]]]` is one clear message naming the field,
 * not a stack overflow. No real input comes near the cap (scenarios nest 4 levels). Browser-safe:
 * the CLI's readers and the page's replay loader both use it.
 */
import { safeValue } from './text';

/** Objects and arrays inside one another, the outermost counting as 1. */
export const MAX_JSON_DEPTH = 64;

/** Largest scenario, actions, calibration, priors or replay file read (64 MiB): the CLI's and the page's one limit. */
export const MAX_INPUT_BYTES = 64 * 1024 * 1024;

interface Frame { v: object; depth: number; parent: Frame | null; key: string | number | null; }

const IDENT = /^[A-Za-z_$][\w$]*$/;
const segment = (k: string | number, first: boolean): string =>
  typeof k === 'number' ? `[${k}]` : IDENT.test(k) ? `${first ? '' : '.'}${k}` : `[${JSON.stringify(safeValue(k, 40))}]`;

/** Segments of the path shown before "…". */
const SHOWN_SEGMENTS = 8;

/**
 * Null when `value` nests at most `max` levels, else what to say after the file name:
 * `field 'series' nests more than 64 levels deep (at series[0][0][0]…)`.
 */
export function nestingError(value: unknown, max = MAX_JSON_DEPTH): string | null {
  if (value === null || typeof value !== 'object') return null;
  const stack: Frame[] = [{ v: value, depth: 1, parent: null, key: null }];
  while (stack.length > 0) {
    const f = stack.pop()!;
    if (f.depth > max) return describe(f, max);
    // Children pushed last-first so the first field is looked at first (the message names it).
    if (Array.isArray(f.v)) {
      for (let i = f.v.length - 1; i >= 0; i--) {
        const x: unknown = f.v[i];
        if (x !== null && typeof x === 'object') stack.push({ v: x, depth: f.depth + 1, parent: f, key: i });
      }
    } else {
      const o = f.v as Record<string, unknown>, keys = Object.keys(o);
      for (let i = keys.length - 1; i >= 0; i--) {
        const x = o[keys[i]];
        if (x !== null && typeof x === 'object') stack.push({ v: x, depth: f.depth + 1, parent: f, key: keys[i] });
      }
    }
  }
  return null;
}

function describe(f: Frame, max: number): string {
  const keys: Array<string | number> = [];
  for (let p: Frame | null = f; p !== null && p.key !== null; p = p.parent) keys.push(p.key);
  keys.reverse();
  const path = keys.slice(0, SHOWN_SEGMENTS).map((k, i) => segment(k, i === 0)).join('') + (keys.length > SHOWN_SEGMENTS ? '…' : '');
  const top = keys[0];
  const field = typeof top === 'number' ? `element [${top}]` : `field '${safeValue(String(top), 40)}'`;
  return `${field} nests more than ${max} levels deep (at ${path})`;
}
