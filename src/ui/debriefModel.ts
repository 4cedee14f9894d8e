/**
 * What the debrief says, from the store's state and the run's series: why the run ended as it
 * did, the tipping day, when momentum turned, which channels moved the officers most, the run in
 * numbers, history beside the model, and what would have had to change. Pure: tested in Node.
 */
import { isChannel, type Channel, type SeriesRow, type SimEvent } from '../sim';
import type { GameState } from '../store/types';
import { channelRows, type ChannelRow } from './bars';
import { dayOf, fmtInt, fmtNum, fmtPct, fullDate } from './format';
import { t, tMaybe, type StringId } from './strings';

export const LEAVING_KINDS = new Set(['shirk', 'insider', 'resign', 'resign-noisy', 'walkout', 'join']);

export type MomentumTurn =
  | { kind: 'rose'; tick: number }
  | { kind: 'fell'; upTick: number; tick: number }
  | { kind: 'peak'; tick: number; value: number }
  | { kind: 'none' };

/** The first tick momentum reached 0.5, the tick it then fell back below, or else its peak. */
export function momentumTurn(rows: readonly SeriesRow[]): MomentumTurn {
  if (rows.length === 0) return { kind: 'none' };
  let up = -1, down = -1, peak = -Infinity, peakTick = rows[0].tick;
  for (const r of rows) {
    if (r.momentum > peak) { peak = r.momentum; peakTick = r.tick; }
    if (up < 0 && r.momentum >= 0.5) up = r.tick;
    else if (up >= 0 && down < 0 && r.momentum < 0.5) down = r.tick;
  }
  if (down >= 0) return { kind: 'fell', upTick: up, tick: down };
  if (up >= 0) return { kind: 'rose', tick: up };
  return { kind: 'peak', tick: peakTick, value: peak };
}

export interface ChannelFindings {
  /** 'totals': summed contributions from the model; 'events': counts of officers who left, by main channel. */
  source: 'totals' | 'events' | 'none';
  leaving: ChannelRow[];
  staying: ChannelRow[];
}

/** The channels that moved officers most: toward leaving (top 3) and toward staying (top 2). */
export function topChannels(totals: Partial<Record<Channel, number>> | null | undefined, events: readonly SimEvent[]): ChannelFindings {
  const rows = channelRows(totals);
  if (rows.length > 0) {
    return {
      source: 'totals',
      leaving: rows.filter((r) => r.value < 0).sort((a, b) => a.value - b.value).slice(0, 3),
      staying: rows.filter((r) => r.value > 0).sort((a, b) => b.value - a.value).slice(0, 2),
    };
  }
  const counts: Partial<Record<Channel, number>> = {};
  for (const e of events) if (LEAVING_KINDS.has(e.kind) && e.channel && isChannel(e.channel)) counts[e.channel] = (counts[e.channel] ?? 0) - 1;
  const byEvents = channelRows(counts).slice(0, 3);
  return { source: byEvents.length ? 'events' : 'none', leaving: byEvents, staying: [] };
}

export interface HistoryRow { label: string; source: string; unit: string | null; historical: number; model: number | null }

export interface Debrief {
  headline: string;
  why: string;
  tipping: string;
  momentum: string;
  channels: ChannelFindings;
  numbers: [string, string][];
  history: HistoryRow[];
  hints: string[];
}

type DebriefState = Pick<GameState, 'outcome' | 'fallCause' | 'tippingTick' | 'summary' | 'meta' | 'events' | 'historical'>
  & { channelTotals?: Partial<Record<Channel, number>> | null };

export function debriefOf(s: DebriefState, rows: readonly SeriesRow[]): Debrief | null {
  const meta = s.meta;
  if (s.outcome === null || !meta) return null;
  const p = meta.params;
  const tpd = Math.max(1, meta.ticksPerDay);
  const date = (tick: number) => fullDate(meta.startDate, dayOf(tick, tpd));
  const headline = s.outcome === 'success' && s.fallCause
    ? `${t('outcome.success')}: ${tMaybe(`fallCause.${s.fallCause}`, s.fallCause).toLowerCase()}`
    : tMaybe(`outcome.${s.outcome}`, s.outcome);

  let why: string;
  if (s.outcome === 'success') {
    why = tMaybe(`debrief.success.${s.fallCause ?? 'unknown'}`, t('debrief.success.unknown'),
      { ratio: fmtPct(Number(p.collapseRatio), 0), days: fmtInt(p.collapseDays) });
  } else if (s.outcome === 'failure') {
    why = t('debrief.failure', { floor: fmtPct(Number(p.demobilizeFloor), 1), days: fmtInt(p.demobilizeDays) });
  } else why = t('debrief.stalemate', { days: fmtInt(p.horizonDays) });

  const tipping = s.tippingTick === null ? t('debrief.noTipping')
    : t('debrief.tipping', { day: dayOf(s.tippingTick, tpd), date: date(s.tippingTick) });

  const turn = momentumTurn(rows);
  const momentum = turn.kind === 'rose' ? t('debrief.momentumRose', { day: dayOf(turn.tick, tpd), date: date(turn.tick) })
    : turn.kind === 'fell' ? t('debrief.momentumFell', { up: dayOf(turn.upTick, tpd), day: dayOf(turn.tick, tpd), date: date(turn.tick) })
    : turn.kind === 'peak' ? t('debrief.momentumPeak', { value: fmtNum(turn.value, 2), day: dayOf(turn.tick, tpd) })
    : '';

  const sum = s.summary;
  const numbers: [string, string][] = sum ? [
    [t('debrief.peak'), `${fmtInt(sum.peakActive)} (${fmtPct(sum.peakParticipation)})`],
    [t('debrief.defected'), fmtPct(sum.defectedShare)],
    [t('debrief.detentions'), fmtInt(sum.detentions)],
    [t('debrief.injuries'), fmtInt(sum.injuries)],
    [t('debrief.deaths'), fmtInt(sum.deaths)],
    [t('debrief.abuses'), fmtInt(sum.abuses)],
    [t('debrief.unmaskings'), fmtInt(sum.unmaskings)],
    [t('debrief.resignations'), fmtInt(sum.resignations)],
    [t('debrief.nonviolent'), t(sum.nonviolent ? 'value.yes' : 'value.no')],
  ] : [];

  const history: HistoryRow[] = Object.entries(meta.historical ?? {}).map(([key, h]) => ({
    label: h.label, source: h.source, unit: h.unit, historical: h.historical, model: s.historical?.[key] ?? null,
  }));

  const channels = topChannels(s.channelTotals, s.events);
  const hints: string[] = [];
  if (meta.briefing?.try) hints.push(meta.briefing.try);
  if (s.outcome !== 'success') {
    const hold = channels.staying[0]?.channel;
    const id = `debrief.hint.${hold}` as StringId;
    if (hold && tMaybe(id, '') !== '') hints.push(t(id));
    if (s.outcome === 'failure') hints.push(t('debrief.hint.failure'));
  }
  return { headline, why, tipping, momentum, channels, numbers, history, hints };
}
