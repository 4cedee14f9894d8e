/** The balance and sensitivity commands, spawned on the tiny fixture (2 seeds): output shapes and exit codes. */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = process.cwd();
const tiny = 'test/balance/fixtures/tiny.json', lessons = 'test/balance/fixtures/lessons-tiny.json';

function cmd(name: 'balance' | 'sensitivity', args: string[]) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', join(root, `src/cli/${name}.ts`), ...args], {
    cwd: root, encoding: 'utf8', env: { ...process.env, INIT_CWD: '' }, timeout: 60_000,
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('npm run balance', () => {
  const json = cmd('balance', ['--preset', tiny, '--seeds', '2', '--json', '--workers', '1', '--lessons', lessons]);

  it('prints exactly one JSON object of the documented shape, and exits 0 although a lesson fails', () => {
    expect(json.code).toBe(0);
    expect(json.out.trimEnd().split('\n')).toHaveLength(1);
    const doc = JSON.parse(json.out);
    expect(Object.keys(doc)).toEqual(['presets', 'mechanismCheck', 'lessons', 'run']);
    const p = doc.presets['balance-tiny'];
    expect(Object.keys(p.policies).slice(0, 3)).toEqual(['nothing', 'alone:symbols', 'alone:disciplineTraining']);
    expect(p.policies.nothing).toMatchObject({ runs: 2, success: { value: expect.any(Number), lo: expect.any(Number), hi: expect.any(Number) } });
    expect(p.policies.nothing).toHaveProperty('medianTippingDay');
    expect(p.policies.nothing).toHaveProperty('meanDefectedShare');
    expect(p.effects.symbols).toMatchObject({ quantity: 'defectedShare', mean: expect.any(Number), lo: expect.any(Number), hi: expect.any(Number) });
    expect(p.lessons.map((l: { id: string }) => l.id)).toEqual(['tiny-nothing-fails', 'tiny-best-wins', 'tiny-effect-symbols', 'tiny-effect-courts', 'tiny-amnesty-unmasked']);
    for (const l of p.lessons) expect(l).toHaveProperty('pass');
    expect(p.lessons.find((l: { id: string }) => l.id === 'tiny-effect-courts')).toMatchObject({ status: 'n/a', pass: null });
    expect(doc.mechanismCheck).toEqual({ ok: true, presets: { 'balance-tiny': [] } });
    expect(doc.run.runs).toBeGreaterThan(30);
    expect(json.err).toMatch(/balance: policy 1 of \d+: balance-tiny nothing/);
  });

  it('--strict exits 1 when a lesson fails; the table says PASS and FAIL', () => {
    const r = cmd('balance', ['--preset', tiny, '--seeds', '2', '--workers', '1', '--lessons', lessons, '--strict']);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/^PASS  tiny-nothing-fails /m);
    expect(r.out).toMatch(/^FAIL  tiny-best-wins /m);
    expect(r.out).toMatch(/^runs: \d+ simulations in /m);
  });

  it('refuses a preset that sets a mechanism parameter: exit 3, one line naming it and its keys, nothing run', () => {
    const r = cmd('balance', ['--preset', tiny, '--preset', 'test/balance/fixtures/tiny-mechanism.json', '--seeds', '1']);
    expect(r.code).toBe(3);
    expect(r.out).toBe('');
    expect(r.err.trimEnd().split('\n')).toHaveLength(1);
    expect(r.err).toMatch(/^balance: mechanism check failed: balance-tiny-mechanism sets backfireWeight, peersWeight, threatWeight /);
  });

  it.each([
    ['an unknown flag', ['--frobnicate'], /unknown flag '--frobnicate'/],
    ['a bad seed count', ['--seeds', '0'], /--seeds expects an integer from 1/],
    ['an unknown preset', ['--preset', 'atlantis'], /unknown scenario 'atlantis'/],
    ['a broken lessons file', ['--preset', tiny, '--lessons', tiny], /unknown field|missing field/],
  ])('exits 2 on %s with one line', (_n, args, msg) => {
    const r = cmd('balance', args);
    expect(r.code).toBe(2);
    expect(r.err.trimEnd().split('\n')).toHaveLength(1);
    expect(r.err).toMatch(msg);
  });
});

describe('npm run sensitivity', () => {
  it('reports each variant against the baseline as one JSON object', () => {
    const r = cmd('sensitivity', ['--preset', tiny, '--seeds', '2', '--keys', 'backfireWeight,peersOn', '--json', '--workers', '1', '--lessons', lessons, '--campaign-runs', '0']);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.out);
    expect(doc.research).toBeNull();
    expect(doc.variants.map((v: { id: string }) => v.id)).toEqual(['backfireWeight:x0.8', 'backfireWeight:x1.2', 'peersOn:flip']);
    expect(doc.variants[0].values['balance-tiny']).toEqual({ from: 0.0315, to: 0.0252, skip: null });
    expect(Object.keys(doc.baseline.figures.lessons)).toContain('tiny-nothing-fails@balance-tiny');
    for (const v of doc.variants) { expect(Array.isArray(v.lessonsToFail)).toBe(true); expect(Array.isArray(v.lessonsToPass)).toBe(true); }
    expect(doc.run.runs).toBeGreaterThan(0);
  });

  it('adds the research figures of each variant on the campaigns ensemble, the same seed for each', () => {
    const r = cmd('sensitivity', ['--preset', tiny, '--seeds', '1', '--keys', 'backfireWeight', '--json', '--workers', '1', '--lessons', lessons, '--campaign-runs', '12']);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.out);
    expect(doc.research).toMatchObject({ runsPerVariant: 12, oddsRatioFloor: 10 });
    for (const f of [doc.research.baseline, ...doc.variants.map((v: { research: unknown }) => v.research)]) {
      expect(f.nonviolentRuns).toBeGreaterThan(0);
      expect(f.nonviolentRuns).toBeLessThanOrEqual(12);
      for (const k of ['successRate', 'defectionShareInSuccesses', 'oddsRatio']) expect(k in f).toBe(true);
    }
    expect(doc.variants.map((v: { oddsRatioBelowFloor: unknown }) => typeof v.oddsRatioBelowFloor === 'boolean' || v.oddsRatioBelowFloor === null)).toEqual([true, true]);
  });

  it('refuses a situation parameter in --keys (exit 2)', () => {
    const r = cmd('sensitivity', ['--preset', tiny, '--keys', 'legitimacy']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/'legitimacy' is a situation parameter/);
  });
});
