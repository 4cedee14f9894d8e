/**
 * The scenario's briefing (goal, situation, levers, risks, try: whichever it has), laid over the
 * map when a scenario is first loaded and re-opened from the controls. It lists the known risks of
 * the tactics on offer (publishing officers' data, unmasking, the registry, the fund).
 */
import { BRIEFING_KEYS } from '../scenarios/validate';
import type { CompareSpec } from '../runner/protocol';
import { runOfState, type RunMeta } from '../store/types';
import { button, el, focusTrap, watch } from './dom';
import { fullDate } from './format';
import { variantCompare, variantsOf } from './variants';
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

/** "Length: 42 days (9 Aug 2020 to 19 Sep 2020)." */
export function lengthText(meta: RunMeta): string {
  const days = Number(meta.params.horizonDays);
  if (meta.ticksPerDay <= 1) return t('briefing.lengthTicks', { days });
  return t('briefing.length', { days, start: fullDate(meta.startDate, 0), end: fullDate(meta.startDate, days - 1) });
}

export function createBriefing({ store }: PanelDeps, hooks: { compare(vs: CompareSpec): void }): Panel & { open(): void; close(): void; isOpen(): boolean } {
  const heading = el('h2', { id: 'br-briefing-title', tabindex: -1 }, t('briefing.title'));
  const body = el('div', { class: 'br-overlay-body' });
  const close = button('×', () => hide(), { class: 'br-close', 'aria-label': t('briefing.close'), title: t('briefing.close') });
  const go = button(t('briefing.start'), () => {
    hide();
    const s = store.getState();
    if (!s.playing && s.status === 'ready' && s.outcome === null) s.play();
  }, { class: 'br-primary', id: 'br-briefing-start' });
  const pauseBox = el('input', { type: 'checkbox', id: 'br-pause-events' });
  pauseBox.addEventListener('change', () => store.getState().setPauseAtEvents(pauseBox.checked));
  const pauseField = el('label', { class: 'br-check', for: 'br-pause-events' }, pauseBox, ' ', t('briefing.pauseAtEvents'));
  const root = el('section', { class: 'br-overlay br-briefing', role: 'dialog', 'aria-modal': 'true', 'aria-labelledby': 'br-briefing-title', hidden: true },
    el('div', { class: 'br-overlay-head' }, heading, close), body, el('div', { class: 'br-overlay-foot' }, go, pauseField));

  function render(meta: RunMeta): void {
    heading.textContent = `${t('briefing.title')}: ${meta.title}`;
    const parts: HTMLElement[] = [];
    const q = `question.${meta.scenarioId}`;
    if (hasString(q)) parts.push(el('p', { class: 'br-question' }, t(q)));
    parts.push(el('p', { class: 'br-length' }, lengthText(meta)));
    const sections = briefingSections(meta.briefing);
    if (sections.length === 0) parts.push(el('p', {}, t('briefing.none')));
    for (const s of sections) parts.push(el('h3', {}, s.heading), el('p', {}, s.text));
    const variants = variantsOf(meta.scenarioId);
    if (variants.length) {
      const list = el('ul', { class: 'br-variants' });
      for (const v of variants) {
        const label = t(v.label);
        list.append(el('li', {},
          button(t('briefing.variantPlay', { label }), () => {
            hide();
            const s = store.getState();
            const sets = [...s.sets.filter(([k]) => !v.sets.some(([k2]) => k2 === k)), ...v.sets];
            const tactics = v.exclude.length ? (s.tactics ?? meta.scenarioTactics).filter((id) => !v.exclude.includes(id)) : s.tactics;
            s.start({ ...runOfState(s), sets, tactics, actions: [], takeover: null, vs: null });
          }, { class: 'br-secondary', 'data-variant': v.id }),
          ' ',
          button(t('briefing.variantCompare', { label }), () => { hide(); hooks.compare(variantCompare(v)); },
            { class: 'br-secondary', 'data-variant-compare': v.id })));
      }
      parts.push(el('h3', {}, t('briefing.variants')), list);
    }
    const risks = tacticRisks(meta);
    if (risks.length) {
      const list = el('ul', { class: 'br-risks' });
      for (const [name, risk] of risks) list.append(el('li', {}, el('strong', {}, `${name}: `), risk));
      parts.push(el('h3', {}, t('briefing.tacticRisks')), list);
    }
    body.replaceChildren(...parts);
    pauseField.hidden = meta.events.length === 0;
  }
  const dialog = focusTrap(root, () => go);
  function show(): void { root.hidden = false; dialog.opened(); }
  function hide(): void { if (root.hidden) return; root.hidden = true; dialog.closed(); }

  let shownFor: string | null = null;
  const unsubs = [
    watch(store, (s) => s.meta, (meta) => {
      if (!meta) return;
      render(meta);
      const s = store.getState();
      // Shown when a scenario is first loaded, not on every restart or parameter change.
      if (meta.scenarioId !== shownFor && s.outcome === null) { shownFor = meta.scenarioId; show(); }
    }),
    watch(store, (s) => s.pauseAtEvents, (on) => { pauseBox.checked = on; }),
    watch(store, (s) => s.status, (st) => { if (st === 'start') { shownFor = null; hide(); } }),
  ];

  return { root, open: show, close: hide, isOpen: () => !root.hidden, destroy() { unsubs.forEach((u) => u()); root.remove(); } };
}
