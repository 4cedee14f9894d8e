/**
 * What the debrief says, from the store's state and the run's series: why the run ended as it
 * did, the tipping day, when momentum turned, which channels moved the officers most, the run in
 * numbers, history beside the model, and what would have had to change. Pure: tested in Node.
 */
import { inBand, isChannel, type Channel, type SeriesRow, type SimEvent } from '../sim';
import type { GameState } from '../store/types';
import { channelRows, type ChannelRow } from './bars';
import { dayOf, fmtInt, fmtNum, fmtPct, fullDate } from './format';
import { t, tMaybe, type StringId } from './strings';
import { tacticName } from './eventText';
import type { Counterfactual } from '../runner/counterfactual';

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

/**
 * The day (counted from 1) a series row's values belong to: momentum and the other daily values
 * change at the end of a day, so the row at tick k·ticksPerDay shows day k's result.
 */
export const rowDay = (tick: number, ticksPerDay: number): number => Math.max(1, Math.ceil(tick / Math.max(1, ticksPerDay)));

/**
 * What the debrief claims, as data, so a test can recompute each claim from the series on its
 * own (test/ui/debriefClaims.test.ts): nothing the debrief says may contradict the run.
 */
export type Claim =
  | { kind: 'tipping'; day: number }
  | { kind: 'noTipping' }
  | { kind: 'momentumNever'; peak: number; day: number }
  | { kind: 'momentumStayed'; up: number }
  | { kind: 'momentumLastFell'; up: number; down: number }
  | { kind: 'momentumRoseEnded'; up: number; end: number }
  | { kind: 'defected'; share: number }
  | { kind: 'forceAtEnd'; ratio: number }
  | { kind: 'outcome'; outcome: string; cause: string | null }
  /** The day with the most detentions, and the most protesting at once in the week up to it and the week after (agents). */
  | { kind: 'crackdown'; day: number; detained: number; before: number; after: number; trend: 'grew' | 'shrank' | 'same' };

/** The momentum claim from the run's rows (any outcome). */
export function momentumClaim(rows: readonly SeriesRow[], ticksPerDay: number): Claim | null {
  if (rows.length === 0) return null;
  let up = -1, peak = -Infinity, peakTick = rows[0].tick, dipped = false, lastBelowFrom = -1;
  for (const r of rows) {
    if (r.momentum > peak) { peak = r.momentum; peakTick = r.tick; }
    if (r.momentum >= 0.5) { if (up < 0) up = r.tick; lastBelowFrom = -1; }
    else if (up >= 0) { dipped = true; if (lastBelowFrom < 0) lastBelowFrom = r.tick; }
  }
  if (up < 0) return { kind: 'momentumNever', peak: Math.round(peak * 100) / 100, day: rowDay(peakTick, ticksPerDay) };
  const end = rows[rows.length - 1].momentum;
  if (!dipped) return { kind: 'momentumStayed', up: rowDay(up, ticksPerDay) };
  if (lastBelowFrom >= 0) return { kind: 'momentumLastFell', up: rowDay(up, ticksPerDay), down: rowDay(lastBelowFrom, ticksPerDay) };
  return { kind: 'momentumRoseEnded', up: rowDay(up, ticksPerDay), end: Math.round(end * 100) / 100 };
}

/** Crowds this much larger (smaller) in the week after the crackdown count as grown (shrunk). */
export const CROWD_CHANGE = 0.1;

/**
 * Did repression backfire? The day with the most new detentions (the first such day; it needs a
 * full week of rows after it), the largest crowd at once over the seven days up to and including
 * it (from day 1 on) and over the seven days after it. Grew: after >= (1 + CROWD_CHANGE) x before;
 * shrank: after <= (1 - CROWD_CHANGE) x before.
 */
