/**
 * npm run bench: performance figures against the targets (not a test: timings flake).
 *   fullScaleMsPerTick    minsk-2020 at 130,000 officers and 500,000 citizens, square vision,
 *                         median tick of the election-night evening peak after a warm-up
 *   classroomMsPerTick    classroom-discipline at its default (classroom) scale, median tick
 *   epsteinTicksPerSecond epstein-classic, median of 3 x 3,000 ticks, each after a 500-tick warm-up
 *   campaignRunsPerSecond the campaigns ensemble (src/batch) on the worker pool, one worker per core,
 *                         pool start-up included (target: 1,000 runs in under a minute)
 *   campaignRunsPerSecondCausal  the same with batch --causal (knock-out replays included)
 *   fps10k, fps100k       page frames per second in headless Chromium, minsk-2020 playing with
 *                         10,000 / 100,000 agents on the map (src/cli/benchFps.ts)
 *   fpsCompare100k        the same with a comparison open: two maps of 50,000 agents each
 *   timelineSeekMs        going back to a random day of a classroom game played to day 30
 * `--json` prints exactly one JSON object on stdout; progress goes to stderr. A part that cannot
 * run reports null (and says why on stderr).
 */
import { advance, createState, type SimState } from '../sim';
import { getPreset, resolveParams } from '../scenarios';
import { safeLine } from '../scenarios/text';
import { measureCompareFps, measureFps, measureSeekMs } from './benchFps';
import { campaignPlan, campaignRate } from './benchCampaigns';
import { flagBlock, parseFlags, type FlagTable } from './flags';
import { print, runCommand } from './output';

export const BENCH_FLAGS: FlagTable = [
  { name: 'json', help: 'Print exactly one JSON object on standard output (progress stays on standard error).' },
  { name: 'help', short: 'h', help: 'Print this help.' },
];

const benchHelp = (): string => [
  'Breaking Ranks: performance figures beside their targets (timings live here, never in the tests).',
  '',
  'Usage: npm run --silent bench -- [--json]',
  '',
  'Flags:',
  ...flagBlock(BENCH_FLAGS),
  '',
].join('\n');

const median = (xs: number[]) => { const s = [...xs].sort((a, b) => a - b); const m = s.length >> 1; return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2; };
const round = (x: number, d = 2) => Math.round(x * 10 ** d) / 10 ** d;
/** Progress and failures on stderr, made safe like every error line (a failure quotes its cause). */
const log = (msg: string) => process.stderr.write(`bench: ${safeLine(msg)}\n`);

function build(id: string, sets: Array<[string, string]>, seed = 1): SimState {
  const sc = getPreset(id);
  return createState(sc, resolveParams(sc, sets), seed);
}

function timeTicks(s: SimState, n: number): number[] {
  const out: number[] = [];
  for (let k = 0; k < n; k++) { const t = performance.now(); advance(s, 1); out.push(performance.now() - t); }
  return out;
}

export function fullScale(): number {
  log('full scale: building minsk-2020 with 130,000 officers and 500,000 citizens ...');
  const s = build('minsk-2020', [['scale', '1'], ['citizenCount', '500000'], ['officerCount', '130000'], ['nationalForce', '130000'], ['visionShape', 'square']]);
  // Election night, 9 August 2020 (a Sunday): warm up through the afternoon, time the evening.
  advance(s, 18);
  const times = timeTicks(s, 5);
  log(`full scale: evening ticks ${times.map((t) => t.toFixed(1)).join(', ')} ms; active ${s.counts.citizens[1]}`);
  return round(median(times));
}

export function classroom(): number {
  log('classroom: classroom-discipline at its default scale ...');
  const s = build('classroom-discipline', []);
  advance(s, 24 * 2 + 18);
  const times = timeTicks(s, 24);
  log(`classroom: ${s.c.n} citizens, ${s.o.n} officers`);
  return round(median(times), 3);
}

