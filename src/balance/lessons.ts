/**
 * The lessons file (src/scenarios/lessons.json; docs/balance.md, "Lessons"): machine-readable
 * targets the balance report checks, and risk entries it runs. This module validates the file
 * and evaluates each lesson on a report's figures. Browser-safe and pure.
 *
 * A target: { id, preset (id or list), policy (a name or a pattern: `*` matches one or more
 * characters other than `@`, so `once:*` is every once:<t> but no once:<t>@<d>), quantity, bound,
 * relativeTo?, quantifier?, scope?, why }. Its items are the (preset, policy) pairs the pattern
 * matches; each item's value is the policy's quantity (minus relativeTo's, a policy of the same
 * preset, when given) and passes the bound. quantifier 'all' (default): every item passes; 'any':
 * one does; {atLeast: n}: n do. scope 'preset' (default): one verdict per preset; 'all': one
 * verdict over the items of all its presets. A lesson none of whose items exist is n/a.
 *
 * quantity 'historical' reads one figure of the scenario's historical block ({ figure: <key> }; policy
 * 'history'): its mean model value over the history runs, against bound {band: true} (the figure's
 * own band from the scenario) or an explicit {min, max}.
 *
 * A risk: { id, preset, tactic, condition: [[key, value], ...] (situation parameters), add:
 * [{day, tactic}, ...], bound: {min}, why }: the report runs `best` and `best` plus the added
 * actions (each at its day's evening start tick), both with the condition set, and checks that
 * success drops by at least bound.min.
 */
import { checkValue, isParamKey, isTacticId, PARAM_SPECS, type ParamValue, type TacticId } from '../sim/index';
import { ScenarioError } from '../scenarios/index';

export const QUANTITIES = ['success', 'stalemate', 'failure', 'defectedShare', 'resources', 'cohesion', 'detentions',
  'medianTippingDay', 'effect', 'effectRelative', 'historical'] as const;
export type Quantity = (typeof QUANTITIES)[number];
/** Quantities read from the effects table (the policy must be alone:<t> or alone:*). */
export const EFFECT_QUANTITIES: readonly Quantity[] = ['effect', 'effectRelative'];

export interface Bound {
  min?: number;
  max?: number;
  /** min/max exclusive (value > min, value < max). */
  strict?: boolean;
  /** The documented direction: the point estimate (or, with excludesZero, the whole interval) on that side of 0. */
  sign?: 'positive' | 'negative';
  excludesZero?: boolean;
  /** quantity 'historical' only: the figure's own band [lo, hi] from the scenario (as min and max). */
  band?: boolean;
}
export type Quantifier = 'all' | 'any' | { atLeast: number };

export interface TargetLesson {
  kind: 'target';
  id: string;
  presets: string[];
  policy: string;
  quantity: Quantity;
  bound: Bound;
  relativeTo: string | null;
  quantifier: Quantifier;
  scope: 'preset' | 'all';
  /** quantity 'historical': the key of the figure in the scenario's historical block. */
  figure?: string;
  why: string;
}

export interface RiskLesson {
  kind: 'risk';
  id: string;
  preset: string;
  tactic: TacticId;
  condition: Array<[string, ParamValue]>;
  add: Array<{ day: number; tactic: TacticId }>;
  bound: { min: number };
  why: string;
}

export interface Lessons { version: 1; targets: TargetLesson[]; risks: RiskLesson[] }

/** Comparisons allow this much floating-point noise (0.45 - 0.6 is -0.1499999...). */
export const TOLERANCE = 1e-9;

const ID_RE = /^[a-z0-9][a-z0-9-]*$/;
const POLICY_RE = /^[A-Za-z0-9:+@*_.-]+$/;

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v);

