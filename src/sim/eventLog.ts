/**
 * The run's event log (defections, unmaskings, tactics, scenario events, the outcome). It is a
 * queue the consumer drains (drainEvents: the command line, the page's frames); at most
 * EVENT_LOG_CAP events wait in it, later ones are only counted, so the state stays bounded
 * whatever the run's length when nobody drains it (a batch run).
 */
import type { SimEvent, SimState } from './state';

export const EVENT_LOG_CAP = 100_000;

export function logEvent(s: SimState, e: SimEvent): void {
  if (s.eventLog.length < EVENT_LOG_CAP) s.eventLog.push(e);
  else s.eventsDropped++;
}

/** The events logged since the last drain, in order; the log is empty afterwards. */
export function drainEvents(s: SimState): SimEvent[] {
  const out = s.eventLog;
  s.eventLog = [];
  return out;
}
