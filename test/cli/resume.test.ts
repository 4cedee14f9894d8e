/**
 * Batches survive interruption: with --out FILE the finished runs are kept in FILE.partial.jsonl
 * as they finish; after an interrupt (the test hook at k runs, a real SIGINT, a lost worker) the
 * command says how many are kept, and --resume writes exactly the bytes of an uninterrupted call.
 */
import { spawn, spawnSync } from 'node:child_process';
import { appendFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseBatchArgs } from '../../src/cli/batchArgs';
import { prepareBatch, writeBatch } from '../../src/cli/batchRun';
import { CliError } from '../../src/cli/errors';
import { runOne } from '../../src/batch/index';

const root = process.cwd();
const entry = join(root, 'src/cli/batch.ts');

function batch(dir: string, args: string[], env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', entry, ...args], {
    cwd: root, encoding: 'utf8', env: { ...process.env, INIT_CWD: dir, ...env }, timeout: 120_000,
  });
  return { code: r.status, signal: r.signal, out: r.stdout, err: r.stderr };
}

// 8 runs at each of 2 sweep points of a small campaign world: 16 runs, a few seconds.
const RUNS = 16;
const ARGS = ['--scenario', 'campaigns', '--runs', '8', '--seed', '3', '--set', 'horizonDays=8', '--sweep', 'arrestRate=0.1:0.2:0.1'];
const dir = mkdtempSync(join(tmpdir(), 'batch-resume-'));
const lines = (file: string): string[] => readFileSync(join(dir, file), 'utf8').split('\n');

/** The uninterrupted output of each format (computed once). */
const reference = new Map<string, string>();
function whole(format: string): string {
  if (!reference.has(format)) {
    const r = batch(dir, [...ARGS, '--format', format, '--workers', '2', '--out', `whole.${format}`]);
    expect([r.code, r.err]).toEqual([0, '']);
    reference.set(format, readFileSync(join(dir, `whole.${format}`), 'utf8'));
    expect(existsSync(join(dir, `whole.${format}.partial.jsonl`))).toBe(false);
  }
  return reference.get(format) as string;
}

const KEPT = /^batch: interrupted \((SIG[A-Z]+)\): (\d+) of 16 runs are kept in (\S+): run the same command with --resume to continue$/m;

