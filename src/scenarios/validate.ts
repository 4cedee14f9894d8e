/**
 * Validates a parsed scenario file into the complete ScenarioData the simulation trusts.
 * Every rejection is one ScenarioError line naming the file and the field path (docs/scenarios.md).
 */
import { parseDate } from '../sim/calendar';
import { ParamError, checkConsistency, isParamKey, specOf } from '../sim/params/validate';
import { PARAM_KEYS, defaultParams, type Params } from '../sim/params/schema';
import type { ParamValue } from '../sim/params/spec';
import type { ActionDef, At, EventDef, HistoricalDef, MapData, ScenarioData } from '../sim/scenarioData';
import { TACTIC_IDS, isTacticId, type TacticId } from '../sim/tactics';
import { Checker, ID_RE, type Json, show, suggest } from './check';
import { validateMap } from './map';
import { atToTick } from '../sim/rules/events';

export { ScenarioError } from './check';

/** The keys each level of a scenario file allows (the JSON Schema, src/scenarios/jsonSchema.ts, lists the same). */
export const TOP_KEYS = ['$schema', 'id', 'title', 'summary', 'startDate', 'params', 'why', 'map', 'events', 'strategy', 'strategies', 'tactics', 'historical', 'briefing'];
export const EVENT_KEYS = ['at', 'label', 'set', 'ramp'];
export const HIST_KEYS = ['label', 'value', 'unit', 'source', 'metric', 'date', 'district', 'branch', 'band', 'bandWhy'];
/** The briefing sections the page knows, in reading order (a briefing may add others). */
export const BRIEFING_KEYS = ['goal', 'situation', 'levers', 'risks', 'try'] as const;

/** Every HistoricalDef metric; `satisfies` plus the check below keep it in step with the type. */
export const HISTORICAL_METRICS = ['detentionsUntil', 'deathsUntil', 'resignationsUntil', 'staffingChangeAt', 'nationalForce',
  'privateOpposition', 'tortureCasesUntil', 'defectedShareAt', 'resignationsFalloff', 'branchLossRatio', 'districtsEmptied'] as const satisfies readonly HistoricalDef['metric'][];
type Missing = Exclude<HistoricalDef['metric'], (typeof HISTORICAL_METRICS)[number]>;
const allMetricsListed: Missing extends never ? true : false = true;
void allMetricsListed;
/** Metrics measured up to, or at, a date: they need one. */
export const DATED_METRICS = ['detentionsUntil', 'deathsUntil', 'resignationsUntil', 'staffingChangeAt', 'tortureCasesUntil', 'resignationsFalloff'] as const satisfies readonly HistoricalDef['metric'][];
const DATED = new Set<string>(DATED_METRICS);
/** How a historical figure may be named. */
export const HISTORICAL_NAME_RE = /^[A-Za-z][A-Za-z0-9_-]*$/;

/**
 * A scenario sets the situation. It may not set a measurement key (the research definitions are
 * the same for every run), and a mechanism key only with a one-line reason in `why`.
 */
function checkKind(c: Checker, key: string, path: string, why: Record<string, string>): void {
  const kind = specOf(key).kind;
  if (kind === 'measurement') c.fail(path, `is a measurement parameter (a research definition); a scenario may not set it`);
  if (kind === 'mechanism' && why[key] === undefined)
    c.fail(path, `is a mechanism parameter (the same in every scenario): say why this scenario departs from it in "why": {"${key}": "<one line>"}`);
}

function validateWhy(c: Checker, raw: unknown): Record<string, string> {
  if (raw === undefined) return {};
  const o = c.object(raw, 'why');
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(o)) {
    if (!isParamKey(k)) c.fail(`why.${k}`, `is not a parameter${suggest(k, PARAM_KEYS)}`);
    if (specOf(k).kind !== 'mechanism') c.fail(`why.${k}`, `explains a ${specOf(k).kind} parameter; only mechanism parameters need a reason`);
    out[k] = c.string(v, `why.${k}`);
  }
  return out;
}

