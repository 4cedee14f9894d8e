/**
 * Inputs are bounded and checked: regular files (or - for standard input) under 64 MiB, nested at
 * most 64 levels; FIFOs, devices and folders are refused at once with a message.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { getPreset, ScenarioError } from '../../src/scenarios/index';
import { MAX_INPUT_BYTES, readInputText } from '../../src/scenarios/load-node';

const root = process.cwd();
const tmp = mkdtempSync(join(tmpdir(), 'cli-input-'));
const fifo = join(tmp, 'pipe.json');
const hasFifo = spawnSync('mkfifo', [fifo]).status === 0;
const scenarioText = JSON.stringify({ ...getPreset('granovetter-riot'), id: 'from-stdin' });

function cmd(entry: string, args: string[], input?: string) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', join(root, `src/cli/${entry}.ts`), ...args], {
    cwd: root, encoding: 'utf8', env: { ...process.env, INIT_CWD: tmp }, timeout: 60_000, input,
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

const oneLine = (r: { code: number | null; out: string; err: string }, code = 2) => {
  expect(r.code, r.err).toBe(code);
  expect(r.out).toBe('');
  expect(r.err.trimEnd().split('\n')).toHaveLength(1);
};

describe('readInputText', () => {
  it.runIf(hasFifo)('refuses a FIFO at once instead of waiting for a writer', () => {
    expect(() => readInputText(fifo, tmp, 'scenario')).toThrow(ScenarioError);
    expect(() => readInputText(fifo, tmp, 'scenario')).toThrow(/pipe\.json: the scenario file is a FIFO \(named pipe\); give a regular file, or - for standard input/);
  });

  it('refuses devices, folders and files over 64 MiB (a sparse file: nothing is read)', () => {
    expect(() => readInputText('/dev/zero', tmp, 'actions')).toThrow('/dev/zero: the actions file is a character device; give a regular file, or - for standard input');
    mkdirSync(join(tmp, 'folder.json'));
    expect(() => readInputText('folder.json', tmp, 'priors')).toThrow('folder.json: the priors file is a folder');
    const big = join(tmp, 'big.json');
    writeFileSync(big, '');
    truncateSync(big, MAX_INPUT_BYTES + 1);
    expect(() => readInputText(big, tmp, 'calibration')).toThrow(/big\.json: the calibration file is 64\.0 MiB, larger than the 64 MiB an input may have/);
    expect(readInputText(big, tmp, 'shard', Infinity).length).toBe(MAX_INPUT_BYTES + 1); // shards have no cap
    truncateSync(big, 10);
    expect(readInputText('big.json', tmp, 'calibration')).toBe('\0'.repeat(10));
  });
});

describe('the commands refuse unbounded inputs with one line, exit 2', () => {
  it('sim: /dev/zero as the scenario, a FIFO as the actions, a 5,000-deep nesting', () => {
    const zero = cmd('sim', ['--scenario', '/dev/zero']);
    oneLine(zero);
    expect(zero.err).toBe('sim: /dev/zero: the scenario file is a character device; give a regular file, or - for standard input\n');
    if (hasFifo) {
      const f = cmd('sim', ['--scenario', 'granovetter-riot', '--actions', fifo]);
      oneLine(f);
      expect(f.err).toMatch(/the actions file is a FIFO/);
    }
    writeFileSync(join(tmp, 'deep.json'), `{"id": "deep", "params": {"x": ${'['.repeat(5000)}${']'.repeat(5000)}}}`);
    const deep = cmd('sim', ['--scenario', 'deep.json']);
    oneLine(deep);
    expect(deep.err).toBe("sim: deep.json: field 'params' nests more than 64 levels deep (at params.x[0][0][0][0][0][0]…)\n");
  });

  it('batch: /dev/zero as the priors; merge: a deeply nested shard', () => {
    const b = cmd('batch', ['--scenario', 'campaigns', '--runs', '2', '--priors', '/dev/zero']);
    oneLine(b);
    expect(b.err).toMatch(/^batch: \/dev\/zero: the priors file is a character device/);
    writeFileSync(join(tmp, 'deep-shard.json'), `{"batch": {}, "shard": {"index": 1, "count": 1}, "rows": [${'['.repeat(5000)}${']'.repeat(5000)}]}`);
    const m = cmd('merge', ['deep-shard.json']);
    oneLine(m);
    expect(m.err).toBe("merge: deep-shard.json: field 'rows' nests more than 64 levels deep (at rows[0][0][0][0][0][0][0]…)\n");
  });

  it('- reads the scenario from standard input, once', () => {
    const r = cmd('sim', ['--scenario', '-', '--ticks', '2', '--format', 'json'], scenarioText);
    expect(r.code, r.err).toBe(0);
    expect(JSON.parse(r.out).scenario).toBe('from-stdin');
    const twice = cmd('sim', ['--scenario', '-', '--actions', '-'], scenarioText);
    oneLine(twice);
    expect(twice.err).toBe('sim: -: standard input is already the scenario file; give the actions file by name\n');
  });
});
