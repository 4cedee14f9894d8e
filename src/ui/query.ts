/**
 * The run a link or a replay file describes, and the link of the run being played:
 *   ?v=<model>&scenario=<id>&seed=<uint32>&p.<key>=<value>…&a=<tick>.<tactic>,<tick>.<tactic>…
 * `p.<key>` overrides one parameter (the text `npm run sim -- --set key=value` takes; lists are
 * `a,b,c`); `a` lists the player's actions in tick order, each "<tick>.<tacticId>" (e.g.
 * `a=12.symbols,40.strike`), applied at the start of that tick exactly as `--actions` does on the
 * command line. Bad values never stop the page: each is dropped with a message and the defaults
 * (or the scenario's own values) are used instead. No DOM here, so it is tested in Node.
 */
import { isParamKey, isTacticId, MODEL_VERSION, parseValue, ParamError, type ActionDef } from '../sim';
import { getPreset, PRESET_IDS, resolveParams } from '../scenarios';
import { MAX_JSON_DEPTH, nestingError } from '../scenarios/depth';
import type { RunSpec } from '../store/types';

export type { RunSpec };

export const MAX_SEED = 0xffffffff;
export const DEFAULT_SEED = 1;
/** Links longer than this leave the actions out (and the page offers a replay file instead). */
export const MAX_LINK_LENGTH = 1500;
/** Actions past this tick are surely typos (the longest scenario has a few thousand ticks). */
const MAX_ACTION_TICK = 10_000_000;

/**
 * Learner-facing text of this module. It belongs in src/ui/strings.ts (convention 11); it sits
 * here while that file is being rewritten by the panels' author, to be moved there by id.
 */
export const QUERY_STRINGS = {
  'link.unknownScenario': 'There is no scenario called "{value}". Showing "{fallback}" instead.',
  'link.badSeed': 'The seed "{value}" is not a whole number from 0 to 4294967295. Using seed {fallback} instead.',
  'link.badParam': 'Ignored the setting {key}={value}: {reason}. Using the scenario\'s value instead.',
  'link.inconsistent': 'The settings in the link do not fit together ({reason}); using the scenario\'s own values instead.',
  'link.badActions': 'The recorded actions "{value}" could not be read ({reason}); starting without them.',
  'replay.bad': 'That file is not a Breaking Ranks replay ({reason}).',
  'link.otherModel': 'Made with model {made}, this is model {current}: the run may differ.',
} as const;
export type QueryStringId = keyof typeof QUERY_STRINGS;
export function q(id: QueryStringId, vars: Record<string, string | number> = {}): string {
  return QUERY_STRINGS[id].replace(/\{(\w+)\}/g, (whole, k: string) => (k in vars ? String(vars[k]) : whole));
}


/** The scenario and seed alone (kept for panels that choose only these). */
export interface RunChoice {
  scenario: string;
  seed: number;
}

/** A seed written as a decimal uint32 ("0" .. "4294967295"), or null. */
export function parseSeed(text: string): number | null {
  const s = text.trim();
  if (!/^\d{1,10}$/.test(s)) return null;
  const n = Number(s);
  return n <= MAX_SEED ? n : null;
}

export const defaultScenarioId = (): string => PRESET_IDS[0] ?? '';

/** `a=` text -> actions, or an error message. Order within a tick is kept (it matters). */
export function parseActions(text: string): ActionDef[] | string {
  if (text.trim() === '') return [];
  const out: ActionDef[] = [];
  for (const part of text.split(',')) {
    const m = /^(\d{1,8})\.([A-Za-z]+)$/.exec(part.trim());
    if (!m) return `"${part}" is not <tick>.<tactic>`;
    const tick = Number(m[1]);
    if (tick > MAX_ACTION_TICK) return `tick ${tick} is too large`;
    if (!isTacticId(m[2])) return `"${m[2]}" is not a tactic`;
    out.push({ tick, tactic: m[2] });
  }
  return out;
}

export const formatActions = (actions: readonly ActionDef[]): string => actions.map((a) => `${a.tick}.${a.tactic}`).join(',');

/**
 * Checks every part of a run against the model's own rules and drops what is wrong, one message
 * per dropped part. `raw` may come from a link or from a replay file (untrusted).
 */