function validateParams(c: Checker, raw: unknown, why: Record<string, string>): Record<string, ParamValue> {
  if (raw === undefined) return {};
  const o = c.object(raw, 'params');
  const out: Record<string, ParamValue> = {};
  for (const [k, v] of Object.entries(o)) { out[k] = c.param(k, v, 'params'); checkKind(c, k, `params.${k}`, why); }
  // Cross-parameter rules (e.g. min <= max) on the scenario's own values over the defaults.
  try {
    checkConsistency({ ...defaultParams(), ...out } as Params);
  } catch (e) {
    if (e instanceof ParamError) c.fail('params:', e.message);
    throw e;
  }
  return out;
}

function validateAt(c: Checker, raw: unknown, path: string, startDay: number): At {
  const o = c.object(raw, path, 'an object {tick}, {day} or {date}');
  c.keys(o, path, ['tick', 'day', 'date']);
  const given = Object.keys(o);
  if (given.length !== 1) c.fail(path, 'must have exactly one of tick, day, date');
  if (o.tick !== undefined) return { tick: c.integer(o.tick, `${path}.tick`) };
  if (o.day !== undefined) return { day: c.integer(o.day, `${path}.day`) };
  const date = c.date(o.date, `${path}.date`);
  if ((parseDate(date) as number) < startDay) c.fail(`${path}.date`, `'${date}' is before startDate`);
  return { date };
}

/** Events change parameters mid-run, so they may not touch structural ones (read only at the start). */
function eventKey(c: Checker, key: string, path: string): void {
  if (specOf(key).structural) c.fail(path, 'is structural (read only when the run starts: array sizes, the map, starting stocks) and cannot be changed by an event');
}

function validateEvent(c: Checker, raw: unknown, path: string, startDay: number, why: Record<string, string>): EventDef {
  const o = c.object(raw, path);
  c.keys(o, path, EVENT_KEYS);
  if (o.at === undefined) c.fail(`${path}.at`, 'is required ({tick}, {day} or {date})');
  const ev: EventDef = { at: validateAt(c, o.at, `${path}.at`, startDay) };
  if (o.label !== undefined) ev.label = c.string(o.label, `${path}.label`, false);
  if (o.set === undefined && o.ramp === undefined) c.fail(path, "needs 'set' or 'ramp' (or both)");
  if (o.set !== undefined) {
    const set = c.object(o.set, `${path}.set`);
    if (Object.keys(set).length === 0) c.fail(`${path}.set`, 'must set at least one parameter');
    ev.set = {};
    for (const [k, v] of Object.entries(set)) {
      const value = c.param(k, v, `${path}.set`);
      eventKey(c, k, `${path}.set.${k}`);
      checkKind(c, k, `${path}.set.${k}`, why);
      ev.set[k] = value;
    }
  }
  if (o.ramp !== undefined) {
    const r = c.object(o.ramp, `${path}.ramp`, 'an object {key, to, overDays}');
    c.keys(r, `${path}.ramp`, ['key', 'to', 'overDays']);
    const key = c.string(r.key, `${path}.ramp.key`);
    const keyPath = `${path}.ramp.key '${key}'`;
    if (!isParamKey(key)) c.fail(keyPath, `is not a parameter${suggest(key, PARAM_KEYS)}`);
    eventKey(c, key, keyPath);
    checkKind(c, key, keyPath, why);
    const type = specOf(key).type;
    if (type !== 'number' && type !== 'integer') c.fail(keyPath, `is a ${type} parameter; only numbers can ramp`);
    if (r.to === undefined) c.fail(`${path}.ramp.to`, 'is required');
    const to = c.param(key, r.to, `${path}.ramp`, `${path}.ramp.to`);
    const overDays = c.number(r.overDays, `${path}.ramp.overDays`, 0);
    if (overDays === 0) c.fail(`${path}.ramp.overDays`, 'must be > 0 (use set for a jump)');
    ev.ramp = { key, to: to as number, overDays };
  }
  return ev;
}

/**
 * The cross-parameter rules hold after every event too: events are applied in time order (ties
 * in file order) over the scenario's values, a ramp counted at its end value.
 */
