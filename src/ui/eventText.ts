/**
 * Model events as sentences a learner reads aloud:
 * "Day 12, 18:00, Central: an officer resigned publicly (video) — pushed mostly by backfire".
 * Pure functions: no DOM, so the wording is tested directly.
 */
import type { SimEvent } from '../sim';
import { clock, dayOf } from './format';
import { hasString, t, tMaybe } from './strings';

export const EVENT_FILTERS = ['all', 'officers', 'exposure', 'movement', 'regime', 'casualties'] as const;
export type EventFilter = (typeof EVENT_FILTERS)[number];

const CATEGORY: Record<string, Exclude<EventFilter, 'all'>> = {
  shirk: 'officers', insider: 'officers', resign: 'officers', 'resign-noisy': 'officers', walkout: 'officers', join: 'officers',
  unmasking: 'exposure',
  tactic: 'movement', 'tactic-refused': 'movement',
  testify: 'officers', contact: 'officers',
  scenario: 'regime', deploy: 'regime', 'patron-withdraws': 'regime', outcome: 'regime', purge: 'regime', 'elite-split': 'regime',
  death: 'casualties',
};

/** The filter an event kind belongs to (unknown kinds show under "everything" only). */
export const eventCategory = (kind: string): EventFilter => CATEGORY[kind] ?? 'all';

export const matchesFilter = (e: SimEvent, f: EventFilter): boolean => f === 'all' || eventCategory(e.kind) === f;

export interface EventContext {
  ticksPerDay: number;
  districtIds: readonly string[];
  districtNames: readonly string[];
  /** Who made the movement's moves: 'none' (the player) or a watched strategy. */
  strategy?: string;
  /** The tick the player took over at (the moves before it are history). */
  takeover?: number | null;
  /** The scenario's own strategy is history (it has historical figures), not a scripted default. */
  history?: boolean;
}

const REGIME_KINDS = new Set(['scenario', 'deploy', 'patron-withdraws', 'purge', 'elite-split']);

/** Who did it, for the movement's moves and the regime's: 'You', 'History', 'Regime'; null for the rest. */
export function eventActor(e: SimEvent, ctx: EventContext): string | null {
  if (REGIME_KINDS.has(e.kind)) return t('actor.regime');
  if (e.kind !== 'tactic' && e.kind !== 'tactic-refused') return null;
  const strategy = ctx.strategy ?? 'none';
  if (ctx.takeover !== null && ctx.takeover !== undefined && e.tick < ctx.takeover) return t('actor.history');
  if (strategy === 'none') return t('actor.you');
  return strategy === 'scenario' && ctx.history !== false ? t('actor.history') : t('actor.strategy');
}

export const tacticName = (id: string, fallback = id): string => tMaybe(`tactic.${id}`, fallback);
export const channelName = (id: string): string => tMaybe(`channel.${id}`, id);

/** Display name of a district id ("central" -> "Central"); the id itself when unknown. */
export function districtName(ctx: EventContext, id: string | undefined): string {
  if (!id) return '';
  const k = ctx.districtIds.indexOf(id);
  return k >= 0 && ctx.districtNames[k] ? ctx.districtNames[k] : id;
}

/** "success (force)" -> "The regime fell (not enough loyal force)". */
function outcomeDetail(detail: string): string {
  const m = /^(\w+)(?: \((\w+)\))?$/.exec(detail.trim());
  if (!m) return detail;
  const outcome = tMaybe(`outcome.${m[1]}`, m[1]);
  return m[2] ? `${outcome} (${tMaybe(`fallCause.${m[2]}`, m[2]).toLowerCase()})` : outcome;
}

/** What happened, without when and where. */
export function eventWhat(e: SimEvent): string {
  const detail = e.detail ?? '';
  switch (e.kind) {
    case 'tactic': return t('event.tactic', { tactic: tacticName(detail) });
    case 'tactic-refused': {
      const i = detail.indexOf(':');
      const tactic = i < 0 ? detail : detail.slice(0, i).trim();
      const reason = i < 0 ? '' : detail.slice(i + 1).trim();
      return t('event.tactic-refused', { tactic: tacticName(tactic), reason: tMaybe(`reason.${reason}`, reason) });
    }
    case 'outcome': return t('event.outcome', { detail: outcomeDetail(detail) });
    case 'scenario': return t('event.scenario', { detail });
    case 'purge': return t(detail.trim() === '1' ? 'event.purge.one' : 'event.purge', { detail });
    default: {
      const id = `event.${e.kind}`;
      return hasString(id) ? t(id, { detail }) : t('event.unknown', { kind: e.kind, detail }).trim();
    }
  }
}

/** The whole sentence, with day, hour, district and the channel that pushed an officer most. */
export function eventSentence(e: SimEvent, ctx: EventContext): string {
  let what = eventWhat(e);
  if (e.channel) what = t('event.why', { what, channel: channelName(e.channel) });
  const actor = eventActor(e, ctx);
  if (actor) what = t('event.byActor', { actor, what });
  const when = t('event.when', { day: dayOf(e.tick, ctx.ticksPerDay) + 1, time: clock(e.tick, ctx.ticksPerDay) });
  const where = districtName(ctx, e.district);
  return where ? t('event.sentenceWhere', { when, where, what }) : t('event.sentence', { when, what });
}
