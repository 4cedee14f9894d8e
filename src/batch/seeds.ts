/**
 * Seeds of an ensemble. Run r's seed is a hash of (batch seed S, r) alone, so every sweep point
 * reuses the same seeds (common random numbers: the difference between two points is the
 * parameter, not the luck of the draw), and a shard computes any run's seed without the others.
 */

/** MurmurHash3's 32-bit finaliser: a bijection on uint32 with full avalanche. */
export function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/**
 * Seed of run r (0-based) in a batch with seed S: fmix32(fmix32(S ^ golden) + r). For a fixed S
 * the inner value is a constant, adding r is injective mod 2^32 and fmix32 is a bijection, so
 * the first 2^32 runs of a batch never share a seed.
 */
export function runSeed(batchSeed: number, r: number): number {
  return fmix32((fmix32((batchSeed ^ 0x9e3779b9) >>> 0) + r) >>> 0);
}

/** FNV-1a over a string's UTF-16 code units: a short fingerprint for comparing shard inputs. */
export function fingerprint(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16).padStart(8, '0');
}
