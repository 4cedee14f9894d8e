/**
 * Which of the user's values a scenario's own events change later in the run. A `--set`, a
 * sweep value or a slider sets a parameter's tick-0 value; an event of the scenario that sets
 * or ramps the same key replaces it from the event's time on (minsk-2020's crackdown sets
 * `abuseProbability` on day 0, so `--set abuseProbability=0.3` would hold for no tick). The
 * value the model uses is then the event's, and the user is told so (docs/model.md, section 2,
 * "What is set is what runs"). Pure and browser-safe.
 */
import { formatDate, parseDate, type At, type ScenarioData } from '../sim/index';

export interface EventOverride {
  key: string;
  /** When the event happens, as written in the scenario ("day 0", "2020-08-13", "tick 12"). */
  when: string;
  /** The calendar date it happens on (YYYY-MM-DD; null when the scenario's start date is unreadable). */
  date: string | null;
  /** The day of the run it happens on, 0-based (the page shows day + 1). */
  day: number;
  /** The value the event sets, or the ramp's end value. */
  value: string;
  /** Days a ramp takes (null: a set). */
  rampDays: number | null;
  label: string | null;
}

export const atText = (at: At): string => ('tick' in at ? `tick ${at.tick}` : 'day' in at ? `day ${at.day}` : at.date);

/** An event's time in hours from the start (the sim's order of events: by time, then as written). */
function hoursOf(at: At, start: number | null, hoursPerTick: number): number {
  if ('tick' in at) return at.tick * hoursPerTick;
  if ('day' in at) return at.day * 24;
  const d = parseDate(at.date);
  return start === null || d === null ? 0 : (d - start) * 24;
}

/** Every event of `scenario` that sets or ramps one of `keys`, in the order the sim applies them. */
export function eventOverrides(scenario: ScenarioData, keys: Iterable<string>, hoursPerTick = 1): EventOverride[] {
  const want = new Set(keys), out: EventOverride[] = [];
  const start = parseDate(scenario.startDate);
  const events = scenario.events.map((e, i) => ({ e, i, h: hoursOf(e.at, start, hoursPerTick) }))
    .sort((a, b) => a.h - b.h || a.i - b.i);
  for (const { e, h } of events) {
    const label = e.label ?? null, when = atText(e.at), day = Math.floor(h / 24), date = start === null ? null : formatDate(start + day);
    for (const [k, v] of Object.entries(e.set ?? {}))
      if (want.has(k)) out.push({ key: k, when, value: Array.isArray(v) ? v.join(',') : String(v), rampDays: null, label, date, day });
    if (e.ramp && want.has(e.ramp.key)) out.push({ key: e.ramp.key, when, value: String(e.ramp.to), rampDays: e.ramp.overDays, label, date, day });
  }
  return out;
}

/** Per key, in order of first change: the first event that changes it and how many change it later. */
export function firstOverrides(scenario: ScenarioData, keys: Iterable<string>, hoursPerTick = 1): Array<{ first: EventOverride; later: number }> {
  const byKey = new Map<string, { first: EventOverride; later: number }>();
  for (const o of eventOverrides(scenario, keys, hoursPerTick)) {
    const seen = byKey.get(o.key);
    if (seen) seen.later++; else byKey.set(o.key, { first: o, later: 0 });
  }
  return [...byKey.values()];
}

/**
 * One line per key the scenario's events change, for the command line's stderr: the user's value
 * holds only until the first such event in time.
 */
export function overrideLines(scenario: ScenarioData, keys: Iterable<string>, flag: string, hoursPerTick = 1): string[] {
  const short = (l: string): string => (l.length > 72 ? `${l.slice(0, 71)}…` : l);
  return firstOverrides(scenario, keys, hoursPerTick).map(({ first: o, later }) => {
    const what = o.rampDays === null ? `sets it to ${o.value}` : `ramps it to ${o.value} over ${o.rampDays} day${o.rampDays === 1 ? '' : 's'}`;
    return `note: ${flag} ${o.key} holds only until ${o.date !== null && o.date !== o.when ? `${o.date} (${o.when})` : o.when}: the scenario's event${o.label ? ` "${short(o.label)}"` : ''} ${what}`
      + (later > 0 ? `, and ${later} later event${later > 1 ? 's change' : ' changes'} it again` : '');
  });
}