describe('an interrupted batch keeps its finished runs and --resume completes it byte for byte', () => {
  it.each([
    [0, 'json', '1', '2'], [1, 'csv', '2', '1'], [RUNS / 2, 'summary', '1', '1'], [RUNS - 1, 'json', '2', '1'],
  ])('stopped after %i runs (%s; workers %s, then %s)', (k, format, workers, resumeWorkers) => {
    const out = `stop${k}.${format}`;
    const args = [...ARGS, '--format', format, '--out', out];
    const r = batch(dir, [...args, '--workers', workers], { BREAKING_RANKS_BATCH_FAULT: `stop-after:${k}` });
    expect(r.signal).toBe('SIGINT');
    expect(r.err.match(KEPT)?.slice(1)).toEqual(['SIGINT', String(k), `${out}.partial.jsonl`]);
    expect(existsSync(join(dir, out))).toBe(false);
    // The record, then k rows, each a whole line.
    const kept = lines(`${out}.partial.jsonl`);
    expect(kept).toHaveLength(k + 2);
    expect(kept[k + 1]).toBe('');
    const record = JSON.parse(kept[0]);
    expect(Object.keys(record)).toEqual(['batch', 'shard', 'format']);
    expect(record.batch).toMatchObject({ modelVersion: expect.any(Number), scenario: 'campaigns', seed: 3, runs: 8, total: RUNS, fingerprint: expect.any(String) });
    expect(record.format).toBe(format);
    expect(kept.slice(1, k + 1).map((l) => JSON.parse(l).run)).toEqual(Array.from({ length: k }, (_, i) => i));
    // No temp file of --out is left behind by the interrupt.
    expect(readdirSync(dir).filter((f) => f.startsWith(`.${out}.`))).toEqual([]);

    const again = batch(dir, [...args, '--resume', '--workers', resumeWorkers]);
    expect([again.code, again.err]).toEqual([0, `batch: resuming: ${k} of 16 runs kept in ${out}.partial.jsonl\n`]);
    expect(readFileSync(join(dir, out), 'utf8')).toBe(whole(format));
    expect(existsSync(join(dir, `${out}.partial.jsonl`))).toBe(false);
  });

  it('a real SIGINT in the middle of the runs', async () => {
    const out = 'sigint.json';
    const args = [...ARGS, '--format', 'json', '--out', out];
    // One worker with 64 runs per point: slow enough to be interrupted in the middle.
    const long = [...args.map((a) => (a === '8' ? '64' : a)), '--workers', '1'];
    const child = spawn(process.execPath, ['--import', 'tsx', entry, ...long], { cwd: root, env: { ...process.env, INIT_CWD: dir }, stdio: ['ignore', 'pipe', 'pipe'] });
    let err = '';
    child.stderr.on('data', (d: Buffer) => { err += d.toString(); });
    const partial = join(dir, `${out}.partial.jsonl`);
    // Interrupted once a few runs are kept.
    for (let waited = 0; !(existsSync(partial) && readFileSync(partial, 'utf8').split('\n').length > 4); waited += 50) {
      if (waited > 100_000) throw new Error('no runs were kept');
      await new Promise((ok) => { setTimeout(ok, 50); });
    }
    child.kill('SIGINT');
    const signal = await new Promise<NodeJS.Signals | null>((ok) => child.on('close', (_c, s) => ok(s)));
    expect(signal).toBe('SIGINT');
    const m = /^batch: interrupted \(SIGINT\): (\d+) of 128 runs are kept in sigint\.json\.partial\.jsonl: run the same command with --resume to continue$/m.exec(err);
    expect(m, err).not.toBeNull();
    const k = Number(m![1]);
    expect(k).toBeGreaterThanOrEqual(3);
    expect(k).toBeLessThan(128);
    expect(lines(`${out}.partial.jsonl`)).toHaveLength(k + 2);

    const again = batch(dir, [...long.slice(0, -2), '--workers', '2', '--resume']);
    expect([again.code, again.err]).toEqual([0, `batch: resuming: ${k} of 128 runs kept in ${out}.partial.jsonl\n`]);
    const ref = batch(dir, [...long.slice(0, -1), '2'].map((a) => (a === out ? 'sigint-whole.json' : a)));
    expect(ref.code).toBe(0);
    expect(readFileSync(join(dir, out), 'utf8')).toBe(readFileSync(join(dir, 'sigint-whole.json'), 'utf8'));
  });

  it('a lost worker: exit 1, one line saying how many runs are kept; --resume on other workers', () => {
    const out = 'lost.json';
    const args = [...ARGS, '--format', 'json', '--out', out];
    const r = batch(dir, [...args, '--workers', '2'], { BREAKING_RANKS_BATCH_FAULT: 'kill-worker-after:2' });
    expect(r.code).toBe(1);
    const m = /^batch: unexpected error: batch worker failed: its thread stopped \(exit code 70\) before the batch finished; (\d+) of 16 runs are kept in lost\.json\.partial\.jsonl: run the same command with --resume to continue\n$/.exec(r.err);
    expect(m, r.err).not.toBeNull();
    expect(lines(`${out}.partial.jsonl`)).toHaveLength(Number(m![1]) + 2);
    const again = batch(dir, [...args, '--workers', '1', '--resume']);
    expect(again.code, again.err).toBe(0);
    expect(readFileSync(join(dir, out), 'utf8')).toBe(whole('json'));
  });
});

