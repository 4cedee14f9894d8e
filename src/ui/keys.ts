/**
 * Keyboard shortcuts of the panels and the "?" list of every key on the page. Space (play/pause)
 * belongs to the page shell (src/shell.ts) and + / - / 0 / L / arrows to the map (src/view), so
 * the panels bind only what nobody else does: "." steps, ">" and "<" change speed, "?" shows the
 * list, Escape closes the topmost panel. Keys typed into fields are left alone.
 */
import { button, el, isTyping } from './dom';
import { t, type StringId } from './strings';

export interface KeyHandlers {
  step(): void;
  speed(dir: 1 | -1): void;
  /** Closes the topmost open thing; false when nothing was open. */
  escape(): boolean;
}

/** Every key of the page, for the list (the shell's and the map's included). */
export const KEY_LIST: [string, StringId | string][] = [
  ['Space', 'keys.space'],
  ['.', 'keys.step'],
  ['>', 'keys.faster'],
  ['<', 'keys.slower'],
  ['?', 'keys.help'],
  ['Esc', 'keys.escape'],
  ['+ / −', 'keys.zoom'],
  ['← ↑ → ↓', 'keys.pan'],
  ['0', 'keys.zoomReset'],
  ['L', 'keys.legend'],
];

/** The action a key press asks for, or null. */
export function keyCommand(e: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'altKey'>): 'step' | 'faster' | 'slower' | 'help' | 'escape' | null {
  if (e.ctrlKey || e.metaKey || e.altKey) return null;
  switch (e.key) {
    case '.': return 'step';
    case '>': case ']': return 'faster';
    case '<': case '[': return 'slower';
    case '?': return 'help';
    case 'Escape': case 'Esc': return 'escape';
    default: return null;
  }
}

export function createKeys(h: KeyHandlers): { root: HTMLElement; toggle(): void; isOpen(): boolean; close(): void; destroy(): void } {
  const close = button('×', () => hide(), { class: 'br-close', 'aria-label': t('common.closeNamed', { name: t('keys.title') }) });
  const rows = KEY_LIST.map(([k, id]) => el('tr', {}, el('th', { scope: 'row' }, el('kbd', {}, k)), el('td', {}, id.includes('.') ? t(id as StringId) : id)));
  const root = el('div', { class: 'br-modal', role: 'dialog', 'aria-modal': 'true', 'aria-labelledby': 'br-keys-title', hidden: true },
    el('div', { class: 'br-modal-box' },
      el('div', { class: 'br-panel-head' }, el('h2', { id: 'br-keys-title', tabindex: -1 }, t('keys.title')), close),
      el('table', { class: 'br-table br-keys' }, el('tbody', {}, ...rows)),
      el('p', { class: 'br-muted' }, t('keys.note'))));
  root.addEventListener('click', (e) => { if (e.target === root) hide(); });

  let returnFocus: HTMLElement | null = null;
  function show(): void {
    returnFocus = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    root.hidden = false;
    close.focus();
  }
  function hide(): void {
    if (root.hidden) return;
    root.hidden = true;
    returnFocus?.focus();
  }
  const toggle = () => (root.hidden ? show() : hide());

  const onKey = (e: KeyboardEvent): void => {
    const cmd = keyCommand(e);
    if (!cmd) return;
    if (cmd === 'escape') {
      if (!root.hidden) { hide(); e.preventDefault(); } else if (h.escape()) e.preventDefault();
      return;
    }
    if (isTyping(e.target) || e.defaultPrevented) return;
    if (cmd === 'help') { toggle(); e.preventDefault(); return; }
    if (!root.hidden) return;
    e.preventDefault();
    if (cmd === 'step') h.step();
    else h.speed(cmd === 'faster' ? 1 : -1);
  };
  window.addEventListener('keydown', onKey);
  return { root, toggle, isOpen: () => !root.hidden, close: hide, destroy() { window.removeEventListener('keydown', onKey); root.remove(); } };
}