function fields(o: Obj, where: string, allowed: readonly string[], required: readonly string[]): void {
  for (const k of Object.keys(o)) if (!allowed.includes(k)) throw new ScenarioError(`${where}: unknown field '${k}' (allowed: ${allowed.join(', ')})`);
  for (const k of required) if (!(k in o)) throw new ScenarioError(`${where}: missing field '${k}'`);
}
const num = (v: unknown, where: string): number => {
  if (typeof v !== 'number' || !Number.isFinite(v)) throw new ScenarioError(`${where} must be a finite number, got ${JSON.stringify(v)}`);
  return v;
};
const str = (v: unknown, where: string): string => {
  if (typeof v !== 'string' || v.trim() === '') throw new ScenarioError(`${where} must be a non-empty string`);
  return v;
};
const line = (v: unknown, where: string): string => {
  const s = str(v, where);
  if (/[\n\r]/.test(s)) throw new ScenarioError(`${where} must be one line`);
  return s;
};

function bound(v: unknown, where: string, effect: boolean, historical = false): Bound {
  if (!isObj(v)) throw new ScenarioError(`${where} must be an object {min?, max?, strict?, sign?, excludesZero?}`);
  fields(v, where, historical ? ['min', 'max', 'strict', 'band'] : ['min', 'max', 'strict', 'sign', 'excludesZero'], []);
  if (v.band !== undefined) {
    if (v.band !== true) throw new ScenarioError(`${where}.band must be true (the figure's band from the scenario)`);
    if (v.min !== undefined || v.max !== undefined) throw new ScenarioError(`${where}: band takes its min and max from the scenario: give band or min/max, not both`);
    return { band: true };
  }
  const b: Bound = {};
  if (v.min !== undefined) b.min = num(v.min, `${where}.min`);
  if (v.max !== undefined) b.max = num(v.max, `${where}.max`);
  if (v.strict !== undefined) { if (typeof v.strict !== 'boolean') throw new ScenarioError(`${where}.strict must be true or false`); b.strict = v.strict; }
  if (v.sign !== undefined) {
    if (v.sign !== 'positive' && v.sign !== 'negative') throw new ScenarioError(`${where}.sign must be 'positive' or 'negative'`);
    b.sign = v.sign;
  }
  if (v.excludesZero !== undefined) {
    if (typeof v.excludesZero !== 'boolean') throw new ScenarioError(`${where}.excludesZero must be true or false`);
    if (!effect) throw new ScenarioError(`${where}.excludesZero applies to effects only (quantity effect or effectRelative)`);
    if (v.excludesZero && b.sign === undefined) throw new ScenarioError(`${where}.excludesZero needs a sign (positive or negative)`);
    b.excludesZero = v.excludesZero;
  }
  if (b.min === undefined && b.max === undefined && b.sign === undefined) throw new ScenarioError(`${where} needs min, max or sign`);
  if (b.min !== undefined && b.max !== undefined && b.min > b.max) throw new ScenarioError(`${where}: min ${b.min} exceeds max ${b.max}`);
  return b;
}

function quantifier(v: unknown, where: string): Quantifier {
  if (v === undefined) return 'all';
  if (v === 'all' || v === 'any') return v;
  if (isObj(v)) {
    fields(v, where, ['atLeast'], ['atLeast']);
    const n = num(v.atLeast, `${where}.atLeast`);
    if (!Number.isInteger(n) || n < 1) throw new ScenarioError(`${where}.atLeast must be a positive integer`);
    return { atLeast: n };
  }
  throw new ScenarioError(`${where} must be 'all', 'any' or {"atLeast": n}`);
}

