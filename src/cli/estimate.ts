/**
 * What a world or an ensemble will cost, estimated from its counts before anything is allocated:
 * memory from citizens, officers and cells times the bytes each takes (the constants
 * below, the one place these figures live), time from agent-ticks and cell-ticks. A large
 * estimate is printed on stderr first; one past what the machine has (more memory than
 * os.totalmem(), or longer than MAX_SECONDS) is refused unless --force.
 *
 * The byte figures are counted from the model's typed arrays (src/sim/init.ts, world/grid.ts) and
 * rounded up; the time figures are deliberately high (an "up to", a run that is decided early is
 * quicker). Revisit them when the state's layout changes.
 */
import { availableParallelism, totalmem } from 'node:os';
import { gridSize, type Params } from '../sim/index';
import { CliError } from './errors';

/**
 * Per citizen: 37 bytes in the citizen arrays (cell, next, prev, term: Int32; hardship, risk,
 * discipline, outPropensity: Float32; home: Uint16; state, opinion, violent: 8-bit), 4 in the
 * active list and 2 for the home draw at set-up; rounded up.
 */
export const BYTES_PER_CITIZEN = 48;
/**
 * Per officer: 8 channels × 2 Float32 records (channelSum, channelLast) = 64 bytes, loyalty and
 * threshold (Float64) 16, cell, unit, defectTick, tieStart (Int32) 16, five Float32 traits 20,
 * district and abuses (Uint16) 4, six 8-bit flags 6: 122, rounded up. Ties come on top.
 */
export const BYTES_PER_OFFICER = 128;
/** Per tie between an officer and a citizen (tiesPerOfficer of them per officer): one Int32. */
export const BYTES_PER_TIE = 4;
/**
 * Per grid cell: 62 bytes in the grid (six Float64 counts, occupancy, list head, nearest rally
 * point: Int32, district: Uint16), 4 of scratch, 8 for the citizens' per-cell chance, 16 for the
 * neighbourhood sums; rounded up.
 */
export const BYTES_PER_CELL = 96;
/**
 * Rows are not kept: `sim` and `batch` write each as it is made (sim's JSON series waits in a
 * scratch file on disk, not in memory), so memory does not grow with --ticks or --runs. What a
 * batch keeps per sweep point: the statistics' counters (19 × 4 bytes), rounded up.
 */
export const BYTES_PER_POINT = 128;
/** Node, tsx, the loaded code and the heap's slack (a one-officer world measures about 100 MB). */
export const BASE_BYTES = 128 * 2 ** 20;
/** Each worker thread of a batch: its own V8 heap with the model loaded, before its world (about 40 MB measured; a heap's growth on top). */
export const BYTES_PER_WORKER = 64 * 2 ** 20;
/**
 * Time per agent per tick on one core, high on purpose: the national-scale world measures about
 * 30 ns (npm run bench), Epstein's 110 ns, a campaigns run about 250 ns with its set-up.
 */
export const NS_PER_AGENT_TICK = 250;
/** Time per grid cell per tick (neighbourhood sums over the whole grid). */
export const NS_PER_CELL_TICK = 20;

/** From here an estimate is printed before the work starts. */
export const NOTICE_BYTES = 2 ** 30;
export const NOTICE_SECONDS = 10 * 60;
/** Past this a run or an ensemble is refused without --force: a day of computing. */
export const MAX_SECONDS = 24 * 60 * 60;

export interface World { citizens: number; officers: number; cells: number; ticks: number; tiesPerOfficer: number; }

export interface Estimate {
  /** What is estimated, for the message: "5,000,000 citizens, 2,600 officers, ...". */
  what: string;
  bytes: number;
  seconds: number;
  /** Cores the time is spread over. */
  cores: number;
}

/** The counts of the world these parameters build, and its ticks (--ticks, else the horizon). */
export function worldOf(p: Params, ticks: number | null = null): World {
  return {
    citizens: Math.round(p.citizenCount * p.scale),
    officers: Math.max(Math.round(p.officerCount * p.scale), Math.round(p.nationalForce * p.scale)),
    cells: gridSize(p).w * gridSize(p).h,
    ticks: ticks ?? Math.ceil((p.horizonDays * 24) / p.hoursPerTick),
    tiesPerOfficer: p.tiesPerOfficer,
  };
}