describe('what --resume keeps and what it refuses', () => {
  const prepared = (extra: string[] = []) => {
    const o = parseBatchArgs([...ARGS, '--format', 'json', '--out', 'r.json', ...extra]);
    return { o, p: prepareBatch(o, dir) };
  };
  async function run(extra: string[], resume: boolean): Promise<string[]> {
    const { o, p } = prepared(extra);
    const said: string[] = [];
    await writeBatch(p, { workers: 1, format: o.format, shard: o.shard, out: o.out, baseDir: dir, resume, say: (l) => said.push(l) });
    return said;
  }
  /** A partial file as an interrupted call leaves it: the batch record, then the first k rows. */
  function interrupted(k: number): string {
    const { o, p } = prepared();
    const file = join(dir, 'r.json.partial.jsonl');
    const rows = Array.from(p.indices.subarray(0, k), (g) => `${JSON.stringify(runOne(p.plan, g))}\n`);
    writeFileSync(file, `${JSON.stringify({ batch: p.info, shard: o.shard, format: o.format })}\n${rows.join('')}`);
    return file;
  }

  it('drops a torn last line and anything after a row that fails the row checks', async () => {
    rmSync(join(dir, 'r.json'), { force: true });
    const file = interrupted(6);
    appendFileSync(file, '{"run":6,"point":0,"se');
    expect(await run([], true)).toEqual(['batch: resuming: 6 of 16 runs kept in r.json.partial.jsonl']);
    expect(readFileSync(join(dir, 'r.json'), 'utf8')).toBe(whole('json'));

    const again = interrupted(6);
    const rows = readFileSync(again, 'utf8').split('\n');
    rows[4] = rows[4].replace('"outcome":"', '"outcome":"x'); // row 3 (line 5) is no longer a valid row
    writeFileSync(again, rows.join('\n'));
    expect(await run([], true)).toEqual([
      expect.stringMatching(/^batch: r\.json\.partial\.jsonl: line 5 is not a kept row \(rows\[3\]\.outcome must be success, failure, stalemate or null, got "x.*"\): keeping the 3 runs before it$/),
      'batch: resuming: 3 of 16 runs kept in r.json.partial.jsonl',
    ]);
    expect(readFileSync(join(dir, 'r.json'), 'utf8')).toBe(whole('json'));
    expect(existsSync(again)).toBe(false);
  });

  it('refuses, naming the field, anything but --workers that differs; without --resume it will not overwrite kept runs', async () => {
    interrupted(2);
    const refused = async (extra: string[], resume = true) => {
      try { await run(extra, resume); } catch (e) {
        expect(e).toBeInstanceOf(CliError);
        return (e as Error).message;
      }
      throw new Error('expected a refusal');
    };
    // The same call with one flag's value changed.
    const other = async (from: string, to: string) => {
      const args = ARGS.map((a) => (a === from ? to : a));
      const o = parseBatchArgs([...args, '--format', 'json', '--out', 'r.json']);
      try { await writeBatch(prepareBatch(o, dir), { workers: 1, format: o.format, shard: null, out: o.out, baseDir: dir, resume: true, say: () => {} }); } catch (e) {
        return (e as Error).message;
      }
      throw new Error('expected a refusal');
    };
    expect(await other('3', '4')).toBe("cannot resume: the runs kept in r.json.partial.jsonl are of another batch: 'seed' (--seed) differs (kept 3, now 4); give the same flags, or delete it to start over");
    expect(await other('horizonDays=8', 'horizonDays=9')).toMatch(/^cannot resume: .* 'sets' \(--set\) differs \(kept \[\["horizonDays","8"\]\], now \[\["horizonDays","9"\]\]\)/);
    expect(await refused(['--multiplier', 'risk'])).toMatch(/'targets' \(the targets .*\) differs/);
    expect(await refused(['--shard', '1/2'])).toMatch(/'shard' \(--shard\) differs \(kept none, now 1\/2\)/);
    expect(await refused(['--causal'])).toMatch(/'causal' \(--causal\) differs \(kept off, now on, landmark day 10\)/);
    expect(await refused([], false)).toBe('r.json.partial.jsonl holds the runs of an interrupted batch: add --resume to continue it, or delete it to start over');
    const csv = parseBatchArgs([...ARGS, '--format', 'csv', '--out', 'r.json']);
    await expect(writeBatch(prepareBatch(csv, dir), { workers: 1, format: 'csv', shard: null, out: 'r.json', baseDir: dir, resume: true, say: () => {} }))
      .rejects.toThrow("'format' (--format) differs (kept \"json\", now \"csv\")");
    // Still there, untouched, after every refusal.
    expect(lines('r.json.partial.jsonl')).toHaveLength(4);
    expect(() => parseBatchArgs([...ARGS, '--resume'])).toThrow('--resume needs --out FILE (the runs of an interrupted batch are kept in FILE.partial.jsonl)');
    expect(await run([], true)).toEqual(['batch: resuming: 2 of 16 runs kept in r.json.partial.jsonl']);
  });

  it('a --causal batch resumes only with --causal, and then writes exactly the uninterrupted bytes', async () => {
    const write = async (out: string, causal: boolean, resume: boolean) => {
      const o = parseBatchArgs([...ARGS, '--format', 'json', '--out', out, ...(causal ? ['--causal'] : [])]);
      await writeBatch(prepareBatch(o, dir), { workers: 2, format: 'json', shard: null, out, baseDir: dir, resume, say: () => {} });
    };
    await write('causal-whole.json', true, false);
    const { p } = prepared(['--causal']);
    const file = join(dir, 'c.json.partial.jsonl');
    rmSync(join(dir, 'c.json'), { force: true });
    writeFileSync(file, `${JSON.stringify({ batch: p.info, shard: null, format: 'json' })}\n`
      + Array.from(p.indices.subarray(0, 5), (g) => `${JSON.stringify(runOne(p.plan, g))}\n`).join(''));
    await expect(write('c.json', false, true)).rejects.toThrow(/'causal' \(--causal\) differs \(kept on, landmark day 10, now off\)/);
    expect(lines('c.json.partial.jsonl')).toHaveLength(7);
    await write('c.json', true, true);
    expect(readFileSync(join(dir, 'c.json'), 'utf8')).toBe(readFileSync(join(dir, 'causal-whole.json'), 'utf8'));
    expect(readFileSync(join(dir, 'c.json'), 'utf8')).toMatch(/"knockoutSuccess":/);
  });

  it('--resume with nothing kept runs the whole batch (a scheduler can always pass it)', async () => {
    rmSync(join(dir, 'fresh.json'), { force: true });
    const o = parseBatchArgs([...ARGS, '--format', 'json', '--out', 'fresh.json', '--resume']);
    const said: string[] = [];
    await writeBatch(prepareBatch(o, dir), { workers: 2, format: 'json', shard: null, out: 'fresh.json', baseDir: dir, resume: true, say: (l) => said.push(l) });
    expect(said).toEqual(['batch: no runs kept in fresh.json.partial.jsonl: starting from the first run']);
    expect(readFileSync(join(dir, 'fresh.json'), 'utf8')).toBe(whole('json'));
  });
});