function target(v: unknown, where: string): TargetLesson {
  if (!isObj(v)) throw new ScenarioError(`${where} must be an object`);
  fields(v, where, ['kind', 'id', 'preset', 'policy', 'quantity', 'bound', 'relativeTo', 'quantifier', 'scope', 'figure', 'why'], ['id', 'preset', 'policy', 'quantity', 'bound', 'why']);
  if (v.kind !== undefined && v.kind !== 'target') throw new ScenarioError(`${where}.kind must be 'target' in the targets list`);
  const id = str(v.id, `${where}.id`);
  if (!ID_RE.test(id)) throw new ScenarioError(`${where}.id '${id}' must use only a-z, 0-9 and '-'`);
  const presets = typeof v.preset === 'string' ? [str(v.preset, `${where}.preset`)]
    : Array.isArray(v.preset) && v.preset.length > 0 ? v.preset.map((p, i) => str(p, `${where}.preset[${i}]`)) : null;
  if (presets === null) throw new ScenarioError(`${where}.preset must be a preset id or a non-empty list of them`);
  const policy = str(v.policy, `${where}.policy`);
  if (!POLICY_RE.test(policy)) throw new ScenarioError(`${where}.policy '${policy}' is not a policy name or pattern`);
  const quantity = str(v.quantity, `${where}.quantity`) as Quantity;
  if (!QUANTITIES.includes(quantity)) throw new ScenarioError(`${where}.quantity '${quantity}' is not one of ${QUANTITIES.join(', ')}`);
  const effect = EFFECT_QUANTITIES.includes(quantity);
  if (effect && !/^alone:/.test(policy)) throw new ScenarioError(`${where}: quantity '${quantity}' needs policy alone:<tactic> or alone:*`);
  if (effect && policy !== 'alone:*' && !isTacticId(policy.slice(6))) throw new ScenarioError(`${where}.policy: '${policy.slice(6)}' is not a tactic`);
  const relativeTo = v.relativeTo === undefined ? null : str(v.relativeTo, `${where}.relativeTo`);
  if (relativeTo !== null && (effect || relativeTo.includes('*'))) throw new ScenarioError(`${where}.relativeTo must name one policy, and not for effects`);
  const scope = v.scope === undefined ? 'preset' : v.scope;
  if (scope !== 'preset' && scope !== 'all') throw new ScenarioError(`${where}.scope must be 'preset' or 'all'`);
  const historical = quantity === 'historical';
  if (historical !== (v.figure !== undefined)) throw new ScenarioError(`${where}: a figure is given with quantity 'historical', and only then`);
  if (historical && (policy !== 'history' || relativeTo !== null)) throw new ScenarioError(`${where}: quantity 'historical' is read under policy 'history', not relative to another`);
  const out: TargetLesson = { kind: 'target', id, presets, policy, quantity, bound: bound(v.bound, `${where}.bound`, effect, historical), relativeTo,
    quantifier: quantifier(v.quantifier, `${where}.quantifier`), scope, why: line(v.why, `${where}.why`) };
  if (historical) out.figure = str(v.figure, `${where}.figure`);
  return out;
}