function checkEventsConsistency(c: Checker, params: Record<string, ParamValue>, events: EventDef[], startDay: number): void {
  if (events.length === 0) return;
  const p = { ...defaultParams(), ...params } as Params;
  const tpd = 24 / p.hoursPerTick;
  const order = events.map((e, i) => ({ e, i, tick: atToTick(e.at, startDay, tpd) })).sort((a, b) => a.tick - b.tick || a.i - b.i);
  for (const { e, i } of order) {
    Object.assign(p, e.set ?? {});
    if (e.ramp) (p as unknown as Record<string, unknown>)[e.ramp.key] = e.ramp.to;
    try { checkConsistency(p); } catch (err) {
      if (err instanceof ParamError) c.fail(`events[${i}]:`, `after this event ${err.message}`);
      throw err;
    }
  }
}

function validateTactics(c: Checker, raw: unknown): TacticId[] | null {
  if (raw === undefined || raw === null) return null;
  const list = c.array(raw, 'tactics').map((t, i) => {
    if (typeof t !== 'string' || !isTacticId(t)) c.fail(`tactics[${i}]`, `${show(t)} is not a tactic (known: ${TACTIC_IDS.join(', ')})`);
    return t;
  });
  list.forEach((t, i) => { if (list.indexOf(t) !== i) c.fail(`tactics[${i}]`, `'${t}' is listed twice`); });
  return list;
}

function validateStrategy(c: Checker, raw: unknown, offered: TacticId[] | null, where = 'strategy'): ActionDef[] {
  if (raw === undefined) return [];
  const actions = c.array(raw, where).map((a, i): ActionDef => {
    const path = `${where}[${i}]`;
    const o = c.object(a, path);
    c.keys(o, path, ['tick', 'tactic']);
    const tick = c.integer(o.tick, `${path}.tick`);
    const t = o.tactic;
    if (typeof t !== 'string' || !isTacticId(t))
      c.fail(`${path}.tactic`, `${show(t)} is not a tactic${typeof t === 'string' ? suggest(t, TACTIC_IDS) : ''} (known: ${TACTIC_IDS.join(', ')})`);
    if (offered && !offered.includes(t)) c.fail(`${path}.tactic`, `'${t}' is not among this scenario's tactics`);
    return { tick, tactic: t };
  });
  // Stable sort: the sim consumes actions in tick order; same-tick actions keep file order.
  return actions.map((a, i) => [a, i] as const).sort((x, y) => x[0].tick - y[0].tick || x[1] - y[1]).map(([a]) => a);
}

/** Names a strategy may not take: the choices --strategy gives besides the named ones. */
export const RESERVED_STRATEGIES = ['scenario', 'none'] as const;

function validateStrategies(c: Checker, raw: unknown, offered: TacticId[] | null): Record<string, ActionDef[]> {
  if (raw === undefined) return {};
  const o = c.object(raw, 'strategies');
  const out: Record<string, ActionDef[]> = {};
  for (const [name, list] of Object.entries(o)) {
    const path = `strategies.${name}`;
    if (!ID_RE.test(name)) c.fail(path, `: a strategy name must use only a-z, 0-9 and '-'`);
    if ((RESERVED_STRATEGIES as readonly string[]).includes(name)) c.fail(path, `: '${name}' is reserved (--strategy ${RESERVED_STRATEGIES.join('|')})`);
    out[name] = validateStrategy(c, list, offered, path);
  }
  return out;
}

