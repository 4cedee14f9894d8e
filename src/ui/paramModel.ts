/**
 * What the parameter panel shows and accepts, from the one parameter schema (PARAM_SPECS): the
 * groups in schema order (the loyalty channels together), each value as text, and the check a
 * typed value must pass before the store restarts the run with it. Pure: tested in Node.
 */
import { PARAM_KEYS, PARAM_SPECS, parseValue, type ParamKey, type ParamSpec, type Params } from '../sim';
import { DEFAULT_CALIBRATION, firstOverrides, getPreset, resolveLayers, type Origin } from '../scenarios';
import { fmtNum, shortDate } from './format';
import { hasString, t } from './strings';

export const CHANNEL_PREFIX = 'channel: ';

export interface ParamGroup { id: string; title: string; keys: ParamKey[] }
export interface ParamSection { id: string; title: string; groups: ParamGroup[] }

const groupTitle = (g: string): string => {
  if (g.startsWith(CHANNEL_PREFIX)) {
    const c = g.slice(CHANNEL_PREFIX.length);
    const name = hasString(`channel.${c}`) ? t(`channel.${c}` as 'channel.backfire') : c;
    return name.charAt(0).toUpperCase() + name.slice(1);
  }
  return hasString(`group.${g}`) ? t(`group.${g}` as 'group.world') : g;
};

/** Sections in schema order; the `channel: *` groups form one section at the first one's place. */
export function paramSections(): ParamSection[] {
  const groups: ParamGroup[] = [];
  for (const key of PARAM_KEYS) {
    const g = PARAM_SPECS[key].group;
    let found = groups.find((x) => x.id === g);
    if (!found) { found = { id: g, title: groupTitle(g), keys: [] }; groups.push(found); }
    found.keys.push(key);
  }
  const sections: ParamSection[] = [];
  for (const g of groups) {
    if (!g.id.startsWith(CHANNEL_PREFIX)) { sections.push({ id: g.id, title: g.title, groups: [g] }); continue; }
    let ch = sections.find((s) => s.id === 'channels');
    if (!ch) { ch = { id: 'channels', title: t('params.channels'), groups: [] }; sections.push(ch); }
    ch.groups.push(g);
  }
  return sections;
}

export const specFor = (key: ParamKey): ParamSpec => PARAM_SPECS[key] as ParamSpec;

/** A parameter value as the text a field holds (a list is "a, b, c"). */
export function valueText(v: unknown): string {
  if (Array.isArray(v)) return v.join(', ');
  return String(v);
}

export type Checked = { ok: true; text: string } | { ok: false; error: string };

const fmtBound = (x: number): string => (Number.isInteger(x) ? fmtNum(x, 0) : String(x));

/** Checks text typed for `key`; on success returns the text to hand to setParam. */
export function checkParam(key: ParamKey, raw: string): Checked {
  const spec = specFor(key);
  const text = raw.trim();
  const range = () => ({ min: fmtBound((spec as { min: number }).min), max: fmtBound((spec as { max: number }).max) });
  if (spec.type === 'number' || spec.type === 'integer') {
    const v = Number(text);
    if (text === '' || !Number.isFinite(v)) return { ok: false, error: t('params.err.number') };
    if (spec.type === 'integer' && !Number.isInteger(v)) return { ok: false, error: t('params.err.integer') };
    if (v < spec.min || v > spec.max) return { ok: false, error: t('params.err.range', range()) };
  } else if (spec.type === 'list') {
    const parts = text === '' ? [] : text.split(',').map((s) => s.trim());
    if (parts.some((p) => p === '' || !Number.isFinite(Number(p)) || Number(p) < spec.min || Number(p) > spec.max))
      return { ok: false, error: t('params.err.list', range()) };
  }
  const normal = spec.type === 'list' ? text.split(',').map((s) => s.trim()).filter((s) => s !== '').join(',') : text;
  try {
    parseValue(key, normal); // the model's own check, so the panel never sends what the model refuses
  } catch (e) {
    return { ok: false, error: t('params.err.other', { message: e instanceof Error ? e.message : String(e) }) };
  }
  return { ok: true, text: normal };
}

/**
 * The values that run at tick 0 (what the player sets is what runs: the same layers as the
 * command line, calibration included), with the layer each comes from. `fallback` (the run's
 * params, origins unknown) when the scenario cannot be resolved.
 */
export function playerLayers(scenarioId: string, sets: Array<[string, string]>, fallback: Params | null): { values: Record<string, unknown>; origin: Record<string, Origin> } | null {
  const at = (x: Array<[string, string]>) => {
    const r = resolveLayers({ scenario: getPreset(scenarioId), calibration: DEFAULT_CALIBRATION, sets: x });
    return { values: r.params as unknown as Record<string, unknown>, origin: r.origin as Record<string, Origin> };
  };
  try { return at(sets); } catch { /* below */ }
  try { return at([]); } catch { /* below */ }
  return fallback ? { values: fallback as unknown as Record<string, unknown>, origin: {} } : null;
}

export function playerValues(scenarioId: string, sets: Array<[string, string]>, fallback: Params | null): Record<string, unknown> | null {
  return playerLayers(scenarioId, sets, fallback)?.values ?? null;
}

/** What the drawer says a value's origin is: the layer, or 'event' once a scheduled event changed it. */
export type ShownOrigin = Origin | 'event';
export const shownOrigin = (key: string, origin: Record<string, Origin>, eventParams: readonly string[]): ShownOrigin | null =>
  eventParams.includes(key) ? 'event' : origin[key] ?? null;

/**
 * What the scenario's own events do to its parameters, for the line under each control: the value
 * typed there is the run's value only until the first of them (src/scenarios/overrides.ts). Keys
 * no event touches are absent; so is everything when the scenario is not a preset.
 */
export function eventNotes(scenarioId: string): Map<string, string> {
  const out = new Map<string, string>();
  let firsts, start: string;
  try { const sc = getPreset(scenarioId); start = sc.startDate; firsts = firstOverrides(sc, PARAM_KEYS, Number(sc.params.hoursPerTick ?? 1)); } catch { return out; }
  for (const { first, later } of firsts) {
    const what = first.rampDays === null ? t('params.eventSets', { value: first.value }) : t(first.rampDays === 1 ? 'params.eventRampsOne' : 'params.eventRamps', { value: first.value, days: first.rampDays });
    out.set(first.key, t('params.eventNote', { when: first.date === null ? first.when : t('params.eventWhen', { date: shortDate(start, first.day), day: first.day + 1 }), what, more: later > 0 ? t('params.eventMore') : '' }));
  }
  return out;
}