export function validateRun(raw: { scenarioId?: unknown; seed?: unknown; sets?: unknown; actions?: unknown; modelVersion?: unknown }): { run: RunSpec; errors: string[] } {
  const errors: string[] = [];
  // A link or replay of another model still opens (same scenario, seed and moves), with one line saying so.
  if (raw.modelVersion !== undefined && String(raw.modelVersion) !== String(MODEL_VERSION))
    errors.push(q('link.otherModel', { made: String(raw.modelVersion).slice(0, 12), current: MODEL_VERSION }));
  const fallback = defaultScenarioId();
  let scenarioId = fallback;
  if (raw.scenarioId !== undefined) {
    if (typeof raw.scenarioId === 'string' && PRESET_IDS.includes(raw.scenarioId)) scenarioId = raw.scenarioId;
    else errors.push(q('link.unknownScenario', { value: String(raw.scenarioId), fallback }));
  }
  let seed = DEFAULT_SEED;
  if (raw.seed !== undefined) {
    const parsed = typeof raw.seed === 'number' ? (Number.isInteger(raw.seed) && raw.seed >= 0 && raw.seed <= MAX_SEED ? raw.seed : null)
      : parseSeed(String(raw.seed));
    if (parsed !== null) seed = parsed;
    else errors.push(q('link.badSeed', { value: String(raw.seed), fallback: DEFAULT_SEED }));
  }
  const scenario = getPreset(scenarioId);

  // Parameters one by one, so one typo costs only itself; a repeated key keeps its last value.
  const byKey = new Map<string, string>();
  const pairs = Array.isArray(raw.sets) ? raw.sets : [];
  for (const pair of pairs) {
    const [key, value] = Array.isArray(pair) ? pair.map(String) : ['', ''];
    try {
      if (!isParamKey(key)) throw new ParamError(`there is no parameter called "${key}"`);
      parseValue(key, value);
      byKey.delete(key);
      byKey.set(key, value);
    } catch (e) {
      errors.push(q('link.badParam', { key, value, reason: reason(e) }));
    }
  }
  let sets = [...byKey.entries()];
  try {
    resolveParams(scenario, sets);
  } catch (e) {
    if (sets.length > 0) errors.push(q('link.inconsistent', { reason: reason(e) }));
    sets = [];
  }

  let actions: ActionDef[] = [];
  if (raw.actions !== undefined) {
    const parsed = typeof raw.actions === 'string' ? parseActions(raw.actions) : actionList(raw.actions);
    const offered = scenario.tactics;
    const refused = typeof parsed === 'string' ? parsed
      : parsed.find((a) => offered !== null && !offered.includes(a.tactic))?.tactic;
    if (typeof parsed === 'string') errors.push(q('link.badActions', { value: String(raw.actions), reason: parsed }));
    else if (refused !== undefined) errors.push(q('link.badActions', { value: formatActions(parsed), reason: `"${refused}" is not offered in this scenario` }));
    else actions = sortActions(parsed);
  }
  return { run: { scenarioId, seed, sets, actions }, errors };
}

/** Stable sort by tick: the order the CLI gives `--actions` (ties keep their recorded order). */
export const sortActions = (a: readonly ActionDef[]): ActionDef[] =>
  a.map((x, i) => [x, i] as const).sort((x, y) => x[0].tick - y[0].tick || x[1] - y[1]).map(([x]) => ({ tick: x.tick, tactic: x.tactic }));

function actionList(v: unknown): ActionDef[] | string {
  if (!Array.isArray(v)) return 'expected a list of {tick, tactic}';
  const text = v.map((a) => (a && typeof a === 'object' ? `${(a as ActionDef).tick}.${(a as ActionDef).tactic}` : '?')).join(',');
  return parseActions(text);
}

const reason = (e: unknown): string => (e instanceof Error ? e.message : String(e)).replace(/\.$/, '');

/** The run a page address asks for (the defaults where it says nothing), with messages. */
export function parseRunQuery(search: string): { run: RunSpec; errors: string[] } {
  const p = new URLSearchParams(search);
  const sets: Array<[string, string]> = [];
  for (const [k, v] of p) if (k.startsWith('p.')) sets.push([k.slice(2), v]);
  return validateRun({
    scenarioId: p.get('scenario') ?? undefined,
    seed: p.get('seed') ?? undefined,
    sets,
    actions: p.get('a') ?? undefined,
    modelVersion: p.get('v') ?? undefined,
  });
}

/**
 * `search` rewritten for `run` (other keys, such as a renderer choice, are kept). When the link
 * would exceed MAX_LINK_LENGTH the actions are left out and `actionsOmitted` says so.
 */
export function runSearch(search: string, run: RunSpec): { search: string; actionsOmitted: boolean } {
  const p = new URLSearchParams(search);
  for (const k of [...p.keys()]) if (k.startsWith('p.') || k === 'a' || k === 'scenario' || k === 'seed' || k === 'v') p.delete(k);
  p.set('v', String(MODEL_VERSION));
  p.set('scenario', run.scenarioId);
  p.set('seed', String(run.seed));
  for (const [k, v] of run.sets) p.append(`p.${k}`, v);
  const without = `?${p.toString()}`;
  if (run.actions.length === 0) return { search: without, actionsOmitted: false };
  p.set('a', formatActions(run.actions));
  const full = `?${p.toString()}`;
  return full.length <= MAX_LINK_LENGTH ? { search: full, actionsOmitted: false } : { search: without, actionsOmitted: true };
}

/** The replay file: the RunSpec as JSON (it has no length limit, unlike a link). */
export const replayJson = (run: RunSpec): string =>
  `${JSON.stringify({ modelVersion: MODEL_VERSION, scenarioId: run.scenarioId, seed: run.seed, sets: run.sets, actions: run.actions }, null, 1)}\n`;

export function parseReplay(text: string): { run: RunSpec; errors: string[] } | { error: string } {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    return { error: q('replay.bad', { reason: reason(e) }) };
  }
  const deep = nestingError(raw, MAX_JSON_DEPTH); // before the checks below, which recurse
  if (deep !== null) return { error: q('replay.bad', { reason: deep }) };
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw) || !('scenarioId' in raw))
    return { error: q('replay.bad', { reason: 'no scenarioId' }) };
  return validateRun(raw as Record<string, unknown>);
}
