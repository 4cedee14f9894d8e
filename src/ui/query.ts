/**
 * The run a link or a replay file describes, and the link of the run being played:
 *   ?v=<model>&scenario=<id>&seed=<uint32>&p.<key>=<value>…&a=<tick>.<tactic>,<tick>.<tactic>…
 * and, all optional:
 *   ac=<base64url>          the actions packed (written instead of `a=` when shorter; `a=` is always read):
 *                           per action a varint of the tick delta, then a varint of the tactic's index in AC_TACTICS
 *   mode=watch[&strategy=<name>]  watch the scenario's strategy (history) or a named one; play mode otherwise
 *   takeover=<tick>         the player took over there: the actions before it are the watched history
 *   tactics=a,b,c           a teacher's subset of the scenario's tactics
 *   vs.p.<key>=<value>, vs.a=<tick>.<tactic>,…, vs.x=<tactic>,…   a comparison's run B (overrides,
 *                           added actions, tactic kinds B never plays)
 *   day=N                   open paused at the start of day N (1-based)
 *   projector=1, lock=1     the projector theme; read-only drawer, seed and scenario (a convenience)
 * `p.<key>` overrides one parameter (the text `npm run sim -- --set key=value` takes; lists are
 * `a,b,c`); `a` lists the player's actions in tick order, each "<tick>.<tacticId>" (e.g.
 * `a=12.symbols,40.strike`), applied at the start of that tick exactly as `--actions` does on the
 * command line. Bad values never stop the page: each is dropped with a message and the defaults
 * (or the scenario's own values) are used instead. No DOM here, so it is tested in Node.
 */
import { isParamKey, isTacticId, MODEL_VERSION, parseValue, ParamError, type ActionDef, type TacticId } from '../sim';
import { getPreset, isPolicyName, PRESET_IDS, resolveParams, strategyNames } from '../scenarios';
import type { CompareSpec } from '../runner/protocol';
import { MAX_INPUT_BYTES, MAX_JSON_DEPTH, nestingError } from '../scenarios/depth';
import type { RunSpec } from '../store/types';

export type { RunSpec };

export const MAX_SEED = 0xffffffff;
export const DEFAULT_SEED = 1;
/**
 * Links longer than this leave the actions out, and the page says so and offers the replay file.
 * (A 342-action minsk-2020 game packs into well under 2,000 characters.)
 */
export const MAX_LINK_LENGTH = 4000;
/**
 * The tactic order of `ac=`: fixed, so packed links stay readable when tactics are added (new
 * ones go at the end; an index past the end is refused with a message).
 */
export const AC_TACTICS: readonly TacticId[] = [
  'disciplineTraining', 'symbols', 'streetUnmasking', 'massPublication', 'amnestyPledge', 'solidarityFund', 'defectorOutreach',
  'crimeRegistry', 'strike', 'eliteAppeals', 'courts', 'immunityForTestimony',
].filter((id): id is TacticId => isTacticId(id));
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
  'replay.tooLarge': 'That file is {size} MB: a Breaking Ranks replay is a few kilobytes (at most {max} MB are read).',
  'link.otherModel': 'Made with model {made}, this is model {current}: the run may differ.',
  'link.badPacked': 'The packed actions in the link could not be read ({reason}); starting without them.',
  'link.badStrategy': 'This scenario has no strategy "{value}"; watching its own strategy instead.',
  'link.badTakeover': 'Ignored takeover={value}: not a tick of this game.',
  'link.badTactics': 'Ignored {what} in tactics=: {list}.',
  'link.noTactics': 'None of the tactics in tactics= is offered in this scenario; offering them all.',
  'link.droppedActions': 'Dropped {n} recorded action(s) of tactics this game does not offer: {list}.',
  'link.badDay': 'Ignored day={value}: not a day of this scenario (1 to {max}).',
  'link.badCompare': 'Ignored the comparison setting {key}={value}: {reason}.',
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
export interface RawRun {
  scenarioId?: unknown; seed?: unknown; sets?: unknown; actions?: unknown; modelVersion?: unknown;
  strategy?: unknown; takeover?: unknown; tactics?: unknown; vs?: unknown;
}

