/** merge trusts nothing: every header field it uses and every row is checked, the first bad one named. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { asShard, BatchError, batchResult, mergeShards, resultJson, runOne, scanShard, ShardRows } from '../../src/batch/index';
import { parseBatchArgs } from '../../src/cli/batchArgs';
import { prepareBatch } from '../../src/cli/batchRun';

// 3 runs at each of 2 sweep points over 8 days, in 2 shards: small and quick.
const ARGS = ['--scenario', 'campaigns', '--runs', '3', '--seed', '5', '--set', 'horizonDays=8', '--sweep', 'arrestRate=0.1:0.2:0.1'];
function shardDoc(i: number): Record<string, any> {
  const p = prepareBatch(parseBatchArgs([...ARGS, '--shard', `${i}/2`]), process.cwd());
  return JSON.parse(resultJson(batchResult(p.info, Array.from(p.indices, (g) => runOne(p.plan, g))), { index: i, count: 2 }));
}
const one = shardDoc(1), two = shardDoc(2);
const copy = (): Record<string, any> => structuredClone(one);

/** A byte source over a text, `chunk` bytes at a time. */
function bytes(text: string, chunk = 97) {
  const b = Buffer.from(text, 'utf8');
  let at = 0;
  return (buf: Uint8Array): number => { const n = Math.min(chunk, buf.length, b.length - at); buf.set(b.subarray(at, at + n)); at += n; return n; };
}

/** The message of the BatchError f throws. */
function messageOf(f: () => unknown): string {
  try { f(); } catch (e) {
    expect(e).toBeInstanceOf(BatchError);
    return (e as Error).message;
  }
  throw new Error('expected a BatchError');
}

/** asShard's message for the mutated document; the streaming reader (merge's) must say the same. */
function errorOf(mutate: (d: Record<string, any>) => void): string {
  const d = copy();
  mutate(d);
  const msg = messageOf(() => asShard(d, 's1.json'));
  expect(messageOf(() => scanShard(bytes(JSON.stringify(d)), 's1.json'))).toBe(msg);
  return msg;
}

