/**
 * Seeded random streams. Each rule and each loyalty channel draws from its own stream, derived
 * from (seed, stream name), so switching one channel off cannot shift the draws of another.
 * seedrandom (alea) turns (seed, name) into the 128-bit state of an sfc32 generator (Chris
 * Doty-Humphrey's small fast counting generator, PractRand-clean), which then serves the hot
 * loops several times faster than seedrandom's own generators. Doubles carry 53 random bits.
 */
import seedrandom from 'seedrandom';

export interface Rng {
  /** Uniform double in [0, 1). */
  (): number;
}

export const STREAMS = [
  'init', 'ties', 'order', 'move', 'arrest', 'jail', 'violence', 'decisions', 'regime',
  'ch.backfire', 'ch.threat', 'ch.exposure', 'ch.offers', 'ch.peers', 'ch.momentum', 'ch.accountability', 'ch.regime',
] as const;
export type StreamName = (typeof STREAMS)[number];
export type Streams = Record<StreamName, Rng>;

/**
 * sfc32 with 53-bit doubles (two 32-bit outputs per draw). The state lives in an Int32Array so
 * V8 keeps it unboxed (closure variables above 2^30 would be boxed on every update).
 */
export function sfc32(a: number, b: number, c: number, d: number): Rng {
  const st = new Int32Array([a, b, c, d]);
  const next = (): number => {
    const a0 = st[0], b0 = st[1], c0 = st[2], d0 = st[3];
    const t = (((a0 + b0) | 0) + d0) | 0;
    st[3] = (d0 + 1) | 0;
    st[0] = b0 ^ (b0 >>> 9);
    st[1] = (c0 + (c0 << 3)) | 0;
    st[2] = (((c0 << 21) | (c0 >>> 11)) + t) | 0;
    return t >>> 0;
  };
  for (let k = 0; k < 12; k++) next(); // mix the seed in
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

export function makeStreams(seed: number): Streams {
  const out = {} as Streams;
  for (const name of STREAMS) {
    const seeder = seedrandom.alea(`breaking-ranks:${seed >>> 0}:${name}`);
    const w = () => (seeder.int32() >>> 0);
    out[name] = sfc32(w(), w(), w(), w());
  }
  return out;
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