export const worldBytes = (w: World): number =>
  w.citizens * BYTES_PER_CITIZEN + w.officers * (BYTES_PER_OFFICER + Math.ceil(w.tiesPerOfficer) * BYTES_PER_TIE) + w.cells * BYTES_PER_CELL;

/** Seconds of one core for one run of the world. */
export const runSeconds = (w: World): number => (w.ticks * ((w.citizens + w.officers) * NS_PER_AGENT_TICK + w.cells * NS_PER_CELL_TICK)) / 1e9;

const int = (n: number): string => Math.round(n).toLocaleString('en-US');
const worldText = (w: World): string =>
  `${int(w.citizens)} citizens, ${int(w.officers)} officers, ${int(w.cells)} cells, up to ${int(w.ticks)} ticks`;

/** One `sim` run (a series row every `every` ticks, written as it is made: it costs no memory). */
export function simEstimate(p: Params, ticks: number | null, _every: number): Estimate {
  const w = worldOf(p, ticks);
  return { what: worldText(w), bytes: BASE_BYTES + worldBytes(w), seconds: runSeconds(w), cores: 1 };
}

/**
 * `runs` runs of the (largest) world on `workers` threads (1 = the main thread; a batch keeping a
 * partial file runs even one worker in a thread), over `points` sweep points; rows are written
 * as they come, not kept. `causal` (batch --causal): a run may be run twice (its knock-out).
 */
export function batchEstimate(w: World, runs: number, workers: number, points = 1, causal = false): Estimate {
  const cores = Math.max(1, Math.min(workers, runs, availableParallelism()));
  const threads = Math.min(workers, runs);
  return {
    what: `${int(runs)} runs of ${worldText(w)}${causal ? ', each with its knock-out replay (--causal)' : ''}`,
    bytes: BASE_BYTES + (threads + 1) * worldBytes(w) + threads * BYTES_PER_WORKER + points * BYTES_PER_POINT,
    seconds: ((causal ? 2 : 1) * runs * runSeconds(w)) / cores,
    cores,
  };
}

export function fmtBytes(n: number): string {
  const units = ['bytes', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB'];
  let k = 0;
  while (n >= 1024 && k < units.length - 1) { n /= 1024; k++; }
  return k === 0 ? `${Math.round(n)} bytes` : `${n < 10 ? n.toFixed(1) : Math.round(n).toLocaleString('en-US')} ${units[k]}`;
}

export function fmtSeconds(s: number): string {
  if (s < 60) return `${Math.max(1, Math.round(s))} s`;
  if (s < 3600) return `${Math.round(s / 60)} min`;
  if (s < 48 * 3600) return `${Math.floor(s / 3600)} h ${Math.round((s % 3600) / 60)} min`;
  return `${(s / 86400).toFixed(1)} days`;
}

/**
 * Prints a large estimate on stderr (via `say`), and refuses one past what the machine has
 * (memory beyond `memory`, time beyond MAX_SECONDS) with one line, unless `force`.
 */
export function checkBudget(command: string, e: Estimate, force: boolean, say: (line: string) => void, memory = totalmem()): void {
  const cost = `about ${fmtBytes(e.bytes)} of memory and up to ${fmtSeconds(e.seconds)}${e.cores > 1 ? ` on ${e.cores} cores` : ' on one core'}`;
  const over = e.bytes > memory ? `more memory than this machine has (${fmtBytes(memory)})`
    : e.seconds > MAX_SECONDS ? `longer than the ${MAX_SECONDS / 3600}-hour bound` : null;
  if (over !== null && !force) throw new CliError(`estimate: ${e.what}: ${cost}, ${over}; refused (--force runs it anyway)`);
  if (over !== null || e.bytes >= NOTICE_BYTES || e.seconds >= NOTICE_SECONDS)
    say(`${command}: estimate: ${e.what}: ${cost}${over !== null ? ` (${over}; running because of --force)` : ''}`);
}
