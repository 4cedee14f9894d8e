/**
 * Crowd calendar: the share of citizens out at a tick (evenings, Sunday marches). Off means
 * everyone is out all the time, as in Epstein's model.
 */
import { weekday } from '../calendar';
import type { SimState } from '../state';

export function turnout(s: SimState, tick: number): number {
  const p = s.params;
  if (!p.calendarOn) return 1;
  const hours = tick * p.hoursPerTick;
  const hour = hours % 24, day = s.startDay + Math.floor(hours / 24);
  const evening = hour >= p.eveningStartHour && hour < p.eveningEndHour;
  if (weekday(day) === 0 && hour >= p.sundayStartHour && hour < p.eveningEndHour) return p.sundayTurnout;
  return evening ? p.eveningTurnout : p.offHoursTurnout;
}
