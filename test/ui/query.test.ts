import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { DEFAULT_SEED, MAX_SEED, parseQuery, parseSeed, withRun } from '../../src/ui/query';

const IDS = ['alpha', 'beta'] as const;

describe('parseSeed', () => {
  it('accepts every uint32 written in decimal', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: MAX_SEED }), (n) => parseSeed(String(n)) === n));
  });
  it('rejects anything else', () => {
    for (const s of ['', ' ', '-1', '1.5', '1e3', '0x10', 'abc', '4294967296', '99999999999', '12a']) {
      expect(parseSeed(s), s).toBeNull();
    }
  });
});

describe('parseQuery', () => {
  it('uses the defaults when the URL says nothing', () => {
    expect(parseQuery('', IDS)).toEqual({ scenario: 'alpha', seed: DEFAULT_SEED, errors: [] });
  });
  it('takes a known scenario and a valid seed', () => {
    expect(parseQuery('?scenario=beta&seed=42', IDS)).toEqual({ scenario: 'beta', seed: 42, errors: [] });
  });
  it('falls back with a message naming each bad value', () => {
    const q = parseQuery('?scenario=nope&seed=-3', IDS);
    expect(q.scenario).toBe('alpha');
    expect(q.seed).toBe(DEFAULT_SEED);
    expect(q.errors).toHaveLength(2);
    expect(q.errors[0]).toContain('"nope"');
    expect(q.errors[1]).toContain('"-3"');
  });
  it('round-trips through withRun and keeps other parameters', () => {
    const search = withRun('?renderer=canvas&seed=9', { scenario: 'beta', seed: 123 });
    expect(new URLSearchParams(search).get('renderer')).toBe('canvas');
    expect(parseQuery(search, IDS)).toEqual({ scenario: 'beta', seed: 123, errors: [] });
  });
});
