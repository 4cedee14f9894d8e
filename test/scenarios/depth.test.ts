import { describe, expect, it } from 'vitest';
import { MAX_JSON_DEPTH, nestingError } from '../../src/scenarios/depth';

const nest = (levels: number, inner: unknown = 1): unknown => {
  let v = inner;
  for (let k = 0; k < levels; k++) v = [v];
  return v;
};

describe('nestingError', () => {
  it('allows exactly MAX_JSON_DEPTH levels and refuses one more', () => {
    expect(MAX_JSON_DEPTH).toBe(64);
    expect(nestingError(nest(64))).toBeNull();
    expect(nestingError(nest(65))).toBe('element [0] nests more than 64 levels deep (at [0][0][0][0][0][0][0][0]…)');
    expect(nestingError(42)).toBeNull();
    expect(nestingError({ a: { b: [1, { c: 2 }] } }, 4)).toBeNull();
    expect(nestingError({ a: { b: [1, { c: 2 }] } }, 3)).toBe("field 'a' nests more than 3 levels deep (at a.b[1])");
  });

  it('names the first deep field, with its path, even 100,000 levels down (no recursion)', () => {
    const doc = { ok: [1, 2], 'odd key': { x: 1 }, rows: [{ run: 0 }, { run: 1, extra: nest(100_000) }] };
    expect(nestingError(doc)).toBe("field 'rows' nests more than 64 levels deep (at rows[1].extra[0][0][0][0][0]…)");
    expect(nestingError({ 'a b': nest(70) })).toBe('field \'a b\' nests more than 64 levels deep (at ["a b"][0][0][0][0][0][0][0]…)');
  });
});
