/**
 * Small DOM and store helpers shared by the panels: element creation, selector subscriptions that
 * work on any zustand vanilla store, and a frame-rate limiter for anything drawn from the series.
 */
import type { StoreApi } from 'zustand/vanilla';

type Attrs = Record<string, string | number | boolean | null | undefined>;
type Child = Node | string | null | undefined | false;

/** Creates an element; attributes whose value is false, null or undefined are left out. */
export function el<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Attrs = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === false || v === null || v === undefined) continue;
    e.setAttribute(k, v === true ? '' : String(v));
  }
  for (const c of children) if (c !== null && c !== undefined && c !== false) e.append(c);
  return e;
}

/** A `<button type="button">` that calls `onClick`. */
export function button(text: string, onClick: (e: MouseEvent) => void, attrs: Attrs = {}): HTMLButtonElement {
  const b = el('button', { type: 'button', ...attrs }, text);
  b.addEventListener('click', onClick);
  return b;
}

/** Sets text only when it changed (no layout work for identical frames). */
export function setText(node: Element, text: string): void {
  if (node.textContent !== text) node.textContent = text;
}

let uid = 0;
/** A page-unique id with a readable prefix. */
export const uniqueId = (prefix: string): string => `${prefix}-${++uid}`;

const shallowEqual = (a: unknown, b: unknown): boolean => {
  if (Object.is(a, b)) return true;
  if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
  return a.every((x, i) => Object.is(x, b[i]));
};

/**
 * Calls `listener` now and whenever `selector`'s result changes (Object.is, or element-wise when
 * the selector returns an array). Works with and without subscribeWithSelector; returns unsubscribe.
 */
export function watch<S, T>(store: StoreApi<S>, selector: (s: S) => T, listener: (value: T, state: S) => void): () => void {
  let last = selector(store.getState());
  const run = (state: S) => {
    try { listener(last, state); } catch (e) { console.error('[ui] panel update failed', e); }
  };
  run(store.getState());
  return store.subscribe((state) => {
    const next = selector(state);
    if (shallowEqual(next, last)) return;
    last = next;
    run(state);
  });
}

/**
 * Runs `draw` on animation frames, at most `hz` times a second, while the page is visible.
 * Falls back to a timer where there is no requestAnimationFrame (tests).
 */
export function throttledLoop(hz: number, draw: () => void): () => void {
  const minGap = 1000 / hz;
  let last = -Infinity;
  let stopped = false;
  let handle: number | ReturnType<typeof setTimeout> = 0;
  const raf = typeof requestAnimationFrame === 'function';
  const tick = (now: number) => {
    if (stopped) return;
    if (now - last >= minGap) {
      last = now;
      try { draw(); } catch (e) { console.error('[ui] redraw failed', e); }
    }
    handle = raf ? requestAnimationFrame(tick) : setTimeout(() => tick(Date.now()), minGap);
  };
  handle = raf ? requestAnimationFrame(tick) : setTimeout(() => tick(Date.now()), 0);
  return () => {
    stopped = true;
    if (raf) cancelAnimationFrame(handle as number); else clearTimeout(handle as ReturnType<typeof setTimeout>);
  };
}

/**
 * `fn` at most once per `ms` (leading and trailing calls): for panels whose slice changes every
 * frame but whose DOM need not. Returns the throttled function and a cancel.
 */
export function throttle(fn: () => void, ms: number): { call(): void; cancel(): void } {
  let last = -Infinity;
  let timer: ReturnType<typeof setTimeout> | null = null;
  const run = () => { timer = null; last = Date.now(); fn(); };
  return {
    call() {
      if (timer) return;
      const wait = last + ms - Date.now();
      if (wait <= 0) run(); else timer = setTimeout(run, wait);
    },
    cancel() { if (timer) clearTimeout(timer); timer = null; },
  };
}

/** True when a key press should go to the focused control instead of a page shortcut. */
export function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target.tagName === 'TEXTAREA' || target.tagName === 'SELECT') return true;
  if (target.tagName !== 'INPUT') return false;
  const type = (target as HTMLInputElement).type;
  return !['checkbox', 'radio', 'button', 'submit', 'reset'].includes(type);
}

/**
 * A dialog's focus: when it opens, the focus moves into it (to `first()`, or its heading) and
 * Tab stays inside it; when it closes, the focus goes back to what had it before (or to the
 * page's play button when that is gone).
 */
export function focusTrap(root: HTMLElement, first: () => HTMLElement | null): { opened(): void; closed(): void } {
  let back: HTMLElement | null = null;
  const focusables = (): HTMLElement[] => [...root.querySelectorAll<HTMLElement>('button, [href], input, select, textarea, [tabindex]:not([tabindex="-1"])')]
    .filter((e) => !(e as HTMLButtonElement).disabled && e.offsetParent !== null);
  root.addEventListener('keydown', (e) => {
    if (e.key !== 'Tab' || root.hidden || root.getAttribute('aria-modal') !== 'true') return;
    const f = focusables();
    if (f.length === 0) return;
    const i = f.indexOf(document.activeElement as HTMLElement);
    if (e.shiftKey && (i <= 0)) { f[f.length - 1].focus(); e.preventDefault(); }
    else if (!e.shiftKey && i === f.length - 1) { f[0].focus(); e.preventDefault(); }
  });
  return {
    opened() {
      const a = document.activeElement;
      if (a instanceof HTMLElement && !root.contains(a) && a !== document.body) back = a;
      const target = first() ?? root.querySelector<HTMLElement>('h2');
      queueMicrotask(() => target?.focus());
    },
    closed() {
      // Back where the focus was, else the play button, else the first tool that can take it.
      const usable = (e: HTMLElement | null): e is HTMLElement => !!e && e.isConnected && e.offsetParent !== null && !(e as HTMLButtonElement).disabled;
      const to = [back, document.querySelector<HTMLElement>('.br-play'), ...document.querySelectorAll<HTMLElement>('.br-tools button')].find(usable) ?? null;
      back = null;
      if (root.contains(document.activeElement) || document.activeElement === document.body) to?.focus();
    },
  };
}