export function crackdownClaim(rows: readonly SeriesRow[], ticksPerDay: number): Claim | null {
  if (rows.length === 0) return null;
  const lastDet: number[] = [], peak: number[] = [];
  for (const r of rows) {
    const d = rowDay(r.tick, ticksPerDay);
    lastDet[d] = r.detentions;
    peak[d] = Math.max(peak[d] ?? 0, r.citizens.active);
  }
  let day = -1, most = 0, prev = rows[0].detentions;
  for (let d = 1; d < lastDet.length; d++) {
    if (lastDet[d] === undefined) continue;
    const fresh = lastDet[d] - prev;
    prev = lastDet[d];
    if (fresh > most) { most = fresh; day = d; }
  }
  if (day < 0 || peak[day + 7] === undefined) return null;
  let before = 0, after = 0;
  for (let d = Math.max(1, day - 6); d <= day; d++) before = Math.max(before, peak[d] ?? 0);
  for (let d = day + 1; d <= day + 7; d++) after = Math.max(after, peak[d] ?? 0);
  const trend = after >= (1 + CROWD_CHANGE) * before ? 'grew' : after <= (1 - CROWD_CHANGE) * before ? 'shrank' : 'same';
  return { kind: 'crackdown', day, detained: most, before, after, trend };
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

export interface HistoryRow { label: string; source: string; unit: string | null; historical: number; band: [number, number] | null; model: number | null; inBand: boolean | null }

export interface Debrief {
  claims: Claim[];
  headline: string;
  why: string;
  tipping: string;
  momentum: string;
  /** Whether the crowds grew after the day of most detentions ('' when the run has no such day with a week after it). */
  crackdown: string;
  channels: ChannelFindings;
  numbers: [string, string][];
  /** Below scale 1: what one agent stands for, and why the history table can differ on rare events ('' at scale 1). */
  numbersNote: string;
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

  const claims: Claim[] = [{ kind: 'outcome', outcome: s.outcome, cause: s.outcome === 'success' ? s.fallCause : null }];
  const last = rows.length ? rows[rows.length - 1] : null;
  let why: string;
  if (s.outcome === 'success') {
    why = tMaybe(`debrief.success.${s.fallCause ?? 'unknown'}`, t('debrief.success.unknown'),
      { ratio: fmtPct(Number(p.collapseRatio), 0), days: fmtInt(p.collapseDays) });
  } else if (s.outcome === 'failure') {
    why = t('debrief.failure', { floor: fmtPct(Number(p.demobilizeFloor), 1), days: fmtInt(p.demobilizeDays) });
  } else if (last && last.neededForce > 0) {
    // Said from the last row, never assumed: "kept enough loyal force" is not true of every stalemate.
    const ratio = last.effectiveForce / last.neededForce;
    claims.push({ kind: 'forceAtEnd', ratio });
    why = t('debrief.stalemateHeld', { days: fmtInt(p.horizonDays), ratio: ratio >= 10 ? t('readout.ratioBig') : fmtPct(ratio, 0) });
  } else why = t('debrief.stalemateShort', { days: fmtInt(p.horizonDays) });

  claims.push(s.tippingTick === null ? { kind: 'noTipping' } : { kind: 'tipping', day: dayOf(s.tippingTick, tpd) + 1 });
  const tipping = s.tippingTick === null ? t('debrief.noTipping')
    : t('debrief.tipping', { day: dayOf(s.tippingTick, tpd) + 1, date: date(s.tippingTick) });

  const mc = momentumClaim(rows, tpd);
  if (mc) claims.push(mc);
  const dd = (day: number) => fullDate(meta.startDate, day - 1);
  const momentum = !mc ? ''
    : mc.kind === 'momentumNever' ? t('debrief.momentumPeak', { value: fmtNum(mc.peak, 2), day: mc.day })
    : mc.kind === 'momentumStayed' ? t('debrief.momentumStayed', { day: mc.up })
    : mc.kind === 'momentumLastFell' ? t('debrief.momentumLastFell', { up: mc.up, day: mc.down })
    : mc.kind === 'momentumRoseEnded' ? `${t('debrief.momentumRose', { day: mc.up, date: dd(mc.up) })} ${t('debrief.momentumEnd', { value: fmtNum(mc.end, 2) })}`
    : '';
  if (s.summary) claims.push({ kind: 'defected', share: s.summary.defectedShare });

  const sum = s.summary;
  // Counts are agents; below scale 1 each stands for 1/scale people, and the debrief says so.
  const scale = Number(p.scale);
  const scaled = Number.isFinite(scale) && scale > 0 && scale < 1;
  const people = (n: number) => fmtInt(Math.round(scaled ? n / scale : n));
  const cc = crackdownClaim(rows, tpd);
  if (cc) claims.push(cc);
  const crackdown = cc?.kind !== 'crackdown' ? ''
    : t(`debrief.crackdown.${cc.trend}`, { day: cc.day, date: dd(cc.day), detained: people(cc.detained), before: people(cc.before), after: people(cc.after) });
  // Deaths and abuses are expected counts (arrest.ts): a fraction of an agent keeps a decimal, so "0 agents ≈ 23 people" cannot appear.
  const agents = (n: number) => (Number.isInteger(n) || Math.abs(n) >= 100 ? fmtInt(n) : fmtNum(n, Math.abs(n) < 10 ? 2 : 1));
  const count = (n: number) => (scaled ? t('debrief.countScaled', { n: agents(n), people: fmtInt(Math.round(n / scale)) }) : agents(n));
  const numbers: [string, string][] = sum ? [
    [t('debrief.peak'), `${count(sum.peakActive)} (${fmtPct(sum.peakParticipation)})`],
    [t('debrief.defected'), fmtPct(sum.defectedShare)],
    [t('debrief.detentions'), count(sum.detentions)],
    [t('debrief.injuries'), count(sum.injuries)],
    [t('debrief.deaths'), count(sum.deaths)],
    [t('debrief.abuses'), count(sum.abuses)],
    [t('debrief.unmaskings'), count(sum.unmaskings)],
    [t('debrief.resignations'), count(sum.resignations)],
    [t('debrief.nonviolent'), t(sum.nonviolent ? 'value.yes' : 'value.no')],
  ] : [];
  // The hidden situation (hiddenLoyaltySd): revealed only now, so a loss on an unlucky draw is explained.
  const sd = Number(p.hiddenLoyaltySd);
  if (sum && sd > 0 && typeof sum.hiddenLoyaltyShift === 'number')
    // Within a quarter of the spread the draw hardly mattered: "less loyal" for −0.003 would mislead.
    numbers.push([t('debrief.hidden'), t(Math.abs(sum.hiddenLoyaltyShift) < sd / 4 ? 'debrief.hiddenShiftSmall' : 'debrief.hiddenShift',
      { direction: sum.hiddenLoyaltyShift >= 0 ? 'more' : 'less', shift: fmtNum(sum.hiddenLoyaltyShift, 3, true), sd: fmtNum(sd, 2) })]);

  const history: HistoryRow[] = Object.entries(meta.historical ?? {}).map(([key, h]) => {
    const model = s.historical?.[key] ?? null;
    return { label: h.label, source: h.source, unit: h.unit, historical: h.historical, band: h.band ?? null, model, inBand: inBand(h.band, model) };
  });

  const channels = topChannels(s.channelTotals, s.events);
  const hints: string[] = [];
  if (meta.briefing?.try) hints.push(meta.briefing.try);
  if (s.outcome !== 'success') {
    const hold = channels.staying[0]?.channel;
    // The regime's pull is answered by strikes and elite appeals: say so only where they are offered.
    const reachable = hold !== 'regime' || meta.tactics.some((x) => x.id === 'strike' || x.id === 'eliteAppeals');
    const id = (reachable ? `debrief.hint.${hold}` : 'debrief.hint.regimeUnreachable') as StringId;
    if (hold && tMaybe(id, '') !== '') hints.push(t(id));
    if (s.outcome === 'failure') hints.push(t('debrief.hint.failure'));
  }
  const numbersNote = sum && scaled ? t('debrief.numbersScaled', { scale: String(scale), people: fmtInt(Math.round(1 / scale)) }) : '';
  return { claims, headline, why, tipping, momentum, crackdown, channels, numbers, numbersNote, history, hints };
}

/** The player's game as it ended, beside which each replay is told. */
export interface ActualEnd { outcome: string | null; tippingTick: number | null; defectedShare: number }

/**
 * One sentence per replay without a choice: "Without your mass publication (day 12) the regime
 * would have fallen on day 19 instead of day 27." Days count from 1 and are tipping days.
 */
export function counterfactualSentence(c: Counterfactual, actual: ActualEnd, ticksPerDay: number): string {
  const tpd = Math.max(1, ticksPerDay);
  const first = dayOf(c.firstTick, tpd) + 1;
  const when = c.count === 1 ? t('debrief.cfWhenOnce', { day: first }) : t('debrief.cfWhenMany', { n: c.count, day: first });
  const head = t('debrief.cfWithout', { tactic: tacticName(c.tactic).replace(/^./, (x) => x.toLowerCase()), when });
  const fellA = actual.outcome === 'success' && actual.tippingTick !== null;
  const fellB = c.outcome === 'success' && c.tippingTick !== null;
  const a = fellA ? dayOf(actual.tippingTick as number, tpd) + 1 : 0;
  const b = fellB ? dayOf(c.tippingTick as number, tpd) + 1 : 0;
  let tail: string;
  if (fellA && fellB) tail = b < a ? t('debrief.cfFellEarlier', { a, b }) : b > a ? t('debrief.cfFellLater', { a, b }) : t('debrief.cfFellSame', { a });
  else if (fellA) tail = t('debrief.cfNotFallen', { outcome: tMaybe(`outcome.${c.outcome ?? 'stalemate'}`, String(c.outcome)).toLowerCase() });
  else if (fellB) tail = t('debrief.cfWouldFall', { b });
  else tail = t('debrief.cfSameOutcome', { outcome: tMaybe(`outcome.${c.outcome ?? 'stalemate'}`, String(c.outcome)).toLowerCase(),
    a: fmtPct(actual.defectedShare), b: fmtPct(c.defectedShare) });
  return `${head}, ${tail}`;
}
