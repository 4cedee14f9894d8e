/**
 * Validation of a scenario's map. Geometry is in fractions of the grid (0..1) so a map survives a
 * change of gridWidth/gridHeight with --set; ids are unique across the whole map.
 */
import type { DistrictDef, FracRect, MapData, PointDef } from '../sim/scenarioData';
import { type Checker, ID_RE } from './check';

export const MAP_KEYS = ['districts', 'squares', 'metro', 'stations'] as const;
export const DISTRICT_KEYS = ['id', 'name', 'rect', 'population', 'staffing'];
export const POINT_KEYS = ['id', 'name', 'at'];

const isFrac = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x) && x >= 0 && x <= 1;

/** "Independence Square" -> "independence-square": the id of a point that gives none. */
export function slug(name: string): string {
  return name.normalize('NFKD').replace(/[^\x00-\x7f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
}

function rect(c: Checker, v: unknown, path: string): FracRect {
  const ok = Array.isArray(v) && v.length === 4 && v.every(isFrac) && v[0] < v[2] && v[1] < v[3];
  if (!ok) c.fail(path, `must be [x0,y0,x1,y1] fractions in [0,1] with x0<x1, y0<y1, got ${JSON.stringify(v) ?? 'nothing'}`);
  const r = v as FracRect;
  return [r[0], r[1], r[2], r[3]];
}

function point(c: Checker, v: unknown, path: string, i: number, kind: string): PointDef {
  const o = c.object(v, path);
  c.keys(o, path, POINT_KEYS);
  const name = c.string(o.name, `${path}.name`);
  const id = o.id === undefined ? slug(name) || `${kind}-${i}` : c.id(o.id, `${path}.id`);
  if (!(Array.isArray(o.at) && o.at.length === 2 && o.at.every(isFrac)))
    c.fail(`${path}.at`, `must be [x,y] fractions in [0,1], got ${JSON.stringify(o.at) ?? 'nothing'}`);
  const at = o.at as [number, number];
  return { id, name, at: [at[0], at[1]] };
}

function district(c: Checker, v: unknown, path: string): DistrictDef {
  const o = c.object(v, path);
  c.keys(o, path, DISTRICT_KEYS);
  return {
    id: c.id(o.id, `${path}.id`),
    name: c.string(o.name, `${path}.name`),
    rect: rect(c, o.rect, `${path}.rect`),
    population: o.population === undefined ? 1 : c.number(o.population, `${path}.population`, 0),
    staffing: o.staffing === undefined ? 1 : c.number(o.staffing, `${path}.staffing`, 0),
  };
}

export function validateMap(c: Checker, raw: unknown, path = 'map'): MapData {
  const o = c.object(raw, path);
  c.keys(o, path, MAP_KEYS);
  if (o.districts === undefined) c.fail(`${path}.districts`, 'is required (a list of districts)');
  const districts = c.array(o.districts, `${path}.districts`).map((d, i) => district(c, d, `${path}.districts[${i}]`));
  if (districts.length === 0) c.fail(`${path}.districts`, 'must list at least one district');
  // Weights are relative shares: all zero would leave nobody anywhere.
  if (!districts.some((d) => d.population > 0)) c.fail(`${path}.districts`, 'must give some district a population > 0');
  if (!districts.some((d) => d.staffing > 0)) c.fail(`${path}.districts`, 'must give some district a staffing > 0');
  // ...and finite sums: weights of 1e308 add up to Infinity, and every share would be 0 or NaN.
  for (const w of ['population', 'staffing'] as const) {
    const sum = districts.reduce((a, d) => a + d[w], 0);
    if (!Number.isFinite(sum)) c.fail(`${path}.districts`, `${w} weights must have a finite sum (they add up to ${sum}): give relative shares such as 1, 2, 0.5`);
  }
  const points = (kind: 'squares' | 'metro' | 'stations'): PointDef[] =>
    o[kind] === undefined ? [] : c.array(o[kind], `${path}.${kind}`).map((p, i) => point(c, p, `${path}.${kind}[${i}]`, i, kind));
  const map: MapData = { districts, squares: points('squares'), metro: points('metro'), stations: points('stations') };
  const seen = new Map<string, string>();
  for (const kind of MAP_KEYS)
    map[kind].forEach((item: { id: string }, i: number) => {
      const where = `${path}.${kind}[${i}].id`;
      if (!ID_RE.test(item.id)) c.fail(where, `'${item.id}' must use only a-z, 0-9 and '-'`);
      const first = seen.get(item.id);
      if (first) c.fail(where, `'${item.id}' repeats the id of ${first}`);
      seen.set(item.id, `${path}.${kind}[${i}]`);
    });
  return map;
}
