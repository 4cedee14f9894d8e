// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { createEvents, feedItems, FEED_CAP } from '../../src/ui/events';
import { eventSentence, matchesFilter, type EventContext } from '../../src/ui/eventText';
import type { SimEvent } from '../../src/sim';
import { createFake } from './fakeStore';

const ctx: EventContext = { ticksPerDay: 24, districtIds: ['central', 'north'], districtNames: ['Central', 'North Bank'] };

afterEach(() => { document.body.replaceChildren(); });

describe('event wording', () => {
  it('tells an officer\'s decision with day, hour, district and the channel that pushed him', () => {
    expect(eventSentence({ tick: 12 * 24 + 18, kind: 'resign-noisy', officer: 3, channel: 'backfire', district: 'central' }, ctx))
      .toBe('Day 13, 18:00, Central: an officer resigned publicly (video) — pushed mostly by backfire');
    expect(eventSentence({ tick: 5, kind: 'join', officer: 9, channel: 'regime', district: 'north' }, ctx))
      .toBe('Day 1, 05:00, North Bank: an officer joined the movement — pushed mostly by regime pull');
    expect(eventSentence({ tick: 30, kind: 'shirk', officer: 1 }, ctx)).toBe('Day 2, 06:00: an officer started shirking (sick leave, work-to-rule)');
  });

  it('words the movement, the regime and the outcome', () => {
    expect(eventSentence({ tick: 48, kind: 'tactic', detail: 'massPublication' }, ctx)).toBe("Day 3, 00:00: You: launched Mass publication of officers' data");
    expect(eventSentence({ tick: 49, kind: 'tactic-refused', detail: 'strike: not enough capacity' }, ctx))
      .toBe('Day 3, 01:00: You: Strikes could not be launched (not enough organising capacity)');
    expect(eventSentence({ tick: 240, kind: 'scenario', detail: 'Provocateurs join the marches' }, ctx)).toBe('Day 11, 00:00: Regime: Provocateurs join the marches');
    expect(eventSentence({ tick: 240, kind: 'outcome', detail: 'success (force)' }, ctx)).toBe('Day 11, 00:00: The regime fell (not enough loyal force)');
    expect(eventSentence({ tick: 240, kind: 'outcome', detail: 'stalemate' }, ctx)).toBe('Day 11, 00:00: Stalemate at the horizon');
    expect(eventSentence({ tick: 0, kind: 'death', district: 'central' }, ctx)).toBe('Day 1, 00:00, Central: a protester died of injuries');
    expect(eventSentence({ tick: 0, kind: 'something-new', detail: 'x' }, ctx)).toBe('Day 1, 00:00: something-new x');
    expect(eventSentence({ tick: 24, kind: 'purge', detail: '1' }, ctx)).toBe('Day 2, 00:00: Regime: the regime purged an officer it no longer trusted');
    expect(eventSentence({ tick: 24, kind: 'purge', detail: '4' }, ctx)).toBe('Day 2, 00:00: Regime: the regime purged 4 officers it no longer trusted');
  });

  it("labels moves before a take-over as history, the player's as theirs, and the regime's as the regime's", () => {
    const took = { ...ctx, strategy: 'none', takeover: 100 };
    expect(eventSentence({ tick: 50, kind: 'tactic', detail: 'symbols' }, took)).toMatch(/: History: launched Symbols/);
    expect(eventSentence({ tick: 150, kind: 'tactic', detail: 'symbols' }, took)).toMatch(/: You: launched Symbols/);
    expect(eventSentence({ tick: 150, kind: 'tactic', detail: 'symbols' }, { ...ctx, strategy: 'scenario' })).toMatch(/: History: launched/);
    expect(eventSentence({ tick: 150, kind: 'tactic', detail: 'symbols' }, { ...ctx, strategy: 'scenario', history: false })).toMatch(/: Scripted: launched/);
    expect(eventSentence({ tick: 150, kind: 'deploy' }, took)).toMatch(/: Regime: the regime deployed/);
  });

  it('filters by kind', () => {
    const e = (kind: string): SimEvent => ({ tick: 0, kind });
    expect(matchesFilter(e('walkout'), 'officers')).toBe(true);
    expect(matchesFilter(e('unmasking'), 'officers')).toBe(false);
    expect(matchesFilter(e('unmasking'), 'exposure')).toBe(true);
    expect(matchesFilter(e('deploy'), 'regime')).toBe(true);
    expect(matchesFilter(e('anything'), 'all')).toBe(true);
  });
});

describe('event feed', () => {
  it('lists newest first, capped', () => {
    const events = Array.from({ length: FEED_CAP + 20 }, (_, k): SimEvent => ({ tick: k, kind: 'resign' }));
    const items = feedItems(events, 'all');
    expect(items.length).toBe(FEED_CAP);
    expect(items[0].tick).toBe(FEED_CAP + 19);
  });

  it('renders sentences, filters, and opens an officer in the inspector', () => {
    const fake = createFake();
    const panel = createEvents({ store: fake.store, getSeries: () => fake.series, getAgents: () => null });
    document.body.append(panel.root);
    const items = () => [...panel.root.querySelectorAll('li.br-event')].map((li) => li.firstChild!.textContent);
    expect(items()[0]).toBe('Day 13, 22:00: You: Strikes could not be launched (not enough organising capacity)');
    expect(items()[2]).toBe('Day 13, 02:00, Old Town: an officer resigned publicly (video) — pushed mostly by backfire');
    const select = panel.root.querySelector('select')!;
    select.value = 'exposure';
    select.dispatchEvent(new Event('change'));
    expect(items()).toEqual(['Day 13, 12:00: a masked officer was unmasked by the crowd']);
    panel.root.querySelector<HTMLButtonElement>('button.br-link')!.click();
    expect(fake.store.getState().selectedOfficer).toBe(40);
  });
});