function risk(v: unknown, where: string): RiskLesson {
  if (!isObj(v)) throw new ScenarioError(`${where} must be an object`);
  fields(v, where, ['kind', 'id', 'preset', 'tactic', 'condition', 'add', 'bound', 'why'], ['kind', 'id', 'preset', 'tactic', 'condition', 'add', 'bound', 'why']);
  if (v.kind !== 'risk') throw new ScenarioError(`${where}.kind must be 'risk'`);
  const id = str(v.id, `${where}.id`);
  if (!ID_RE.test(id)) throw new ScenarioError(`${where}.id '${id}' must use only a-z, 0-9 and '-'`);
  const tactic = str(v.tactic, `${where}.tactic`);
  if (!isTacticId(tactic)) throw new ScenarioError(`${where}.tactic '${tactic}' is not a tactic`);
  if (!Array.isArray(v.condition)) throw new ScenarioError(`${where}.condition must be a list of [key, value] pairs`);
  const condition = v.condition.map((c, i): [string, ParamValue] => {
    const w = `${where}.condition[${i}]`;
    if (!Array.isArray(c) || c.length !== 2 || typeof c[0] !== 'string') throw new ScenarioError(`${w} must be [key, value]`);
    const key = c[0];
    if (!isParamKey(key)) throw new ScenarioError(`${w}: unknown parameter '${key}'`);
    if (PARAM_SPECS[key].kind !== 'situation') throw new ScenarioError(`${w}: '${key}' is a ${PARAM_SPECS[key].kind} parameter; a condition is a situation`);
    try { return [key, checkValue(key, c[1])]; } catch (e) { throw new ScenarioError(`${w}: ${(e as Error).message}`); }
  });
  if (!Array.isArray(v.add) || v.add.length === 0) throw new ScenarioError(`${where}.add must be a non-empty list of {day, tactic}`);
  const add = v.add.map((a, i) => {
    const w = `${where}.add[${i}]`;
    if (!isObj(a)) throw new ScenarioError(`${w} must be {day, tactic}`);
    fields(a, w, ['day', 'tactic'], ['day', 'tactic']);
    const day = num(a.day, `${w}.day`);
    if (!Number.isInteger(day) || day < 0) throw new ScenarioError(`${w}.day must be a non-negative integer`);
    const t = str(a.tactic, `${w}.tactic`);
    if (!isTacticId(t)) throw new ScenarioError(`${w}.tactic '${t}' is not a tactic`);
    return { day, tactic: t };
  });
  if (!isObj(v.bound)) throw new ScenarioError(`${where}.bound must be {"min": <success drop>}`);
  fields(v.bound, `${where}.bound`, ['min'], ['min']);
  const min = num(v.bound.min, `${where}.bound.min`);
  if (min < 0 || min > 1) throw new ScenarioError(`${where}.bound.min must lie in [0, 1] (a drop in success rate)`);
  return { kind: 'risk', id, preset: str(v.preset, `${where}.preset`), tactic, condition, add, bound: { min }, why: line(v.why, `${where}.why`) };
}

/** Checks a lessons file; every mistake is one ScenarioError naming the entry and field. */
export function validateLessons(raw: unknown, source = 'lessons.json'): Lessons {
  if (!isObj(raw)) throw new ScenarioError(`${source}: expected an object {version, targets, risks}`);
  fields(raw, source, ['$comment', 'version', 'targets', 'risks'], ['version', 'targets', 'risks']);
  if (raw.version !== 1) throw new ScenarioError(`${source}: version must be 1`);
  if (!Array.isArray(raw.targets)) throw new ScenarioError(`${source}: targets must be a list`);
  if (!Array.isArray(raw.risks)) throw new ScenarioError(`${source}: risks must be a list`);
  const targets = raw.targets.map((t, i) => target(t, `${source}: targets[${i}]`));
  const risks = raw.risks.map((r, i) => risk(r, `${source}: risks[${i}]`));
  const seen = new Set<string>();
  for (const l of [...targets, ...risks]) {
    if (seen.has(l.id)) throw new ScenarioError(`${source}: lesson id '${l.id}' is used twice`);
    seen.add(l.id);
  }
  return { version: 1, targets, risks };
}

/** A policy pattern as a regular expression: `*` is one or more characters other than `@`. */
export function policyPattern(p: string): RegExp {
  return new RegExp(`^${p.split('*').map((s) => s.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('[^@]+')}$`);
}

// ---- evaluation ----------------------------------------------------------------------------

/** What a lesson reads of one policy. */
export interface PolicyFigures {
  runs: number;
  success: number | null;
  stalemate: number | null;
  failure: number | null;
  defectedShare: number | null;
  resources: number | null;
  cohesion: number | null;
  detentions: number | null;
  medianTippingDay: number | null;
  /** Wilson interval of the success rate. */
  successLo?: number | null;
  successHi?: number | null;
}

/** A tactic's effect on its own quantity: alone:<t> minus nothing, paired over seeds. */
export interface EffectFigures {
  quantity: 'defectedShare' | 'resources' | 'cohesion' | 'detentions';
  n: number;
  mean: number | null;
  lo: number | null;
  hi: number | null;
  nothingMean: number | null;
  /** mean, lo and hi divided by the nothing mean (null when it is 0 or missing). */
  relative: { mean: number | null; lo: number | null; hi: number | null };
}

