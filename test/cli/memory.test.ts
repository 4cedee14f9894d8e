/**
 * Output streams, so memory stays bounded whatever --runs or --ticks is: the real commands,
 * spawned, with their peak resident set size over all threads (getrusage at exit, through a
 * preloaded hook). A 1,000,000-run batch of a one-officer, one-day world in JSON and in CSV, the
 * merge of that batch's 2 shards, each at most 300 MB; sim's JSON with its event log, 50,000 vs
 * 400,000 ticks, at most 20 MB apart. These are bounds on memory, not timings; together they take
 * some minutes (most of it the 2,000,000 runs).
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { closeSync, existsSync, mkdtempSync, openSync, readFileSync, readSync, rmSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const root = process.cwd();
const dir = mkdtempSync(join(tmpdir(), 'memory-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const MB = 1024;
const TEN_MINUTES = 10 * 60_000;

/** Runs a command (sim, batch, merge) to its end; its exit code, stderr and peak RSS in KiB. */
function measure(entry: string, args: string[], stdout: 'ignore' | number = 'ignore') {
  const peak = join(dir, `peak-${entry}-${Date.now()}.txt`);
  const r = spawnSync(process.execPath, ['--import', 'tsx', '--import', join(root, 'test/cli/peakRss.mjs'), join(root, `src/cli/${entry}.ts`), ...args], {
    cwd: root, encoding: 'utf8', env: { ...process.env, INIT_CWD: dir, PEAK_RSS_FILE: peak }, timeout: TEN_MINUTES, stdio: ['ignore', stdout, 'pipe'],
  });
  return { code: r.status, err: r.stderr, kib: existsSync(peak) ? Number(readFileSync(peak, 'utf8')) : NaN };
}

/** Reads a file in chunks (never whole: it is hundreds of MB), handing each to f. */
function eachChunk(file: string, f: (b: Buffer) => void): void {
  const fd = openSync(file, 'r');
  const buf = Buffer.allocUnsafe(1 << 20);
  try { for (let n = readSync(fd, buf); n > 0; n = readSync(fd, buf)) f(buf.subarray(0, n)); } finally { closeSync(fd); }
}
const sha = (file: string): string => { const h = createHash('sha256'); eachChunk(file, (b) => h.update(b)); return h.digest('hex'); };
const tail = (file: string, bytes: number): string => {
  const fd = openSync(file, 'r');
  try { const b = Buffer.alloc(bytes); const n = readSync(fd, b, 0, bytes, Math.max(0, statSync(file).size - bytes)); return b.subarray(0, n).toString('utf8'); } finally { closeSync(fd); }
};

// The smallest world a run can be: one officer, nobody else, one day in one tick.
const WORLD = join(dir, 'one-officer.json');
writeFileSync(WORLD, JSON.stringify({
  id: 'one-officer', title: 'One officer, one day', startDate: '2000-01-01',
  params: { citizenCount: 0, officerCount: 1, nationalForce: 1, unitSize: 1, gridWidth: 4, gridHeight: 4, cellCapacity: 1, scale: 1, hoursPerTick: 24, horizonDays: 1, tiesPerOfficer: 0 },
}));
const RUNS = 1_000_000;
const BATCH = ['--scenario', WORLD, '--runs', String(RUNS), '--seed', '9', '--workers', '2'];
const LIMIT = 300 * MB;

