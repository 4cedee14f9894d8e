/**
 * The start screen, for a page opened without `scenario=` (or with an unknown one): the
 * classroom games and Minsk 2020 first, each with its question and length, Play and Watch;
 * the reference models (Epstein, Granovetter) apart, in their own labelled section. A dialog:
 * it takes the focus when it opens and gives it back to what had it when it closes.
 */
import { getPreset, PRESET_IDS, resolveParams } from '../scenarios';
import { runSpec } from '../store/types';
import { button, el, watch } from './dom';
import { hasString, t } from './strings';
import type { Panel, PanelDeps } from './types';

export const GAME_IDS = ['classroom-discipline', 'classroom-unmasking', 'minsk-2020'] as const;
export const REFERENCE_IDS = ['epstein-classic', 'granovetter-riot', 'granovetter-riot-perturbed'] as const;

export interface Card { id: string; title: string; question: string; length: string; history: boolean; hasStrategy: boolean }

/** What a card shows: the scenario's title, its question and its length in days. */
export function cardOf(id: string): Card {
  const sc = getPreset(id);
  const p = resolveParams(sc, []);
  const q = `question.${id}`;
  return {
    id, title: sc.title, question: hasString(q) ? t(q) : (sc.briefing?.goal ?? ''),
    length: p.hoursPerTick >= 24 ? t('start.lengthTicks', { days: p.horizonDays }) : t('start.length', { days: p.horizonDays }),
    history: sc.historical !== null && sc.historical !== undefined, hasStrategy: sc.strategy.length > 0,
  };
}

/** Every preset appears once: the games, the reference models, then any other preset. */
export function startSections(): { games: Card[]; reference: Card[] } {
  const known = new Set<string>([...GAME_IDS, ...REFERENCE_IDS]);
  const games = [...GAME_IDS.filter((id) => PRESET_IDS.includes(id)), ...PRESET_IDS.filter((id) => !known.has(id))].map(cardOf);
  return { games, reference: REFERENCE_IDS.filter((id) => PRESET_IDS.includes(id)).map(cardOf) };
}

export function createStart({ store }: PanelDeps): Panel & { isOpen(): boolean } {
  const heading = el('h2', { id: 'br-start-title', tabindex: -1 }, t('start.title'));
  const { games, reference } = startSections();
  const open = (id: string, watching: boolean) => {
    const s = store.getState();
    s.start(runSpec({ scenarioId: id, seed: s.seed || 1, strategy: watching ? 'scenario' : 'none' }));
  };
  const card = (c: Card, game: boolean): HTMLElement => {
    const hid = `br-card-${c.id}`;
    const actions = el('div', { class: 'br-card-actions' },
      button(game ? t('start.play') : t('start.open'), () => open(c.id, false),
        { class: 'br-primary', 'aria-label': t(game ? 'start.playLabel' : 'start.openLabel', { title: c.title }), 'data-start': c.id }));
    if (game && c.hasStrategy)
      actions.append(button(c.history ? t('start.watch') : t('start.watchScripted'), () => open(c.id, true),
        { class: 'br-secondary', 'aria-label': `${c.history ? t('start.watch') : t('start.watchScripted')}: ${c.title}`, title: t('start.watchLabel', { title: c.title }), 'data-watch': c.id }));
    return el('li', { class: 'br-card', 'aria-labelledby': hid },
      el('h4', { id: hid }, c.title), el('p', { class: 'br-card-question' }, c.question), el('p', { class: 'br-card-length' }, c.length), actions);
  };
  const message = el('p', { class: 'br-start-message', role: 'alert' });
  const root = el('section', { class: 'br-start', role: 'dialog', 'aria-modal': 'true', 'aria-labelledby': 'br-start-title', hidden: true },
    el('div', { class: 'br-start-box' },
      heading, message,
      el('p', { class: 'br-start-lead' }, t('start.lead')),
      el('p', { class: 'br-start-how' }, t('start.how')),
      el('h3', {}, t('start.games')), el('ul', { class: 'br-cards' }, ...games.map((c) => card(c, true))),
      el('h3', {}, t('start.reference')), el('p', { class: 'br-muted' }, t('start.referenceNote')),
      el('ul', { class: 'br-cards br-cards-reference' }, ...reference.map((c) => card(c, false)))));

  let returnFocus: HTMLElement | null = null;
  const unsub = watch(store, (s) => [s.status, s.notice] as const, ([status, notice]) => {
    const show = status === 'start';
    message.textContent = show && notice ? notice : '';
    message.hidden = !(show && notice);
    if (show && root.hidden) {
      returnFocus = document.activeElement instanceof HTMLElement && document.activeElement !== document.body ? document.activeElement : null;
      root.hidden = false;
      document.body.classList.add('br-starting');
      queueMicrotask(() => heading.focus());
    } else if (!show && !root.hidden) {
      root.hidden = true;
      document.body.classList.remove('br-starting');
      returnFocus?.focus();
    }
  });
  return { root, isOpen: () => !root.hidden, destroy() { unsub(); root.remove(); } };
}
