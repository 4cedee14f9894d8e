/**
 * Golden traces: a few scenario + seed runs whose full JSON output is stored under test/golden.
 * A change to the model that alters any of them fails the golden test; when the change is
 * intended, `npm run golden:update` rewrites them (and the diff shows what moved).
 */
import { defaultOptions, type CliOptions } from './args';
import { runSim } from './run';

export interface GoldenCase { name: string; scenario: string; seed: number; ticks: number; every: number; sets?: Array<[string, string]> }

export const GOLDEN_CASES: GoldenCase[] = [
  { name: 'epstein-classic-seed1', scenario: 'epstein-classic', seed: 1, ticks: 300, every: 10 },
  { name: 'granovetter-riot-seed1', scenario: 'granovetter-riot', seed: 1, ticks: 110, every: 1 },
  { name: 'granovetter-riot-perturbed-seed1', scenario: 'granovetter-riot-perturbed', seed: 1, ticks: 20, every: 1 },
  { name: 'minsk-2020-seed7', scenario: 'minsk-2020', seed: 7, ticks: 24 * 6, every: 6 },
  { name: 'classroom-discipline-seed3', scenario: 'classroom-discipline', seed: 3, ticks: 24 * 4, every: 12 },
  { name: 'classroom-unmasking-seed3', scenario: 'classroom-unmasking', seed: 3, ticks: 24 * 4, every: 12 },
];

/** The trace of one case: exactly what `sim --format json --events` prints for it, parsed. */
export function goldenTrace(c: GoldenCase, baseDir: string): unknown {
  const opts: CliOptions = { ...defaultOptions(), scenario: c.scenario, seed: c.seed, ticks: c.ticks, every: c.every,
    sets: c.sets ?? [], format: 'json', events: true };
  const r = runSim(opts, baseDir);
  return JSON.parse(JSON.stringify({ ...r.report, series: r.series, events: r.events }));
}
