/**
 * Merges the JSON documents of `batch --shard i/n` runs into the single run's result. Shards must
 * come from the same model and batch (equal `batch` records: modelVersion, scenario, strategy,
 * seed, runs, sweep, targets and input fingerprints), share n, cover 1..n exactly once and hold exactly their own runs; anything else
 * is an error naming the file.
 */
import { BatchError } from './errors';
import { batchResult, type BatchInfo, type BatchResult, type ShardInfo } from './result';
import type { Row } from './rows';

export interface ShardDoc { source: string; batch: BatchInfo; shard: ShardInfo; rows: Row[]; }

const isObj = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);
const isIndex = (v: unknown, min: number): v is number => typeof v === 'number' && Number.isInteger(v) && v >= min;

/** Checks that a parsed document is a shard output and returns its parts. */
export function asShard(doc: unknown, source: string): ShardDoc {
  if (!isObj(doc) || !isObj(doc.batch) || !Array.isArray(doc.rows))
    throw new BatchError(`${source}: not a batch JSON output (expected {batch, shard, rows, stats} from --format json)`);
  const sh = doc.shard;
  if (sh === undefined) throw new BatchError(`${source}: not a shard (it has no "shard" field: run batch with --shard i/n)`);
  if (!isObj(sh) || !isIndex(sh.count, 1) || !isIndex(sh.index, 1) || sh.index > sh.count)
    throw new BatchError(`${source}: "shard" must be {index, count} with 1 <= index <= count`);
  const rows = doc.rows as unknown[];
  rows.forEach((r, i) => {
    if (!isObj(r) || !isIndex(r.run, 0)) throw new BatchError(`${source}: rows[${i}] is not a batch row (no run index)`);
  });
  return { source, batch: doc.batch as unknown as BatchInfo, shard: { index: sh.index, count: sh.count }, rows: rows as Row[] };
}

/** Names the first field where two batch records differ, for the error message. */
function firstDifference(a: BatchInfo, b: BatchInfo): string {
  const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])];
  const k = keys.find((key) => JSON.stringify((a as unknown as Record<string, unknown>)[key]) !== JSON.stringify((b as unknown as Record<string, unknown>)[key]));
  return k ?? 'field order';
}

export function mergeShards(shards: readonly ShardDoc[]): BatchResult {
  if (shards.length === 0) throw new BatchError('no shard files given');
  const first = shards[0], n = first.shard.count, info = first.batch;
  const ref = JSON.stringify(info);
  const seen = new Map<number, string>();
  for (const s of shards) {
    // Rows of different models are different results, even of the same batch.
    if (s.batch.modelVersion !== info.modelVersion)
      throw new BatchError(`${s.source} was made with model ${String(s.batch.modelVersion ?? 'unknown (before versions)')} and ${first.source} with model ${String(info.modelVersion ?? 'unknown (before versions)')}: merge shards of one model only`);
    if (JSON.stringify(s.batch) !== ref)
      throw new BatchError(`${s.source} and ${first.source} come from different batches (they differ in '${firstDifference(s.batch, info)}')`);
    if (s.shard.count !== n) throw new BatchError(`${s.source} is shard ${s.shard.index}/${s.shard.count} but ${first.source} is one of ${n}`);
    const dup = seen.get(s.shard.index);
    if (dup !== undefined) throw new BatchError(`${s.source} and ${dup} are both shard ${s.shard.index}/${n} (overlapping shards)`);
    seen.set(s.shard.index, s.source);
  }
  const missing = Array.from({ length: n }, (_, i) => i + 1).filter((i) => !seen.has(i));
  if (missing.length > 0) throw new BatchError(`missing shard${missing.length > 1 ? 's' : ''} ${missing.map((i) => `${i}/${n}`).join(', ')}`);

  const total = info.total;
  const rows: Row[] = new Array(total);
  for (const s of shards) {
    const expected = total > s.shard.index - 1 ? Math.ceil((total - (s.shard.index - 1)) / n) : 0;
    if (s.rows.length !== expected) throw new BatchError(`${s.source}: shard ${s.shard.index}/${n} should hold ${expected} rows, found ${s.rows.length}`);
    for (const r of s.rows) {
      if (r.run >= total || r.run % n !== s.shard.index - 1) throw new BatchError(`${s.source}: run ${r.run} does not belong to shard ${s.shard.index}/${n}`);
      if (rows[r.run] !== undefined) throw new BatchError(`${s.source}: run ${r.run} appears twice`);
      rows[r.run] = r;
    }
  }
  return batchResult(info, rows);
}
