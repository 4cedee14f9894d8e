/** Which user values a scenario's own events replace later in the run (src/scenarios/overrides.ts). */
import { describe, expect, it } from 'vitest';
import { eventOverrides, getPreset, overrideLines } from '../../src/scenarios/index';
import type { ScenarioData } from '../../src/sim/index';

const withEvents = (events: ScenarioData['events']): ScenarioData => ({ ...getPreset('classroom-discipline'), startDate: '2020-08-09', events });

describe('eventOverrides', () => {
  it('lists the sets and ramps of the asked keys in the order the sim applies them (by time, then as written)', () => {
    const s = withEvents([
      { at: { date: '2020-08-13' }, label: 'later', set: { arrestRate: 0.003, legitimacy: 0.4 } },
      { at: { day: 0 }, label: 'first', ramp: { key: 'arrestRate', to: 0.006, overDays: 1 } },
      { at: { tick: 30 }, set: { arrestRate: 0.01 } },
    ]);
    const os = eventOverrides(s, ['arrestRate'], 1);
    // day 0 = hour 0; tick 30 at 1 h per tick = hour 30 (day 1, 2020-08-10); 2020-08-13 = day 4.
    expect(os.map((o) => [o.when, o.date, o.value, o.rampDays, o.label])).toEqual([
      ['day 0', '2020-08-09', '0.006', 1, 'first'],
      ['tick 30', '2020-08-10', '0.01', null, null],
      ['2020-08-13', '2020-08-13', '0.003', null, 'later'],
    ]);
    // At 4 h per tick, tick 30 is hour 120 (day 5): after the 13th.
    expect(eventOverrides(s, ['arrestRate'], 4).map((o) => o.when)).toEqual(['day 0', '2020-08-13', 'tick 30']);
    expect(eventOverrides(s, ['violenceRate'])).toEqual([]);
  });

  it('names, for minsk-2020, the crackdown that replaces a --set abuse probability on day 0', () => {
    const lines = overrideLines(getPreset('minsk-2020'), ['abuseProbability', 'violenceRate'], '--set');
    expect(lines).toHaveLength(1); // no event of minsk-2020 touches violenceRate
    expect(lines[0]).toMatch(/^note: --set abuseProbability holds only until 2020-08-09 \(day 0\): the scenario's event "Crackdown ordered.*" sets it to 0\.28, and 1 later event changes it again$/);
  });
});
