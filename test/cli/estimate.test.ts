/** Large worlds and ensembles say what they will cost before they start, and past the machine are refused. */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseBatchArgs } from '../../src/cli/batchArgs';
import { buildPlan, largestWorld, shardSize } from '../../src/cli/batchRun';
import { CliError } from '../../src/cli/errors';
import {
  batchEstimate, BYTES_PER_CELL, BYTES_PER_CITIZEN, BYTES_PER_OFFICER, BYTES_PER_POINT, BYTES_PER_TIE, checkBudget, fmtBytes, fmtSeconds, simEstimate, worldBytes, worldOf,
} from '../../src/cli/estimate';
import { getPreset, resolveParams } from '../../src/scenarios/index';

const GIB = 2 ** 30;
const params = (id: string, sets: Array<[string, string]> = []) => resolveParams(getPreset(id), sets);

function budget(e: ReturnType<typeof simEstimate>, force = false, memory = 64 * GIB): string[] {
  const said: string[] = [];
  checkBudget('sim', e, force, (l) => said.push(l), memory);
  return said;
}

describe('estimates from the counts', () => {
  it('counts citizens, officers (the larger of map and national force), cells and ticks', () => {
    const w = worldOf(params('minsk-2020'));
    expect(w).toMatchObject({ citizens: 20_000, officers: 2_600, cells: 10_800, ticks: 2736 }); // minsk-2020: tiesPerOfficer 5
    expect(worldBytes(w)).toBe(20_000 * BYTES_PER_CITIZEN + 2_600 * (BYTES_PER_OFFICER + 5 * BYTES_PER_TIE) + 10_800 * BYTES_PER_CELL);
    expect(BYTES_PER_OFFICER).toBeGreaterThanOrEqual(8 * 2 * 4); // 8 channels × 2 Float32 records, at least
  });

  it('says nothing for the presets', () => {
    for (const id of ['epstein-classic', 'granovetter-riot', 'minsk-2020', 'classroom-discipline', 'classroom-unmasking'])
      expect(budget(simEstimate(params(id), null, 1)), id).toEqual([]);
  });

  it('a 4000×4000 world with 5 M citizens says so before it starts', () => {
    const p = params('epstein-classic', [['gridWidth', '4000'], ['gridHeight', '4000'], ['citizenCount', '5000000']]);
    const said = budget(simEstimate(p, null, 1));
    expect(said).toHaveLength(1);
    expect(said[0]).toMatch(/^sim: estimate: 5,000,000 citizens, 64 officers, 16,000,000 cells, up to 3,000 ticks: about 1\.\d GiB of memory and up to \d+ h \d+ min on one core$/);
  });

  it('past the machine it refuses with one line, unless forced', () => {
    const big = simEstimate(params('epstein-classic', [['gridWidth', '4000'], ['gridHeight', '4000'], ['citizenCount', '5000000']]), null, 1);
    expect(() => budget(big, false, GIB)).toThrow(CliError);
    expect(() => budget(big, false, GIB)).toThrow(/^estimate: 5,000,000 citizens, 64 officers, 16,000,000 cells, up to 3,000 ticks: about 1\.\d GiB of memory .*, more memory than this machine has \(1\.0 GiB\); refused \(--force runs it anyway\)$/);
    expect(budget(big, true, GIB)).toEqual([expect.stringMatching(/\(more memory than this machine has \(1\.0 GiB\); running because of --force\)$/)]);
    const long = simEstimate(params('epstein-classic', [['citizenCount', '100000']]), 100_000_000, 1);
    expect(() => budget(long)).toThrow(/^estimate: 100,000 citizens, 64 officers, 1,600 cells, up to 100,000,000 ticks: about \d+ MiB of memory and up to [\d.]+ days on one core, longer than the 24-hour bound; refused/);
  });

  it('rows are written as they are made: memory does not grow with --ticks, --every or --runs', () => {
    const p = params('epstein-classic');
    expect(simEstimate(p, 100_000_000, 1).bytes).toBe(simEstimate(p, 10, 1).bytes);
    const w = worldOf(p);
    expect(batchEstimate(w, 10_000_000, 2).bytes).toBe(batchEstimate(w, 10, 2).bytes);
    expect(batchEstimate(w, 10, 2, 1000).bytes - batchEstimate(w, 10, 2).bytes).toBe(999 * BYTES_PER_POINT);
  });

  it('--causal: up to twice the time (each run\'s knock-out replay), the same memory', () => {
    const w = worldOf(params('epstein-classic'));
    const [plain, causal] = [batchEstimate(w, 1000, 2), batchEstimate(w, 1000, 2, 1, true)];
    expect(causal.seconds).toBeCloseTo(2 * plain.seconds, 9);
    expect(causal.bytes).toBe(plain.bytes);
    expect(causal.what).toMatch(/each with its knock-out replay \(--causal\)$/);
  });

  it('a 10 M-run campaigns batch is refused for its time; its largest world takes the priors\' maxima', () => {
    const plan = buildPlan(parseBatchArgs(['--scenario', 'campaigns', '--runs', '10000000']), process.cwd());
    const w = largestWorld(plan);
    expect(w).toMatchObject({ citizens: 1500, officers: 400, cells: 900, ticks: 960 });
    const e = batchEstimate(w, shardSize(10_000_000, null), 2);
    expect(() => budget(e)).toThrow(/^estimate: 10,000,000 runs of 1,500 citizens, 400 officers, 900 cells, up to 960 ticks: .* on 2 cores, longer than the 24-hour bound; refused/);
    expect(budget(batchEstimate(w, 1000, 2))).toEqual([]);
    const swept = buildPlan(parseBatchArgs(['--scenario', 'campaigns', '--runs', '2', '--set', 'officerCount=10', '--sweep', 'gridWidth=30:90:30']), process.cwd());
    expect(largestWorld(swept)).toMatchObject({ cells: 90 * 30 });
    expect(shardSize(10, { index: 3, count: 4 })).toBe(2);
    expect(shardSize(2, { index: 3, count: 4 })).toBe(0);
  });

  it('formats sizes and durations', () => {
    expect([fmtBytes(512), fmtBytes(1.5 * GIB), fmtBytes(191 * GIB)]).toEqual(['512 bytes', '1.5 GiB', '191 GiB']);
    expect([fmtSeconds(0.2), fmtSeconds(125), fmtSeconds(4 * 3600 + 300), fmtSeconds(6.8 * 86400)]).toEqual(['1 s', '2 min', '4 h 5 min', '6.8 days']);
  });
});

describe('the commands', () => {
  const run = (entry: string, args: string[]) => spawnSync(process.execPath, ['--import', 'tsx', join(process.cwd(), `src/cli/${entry}.ts`), ...args], {
    cwd: process.cwd(), encoding: 'utf8', env: { ...process.env, INIT_CWD: '' }, timeout: 60_000,
  });

  it('sim and batch refuse past the machine before starting: exit 2, one line with the estimate', () => {
    const s = run('sim', ['--scenario', 'epstein-classic', '--ticks', '100000000', '--set', 'citizenCount=100000']);
    expect([s.status, s.stdout]).toEqual([2, '']);
    expect(s.stderr).toMatch(/^sim: estimate: 100,000 citizens, .* refused \(--force runs it anyway\)\n$/);
    const b = run('batch', ['--scenario', 'campaigns', '--runs', '10000000']);
    expect([b.status, b.stdout]).toEqual([2, '']);
    // Refused for its time here, or for its memory on a smaller machine.
    expect(b.stderr).toMatch(/^batch: estimate: 10,000,000 runs of .*, (longer than the 24-hour bound|more memory than this machine has .*); refused \(--force runs it anyway\)\n$/);
  });
});
