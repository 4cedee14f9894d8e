/** The line under a drawer control whose parameter the scenario's events change: its date as the page shows days, its ramp in words. */
import { describe, expect, it } from 'vitest';
import { eventNotes } from '../../src/ui/paramModel';

describe('eventNotes', () => {
  const minsk = eventNotes('minsk-2020');
  it('dates an event as the page does (day 1 = the start date) and says what it sets', () => {
    expect(minsk.get('legitimacy')).toBe("This scenario's events change it: on 9 Aug (day 1) an event sets it to 0.5. A value set here holds only until then.");
  });
  it('a one-day ramp reads "over 1 day", never "1 days"', () => {
    expect(minsk.get('arrestRate')).toContain('moves it to 0.006 over 1 day;');
    for (const id of ['minsk-2020', 'classroom-discipline', 'classroom-unmasking'])
      for (const note of eventNotes(id).values()) expect(note).not.toMatch(/\b1 days\b/);
  });
  it('keys no event touches have no note; an unknown scenario has none', () => {
    expect(minsk.has('forcePerProtester')).toBe(false);
    expect(eventNotes('no-such-scenario').size).toBe(0);
  });
});