function validateHistorical(c: Checker, raw: unknown, map: MapData | null): Record<string, HistoricalDef> | null {
  if (raw === undefined || raw === null) return null;
  const o = c.object(raw, 'historical');
  const out: Record<string, HistoricalDef> = {};
  for (const [name, v] of Object.entries(o)) {
    const path = `historical.${name}`;
    if (!HISTORICAL_NAME_RE.test(name)) c.fail(path, 'must be named with letters, digits, _ or -');
    const h = c.object(v, path);
    c.keys(h, path, HIST_KEYS);
    const metric = h.metric;
    if (typeof metric !== 'string' || !(HISTORICAL_METRICS as readonly string[]).includes(metric))
      c.fail(`${path}.metric`, `${show(metric)} is not a metric (known: ${HISTORICAL_METRICS.join(', ')})`);
    const def: HistoricalDef = {
      label: c.string(h.label, `${path}.label`),
      value: c.number(h.value, `${path}.value`),
      source: c.string(h.source, `${path}.source`),
      metric: metric as HistoricalDef['metric'],
    };
    if (h.unit !== undefined) def.unit = c.string(h.unit, `${path}.unit`);
    if (h.date !== undefined) def.date = c.date(h.date, `${path}.date`);
    else if (DATED.has(metric)) c.fail(`${path}.date`, `is required for metric ${metric}`);
    if (h.district !== undefined) {
      const d = c.string(h.district, `${path}.district`);
      if (!map?.districts.some((x) => x.id === d)) c.fail(`${path}.district`, `'${d}' is not a district of this scenario's map`);
      def.district = d;
    }
    if (h.branch !== undefined) {
      if (h.branch !== 'omon' && h.branch !== 'district_police') c.fail(`${path}.branch`, `${show(h.branch)} is not a branch (known: omon, district_police)`);
      if (metric !== 'staffingChangeAt') c.fail(`${path}.branch`, 'applies to metric staffingChangeAt only');
      def.branch = h.branch as 'omon' | 'district_police';
    }
    if (h.band !== undefined) {
      const b = h.band;
      if (!Array.isArray(b) || b.length !== 2 || !b.every((x) => typeof x === 'number' && Number.isFinite(x)))
        c.fail(`${path}.band`, `must be [lo, hi], two finite numbers (got ${show(b)})`);
      const [lo, hi] = b as [number, number];
      if (!(lo <= def.value && def.value <= hi)) c.fail(`${path}.band`, `[${lo}, ${hi}] must hold the figure ${def.value} (lo <= value <= hi)`);
      def.band = [lo, hi];
    }
    if (h.bandWhy !== undefined) def.bandWhy = c.string(h.bandWhy, `${path}.bandWhy`);
    out[name] = def;
  }
  return out;
}

function validateBriefing(c: Checker, raw: unknown): Record<string, string> {
  const o = c.object(raw, 'briefing');
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(o)) out[k] = c.string(v, `briefing.${k}`);
  return out;
}

export function validateScenario(raw: unknown, source: string): ScenarioData {
  const c = new Checker(source);
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) c.fail('', `the scenario must be a JSON object, got ${show(raw)}`);
  const o = raw as Json;
  c.keys(o, '', TOP_KEYS);
  for (const k of ['id', 'title', 'startDate']) if (o[k] === undefined) c.fail(k, 'is required');
  const id = c.id(o.id, 'id');
  const title = c.string(o.title, 'title');
  const summary = o.summary === undefined ? '' : c.string(o.summary, 'summary', false);
  const startDate = c.date(o.startDate, 'startDate');
  const startDay = parseDate(startDate) as number;
  if (o.$schema !== undefined) c.string(o.$schema, '$schema');
  const why = validateWhy(c, o.why);
  const params = validateParams(c, o.params, why);
  const map = o.map === undefined || o.map === null ? null : validateMap(c, o.map);
  const events = o.events === undefined ? [] : c.array(o.events, 'events').map((e, i) => validateEvent(c, e, `events[${i}]`, startDay, why));
  checkEventsConsistency(c, params, events, startDay);
  for (const k of Object.keys(why))
    if (!(k in params) && !events.some((e) => (e.set && k in e.set) || e.ramp?.key === k))
      c.fail(`why.${k}`, 'explains a parameter the scenario does not set');
  const tactics = validateTactics(c, o.tactics);
  const strategy = validateStrategy(c, o.strategy, tactics);
  const strategies = validateStrategies(c, o.strategies, tactics);
  const historical = validateHistorical(c, o.historical, map);
  const scenario: ScenarioData = { id, title, summary, startDate, params, why, map, events, strategy, strategies, tactics, historical };
  if (o.briefing !== undefined) scenario.briefing = validateBriefing(c, o.briefing);
  return scenario;
}
