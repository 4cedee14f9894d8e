/** The mechanism check on fixture scenarios: presets teach by situation alone. */
import { describe, expect, it } from 'vitest';
import { loadScenario } from '../../src/scenarios/load-node';
import { mechanismCheck, mechanismKeys, mechanismLine } from '../../src/balance/mechanism';

const clean = loadScenario('test/balance/fixtures/tiny.json', process.cwd());
const dirty = loadScenario('test/balance/fixtures/tiny-mechanism.json', process.cwd());

describe('mechanism check', () => {
  it('finds mechanism keys in params and in events (set and ramp), not situation ones', () => {
    expect(mechanismKeys(clean)).toEqual([]);
    expect(mechanismKeys(dirty)).toEqual(['backfireWeight', 'peersWeight', 'threatWeight']);
  });

  it('names each offending preset and its keys on one line', () => {
    const c = mechanismCheck([clean, dirty]);
    expect(c).toEqual({ ok: false, presets: { 'balance-tiny': [], 'balance-tiny-mechanism': ['backfireWeight', 'peersWeight', 'threatWeight'] } });
    const line = mechanismLine(c);
    expect(line).toMatch(/^mechanism check failed: balance-tiny-mechanism sets backfireWeight, peersWeight, threatWeight \(/);
    expect(line).not.toContain('\n');
    expect(mechanismCheck([clean]).ok).toBe(true);
  });
});
