/**
 * Store subscription by selector (no Phaser). Works on any zustand StoreApi, with or without the
 * subscribeWithSelector middleware: the listener runs only when the selected slice changes.
 */
import type { StoreApi } from 'zustand/vanilla';

export type Unsubscribe = () => void;

export function watch<S, T>(
  store: StoreApi<S>,
  select: (s: S) => T,
  onChange: (next: T, prev: T | undefined) => void,
  opts: { immediate?: boolean; equals?: (a: T, b: T) => boolean } = {},
): Unsubscribe {
  const equals = opts.equals ?? Object.is;
  let current = select(store.getState());
  if (opts.immediate ?? true) onChange(current, undefined);
  return store.subscribe((state) => {
    const next = select(state);
    if (equals(next, current)) return;
    const prev = current;
    current = next;
    onChange(next, prev);
  });
}

/** Shallow equality of two plain objects (for selectors that build a small object). */
export function shallowEqual<T extends object>(a: T, b: T): boolean {
  if (a === b) return true;
  const ka = Object.keys(a) as (keyof T)[];
  if (ka.length !== Object.keys(b).length) return false;
  return ka.every((k) => Object.is(a[k], b[k]));
}