/** A historical figure under `history`: the source's value, its band (null: none) and the mean model value over the runs. */
export interface HistoricalFigure { historical: number; band: [number, number] | null; model: number | null }

export interface PresetFigures { policies: Record<string, PolicyFigures>; effects: Record<string, EffectFigures>; historical?: Record<string, HistoricalFigure> | null }

export interface LessonItem { preset: string; policy: string; value: number | null; lo: number | null; hi: number | null; pass: boolean }

export interface LessonResult {
  id: string;
  kind: 'target' | 'risk';
  /** The preset of a per-preset verdict, or the list of a pooled one. */
  preset: string | string[];
  /** pass/fail, or n/a when no item exists. */
  status: 'pass' | 'fail' | 'n/a';
  pass: boolean | null;
  /** The deciding item's value (all: the worst; any: the best; atLeast n: the n-th best). */
  value: number | null;
  policy: string | null;
  quantity: string;
  bound: Bound;
  relativeTo: string | null;
  quantifier: Quantifier;
  why: string;
  items: LessonItem[];
}

const POLICY_QUANTITY: Record<Exclude<Quantity, 'effect' | 'effectRelative' | 'historical'>, keyof PolicyFigures> = {
  success: 'success', stalemate: 'stalemate', failure: 'failure', defectedShare: 'defectedShare', resources: 'resources',
  cohesion: 'cohesion', detentions: 'detentions', medianTippingDay: 'medianTippingDay',
};

/** Does the value (and interval) meet the bound? */
export function meets(b: Bound, value: number | null, lo: number | null = null, hi: number | null = null): boolean {
  if (value === null || !Number.isFinite(value)) return false;
  if (b.min !== undefined && !(b.strict ? value > b.min + TOLERANCE : value >= b.min - TOLERANCE)) return false;
  if (b.max !== undefined && !(b.strict ? value < b.max - TOLERANCE : value <= b.max + TOLERANCE)) return false;
  if (b.sign === 'positive' && !(b.excludesZero ? lo !== null && lo > 0 : value > 0)) return false;
  if (b.sign === 'negative' && !(b.excludesZero ? hi !== null && hi < 0 : value < 0)) return false;
  return true;
}

/** How far inside the bound (negative: outside): the smallest of its conditions' margins. */
export function slack(b: Bound, value: number | null, lo: number | null = null, hi: number | null = null): number {
  if (value === null || !Number.isFinite(value)) return -Infinity;
  const m: number[] = [];
  if (b.min !== undefined) m.push(value - b.min);
  if (b.max !== undefined) m.push(b.max - value);
  if (b.sign === 'positive') m.push(b.excludesZero ? (lo ?? -Infinity) : value);
  if (b.sign === 'negative') m.push(b.excludesZero ? -(hi ?? Infinity) : -value);
  return Math.min(...m);
}

/** The bound a lesson is judged by on a preset: a band bound becomes the figure's [lo, hi] (null: the figure has no band). */
function boundOn(l: TargetLesson, f: PresetFigures | undefined): Bound | null {
  if (!l.bound.band) return l.bound;
  const b = l.figure === undefined ? undefined : f?.historical?.[l.figure]?.band;
  return b ? { min: b[0], max: b[1] } : null;
}

