/**
 * Scheduled scenario events: at a tick, day or date, set parameters or ramp one linearly
 * (the stolen election, a crackdown order, a fund or registry launched).
 */
import { parseDate } from '../calendar';
import type { Params } from '../params/schema';
import type { At } from '../scenarioData';
import { logEvent } from '../eventLog';
import type { ScheduledEvent, SimState } from '../state';

export function atToTick(at: At, startDay: number, tpd: number): number {
  if ('tick' in at) return at.tick;
  if ('day' in at) return at.day * tpd;
  const d = parseDate(at.date);
  return d === null ? 0 : Math.max(0, (d - startDay) * tpd);
}

export function scheduleEvents(s: SimState): ScheduledEvent[] {
  const out = s.scenario.events.map((e, idx) => {
    const tick = atToTick(e.at, s.startDay, s.ticksPerDay);
    const ramp = e.ramp
      ? { key: e.ramp.key as keyof Params, from: 0, to: e.ramp.to, startTick: tick, endTick: tick + Math.max(1, Math.round(e.ramp.overDays * s.ticksPerDay)) }
      : null;
    return { ev: { tick, label: e.label ?? '', set: e.set ?? {}, ramp }, idx };
  });
  out.sort((a, b) => a.ev.tick - b.ev.tick || a.idx - b.idx);
  return out.map((x) => x.ev);
}

/** Applies events due at the current tick and advances running ramps. */
export function applyEvents(s: SimState): void {
  const p = s.params as Record<string, unknown>;
  while (s.nextEvent < s.events.length && s.events[s.nextEvent].tick <= s.tick) {
    const e = s.events[s.nextEvent++];
    for (const [k, v] of Object.entries(e.set)) p[k] = Array.isArray(v) ? [...v] : v;
    if (e.ramp) {
      const ramp = { ...e.ramp, from: Number(p[e.ramp.key]) };
      s.ramps = s.ramps.filter((r) => r.key !== ramp.key).concat(ramp);
    }
    logEvent(s, { tick: s.tick, kind: 'scenario', detail: e.label || Object.keys(e.set).concat(e.ramp ? [e.ramp.key] : []).join(', ') });
  }
  if (s.ramps.length === 0) return;
  for (const r of s.ramps) {
    const f = Math.min(1, (s.tick - r.startTick + 1) / (r.endTick - r.startTick));
    p[r.key] = r.from + (r.to - r.from) * f;
  }
  s.ramps = s.ramps.filter((r) => s.tick + 1 < r.endTick);
}
