/** The real command, spawned: exit codes, one-line errors, stdout formats, INIT_CWD paths. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { getPreset, PRESET_IDS } from '../../src/scenarios/index';

const root = process.cwd();
const entry = join(root, 'src/cli/sim.ts');

function sim(args: string[], env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', entry, ...args], {
    cwd: root, encoding: 'utf8', env: { ...process.env, INIT_CWD: '', ...env }, timeout: 30_000,
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

const tmp = mkdtempSync(join(tmpdir(), 'sim-cli-'));
writeFileSync(join(tmp, 'broken.json'), '{"id": "x", ');
const badField = { ...getPreset('granovetter-riot'), id: 'bad-field', params: { legitimacy: 'high' } };
writeFileSync(join(tmp, 'bad-field.json'), JSON.stringify(badField));

describe('sim command errors: exit 2, one line on stderr, no stack', () => {
  it.each([
    ['unknown scenario', ['--scenario', 'atlantis'], /unknown scenario 'atlantis'/],
    ['unknown parameter', ['--scenario', 'granovetter-riot', '--set', 'foo=1'], /unknown parameter 'foo' \(see --list-params\)/],
    ['out of range', ['--scenario', 'granovetter-riot', '--set', 'legitimacy=7'], /legitimacy.*out of range/],
    ['malformed JSON file', ['--scenario', join(tmp, 'broken.json')], /malformed JSON/],
    ['scenario with a bad field', ['--scenario', join(tmp, 'bad-field.json')], /legitimacy/],
    ['bad seed', ['--scenario', 'granovetter-riot', '--seed', '-3'], /--seed expects an integer/],
    ['unknown flag', ['--scenario', 'granovetter-riot', '--frobnicate'], /unknown flag '--frobnicate'/],
    ['missing output folder', ['--scenario', 'granovetter-riot', '--out', join(tmp, 'no/such/dir.txt')], /does not exist/],
  ])('%s', (_name, args, msg) => {
    const r = sim(args);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toMatch(/^sim: /);
    expect(r.err).toMatch(msg);
    expect(r.err.trimEnd().split('\n')).toHaveLength(1);
    expect(r.err).not.toMatch(/\n\s+at /);
  });
});

describe('sim command error lines are safe on a terminal', () => {
  it('escapes control characters and cuts a 1 MiB value with its length', () => {
    const esc = sim(['--scenario', '\u001b[31mred\u001b[0m\nforged line']);
    expect(esc.code).toBe(2);
    expect(esc.err).toBe(`sim: unknown scenario '\\x1b[31mred\\x1b[0m\\x0aforged line' (known: ${PRESET_IDS.join(', ')})\n`);
    writeFileSync(join(tmp, 'long-id.json'), JSON.stringify({ ...getPreset('granovetter-riot'), id: 'A'.repeat(1_048_576) }));
    const long = sim(['--scenario', join(tmp, 'long-id.json')]);
    expect(long.code).toBe(2);
    expect(long.err).toMatch(/^sim: .*long-id\.json: id '?A{20,}…\(\d+ chars\).* must use only a-z/);
    expect(long.err).toContain('…(1048578 chars)');
    expect(long.err.length).toBeLessThan(1200);
    expect(long.err.trimEnd().split('\n')).toHaveLength(1);
  });
});

describe('sim command output', () => {
  it('--format json prints exactly one object with the report and series', () => {
    const r = sim(['--scenario', 'epstein-classic', '--seed', '5', '--ticks', '50', '--every', '10', '--format', 'json']);
    expect(r.code).toBe(0);
    expect(r.err).toBe('');
    const o = JSON.parse(r.out);
    for (const k of ['scenario', 'seed', 'params', 'outcome', 'fallCause', 'tippingTick', 'tippingDay', 'ticks', 'summary', 'historical', 'series'])
      expect(o, k).toHaveProperty(k);
    expect(o.ticks).toBe(50);
    expect(o.seed).toBe(5);
    expect(o.series.map((x: { tick: number }) => x.tick)).toEqual([0, 10, 20, 30, 40, 50]);
    for (const k of ['peakActive', 'peakActiveTick', 'defectedShare', 'defectionOccurred', 'detentions']) expect(o.summary).toHaveProperty(k);
  });

  it('csv to --out, relative to INIT_CWD, with a relative scenario path', () => {
    writeFileSync(join(tmp, 'mine.json'), JSON.stringify({ ...getPreset('granovetter-riot'), id: 'mine' }));
    const r = sim(['--scenario', 'mine.json', '--ticks', '7', '--format', 'csv', '--out', 'series.csv'], { INIT_CWD: tmp });
    expect(r.code).toBe(0);
    expect(r.out).toBe('');
    const lines = readFileSync(join(tmp, 'series.csv'), 'utf8').trimEnd().split('\n');
    expect(lines[0]).toMatch(/^tick,date,citizens\.quiet,citizens\.active,/);
    expect(lines[0]).toContain('loyaltyHistogram.9');
    expect(lines).toHaveLength(1 + 8);
  });

  it('summary is the default and is identical run to run', () => {
    const a = sim(['--scenario', 'granovetter-riot', '--seed', '2']);
    expect(a.code).toBe(0);
    expect(a.out).toMatch(/Outcome +stalemate/);
    expect(sim(['--scenario', 'granovetter-riot', '--seed', '2']).out).toBe(a.out);
  });

  it('--help lists the flags and presets; --list-params lists every parameter', () => {
    const h = sim(['--help']);
    expect(h.code).toBe(0);
    for (const f of ['--scenario', '--seed', '--ticks', '--every', '--set', '--format', '--out', '--list-params', 'granovetter-riot', 'minsk-2020'])
      expect(h.out).toContain(f);
    const p = sim(['--list-params', '--format', 'json']);
    expect(p.code).toBe(0);
    const specs = JSON.parse(p.out) as Array<{ key: string }>;
    expect(specs.map((s) => s.key)).toContain('legitimacy');
    const t = sim(['--list-params']);
    expect(t.out.split('\n')[0]).toMatch(/^key +kind +type +group +default +range +unit +help/);
    expect(t.out.split('\n').length).toBeGreaterThan(specs.length);
  });
});

describe('a --set the scenario\'s events replace', () => {
  it('runs, and says on stderr until when the value holds and which event replaces it', () => {
    const r = sim(['--scenario', 'minsk-2020', '--set', 'abuseProbability=0.3', '--set', 'violenceRate=0.02', '--ticks', '1', '--format', 'json']);
    expect(r.code).toBe(0);
    const notes = r.err.split('\n').filter((l) => l.startsWith('note: '));
    expect(notes).toHaveLength(1);
    expect(notes[0]).toMatch(/--set abuseProbability holds only until 2020-08-09 \(day 0\).*sets it to 0\.28/);
    expect(JSON.parse(r.out).params.abuseProbability).toBe(0.3); // the tick-0 value is the user's
  });
});