function itemsOf(l: TargetLesson, preset: string, f: PresetFigures): LessonItem[] {
  const re = policyPattern(l.policy), out: LessonItem[] = [];
  if (l.quantity === 'historical') {
    const h = l.figure === undefined ? undefined : f.historical?.[l.figure], b = boundOn(l, f);
    if (h === undefined || b === null || !Object.prototype.hasOwnProperty.call(f.policies, 'history')) return out;
    return [{ preset, policy: 'history', value: h.model, lo: null, hi: null, pass: meets(b, h.model) }];
  }
  for (const [name, p] of Object.entries(f.policies)) {
    if (!re.test(name)) continue;
    let value: number | null, lo: number | null = null, hi: number | null = null;
    if (l.quantity === 'effect' || l.quantity === 'effectRelative') {
      const e = f.effects[name.slice('alone:'.length)];
      if (e === undefined) continue;
      const src = l.quantity === 'effect' ? e : e.relative;
      ({ mean: value, lo, hi } = src);
    } else {
      const key = POLICY_QUANTITY[l.quantity];
      value = p[key] as number | null;
      if (l.quantity === 'success') { lo = p.successLo ?? null; hi = p.successHi ?? null; }
      if (l.relativeTo !== null) {
        const ref = f.policies[l.relativeTo];
        if (ref === undefined) continue;
        const rv = ref[key] as number | null;
        value = value === null || rv === null ? null : value - rv;
        lo = hi = null;
      }
    }
    out.push({ preset, policy: name, value, lo, hi, pass: meets(l.bound, value, lo, hi) });
  }
  return out;
}

function verdict(l: TargetLesson, preset: string | string[], items: LessonItem[], bd: Bound = l.bound): LessonResult {
  const quantity = l.figure === undefined ? l.quantity : `historical:${l.figure}`;
  const base = { id: l.id, kind: 'target' as const, preset, quantity, bound: bd, relativeTo: l.relativeTo, quantifier: l.quantifier, why: l.why, items };
  if (items.length === 0) return { ...base, status: 'n/a', pass: null, value: null, policy: null };
  const ranked = [...items].sort((a, b) => slack(bd, b.value, b.lo, b.hi) - slack(bd, a.value, a.lo, a.hi));
  const passed = items.filter((i) => i.pass).length;
  let pass: boolean, decider: LessonItem;
  if (l.quantifier === 'all') { pass = passed === items.length; decider = ranked[ranked.length - 1]; }
  else if (l.quantifier === 'any') { pass = passed > 0; decider = ranked[0]; }
  else { pass = passed >= l.quantifier.atLeast; decider = ranked[Math.min(l.quantifier.atLeast, ranked.length) - 1]; }
  return { ...base, status: pass ? 'pass' : 'fail', pass, value: decider.value, policy: decider.policy };
}

/**
 * A target lesson's verdicts on the presets the report ran (the others are left out): one per
 * preset (scope 'preset'), or one over all of them (scope 'all'; none if it ran none of them).
 */
export function evaluateTarget(l: TargetLesson, figures: Readonly<Record<string, PresetFigures>>): LessonResult[] {
  const present = l.presets.filter((p) => Object.prototype.hasOwnProperty.call(figures, p));
  if (l.scope === 'all') return present.length === 0 ? [] : [verdict(l, present, present.flatMap((p) => itemsOf(l, p, figures[p])))];
  return present.map((p) => verdict(l, p, itemsOf(l, p, figures[p]), boundOn(l, figures[p]) ?? l.bound));
}

/** A risk lesson's verdict from the success rates of best and best+add under its condition. */
export function evaluateRisk(l: RiskLesson, best: number | null, withAdd: number | null): LessonResult {
  const drop = best === null || withAdd === null ? null : best - withAdd;
  const b: Bound = { min: l.bound.min };
  const pass = meets(b, drop);
  return { id: l.id, kind: 'risk', preset: l.preset, status: drop === null ? 'n/a' : pass ? 'pass' : 'fail', pass: drop === null ? null : pass,
    value: drop, policy: `risk:${l.id}:best+add`, quantity: 'successDrop', bound: b, relativeTo: `risk:${l.id}:best`, quantifier: 'all', why: l.why,
    items: [{ preset: l.preset, policy: `risk:${l.id}:best+add`, value: drop, lo: null, hi: null, pass }] };
}
