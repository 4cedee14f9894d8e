/**
 * Output that never lies: checked writes (a full disk is exit 1 with one line, a closed pipe
 * exit 0 in silence), and --out replaced only when complete (a kill in the middle of the write
 * leaves the old file as it was; mode and symlinks kept; devices written directly).
 */
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, closeSync, existsSync, lstatSync, mkdtempSync, openSync, readdirSync, readFileSync, readlinkSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openSink, WriteError, writeAllTo } from '../../src/cli/sink';

const root = process.cwd();
const entry = join(root, 'src/cli/sim.ts');
const tmp = mkdtempSync(join(tmpdir(), 'sim-out-'));
// About 100 kB of JSON: more than one 64 KiB chunk.
const BIG = ['--scenario', 'epstein-classic', '--ticks', '200', '--format', 'json'];

function sim(args: string[], opts: { env?: Record<string, string>; stdout?: number } = {}) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', entry, ...args], {
    cwd: root, encoding: 'utf8', env: { ...process.env, INIT_CWD: '', ...opts.env }, timeout: 60_000,
    stdio: ['ignore', opts.stdout ?? 'pipe', 'pipe'],
  });
  return { code: r.status, signal: r.signal, out: r.stdout, err: r.stderr };
}

const hasDevFull = existsSync('/dev/full');

describe('checked writes', () => {
  it.runIf(hasDevFull)('standard output on a full disk: exit 1, one line', () => {
    const fd = openSync('/dev/full', 'w');
    try {
      const r = sim(BIG, { stdout: fd });
      expect([r.code, r.err]).toEqual([1, 'sim: cannot write to standard output (ENOSPC: no space left on device)\n']);
    } finally { closeSync(fd); }
  });

  it.runIf(hasDevFull)('--out on a full disk: exit 1, one line; a device is written directly, never renamed over', () => {
    const r = sim([...BIG, '--out', '/dev/full']);
    expect([r.code, r.out, r.err]).toEqual([1, '', "sim: cannot write '/dev/full' (ENOSPC: no space left on device)\n"]);
    const n = sim([...BIG, '--out', '/dev/null']);
    expect([n.code, n.err]).toEqual([0, '']);
    expect(statSync('/dev/null').isCharacterDevice()).toBe(true);
  });

  it('a closed pipe (| head) ends the command quietly with exit 0', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', entry, ...BIG], {
      cwd: root, env: { ...process.env, INIT_CWD: '' }, stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout.destroy(); // the reader is gone before the first byte
    let err = '';
    child.stderr.on('data', (d: Buffer) => { err += d.toString(); });
    const code = await new Promise<number | null>((ok) => child.on('close', (c) => ok(c)));
    expect([code, err]).toEqual([0, '']);
  });
});

describe('--out is replaced only when complete', () => {
  it('a kill in the middle of the write leaves the old file intact', () => {
    const file = join(tmp, 'run.json');
    writeFileSync(file, 'the old result\n');
    const r = sim([...BIG, '--out', file], { env: { BREAKING_RANKS_WRITE_FAULT: 'kill-after-first-chunk' } });
    expect(r.signal).toBe('SIGKILL');
    expect(readFileSync(file, 'utf8')).toBe('the old result\n');
    // What was written went to the temp file beside it (SIGKILL gives no chance to remove it).
    const left = readdirSync(tmp).filter((f) => /^\.run\.json\.\d+\.tmp$/.test(f));
    expect(left).toHaveLength(1);
    expect(statSync(join(tmp, left[0])).size).toBeGreaterThanOrEqual(65536);
  });

  it('keeps the old mode and follows a symlink (the link stays a link)', () => {
    const target = join(tmp, 'target.csv'), link = join(tmp, 'link.csv');
    writeFileSync(target, 'old\n');
    chmodSync(target, 0o640);
    symlinkSync('target.csv', link);
    const r = sim(['--scenario', 'epstein-classic', '--ticks', '3', '--format', 'csv', '--out', link]);
    expect([r.code, r.err]).toEqual([0, '']);
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readlinkSync(link)).toBe('target.csv');
    expect(readFileSync(target, 'utf8')).toMatch(/^tick,date,/);
    expect(statSync(target).mode & 0o777).toBe(0o640);
    expect(readdirSync(tmp).filter((f) => f.includes('target.csv.'))).toEqual([]);
  });
});

describe('the sink (open, write chunks, commit or abort)', () => {
  it('commit renames the complete file into place; abort leaves the old one and no temp file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sink-'));
    const file = join(dir, 'a.txt');
    writeFileSync(file, 'old');
    const s = openSink('a.txt', dir);
    s.write('new ');
    expect(readFileSync(file, 'utf8')).toBe('old');
    s.abort();
    s.abort();
    expect(readFileSync(file, 'utf8')).toBe('old');
    expect(readdirSync(dir)).toEqual(['a.txt']);

    const t = openSink('a.txt', dir);
    for (const chunk of ['one ', 'two ', 'x'.repeat(200_000)]) t.write(chunk);
    t.commit();
    expect(readFileSync(file, 'utf8')).toBe(`one two ${'x'.repeat(200_000)}`);
    expect(readdirSync(dir)).toEqual(['a.txt']);

    symlinkSync('made.txt', join(dir, 'dangling.txt'));
    writeAllTo('fresh\n', 'dangling.txt', dir);
    expect(readFileSync(join(dir, 'made.txt'), 'utf8')).toBe('fresh\n');
    expect(lstatSync(join(dir, 'dangling.txt')).isSymbolicLink()).toBe(true);
  });

  it('a folder that vanished before the write is a WriteError naming the file', () => {
    expect(() => writeAllTo('x', join(tmp, 'gone', 'a.txt'), tmp)).toThrow(WriteError);
    expect(() => writeAllTo('x', join(tmp, 'gone', 'a.txt'), tmp)).toThrow(/cannot write '.*gone\/a\.txt' \(ENOENT: no such file or directory\); nothing written/);
  });
});