export function validateRun(raw: RawRun): { run: RunSpec; errors: string[]; unknownScenario: boolean } {
  const errors: string[] = [];
  // A link or replay of another model still opens (same scenario, seed and moves), with one line saying so.
  if (raw.modelVersion !== undefined && String(raw.modelVersion) !== String(MODEL_VERSION))
    errors.push(q('link.otherModel', { made: String(raw.modelVersion).slice(0, 12), current: MODEL_VERSION }));
  const fallback = defaultScenarioId();
  let scenarioId = fallback;
  let unknownScenario = false;
  if (raw.scenarioId !== undefined) {
    if (typeof raw.scenarioId === 'string' && PRESET_IDS.includes(raw.scenarioId)) scenarioId = raw.scenarioId;
    else { errors.push(q('link.unknownScenario', { value: String(raw.scenarioId), fallback })); unknownScenario = true; }
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

  // The tactics a teacher's link offers: the scenario's, intersected with `tactics=`.
  const scenarioTactics: readonly TacticId[] = scenario.tactics ?? AC_TACTICS;
  let tactics: TacticId[] | null = null;
  if (raw.tactics !== undefined && raw.tactics !== null) {
    const ids = (Array.isArray(raw.tactics) ? raw.tactics.map(String) : String(raw.tactics).split(',')).map((x) => x.trim()).filter((x) => x !== '');
    const unknown = ids.filter((id) => !isTacticId(id));
    const outside = ids.filter((id) => isTacticId(id) && !scenarioTactics.includes(id));
    if (unknown.length) errors.push(q('link.badTactics', { what: 'unknown tactics', list: unknown.join(', ') }));
    if (outside.length) errors.push(q('link.badTactics', { what: 'tactics this scenario does not offer', list: outside.join(', ') }));
    const kept = scenarioTactics.filter((id) => ids.includes(id));
    if (kept.length > 0) tactics = [...kept];
    else if (ids.length > 0) errors.push(q('link.noTactics'));
  }
  const offered: readonly TacticId[] = tactics ?? scenarioTactics;

  let actions: ActionDef[] = [];
  if (raw.actions !== undefined) {
    const parsed = typeof raw.actions === 'string' ? parseActions(raw.actions) : actionList(raw.actions);
    if (typeof parsed === 'string') errors.push(q('link.badActions', { value: String(raw.actions).slice(0, 80), reason: parsed }));
    else {
      const out = parsed.filter((a) => !offered.includes(a.tactic));
      if (out.length > 0) errors.push(q('link.droppedActions', { n: out.length, list: [...new Set(out.map((a) => a.tactic))].join(', ') }));
      actions = sortActions(parsed.filter((a) => offered.includes(a.tactic)));
    }
  }

  let strategy = 'none';
  if (raw.strategy !== undefined && raw.strategy !== null && raw.strategy !== 'none') {
    const name = String(raw.strategy);
    if (strategyNames(scenario).includes(name) || isPolicyName(name)) strategy = name;
    else { errors.push(q('link.badStrategy', { value: name.slice(0, 60) })); strategy = 'scenario'; }
  }
  let takeover: number | null = null;
  if (raw.takeover !== undefined && raw.takeover !== null) {
    const n = Number(raw.takeover);
    if (Number.isInteger(n) && n >= 0 && n <= MAX_ACTION_TICK) takeover = n;
    else errors.push(q('link.badTakeover', { value: String(raw.takeover).slice(0, 20) }));
  }
  if (takeover !== null && strategy !== 'none') takeover = null; // watching: nobody has taken over yet

  let vs: CompareSpec | null = null;
  if (raw.vs !== undefined && raw.vs !== null && typeof raw.vs === 'object') {
    const v = raw.vs as { sets?: unknown; actions?: unknown; exclude?: unknown };
    const vsSets: Array<[string, string]> = [];
    for (const pair of Array.isArray(v.sets) ? v.sets : []) {
      const [key, value] = Array.isArray(pair) ? pair.map(String) : ['', ''];
      try {
        if (!isParamKey(key)) throw new ParamError(`there is no parameter called "${key}"`);
        parseValue(key, value);
        resolveParams(scenario, [...sets, ...vsSets.filter(([k]) => k !== key), [key, value]]);
        vsSets.push([key, value]);
      } catch (e) {
        errors.push(q('link.badCompare', { key: `vs.p.${key}`, value, reason: reason(e) }));
      }
    }
    let vsActions: ActionDef[] = [];
    if (v.actions !== undefined && v.actions !== null && v.actions !== '') {
      const parsed = typeof v.actions === 'string' ? parseActions(v.actions) : actionList(v.actions);
      if (typeof parsed === 'string') errors.push(q('link.badCompare', { key: 'vs.a', value: String(v.actions).slice(0, 80), reason: parsed }));
      else {
        const out = parsed.filter((a) => !scenarioTactics.includes(a.tactic));
        if (out.length) errors.push(q('link.badCompare', { key: 'vs.a', value: formatActions(out), reason: 'not offered in this scenario' }));
        vsActions = sortActions(parsed.filter((a) => scenarioTactics.includes(a.tactic)));
      }
    }
    const exclude: TacticId[] = [];
    const ex = Array.isArray(v.exclude) ? v.exclude.map(String) : typeof v.exclude === 'string' ? v.exclude.split(',') : [];
    for (const id of ex.map((x) => x.trim()).filter((x) => x !== '')) {
      if (isTacticId(id)) { if (!exclude.includes(id)) exclude.push(id); } else errors.push(q('link.badCompare', { key: 'vs.x', value: id, reason: 'not a tactic' }));
    }
    vs = { sets: vsSets, actions: vsActions, exclude };
  }
  return { run: { scenarioId, seed, sets, actions, strategy, takeover, tactics, vs }, errors, unknownScenario };
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

/** What a page address asks of the page itself (not of the run). */
export interface PageOptions {
  /** The address names a scenario (else the start screen opens). */
  hasScenario: boolean;
  unknownScenario: boolean;
  projector: boolean;
  lock: boolean;
  /** `day=N`: open paused at the start of day N (1-based), or null. */
  day: number | null;
}

const flag = (v: string | null): boolean => v !== null && v !== '0' && v !== 'false';

/** The run a page address asks for (the defaults where it says nothing), with messages. */
export function parseRunQuery(search: string): { run: RunSpec; errors: string[]; page: PageOptions } {
  const p = new URLSearchParams(search);
  const sets: Array<[string, string]> = [];
  const vsSets: Array<[string, string]> = [];
  for (const [k, v] of p) {
    if (k.startsWith('p.')) sets.push([k.slice(2), v]);
    else if (k.startsWith('vs.p.')) vsSets.push([k.slice(5), v]);
  }
  const errors: string[] = [];
  let actions: string | ActionDef[] | undefined = p.get('a') ?? undefined;
  const packed = p.get('ac');
  if (packed !== null) {
    const dec = unpackActions(packed);
    if (typeof dec === 'string') errors.push(q('link.badPacked', { reason: dec }));
    else {
      const plain = actions === undefined ? [] : parseActions(actions);
      actions = typeof plain === 'string' ? actions : sortActions([...plain, ...dec]);
    }
  }
  const hasVs = vsSets.length > 0 || p.has('vs.a') || p.has('vs.x');
  const watch = p.get('mode') === 'watch';
  const r = validateRun({
    scenarioId: p.get('scenario') ?? undefined,
    seed: p.get('seed') ?? undefined,
    sets,
    actions,
    modelVersion: p.get('v') ?? undefined,
    strategy: watch ? (p.get('strategy') ?? 'scenario') : undefined,
    takeover: p.get('takeover') ?? undefined,
    tactics: p.get('tactics') ?? undefined,
    vs: hasVs ? { sets: vsSets, actions: p.get('vs.a') ?? undefined, exclude: p.get('vs.x') ?? undefined } : undefined,
  });
  let day: number | null = null;
  const dayText = p.get('day');
  if (dayText !== null) {
    const horizon = resolveParams(getPreset(r.run.scenarioId), r.run.sets).horizonDays;
    const n = /^\d{1,6}$/.test(dayText.trim()) ? Number(dayText) : NaN;
    if (n >= 1 && n <= horizon) day = n;
    else errors.push(q('link.badDay', { value: dayText.slice(0, 20), max: horizon }));
  }
  return {
    run: r.run, errors: [...errors, ...r.errors],
    page: { hasScenario: p.has('scenario'), unknownScenario: r.unknownScenario, projector: flag(p.get('projector')), lock: flag(p.get('lock')), day },
  };
}

/** Keys of the address that describe the run (rewritten by runSearch); all others are kept. */
const RUN_KEYS = ['a', 'ac', 'scenario', 'seed', 'v', 'mode', 'strategy', 'takeover', 'tactics', 'vs.a', 'vs.x'];

/**
 * `search` rewritten for `run` (other keys, such as a renderer choice, are kept). The actions go
 * as `a=` or packed as `ac=`, whichever is shorter; when the link would still exceed
 * MAX_LINK_LENGTH they are left out and `actionsOmitted` says so (the page then offers the replay file).
 */
export function runSearch(search: string, run: RunSpec): { search: string; actionsOmitted: boolean } {
  const p = new URLSearchParams(search);
  for (const k of [...p.keys()]) if (k.startsWith('p.') || k.startsWith('vs.p.') || RUN_KEYS.includes(k)) p.delete(k);
  p.set('v', String(MODEL_VERSION));
  p.set('scenario', run.scenarioId);
  p.set('seed', String(run.seed));
  for (const [k, v] of run.sets) p.append(`p.${k}`, v);
  if (run.strategy && run.strategy !== 'none') {
    p.set('mode', 'watch');
    if (run.strategy !== 'scenario') p.set('strategy', run.strategy);
  }
  if (run.takeover !== null && run.takeover !== undefined && (run.strategy ?? 'none') === 'none') p.set('takeover', String(run.takeover));
  if (run.tactics) p.set('tactics', run.tactics.join(','));
  if (run.vs) {
    for (const [k, v] of run.vs.sets) p.append(`vs.p.${k}`, v);
    if (run.vs.actions.length) p.set('vs.a', formatActions(run.vs.actions));
    if (run.vs.exclude.length) p.set('vs.x', run.vs.exclude.join(','));
  }
  const without = `?${p.toString()}`;
  if (run.actions.length === 0) return { search: without, actionsOmitted: false };
  const plain = new URLSearchParams(p); plain.set('a', formatActions(run.actions));
  const packed = packActions(run.actions);
  const withPacked = new URLSearchParams(p);
  if (packed !== null) withPacked.set('ac', packed);
  const a = `?${plain.toString()}`, ac = packed === null ? a : `?${withPacked.toString()}`;
  const full = ac.length < a.length ? ac : a;
  return full.length <= MAX_LINK_LENGTH ? { search: full, actionsOmitted: false } : { search: without, actionsOmitted: true };
}

// ---- packed actions (ac=) ----------------------------------------------------------------------

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

function varint(out: number[], n: number): void {
  let x = n;
  while (x >= 0x80) { out.push((x & 0x7f) | 0x80); x = Math.floor(x / 128); }
  out.push(x);
}

/** Actions as base64url (no padding): tick delta and tactic index, each a varint. Null if a tactic has no index. */
export function packActions(actions: readonly ActionDef[]): string | null {
  const bytes: number[] = [];
  let prev = 0;
  for (const a of sortActions(actions)) {
    const k = AC_TACTICS.indexOf(a.tactic);
    if (k < 0) return null;
    varint(bytes, a.tick - prev);
    varint(bytes, k);
    prev = a.tick;
  }
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const n = (bytes[i] << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    const chars = i + 2 < bytes.length ? 4 : i + 1 < bytes.length ? 3 : 2;
    for (let c = 0; c < chars; c++) out += B64[(n >> (18 - 6 * c)) & 63];
  }
  return out;
}

/** `ac=` text -> actions, or a message. */
export function unpackActions(text: string): ActionDef[] | string {
  const s = text.trim();
  if (s.length > 1_000_000) return 'too long';
  const bytes: number[] = [];
  let bits = 0, acc = 0;
  for (const ch of s) {
    const v = B64.indexOf(ch);
    if (v < 0) return `"${ch}" is not a base64url character`;
    acc = (acc << 6) | v; bits += 6;
    if (bits >= 8) { bits -= 8; bytes.push((acc >> bits) & 0xff); acc &= (1 << bits) - 1; }
  }
  const out: ActionDef[] = [];
  let i = 0, tick = 0;
  const read = (): number | null => {
    let n = 0, mul = 1;
    for (let k = 0; k < 5; k++) {
      if (i >= bytes.length) return null;
      const b = bytes[i++];
      n += (b & 0x7f) * mul;
      if (b < 0x80) return n;
      mul *= 128;
    }
    return null;
  };
  while (i < bytes.length) {
    const d = read(), k = read();
    if (d === null || k === null) return 'it ends in the middle of an action';
    tick += d;
    if (tick > MAX_ACTION_TICK) return `tick ${tick} is too large`;
    const tactic = AC_TACTICS[k];
    if (tactic === undefined) return `tactic number ${k} is unknown to this version`;
    out.push({ tick, tactic });
  }
  return out;
}

/** Largest replay file the page reads: the CLI's input limit (a replay is a few kilobytes). */
export const MAX_REPLAY_BYTES = MAX_INPUT_BYTES;

/** The message for a file too large to be a replay, or null (checked before the file is read). */
export const replaySizeError = (bytes: number): string | null => (bytes > MAX_REPLAY_BYTES
  ? q('replay.tooLarge', { size: (bytes / 1e6).toFixed(1), max: Math.round(MAX_REPLAY_BYTES / 1e6) }) : null);

/** The replay file: the RunSpec as JSON (it has no length limit, unlike a link). */
export const replayJson = (run: RunSpec): string =>
  `${JSON.stringify({
    modelVersion: MODEL_VERSION, scenarioId: run.scenarioId, seed: run.seed, sets: run.sets, actions: run.actions,
    strategy: run.strategy, takeover: run.takeover, tactics: run.tactics, vs: run.vs,
  }, null, 1)}\n`;

export function parseReplay(text: string): { run: RunSpec; errors: string[]; unknownScenario: boolean } | { error: string } {
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
