/** The batch and merge commands: argument checks, one-line errors, shards + merge = single run. */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseBatchArgs } from '../../src/cli/batchArgs';
import { defectionOnlyScenario } from '../batch/defectionOnly';

const root = process.cwd();

function cmd(entry: 'batch' | 'merge', args: string[], env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', join(root, `src/cli/${entry}.ts`), ...args], {
    cwd: root, encoding: 'utf8', env: { ...process.env, INIT_CWD: '', ...env }, timeout: 60_000,
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

const tmp = mkdtempSync(join(tmpdir(), 'batch-cli-'));
// Small and quick: the campaign world over 8 days, 3 runs at each of 2 sweep points.
const BASE = ['--scenario', 'campaigns', '--runs', '3', '--seed', '5', '--set', 'horizonDays=8', '--sweep', 'arrestRate=0.1:0.2:0.1'];

describe('batch arguments', () => {
  it('--causal is off unless given', () => {
    expect(parseBatchArgs(BASE).causal).toBe(false);
    expect(parseBatchArgs([...BASE, '--causal']).causal).toBe(true);
  });

  it('parses every flag', () => {
    const o = parseBatchArgs([...BASE, '--workers', '2', '--shard', '2/4', '--format=json', '--out', 'x.json', '--multiplier', 'risk', '--priors', 'none']);
    expect(o).toMatchObject({ scenario: 'campaigns', runs: 3, seed: 5, workers: 2, sets: [['horizonDays', '8']], shard: { index: 2, count: 4 },
      format: 'json', out: 'x.json', multiplier: 'risk', priors: 'none' });
    expect(o.sweep).toEqual([{ key: 'arrestRate', values: [0.1, 0.2] }]);
  });

  it.each([
    [['--scenario', 'campaigns'], /missing --runs/],
    [['--runs', '3'], /missing --scenario/],
    [[...BASE, '--shard', '0/3'], /--shard expects i\/n/],
    [[...BASE, '--shard', '4/3'], /--shard expects i\/n/],
    [[...BASE, '--shard', 'half'], /--shard expects i\/n/],
    [[...BASE, '--workers', '0'], /--workers expects an integer from 1/],
    [['--scenario', 'campaigns', '--runs', '2.5'], /--runs expects an integer/],
    [[...BASE, '--multiplier', 'hazard'], /--multiplier expects odds\|risk/],
    [[...BASE, '--sweep', 'torus=0:1:1'], /only number and integer/],
    [[...BASE, '--seed', '1', '--seed', '2'], /--seed given more than once/],
    [[...BASE, '--frobnicate'], /unknown flag '--frobnicate'/],
    [[...BASE, '--causal=yes'], /^--causal takes no value$/],
    [[...BASE, '--causal', '--causal'], /^--causal given more than once$/],
  ])('rejects %j', (args, msg) => {
    expect(() => parseBatchArgs(args)).toThrow(msg);
  });
});

describe('batch and merge commands', () => {
  it.each([
    ['unknown scenario', ['--scenario', 'atlantis', '--runs', '2'], /unknown scenario 'atlantis'/],
    ['unknown parameter', [...BASE, '--set', 'foo=1'], /unknown parameter 'foo'/],
    ['set and swept', [...BASE, '--set', 'arrestRate=0.3'], /'arrestRate' is given both by --set and by --sweep/],
    ['the base breaks a cross-parameter rule', [...BASE, '--set', 'detentionMinDays=30'], /parameter 'detentionMinDays' \(30\) exceeds/],
    // Points (arrestRate, detentionMinDays): the third, (0.1, 20), is the first to break the rule: runs 6-8.
    ['a sweep point breaks it', [...BASE, '--sweep', 'detentionMinDays=10:20:5'], /run 6 \(seed \d+\): parameter 'detentionMinDays' \(20\)/],
    ['missing priors file', [...BASE, '--priors', 'nope.json'], /nope.json: priors file not found/],
    ['bad shard', [...BASE, '--shard', '5/4'], /--shard expects i\/n/],
  ])('batch: %s → exit 2, one line', (_n, args, msg) => {
    const r = cmd('batch', args);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toMatch(/^batch: /);
    expect(r.err).toMatch(msg);
    expect(r.err.trimEnd().split('\n')).toHaveLength(1);
  });

  it('3 shards (1 worker each) merge into the single run on 2 workers, byte for byte', () => {
    const single = cmd('batch', [...BASE, '--format', 'json', '--workers', '2']);
    expect(single.code).toBe(0);
    expect(single.err).toBe('');
    for (const i of [1, 2, 3]) {
      // Relative --out: resolved against INIT_CWD, the folder npm was run from.
      const r = cmd('batch', [...BASE, '--format', 'json', '--workers', '1', '--shard', `${i}/3`, '--out', `s${i}.json`], { INIT_CWD: tmp });
      expect(r.code, r.err).toBe(0);
    }
    const merged = cmd('merge', ['s3.json', 's1.json', 's2.json'], { INIT_CWD: tmp });
    expect(merged.code, merged.err).toBe(0);
    expect(merged.out).toBe(single.out);

    const doc = JSON.parse(single.out);
    expect(Object.keys(doc)).toEqual(['batch', 'rows', 'stats']);
    expect(doc.rows).toHaveLength(6);
    expect(Object.keys(doc.rows[0]).slice(0, 4)).toEqual(['run', 'point', 'seed', 'legitimacy']);
    expect(doc.stats.points.map((p: { values: object }) => p.values)).toEqual([{ arrestRate: 0.1 }, { arrestRate: 0.2 }]);
    expect(single.out).not.toMatch(/NaN|Infinity/);

    const csv = cmd('merge', ['s1.json', 's2.json', 's3.json', '--format', 'csv'], { INIT_CWD: tmp });
    // Parameters (in the priors' order), the metrics, then the columns added since: pivotal, strategy.
    expect(csv.out.split('\n')[0]).toMatch(/^run,point,seed,legitimacy,.*,arrestRate,.*,horizonDays,.*,punishment,outcome,fallCause,fallRoute,tippingTick,.*,nonviolent,pivotal,strategy$/);
    expect(csv.out.trimEnd().split('\n')).toHaveLength(7);

    const partial = cmd('merge', ['s1.json', 's2.json'], { INIT_CWD: tmp });
    expect([partial.code, partial.err]).toEqual([2, 'merge: missing shard 3/3\n']);
    writeFileSync(join(tmp, 'junk.json'), '{"rows": 1');
    const junk = cmd('merge', ['s1.json', 'junk.json'], { INIT_CWD: tmp });
    expect([junk.code, junk.err]).toEqual([2, 'merge: junk.json: not JSON (merge reads the output of batch --format json --shard i/n)\n']);
    expect(readFileSync(join(tmp, 's1.json'), 'utf8')).toMatch(/"shard":\{"index":1,"count":3\}/);
  });

  it('rows stream to standard output as runs finish; a closed pipe (| head) ends it quietly, exit 0', async () => {
    // 20,000 runs of a one-officer, one-day world: far more than one 64 KiB piece of CSV.
    const world = join(tmp, 'one-officer.json');
    writeFileSync(world, JSON.stringify({ id: 'one-officer', title: 'One officer', startDate: '2000-01-01', params: { citizenCount: 0, officerCount: 1,
      nationalForce: 1, unitSize: 1, gridWidth: 4, gridHeight: 4, cellCapacity: 1, scale: 1, hoursPerTick: 24, horizonDays: 1, tiesPerOfficer: 0 } }));
    const child = spawn(process.execPath, ['--import', 'tsx', join(root, 'src/cli/batch.ts'), '--scenario', world, '--runs', '20000', '--format', 'csv', '--workers', '2'], {
      cwd: root, env: { ...process.env, INIT_CWD: '' }, stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '', err = '';
    child.stderr.on('data', (d: Buffer) => { err += d.toString(); });
    // Like head -1: read the header line, then go away.
    child.stdout.on('data', (d: Buffer) => { out += d.toString(); if (out.includes('\n')) child.stdout.destroy(); });
    const code = await new Promise<number | null>((ok) => child.on('close', (c) => ok(c)));
    expect([code, err]).toEqual([0, '']);
    expect(out).toMatch(/^run,seed,outcome,/);
    expect(out.length).toBeLessThan(400_000); // it stopped long before the 20,000 rows (about 1 MB)
  });

  it('summary shows the targets and what they imply', () => {
    const r = cmd('batch', [...BASE, '--workers', '1']);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toMatch(/success multiplier \(odds ratio\)/);
    expect(r.out).toMatch(/53\.0% \(target\) +28\.6% +96\.2% +35\.7%/);
    expect(r.out).toMatch(/Sweep points/);
    expect(r.out).toMatch(/Replay run 0: npm run --silent sim -- --scenario src\/batch\/campaigns\.json --seed \d+ --set legitimacy=/);
  });
});

describe('batch --causal', () => {
  // The world that falls only through defection (test/batch/defectionOnly.ts): stalemates at 0.05, successes by defection at 0.15.
  const world = join(tmp, 'defection-only.json');
  writeFileSync(world, JSON.stringify(defectionOnlyScenario()));
  const ARGS = ['--scenario', world, '--runs', '3', '--seed', '4', '--set', 'landmarkDay=3', '--sweep', 'forcePerProtester=0.05:0.15:0.1'];
  const CAUSAL = ['landmarkUndecided', 'landmarkDefectedShare', 'knockoutSuccess'];

  it('adds the causal columns and stats.causal, and nothing else changes', () => {
    const off = cmd('batch', [...ARGS, '--format', 'json', '--workers', '2']);
    const on = cmd('batch', [...ARGS, '--format', 'json', '--workers', '2', '--causal']);
    expect([off.code, off.err, on.code, on.err]).toEqual([0, '', 0, '']);
    const a = JSON.parse(off.out), b = JSON.parse(on.out);
    expect(Object.hasOwn(a.batch, 'causal')).toBe(false);
    expect(Object.hasOwn(a.stats, 'causal')).toBe(false);
    expect(Object.keys(a.rows[0]).some((k) => CAUSAL.includes(k))).toBe(false);
    // The same batch record but for `causal`, the same rows but for the causal columns, the same figures but for stats.causal.
    const { causal, ...record } = b.batch;
    expect([record, causal]).toEqual([a.batch, { landmarkDay: 3 }]);
    expect(b.rows.map((r: Record<string, unknown>) => Object.fromEntries(Object.entries(r).filter(([k]) => !CAUSAL.includes(k))))).toEqual(a.rows);
    for (const r of b.rows) expect(Object.keys(r).slice(-3)).toEqual(CAUSAL);
    const { causal: figures, points, ...stats } = b.stats;
    const { points: offPoints, ...offStats } = a.stats;
    expect(stats).toEqual(offStats);
    expect(points.map((p: { stats: { causal: unknown } }) => { const { causal: c, ...rest } = p.stats; expect(c).toBeDefined(); return { ...p, stats: rest }; })).toEqual(offPoints);
    expect(Object.keys(figures)).toEqual(['landmarkDay', 'landmark', 'knockout', 'pass']);
    expect(figures.landmark.byThreshold.map((f: { threshold: number }) => f.threshold)).toEqual([0.02, 0.05, 0.1]);
    expect(figures.knockout.difference.value).toBeGreaterThan(0);
    expect(b.rows.filter((r: { outcome: string; nonviolent: boolean }) => r.outcome === 'success' && r.nonviolent)
      .every((r: { knockoutSuccess: boolean }) => r.knockoutSuccess === false)).toBe(true);
  });

  it('rows do not depend on --workers; 2 shards merge into the single run byte for byte; a plain shard is refused', () => {
    const one = cmd('batch', [...ARGS, '--causal', '--format', 'json', '--workers', '1']);
    const two = cmd('batch', [...ARGS, '--causal', '--format', 'json', '--workers', '2']);
    expect([one.code, two.code]).toEqual([0, 0]);
    expect(one.out).toBe(two.out);
    for (const i of [1, 2]) expect(cmd('batch', [...ARGS, '--causal', '--format', 'json', '--shard', `${i}/2`, '--out', `c${i}.json`], { INIT_CWD: tmp }).code).toBe(0);
    const merged = cmd('merge', ['c2.json', 'c1.json'], { INIT_CWD: tmp });
    expect([merged.code, merged.err]).toEqual([0, '']);
    expect(merged.out).toBe(one.out);
    expect(cmd('batch', [...ARGS, '--format', 'json', '--shard', '2/2', '--out', 'p2.json'], { INIT_CWD: tmp }).code).toBe(0);
    const mixed = cmd('merge', ['c1.json', 'p2.json'], { INIT_CWD: tmp });
    expect([mixed.code, mixed.err]).toEqual([2, "merge: p2.json and c1.json come from different batches (they differ in 'causal')\n"]);
    const csv = cmd('batch', [...ARGS, '--causal', '--format', 'csv', '--workers', '1']);
    expect(csv.out.split('\n')[0]).toMatch(/,nonviolent,pivotal,strategy,landmarkUndecided,landmarkDefectedShare,knockoutSuccess$/);
  });

  it('the summary says what the causal figures show', () => {
    const r = cmd('batch', [...ARGS, '--causal', '--workers', '1']);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toMatch(/Does defection make success likelier\?/);
    expect(r.out).toMatch(/Landmark: \d+ runs still undecided at the end of day 3/);
    expect(r.out).toMatch(/Knock-out: .* difference [\d.]+ points \[/);
    expect(r.out).toMatch(/Verdict: .*both: /);
    expect(r.out).not.toMatch(/knockoutSuccess|landmarkUndecided/); // not in the replay line
    expect(cmd('batch', [...ARGS, '--workers', '1']).out).not.toMatch(/Does defection make success likelier/);
  });
});
