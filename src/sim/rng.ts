/**
 * Seeded random streams. Each rule and each loyalty channel draws from its own stream, derived
 * from (seed, stream name), so switching one channel off cannot shift the draws of another.
 * seedrandom (alea) turns (seed, name) into the 128-bit state of an sfc32 generator (Chris
 * Doty-Humphrey's small fast counting generator, PractRand-clean), which then serves the hot
 * loops several times faster than seedrandom's own generators. Doubles carry 53 random bits.
 * Every generator's state lives in one Int32Array of the run's state (4 words per stream), so a
 * snapshot carries it and a restored run continues the same sequences.
 */
import seedrandom from 'seedrandom';

export interface Rng {
  /** Uniform double in [0, 1). */
  (): number;
}

/** Streams of the rules (the loyalty channels add one each: `ch.<channel>`, see rules/loyalty/channels.ts). */
export const RULE_STREAMS = ['init', 'ties', 'order', 'move', 'arrest', 'jail', 'violence', 'decisions', 'regime', 'identify',
  'outreach', 'documentation', 'purge', 'elite'] as const;
export type RuleStream = (typeof RULE_STREAMS)[number];
export type Streams = Record<RuleStream, Rng> & Record<string, Rng>;

/** One sfc32 step on the 4 words at st[0..3]; returns the 32-bit output. */
function step(st: Int32Array): number {
  const a0 = st[0], b0 = st[1], c0 = st[2], d0 = st[3];
  const t = (((a0 + b0) | 0) + d0) | 0;
  st[3] = (d0 + 1) | 0;
  st[0] = b0 ^ (b0 >>> 9);
  st[1] = (c0 + (c0 << 3)) | 0;
  st[2] = (((c0 << 21) | (c0 >>> 11)) + t) | 0;
  return t >>> 0;
}

/** Writes the starting state of stream `name` for `seed` into st[0..3] (12 mixing steps). */
export function seedStream(st: Int32Array, seed: number, name: string): void {
  const seeder = seedrandom.alea(`breaking-ranks:${seed >>> 0}:${name}`);
  for (let k = 0; k < 4; k++) st[k] = seeder.int32();
  for (let k = 0; k < 12; k++) step(st);
}

/**
 * sfc32 with 53-bit doubles (two 32-bit outputs per draw) over a 4-word view. The words stay in
 * the Int32Array so V8 keeps them unboxed (closure variables above 2^30 would be boxed).
 */
export function sfc32View(st: Int32Array): Rng {
  // Two steps inlined (this closure is the hottest function of a large run).
  return () => {
    let a0 = st[0], b0 = st[1], c0 = st[2], d0 = st[3];
    const t1 = (((a0 + b0) | 0) + d0) | 0;
    d0 = (d0 + 1) | 0; a0 = b0 ^ (b0 >>> 9); b0 = (c0 + (c0 << 3)) | 0; c0 = (((c0 << 21) | (c0 >>> 11)) + t1) | 0;
    const t2 = (((a0 + b0) | 0) + d0) | 0;
    st[3] = (d0 + 1) | 0; st[0] = b0 ^ (b0 >>> 9); st[1] = (c0 + (c0 << 3)) | 0; st[2] = (((c0 << 21) | (c0 >>> 11)) + t2) | 0;
    return ((t1 >>> 5) * 67108864 + (t2 >>> 6)) / 9007199254740992;
  };
}

/** The state words of the named streams for a seed: 4 per stream, in the order of `names`. */
export function seedStreams(seed: number, names: readonly string[]): Int32Array {
  const words = new Int32Array(4 * names.length);
  names.forEach((name, i) => seedStream(words.subarray(4 * i, 4 * i + 4), seed, name));
  return words;
}

/** Generators over `words` (seedStreams' layout); they read and write the words in place. */
export function bindStreams(words: Int32Array, names: readonly string[]): Streams {
  const out: Record<string, Rng> = {};
  names.forEach((name, i) => { out[name] = sfc32View(words.subarray(4 * i, 4 * i + 4)); });
  return out as Streams;
}

/** Integer in [0, n). */
export const randInt = (r: Rng, n: number): number => Math.floor(r() * n);

/** Standard normal by Box-Muller (one draw pair per call; deterministic given the stream). */
export function randNormal(r: Rng): number {
  let u = r();
  if (u < 1e-300) u = 1e-300;
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * r());
}

/** Poisson by Knuth's product method: fine for the small means used here (ties per officer). */
export function randPoisson(r: Rng, mean: number): number {
  if (mean <= 0) return 0;
  const l = Math.exp(-mean);
  let k = 0;
  let p = r();
  while (p > l && k < 1000) { k++; p *= r(); }
  return k;
}

export const clamp01 = (x: number): number => (x < 0 ? 0 : x > 1 ? 1 : x);
