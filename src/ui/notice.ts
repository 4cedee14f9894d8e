/**
 * The notice bar: a bad link, a refused tactic, a model error. Announced to screen readers as it
 * appears (the live region stays in the page so announcements are not lost); dismissable.
 */
import { button, el, setText, watch } from './dom';
import { t } from './strings';
import type { Panel, PanelDeps } from './types';

export function createNotice({ store }: PanelDeps): Panel {
  const text = el('p', { class: 'br-notice-text' });
  const dismiss = button(t('notice.dismiss'), () => store.getState().dismissNotice(), { class: 'br-secondary' });
  const bar = el('div', { class: 'br-notice-bar', hidden: true }, text, dismiss);
  const root = el('div', { class: 'br-notice', role: 'alert', 'aria-live': 'assertive', 'aria-label': t('notice.label') }, bar);
  const unsub = watch(store, (s) => s.notice, (notice) => {
    bar.hidden = notice === null;
    setText(text, notice ?? '');
  });
  return { root, destroy() { unsub(); root.remove(); } };
}