describe('merge checks shards against the schema', () => {
  it('accepts real shards and merges them', () => {
    const merged = mergeShards([asShard(copy(), 's1.json'), asShard(structuredClone(two), 's2.json')]);
    expect(merged.rows.map((r) => r.run)).toEqual([0, 1, 2, 3, 4, 5]);
  });

  it.each([
    ['a huge batch.total', (d: any) => { d.batch.total = 1e12; }, 's1.json: batch.total must be runs × points (6), got 1000000000000'],
    ['a huge batch.runs', (d: any) => { d.batch.runs = 1e12; }, 's1.json: batch.runs must be an integer from 1 to 10000000, got 1000000000000'],
    ['points that do not match the sweep', (d: any) => { d.batch.points = 3; }, 's1.json: batch.points must be the number of sweep points (2), got 3'],
    ['a sweep of a non-parameter', (d: any) => { d.batch.sweep[0].key = 'nope'; }, 's1.json: batch.sweep[0].key must be a number or integer parameter, got "nope"'],
    ['a bad target', (d: any) => { d.batch.targets.successRate = 7; }, 's1.json: batch.targets.successRate must be a number from 0 to 1, got 7'],
    ['a bad ratio kind', (d: any) => { d.batch.targets.kind = 'hazard'; }, 's1.json: batch.targets.kind must be odds or risk, got "hazard"'],
    ['a bad seed', (d: any) => { d.batch.seed = -1; }, 's1.json: batch.seed must be an integer from 0 to 4294967295, got -1'],
    ['a huge shard count', (d: any) => { d.shard.count = 1e12; }, 's1.json: "shard" must be {index, count} with 1 <= index <= count <= 1000000'],
  ])('refuses %s', (_n, mutate, msg) => {
    expect(errorOf(mutate)).toBe(msg);
  });

  it.each([
    ['a row reduced to {run}', (d: any) => { d.rows[1] = { run: 2 }; }, /^s1\.json: rows\[1\]\.point is missing \(a row of this batch has run, point, seed, legitimacy, /],
    ['markup as the outcome', (d: any) => { d.rows[0].outcome = '<script>alert(1)</script>'; }, /^s1\.json: rows\[0\]\.outcome must be success, failure, stalemate or null, got "<script>alert\(1\)<\/script>"$/],
    ['a fall cause that is not one', (d: any) => { d.rows[0].fallCause = 7; }, /rows\[0\]\.fallCause must be a cause \(force, elite, economy, patron, overwhelm\) or null, got 7$/],
    ['a pivotal cell that names no pillar', (d: any) => { d.rows[0].pivotal = 'force+crowd'; }, /rows\[0\]\.pivotal must be 'none', pillars joined by '\+' \(force, elite, economy, patron\) or null, got "force\+crowd"$/],
    ['an empty strategy', (d: any) => { d.rows[0].strategy = ''; }, /rows\[0\]\.strategy must be a strategy name, got ""$/],
    ['a missing strategy column', (d: any) => { delete d.rows[0].strategy; }, /rows\[0\]\.strategy is missing/],
    ['a fractional tipping tick', (d: any) => { d.rows[0].tippingTick = 1.5; }, /rows\[0\]\.tippingTick must be a non-negative integer or null, got 1\.5$/],
    ['a share above 1', (d: any) => { d.rows[0].peakParticipation = 2; }, /rows\[0\]\.peakParticipation must be a number from 0 to 1, got 2$/],
    ['a share as text', (d: any) => { d.rows[0].violenceShare = '0.1'; }, /rows\[0\]\.violenceShare must be a number from 0 to 1, got "0\.1"$/],
    ['a boolean as text', (d: any) => { d.rows[0].nonviolent = 'yes'; }, /rows\[0\]\.nonviolent must be true or false, got "yes"$/],
    ['a bad parameter value', (d: any) => { d.rows[0].legitimacy = 'high'; }, /rows\[0\]\.legitimacy must be a valid value of parameter 'legitimacy', got "high"$/],
    ['an extra column', (d: any) => { d.rows[0].extra = 1; }, /rows\[0\] has unknown column "extra"/],
    ['columns out of order', (d: any) => { const { run, ...rest } = d.rows[0]; d.rows[0] = { ...rest, run }; }, /rows\[0\]: columns are not in the batch's order/],
    ['a seed that is not the run\'s', (d: any) => { d.rows[0].seed += 1; }, /rows\[0\]\.seed must be run 0's seed \(\d+\), got \d+$/],
    ['a point that is not the run\'s', (d: any) => { d.rows[0].point = 1; }, /rows\[0\]\.point must be run 0's sweep point \(0\), got 1$/],
    ['a run beyond the total', (d: any) => { d.rows[0].run = 6; }, /rows\[0\]\.run must be a run index from 0 to 5, got 6$/],
  ])('refuses %s, naming the file, row and field', (_n, mutate, msg) => {
    expect(errorOf(mutate)).toMatch(msg);
  });

  it('the streaming reader: header, row count and rows of a real shard, in any chunking and with whitespace', () => {
    for (const text of [JSON.stringify(one), JSON.stringify(one, null, 2)]) {
      for (const chunk of [1, 7, 4096]) {
        const scan = scanShard(bytes(text, chunk), 's1.json', 64);
        expect([scan.shard, scan.rows, scan.order]).toEqual([{ index: 1, count: 2 }, 3, null]);
        expect(scan.batch).toEqual(one.batch);
        const rows = new ShardRows(bytes(text, chunk), scan, 64);
        const got = [];
        for (let r = rows.next(); r !== null; r = rows.next()) got.push(r);
        rows.finish();
        expect(got).toEqual(one.rows);
      }
    }
  });

  it.each([
    ['a truncated file', (t: string) => t.slice(0, -40), 's1.json: not JSON (merge reads the output of batch --format json --shard i/n)'],
    ['a syntax error after a bad row', (t: string) => t.replace('"outcome":', '"outcome":"x","o":').replace(/}$/, ',}'), 's1.json: not JSON (merge reads the output of batch --format json --shard i/n)'],
    ['rows before the header', (t: string) => `{"rows":[],${t.slice(1).replace(/"rows":\[.*\],"stats"/, '"stats"')}`, 's1.json: "batch" and "shard" must come before "rows" (as batch --format json writes them)'],
    ['a field twice', (t: string) => t.replace(/}$/, ',"stats":1}'), 's1.json: the field "stats" appears twice'],
    ['a row nested too deep', (t: string) => t.replace('"outcome":', `"outcome":${'['.repeat(70)}${']'.repeat(70)},"x":`), "s1.json: field 'rows' nests more than 64 levels deep (at rows[0].outcome[0][0][0][0][0]…)"],
    ['an endless row', (t: string) => t.replace('"outcome":', `"outcome":"${'x'.repeat(1_100_000)}","x":`), 's1.json: a value longer than 1048576 characters: not a shard of batch --format json'],
  ])('the streaming reader refuses %s', (_n, edit, msg) => {
    expect(messageOf(() => scanShard(bytes(edit(JSON.stringify(one)), 4096), 's1.json'))).toBe(msg);
  });

  it('a shard whose rows are not in run order is refused after the counts are known', () => {
    const d = copy();
    d.rows = [d.rows[1], d.rows[0], d.rows[2]];
    const s1 = scanShard(bytes(JSON.stringify(d)), 's1.json');
    const s2 = scanShard(bytes(JSON.stringify(two)), 's2.json');
    expect(s1.order).toEqual({ at: 0, run: 2 });
    expect(() => mergeShards([asShard(d, 's1.json'), asShard(structuredClone(two), 's2.json')])).toThrow('s1.json: rows[0] is run 2, not run 0 (a shard lists its runs in order)');
    expect(s2.order).toBeNull();
  });

  it('the command: a bad row exits 2 with one line', () => {
    const dir = mkdtempSync(join(tmpdir(), 'merge-bad-'));
    const bad = copy();
    bad.rows[1].outcome = '\u001b[31m<script>';
    writeFileSync(join(dir, 's1.json'), JSON.stringify(bad));
    writeFileSync(join(dir, 's2.json'), JSON.stringify(two));
    const r = spawnSync(process.execPath, ['--import', 'tsx', join(process.cwd(), 'src/cli/merge.ts'), 's1.json', 's2.json'], {
      cwd: process.cwd(), encoding: 'utf8', env: { ...process.env, INIT_CWD: dir }, timeout: 60_000,
    });
    expect([r.status, r.stdout, r.stderr]).toEqual([2, '', 'merge: s1.json: rows[1].outcome must be success, failure, stalemate or null, got "\\x1b[31m<script>"\n']);
  });
});