describe('memory stays bounded', () => {
  it(`a ${RUNS.toLocaleString('en-US')}-run batch in JSON (with its partial file) and in CSV, each at most 300 MB`, () => {
    const json = measure('batch', [...BATCH, '--format', 'json', '--out', 'big.json']);
    expect([json.code, json.err]).toEqual([0, '']);
    process.stdout.write(`memory: batch of ${RUNS} runs, JSON: peak ${Math.round(json.kib / MB)} MB\n`);
    expect(json.kib).toBeLessThanOrEqual(LIMIT);
    const file = join(dir, 'big.json');
    expect(existsSync(`${file}.partial.jsonl`)).toBe(false);
    expect(tail(file, 16384)).toMatch(new RegExp(`\\{"run":${RUNS - 1},"seed":\\d+,"outcome":"stalemate",.*\\],"stats":\\{"runs":${RUNS},"nonviolentRuns":${RUNS},.*\\}\\}\\n$`));

    const csv = measure('batch', [...BATCH, '--format', 'csv', '--out', 'big.csv']);
    expect([csv.code, csv.err]).toEqual([0, '']);
    process.stdout.write(`memory: batch of ${RUNS} runs, CSV: peak ${Math.round(csv.kib / MB)} MB\n`);
    expect(csv.kib).toBeLessThanOrEqual(LIMIT);
    let lines = 0;
    eachChunk(join(dir, 'big.csv'), (b) => { for (let i = b.indexOf(10); i !== -1; i = b.indexOf(10, i + 1)) lines++; });
    expect(lines).toBe(RUNS + 1);
    expect(tail(join(dir, 'big.csv'), 200)).toMatch(new RegExp(`\\n${RUNS - 1},\\d+,stalemate,,,,,0,0,false,0,true,,scenario\\n$`)); // then pivotal (none: no success) and strategy
  }, 2 * TEN_MINUTES);

  it('the merge of its 2 shards: at most 300 MB, byte for byte the single run', () => {
    // The shards as batch --shard i/2 writes them (its runs i-1, i+1, ..., in order), cut from the
    // single run's file as a stream: merge reads and checks every row and field of each, so its
    // memory is measured on the real thing without making the 10^6 runs twice. (That real shards
    // merge into the single run, byte for byte, is tested on small batches in test/cli/batch.test.ts.)
    const whole = join(dir, 'big.json');
    expect(splitShards(whole, ['shard1.json', 'shard2.json'].map((f) => join(dir, f)))).toBe(RUNS);
    const merged = measure('merge', ['shard1.json', 'shard2.json', '--out', 'merged.json']);
    expect([merged.code, merged.err]).toEqual([0, '']);
    process.stdout.write(`memory: merge of 2 shards of ${RUNS} runs: peak ${Math.round(merged.kib / MB)} MB\n`);
    expect(merged.kib).toBeLessThanOrEqual(LIMIT);
    expect(sha(join(dir, 'merged.json'))).toBe(sha(whole));
  }, TEN_MINUTES);

  it('sim --format json --events: 400,000 ticks take at most 20 MB more than 50,000', () => {
    const devNull = openSync('/dev/null', 'w');
    try {
      const peak = (ticks: number) => {
        const r = measure('sim', ['--scenario', 'epstein-classic', '--ticks', String(ticks), '--format', 'json', '--events'], devNull);
        expect([r.code, r.err]).toEqual([0, '']);
        return r.kib;
      };
      const short = peak(50_000), long = peak(400_000);
      process.stdout.write(`memory: sim epstein-classic JSON with events: 50,000 ticks ${Math.round(short / MB)} MB, 400,000 ticks ${Math.round(long / MB)} MB\n`);
      expect(long - short).toBeLessThanOrEqual(20 * MB);
    } finally { closeSync(devNull); }
  }, 2 * TEN_MINUTES);
});

/**
 * Writes the shards of a batch's JSON file (row k to shard k mod n, each with its own "shard"
 * record; merge ignores a shard's stats, so they are left empty), reading it as a stream; returns
 * the number of rows. A row is a flat object (no braces inside), so rows are found by /{[^{}]*}/.
 * Bytes pass through as latin1, unchanged.
 */
function splitShards(whole: string, files: string[]): number {
  const first = Buffer.alloc(1 << 16);
  const fd0 = openSync(whole, 'r');
  const n0 = readSync(fd0, first, 0, first.length, 0);
  closeSync(fd0);
  const start = first.subarray(0, n0).toString('latin1');
  const head = start.slice(0, start.indexOf('"rows":[') + '"rows":['.length);
  const record = head.slice('{"batch":'.length, head.length - ',"rows":['.length);
  const fds = files.map((f) => openSync(f, 'w'));
  fds.forEach((fd, i) => writeSync(fd, `{"batch":${record},"shard":{"index":${i + 1},"count":${files.length}},"rows":[`, null, 'latin1'));
  let skip = head.length, carry = '', k = 0, done = false;
  eachChunk(whole, (b) => {
    if (done) return;
    let t = carry + b.toString('latin1');
    if (skip > 0) { const cut = Math.min(skip, t.length); t = t.slice(cut); skip -= cut; }
    const end = t.indexOf('],"stats":');
    const body = end >= 0 ? t.slice(0, end) : t;
    const row = /\{[^{}]*\}/g;
    let last = 0;
    for (let m = row.exec(body); m !== null; m = row.exec(body)) {
      writeSync(fds[k % fds.length], (k >= fds.length ? ',' : '') + m[0], null, 'latin1');
      k++;
      last = row.lastIndex;
    }
    carry = end >= 0 ? '' : body.slice(last);
    done = end >= 0;
  });
  for (const fd of fds) { writeSync(fd, '],"stats":{}}\n'); closeSync(fd); }
  return k;
}