export function epstein(): number {
  log('epstein-classic: 500 warm-up ticks, then 3 x 3,000 timed (median) ...');
  const rates: number[] = [];
  for (let rep = 0; rep < 3; rep++) {
    const s = build('epstein-classic', [], rep + 1);
    advance(s, 500);
    const t = performance.now();
    advance(s, 3000);
    rates.push(3000 / ((performance.now() - t) / 1000));
  }
  log(`epstein-classic: ${rates.map((r) => Math.round(r)).join(', ')} ticks/s`);
  return Math.round(median(rates));
}

function attempt(name: string, f: () => number): number | null {
  try { return f(); } catch (e) { log(`${name} could not run: ${(e as Error).message}`); return null; }
}

async function main(argv: string[]): Promise<number> {
  const flags = new Set(parseFlags(argv, BENCH_FLAGS).flags.map((f) => f.name));
  if (flags.has('help')) { print(benchHelp()); return 0; }
  const json = flags.has('json');
  // Small worlds first: the 630,000-agent state's garbage would otherwise be collected during their timing.
  const epsteinTicksPerSecond = attempt('epsteinTicksPerSecond', epstein);
  const classroomMsPerTick = attempt('classroomMsPerTick', classroom);
  const result = {
    fullScaleMsPerTick: attempt('fullScaleMsPerTick', fullScale),
    classroomMsPerTick,
    epsteinTicksPerSecond,
    campaignRunsPerSecond: await campaignRate(campaignPlan(), log).catch((e: Error) => { log(`campaignRunsPerSecond could not run: ${e.message}`); return null; }),
    campaignRunsPerSecondCausal: await campaignRate(campaignPlan(undefined, true), log)
      .catch((e: Error) => { log(`campaignRunsPerSecondCausal could not run: ${e.message}`); return null; }),
    // Headless Chromium frames per second (src/cli/benchFps.ts); null without Chromium.
    fps10k: await measureFps(10_000),
    fps100k: await measureFps(100_000),
    // A comparison: two maps of 50,000 agents each, side by side.
    fpsCompare100k: await measureCompareFps(50_000),
    timelineSeekMs: await measureSeekMs(),
  };
  if (json) { print(`${JSON.stringify(result)}\n`); return 0; }
  const rows: Array<[string, number | null, string, boolean | null]> = [
    ['fullScaleMsPerTick', result.fullScaleMsPerTick, '<= 20 ms', result.fullScaleMsPerTick === null ? null : result.fullScaleMsPerTick <= 20],
    ['classroomMsPerTick', result.classroomMsPerTick, '(interactive)', null],
    ['epsteinTicksPerSecond', result.epsteinTicksPerSecond, '>= 7,500', result.epsteinTicksPerSecond === null ? null : result.epsteinTicksPerSecond >= 7500],
    ['campaignRunsPerSecond', result.campaignRunsPerSecond, '>= 16.7', result.campaignRunsPerSecond === null ? null : result.campaignRunsPerSecond >= 16.7],
    ['campaignRunsPerSecondCausal', result.campaignRunsPerSecondCausal, '>= 16.7', result.campaignRunsPerSecondCausal === null ? null : result.campaignRunsPerSecondCausal >= 16.7],
    ['fps10k', result.fps10k, '>= 55', result.fps10k === null ? null : result.fps10k >= 55],
    ['fps100k', result.fps100k, '>= 50', result.fps100k === null ? null : result.fps100k >= 50],
    ['fpsCompare100k', result.fpsCompare100k, '>= 50', result.fpsCompare100k === null ? null : result.fpsCompare100k >= 50],
    ['timelineSeekMs', result.timelineSeekMs, '<= 200 ms', result.timelineSeekMs === null ? null : result.timelineSeekMs <= 200],
  ];
  for (const [k, v, target, ok] of rows)
    print(`${k.padEnd(28)} ${String(v ?? 'null').padStart(10)}   target ${target}${ok === null ? '' : ok ? '  met' : '  MISSED'}\n`);
  return 0;
}

void runCommand('bench', () => main(process.argv.slice(2)));
