import { describe, expect, it } from 'vitest';
import { createStore } from 'zustand/vanilla';
import { shallowEqual, watch } from '../../src/view/watch';

describe('watch', () => {
  it('calls back at once and then only when the slice changes; unsubscribes', () => {
    const store = createStore<{ a: number; b: number }>()(() => ({ a: 1, b: 1 }));
    const seen: [number, number | undefined][] = [];
    const off = watch(store, (s) => s.a, (next, prev) => seen.push([next, prev]));
    store.setState({ b: 2 });
    store.setState({ a: 2 });
    off();
    store.setState({ a: 3 });
    expect(seen).toEqual([[1, undefined], [2, 1]]);
  });

  it('compares built slices shallowly when asked', () => {
    const store = createStore<{ a: number; b: number; c: number }>()(() => ({ a: 1, b: 1, c: 1 }));
    let calls = 0;
    watch(store, (s) => ({ a: s.a, b: s.b }), () => calls++, { equals: shallowEqual, immediate: false });
    store.setState({ c: 2 });
    store.setState({ a: 2 });
    expect(calls).toBe(1);
  });
});
