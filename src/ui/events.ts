/**
 * The event feed: what happened, newest first, as sentences, filtered by kind and capped. An
 * event about one officer has an "Inspect" button that opens him in the inspector.
 */
import type { SimEvent } from '../sim';
import { button, el, setText, throttle, watch } from './dom';
import { EVENT_FILTERS, eventCategory, eventSentence, matchesFilter, type EventContext, type EventFilter } from './eventText';
import { t } from './strings';
import type { Panel, PanelDeps } from './types';

/** Most events shown at once. */
export const FEED_CAP = 80;

/** The events to show for a filter, newest first, at most `cap`. */
export function feedItems(events: readonly SimEvent[], filter: EventFilter, cap = FEED_CAP): SimEvent[] {
  const out: SimEvent[] = [];
  for (let k = events.length - 1; k >= 0 && out.length < cap; k--) if (matchesFilter(events[k], filter)) out.push(events[k]);
  return out;
}

export function createEvents({ store }: PanelDeps): Panel {
  const select = el('select', { id: 'br-events-filter' });
  for (const f of EVENT_FILTERS) select.append(el('option', { value: f }, t(`events.filter.${f}`)));
  const list = el('ol', { class: 'br-events-list', 'aria-live': 'off' });
  const more = el('p', { class: 'br-muted', hidden: true });
  const root = el('section', { class: 'br-panel br-events', 'aria-labelledby': 'br-events-title' },
    el('div', { class: 'br-panel-head' }, el('h2', { id: 'br-events-title' }, t('events.title')),
      el('div', { class: 'br-field' }, el('label', { for: 'br-events-filter', class: 'br-sr-only' }, t('events.filter')), select)),
    list, more);

  let filter: EventFilter = 'all';
  let shownFirst: SimEvent | null = null;
  let shownCount = -1;

  function render(force = false): void {
    const s = store.getState();
    const meta = s.meta;
    const items = feedItems(s.events, filter);
    if (!force && items[0] === shownFirst && items.length === shownCount) return;
    shownFirst = items[0] ?? null;
    shownCount = items.length;
    if (!meta || items.length === 0) { list.replaceChildren(el('li', { class: 'br-muted' }, t('events.none'))); more.hidden = true; return; }
    const ctx: EventContext = { ticksPerDay: meta.ticksPerDay, districtIds: meta.districtIds, districtNames: meta.districtNames, strategy: s.strategy, takeover: s.takeover, history: meta.historical !== null };
    list.replaceChildren(...items.map((e) => {
      const li = el('li', { class: `br-event br-event-${eventCategory(e.kind)}`, 'data-kind': e.kind }, eventSentence(e, ctx));
      if (typeof e.officer === 'number') {
        const officer = e.officer;
        li.append(' ', button(t('events.inspectShort'), () => store.getState().selectOfficer(officer),
          { class: 'br-link', 'aria-label': t('events.inspect', { id: officer }) }));
      }
      return li;
    }));
    more.hidden = items.length < FEED_CAP;
    setText(more, t('events.more', { n: FEED_CAP }));
  }

  // The feed is rebuilt at most 5 times a second however often events arrive.
  const later = throttle(() => render(), 200);

  select.addEventListener('change', () => { filter = select.value as EventFilter; render(true); });
  render(true);
  const unsub = watch(store, (s) => [s.events, s.meta, s.strategy, s.takeover] as const, () => later.call());
  return { root, destroy() { unsub(); later.cancel(); root.remove(); } };
}
