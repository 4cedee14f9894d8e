/**
 * The scenario's briefing (goal, situation, levers, risks, try: whichever it has), laid over the
 * map when a scenario is first loaded and re-opened from the controls. It lists the known risks of
 * the tactics on offer (publishing officers' data, unmasking, the registry, the fund).
 */
import { BRIEFING_KEYS } from '../scenarios/validate';
import type { RunMeta } from '../store/types';
import { button, el, watch } from './dom';
import { tacticName } from './eventText';
import { hasString, t } from './strings';
import type { Panel, PanelDeps } from './types';

export { BRIEFING_KEYS };

/** The briefing's sections in reading order: known keys first, then any others. */
export function briefingSections(briefing: Record<string, string> | undefined): { key: string; heading: string; text: string }[] {
  const b = briefing ?? {};
  const keys = [...BRIEFING_KEYS.filter((k) => b[k]), ...Object.keys(b).filter((k) => !(BRIEFING_KEYS as readonly string[]).includes(k) && b[k])];
  return keys.map((key) => {
    const id = `briefing.${key}`;
    return { key, heading: hasString(id) ? t(id) : key, text: b[key] };
  });
}

/** Risks of the offered tactics that have one, as [tactic name, risk]. */
export function tacticRisks(meta: RunMeta): [string, string][] {
  return meta.tactics.flatMap((tac): [string, string][] => {
    const id = `tacticRisk.${tac.id}`;
    return hasString(id) ? [[tacticName(tac.id), t(id)]] : [];
  });
}

export function createBriefing({ store }: PanelDeps): Panel & { open(): void; close(): void; isOpen(): boolean } {
  const heading = el('h2', { id: 'br-briefing-title' }, t('briefing.title'));
  const body = el('div', { class: 'br-overlay-body' });
  const close = button('×', () => hide(), { class: 'br-close', 'aria-label': t('briefing.close'), title: t('briefing.close') });
  const go = button(t('briefing.start'), () => {
    hide();
    const s = store.getState();
    if (!s.playing && s.status === 'ready' && s.outcome === null) s.play();
  }, { class: 'br-primary' });
  const root = el('section', { class: 'br-overlay br-briefing', 'aria-labelledby': 'br-briefing-title', hidden: true },
    el('div', { class: 'br-overlay-head' }, heading, close), body, el('div', { class: 'br-overlay-foot' }, go));

  function render(meta: RunMeta): void {
    heading.textContent = `${t('briefing.title')}: ${meta.title}`;
    const parts: HTMLElement[] = [];
    const sections = briefingSections(meta.briefing);
    if (sections.length === 0) parts.push(el('p', {}, t('briefing.none')));
    for (const s of sections) parts.push(el('h3', {}, s.heading), el('p', {}, s.text));
    const risks = tacticRisks(meta);
    if (risks.length) {
      const list = el('ul', { class: 'br-risks' });
      for (const [name, risk] of risks) list.append(el('li', {}, el('strong', {}, `${name}: `), risk));
      parts.push(el('h3', {}, t('briefing.tacticRisks')), list);
    }
    body.replaceChildren(...parts);
  }
  function show(): void { root.hidden = false; }
  function hide(): void { root.hidden = true; }

  let shownFor: string | null = null;
  const unsub = watch(store, (s) => s.meta, (meta) => {
    if (!meta) return;
    render(meta);
    const s = store.getState();
    // Shown when a scenario is first loaded, not on every restart or parameter change.
    if (meta.scenarioId !== shownFor && s.outcome === null) { shownFor = meta.scenarioId; show(); }
  });

  return { root, open: show, close: hide, isOpen: () => !root.hidden, destroy() { unsub(); root.remove(); } };
}
