/**
 * Merges the JSON documents of `batch --shard i/n` runs into the single run's result. Shards must
 * come from the same model and batch (equal `batch` records: modelVersion, scenario, strategy,
 * seed, runs, sweep, targets and input fingerprints), share n, cover 1..n exactly once and hold
 * exactly their own runs; every header field used and every row is checked against the schema
 * first. Anything else is an error (one line naming the file, the row and the field).
 */
import { checkValue, ParamError, PARAM_KEYS, PARAM_SPECS, type ParamKey } from '../sim/index';
import { show } from '../scenarios/check';
import { BatchError } from './errors';
import { MAX_TOTAL_RUNS } from './plan';
import { batchResult, type BatchInfo, type BatchResult, type ShardInfo } from './result';
import { CAUSAL_KEYS, METRIC_KEYS, PIVOTAL_PILLARS, STRATEGY_KEY, type Row } from './rows';
import { runSeed } from './seeds';
import { MAX_AXIS_POINTS, type SweepAxis } from './sweep';
import type { ShardScan } from './shardStream';

export interface ShardDoc { source: string; batch: BatchInfo; shard: ShardInfo; rows: Row[]; }

const isObj = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);
const isIndex = (v: unknown, min: number): v is number => typeof v === 'number' && Number.isInteger(v) && v >= min;
const isShare = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && v >= 0 && v <= 1;
const UINT32_MAX = 4294967295;
const OUTCOMES = ['success', 'failure', 'stalemate'];
/** A fall cause is a short identifier (force, overwhelm, elite, ...): never markup or a long text. */
const CAUSE = /^[a-z][A-Za-z0-9-]{0,39}$/;
/** A pivotal cell: 'none' or pillars joined by '+'. */
const PIVOTAL = new RegExp(`^(none|(${PIVOTAL_PILLARS.join('|')})(\\+(${PIVOTAL_PILLARS.join('|')})){0,${PIVOTAL_PILLARS.length - 1}})$`);

/** True when the schema accepts v as a value of parameter key. */
function isParamValue(key: string, v: unknown): boolean {
  try { checkValue(key, v); return true; } catch (e) {
    if (e instanceof ParamError) return false;
    throw e;
  }
}

/** One line naming the file, the field and what is wrong with it. */
function bad(source: string, path: string, want: string, got: unknown): never {
  throw new BatchError(`${source}: ${path} must be ${want}, got ${show(got)}`);
}

/**
 * The `batch` record's fields that merge and the statistics use, each checked: a shard from
 * elsewhere (or edited) is refused with the field, never trusted into an allocation or a sum.
 */
export function checkHeader(b: Record<string, unknown>, source: string): BatchInfo {
  const f = (k: string) => b[k];
  if (typeof f('scenario') !== 'string' || (f('scenario') as string).trim() === '') bad(source, 'batch.scenario', 'a non-empty string', f('scenario'));
  if (!isIndex(f('seed'), 0) || (f('seed') as number) > UINT32_MAX) bad(source, 'batch.seed', 'an integer from 0 to 4294967295', f('seed'));
  if (!isIndex(f('runs'), 1) || (f('runs') as number) > MAX_TOTAL_RUNS) bad(source, 'batch.runs', `an integer from 1 to ${MAX_TOTAL_RUNS}`, f('runs'));
  const sweep = f('sweep');
  if (!Array.isArray(sweep)) bad(source, 'batch.sweep', 'an array of {key, values}', sweep);
  sweep.forEach((a: unknown, i) => {
    const path = `batch.sweep[${i}]`;
    if (!isObj(a)) bad(source, path, 'an object {key, values}', a);
    const spec = typeof a.key === 'string' && (PARAM_KEYS as readonly string[]).includes(a.key) ? PARAM_SPECS[a.key as ParamKey] : null;
    if (spec === null || (spec.type !== 'number' && spec.type !== 'integer')) bad(source, `${path}.key`, 'a number or integer parameter', a.key);
    if (!Array.isArray(a.values) || a.values.length === 0 || a.values.length > MAX_AXIS_POINTS)
      bad(source, `${path}.values`, `a list of 1 to ${MAX_AXIS_POINTS} numbers`, a.values);
    a.values.forEach((v: unknown, k: number) => { if (typeof v !== 'number' || !Number.isFinite(v)) bad(source, `${path}.values[${k}]`, 'a finite number', v); });
  });
  const points = (sweep as SweepAxis[]).reduce((n, a) => n * a.values.length, 1);
  if (f('points') !== points) bad(source, 'batch.points', `the number of sweep points (${points})`, f('points'));
  const total = (f('runs') as number) * points;
  if (total > MAX_TOTAL_RUNS) throw new BatchError(`${source}: batch.total: ${total} runs exceed the limit of ${MAX_TOTAL_RUNS}`);
  if (f('total') !== total) bad(source, 'batch.total', `runs × points (${total})`, f('total'));
  const sets = f('sets');
  if (!Array.isArray(sets)) bad(source, 'batch.sets', 'an array of [key, value] pairs', sets);
  sets.forEach((kv: unknown, i) => {
    if (!Array.isArray(kv) || kv.length !== 2 || typeof kv[1] !== 'string' || !(PARAM_KEYS as readonly string[]).includes(kv[0] as string))
      bad(source, `batch.sets[${i}]`, 'a [parameter, value text] pair', kv);
  });
  const sampled = f('sampled');
  if (sampled !== null && !(Array.isArray(sampled) && sampled.every((k) => typeof k === 'string' && (PARAM_KEYS as readonly string[]).includes(k))))
    bad(source, 'batch.sampled', 'null or a list of parameter names', sampled);
  const t = f('targets');
  if (!isObj(t)) bad(source, 'batch.targets', 'an object', t);
  // The targets are the batch's target parameters: the schema's own ranges.
  for (const [k, param] of [['successRate', 'targetSuccessRate'], ['defectionShareInSuccesses', 'targetDefectionShareInSuccesses'],
    ['successMultiplier', 'targetSuccessMultiplier']] as const) {
    const spec = PARAM_SPECS[param] as { min: number; max: number };
    if (!isParamValue(param, t[k])) bad(source, `batch.targets.${k}`, `a number from ${spec.min} to ${spec.max}`, t[k]);
  }
  if (t.kind !== 'odds' && t.kind !== 'risk') bad(source, 'batch.targets.kind', 'odds or risk', t.kind);
  // What counts as a campaign: the schema's ranges of the three parameters it is made of.
  if (t.campaign !== undefined) {
    const q = t.campaign;
    if (!isObj(q) || Object.keys(q).length !== 3) bad(source, 'batch.targets.campaign', '{minParticipants, representedPopulation, citizensShareOfPopulation}', q);
    for (const [k, param] of [['minParticipants', 'campaignMinParticipants'], ['representedPopulation', 'representedPopulation'],
      ['citizensShareOfPopulation', 'citizensShareOfPopulation']] as const) {
      const spec = PARAM_SPECS[param] as { min: number; max: number };
      if (!isParamValue(param, q[k])) bad(source, `batch.targets.campaign.${k}`, `a number from ${spec.min} to ${spec.max}`, q[k]);
    }
  }
  if (typeof f('fingerprint') !== 'string') bad(source, 'batch.fingerprint', 'a string', f('fingerprint'));
  // Only a --causal batch has it (and its rows the causal columns).
  const causal = f('causal');
  if (causal !== undefined) {
    if (!isObj(causal) || Object.keys(causal).length !== 1) bad(source, 'batch.causal', 'absent or {landmarkDay} (batch --causal)', causal);
    const spec = PARAM_SPECS.landmarkDay as { min: number; max: number };
    if (!isParamValue('landmarkDay', causal.landmarkDay)) bad(source, 'batch.causal.landmarkDay', `an integer from ${spec.min} to ${spec.max}`, causal.landmarkDay);
  }
  return b as unknown as BatchInfo;
}

/** The columns every row of this batch has, in order (as makeRow writes them; with --causal, the causal columns last). */
export function rowColumns(info: BatchInfo): string[] {
  const params = [...new Set([...(info.sampled ?? []), ...info.sets.map(([k]) => k), ...info.sweep.map((a) => a.key)])];
  return ['run', ...(info.sweep.length > 0 ? ['point'] : []), 'seed', ...params, ...METRIC_KEYS, STRATEGY_KEY,
    ...(info.causal !== undefined ? CAUSAL_KEYS : [])];
}

/** Checks one row against the row schema; the first bad field is named. */
export function checkRow(r: unknown, i: number, info: BatchInfo, columns: readonly string[], source: string): Row {
  const at = `rows[${i}]`;
  if (!isObj(r)) bad(source, at, 'a batch row (an object)', r);
  const keys = Object.keys(r);
  if (keys.length !== columns.length || keys.some((k, j) => k !== columns[j])) {
    const missing = columns.find((k) => !Object.hasOwn(r, k));
    if (missing !== undefined) throw new BatchError(`${source}: ${at}.${missing} is missing (a row of this batch has ${columns.join(', ')})`);
    const extra = keys.find((k) => !columns.includes(k));
    if (extra !== undefined) throw new BatchError(`${source}: ${at} has unknown column ${show(extra)} (a row of this batch has ${columns.join(', ')})`);
    throw new BatchError(`${source}: ${at}: columns are not in the batch's order (${columns.join(', ')})`);
  }
  if (!isIndex(r.run, 0) || r.run >= info.total) bad(source, `${at}.run`, `a run index from 0 to ${info.total - 1}`, r.run);
  const replicate = r.run % info.runs, point = Math.floor(r.run / info.runs);
  if (info.sweep.length > 0 && r.point !== point) bad(source, `${at}.point`, `run ${r.run}'s sweep point (${point})`, r.point);
  if (r.seed !== runSeed(info.seed, replicate)) bad(source, `${at}.seed`, `run ${r.run}'s seed (${runSeed(info.seed, replicate)})`, r.seed);
  const tail = METRIC_KEYS.length + 1 + (info.causal !== undefined ? CAUSAL_KEYS.length : 0);
  for (const k of columns.slice(info.sweep.length > 0 ? 3 : 2, columns.length - tail)) {
    if (!isParamValue(k, r[k])) bad(source, `${at}.${k}`, `a valid value of parameter '${k}'`, r[k]);
  }
  if (r.outcome !== null && !OUTCOMES.includes(r.outcome as string)) bad(source, `${at}.outcome`, 'success, failure, stalemate or null', r.outcome);
  if (r.fallCause !== null && !(typeof r.fallCause === 'string' && CAUSE.test(r.fallCause))) bad(source, `${at}.fallCause`, 'a cause (force, elite, economy, patron, overwhelm) or null', r.fallCause);
  if (r.fallRoute !== null && !(typeof r.fallRoute === 'string' && CAUSE.test(r.fallRoute))) bad(source, `${at}.fallRoute`, 'a route (force, overwhelm, elite) or null', r.fallRoute);
  for (const k of ['tippingTick', 'tippingDay'] as const)
    if (r[k] !== null && !isIndex(r[k], 0)) bad(source, `${at}.${k}`, 'a non-negative integer or null', r[k]);
  for (const k of ['peakParticipation', 'defectedShare', 'violenceShare'] as const)
    if (!isShare(r[k])) bad(source, `${at}.${k}`, 'a number from 0 to 1', r[k]);
  for (const k of ['defectionOccurred', 'nonviolent'] as const)
    if (typeof r[k] !== 'boolean') bad(source, `${at}.${k}`, 'true or false', r[k]);
  if (r.pivotal !== null && !(typeof r.pivotal === 'string' && PIVOTAL.test(r.pivotal)))
    bad(source, `${at}.pivotal`, `'none', pillars joined by '+' (${PIVOTAL_PILLARS.join(', ')}) or null`, r.pivotal);
  const st = r[STRATEGY_KEY];
  if (!(typeof st === 'string' && st.trim() !== '' && st.length <= 1000)) bad(source, `${at}.${STRATEGY_KEY}`, 'a strategy name', st);
  if (info.causal !== undefined) {
    if (typeof r.landmarkUndecided !== 'boolean') bad(source, `${at}.landmarkUndecided`, 'true or false', r.landmarkUndecided);
    if (!isShare(r.landmarkDefectedShare)) bad(source, `${at}.landmarkDefectedShare`, 'a number from 0 to 1', r.landmarkDefectedShare);
    if (r.nonviolent === true ? typeof r.knockoutSuccess !== 'boolean' : r.knockoutSuccess !== null)
      bad(source, `${at}.knockoutSuccess`, r.nonviolent === true ? 'true or false (a nonviolent run is replayed)' : 'null (a violent run is not replayed)', r.knockoutSuccess);
  }
  return r as Row;
}

/** Checks that a parsed document is a shard output (header and every row) and returns its parts. */
export function asShard(doc: unknown, source: string): ShardDoc {
  if (!isObj(doc) || !isObj(doc.batch) || !Array.isArray(doc.rows))
    throw new BatchError(`${source}: not a batch JSON output (expected {batch, shard, rows, stats} from --format json)`);
  const sh = doc.shard;
  if (sh === undefined) throw new BatchError(`${source}: not a shard (it has no "shard" field: run batch with --shard i/n)`);
  if (!isObj(sh) || !isIndex(sh.count, 1) || !isIndex(sh.index, 1) || sh.index > sh.count || sh.count > 1_000_000)
    throw new BatchError(`${source}: "shard" must be {index, count} with 1 <= index <= count <= 1000000`);
  const info = checkHeader(doc.batch, source);
  const columns = rowColumns(info);
  const rows = (doc.rows as unknown[]).map((r, i) => checkRow(r, i, info, columns, source));
  return { source, batch: info, shard: { index: sh.index, count: sh.count }, rows };
}

/** Names the first field where two batch records differ, for the error message. */
function firstDifference(a: BatchInfo, b: BatchInfo): string {
  const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])];
  const k = keys.find((key) => JSON.stringify((a as unknown as Record<string, unknown>)[key]) !== JSON.stringify((b as unknown as Record<string, unknown>)[key]));
  return k ?? 'field order';
}

/** The runs shard i/n holds, in order: row k is run (i − 1) + k·n. */
export const shardRun = (shard: ShardInfo, k: number): number => shard.index - 1 + k * shard.count;

/** What merging needs to know of a shard before its rows: header, shard record, row count, order. */
export type ShardHead = Pick<ShardScan, 'source' | 'batch' | 'shard' | 'rows' | 'order'>;

/**
 * Checks that shards make up one batch exactly (one model and batch, one n, every index once,
 * each holding its own runs in order) and returns them in shard order with the batch record.
 */
export function checkShardSet<T extends ShardHead>(shards: readonly T[]): { info: BatchInfo; ordered: T[] } {
  if (shards.length === 0) throw new BatchError('no shard files given');
  const first = shards[0], n = first.shard.count, info = first.batch;
  const ref = JSON.stringify(info);
  const byIndex = new Map<number, T>();
  for (const s of shards) {
    // Rows of different models are different results, even of the same batch.
    if (s.batch.modelVersion !== info.modelVersion)
      throw new BatchError(`${s.source} was made with model ${String(s.batch.modelVersion ?? 'unknown (before versions)')} and ${first.source} with model ${String(info.modelVersion ?? 'unknown (before versions)')}: merge shards of one model only`);
    if (JSON.stringify(s.batch) !== ref)
      throw new BatchError(`${s.source} and ${first.source} come from different batches (they differ in '${firstDifference(s.batch, info)}')`);
    if (s.shard.count !== n) throw new BatchError(`${s.source} is shard ${s.shard.index}/${s.shard.count} but ${first.source} is one of ${n}`);
    const dup = byIndex.get(s.shard.index);
    if (dup !== undefined) throw new BatchError(`${s.source} and ${dup.source} are both shard ${s.shard.index}/${n} (overlapping shards)`);
    byIndex.set(s.shard.index, s);
  }
  const missing = Array.from({ length: n }, (_, i) => i + 1).filter((i) => !byIndex.has(i));
  if (missing.length > 0) throw new BatchError(`missing shard${missing.length > 1 ? 's' : ''} ${missing.map((i) => `${i}/${n}`).join(', ')}`);

  // Every count is checked before any row is placed.
  const total = info.total;
  for (const s of shards) {
    const expected = total > s.shard.index - 1 ? Math.ceil((total - (s.shard.index - 1)) / n) : 0;
    if (s.rows !== expected) throw new BatchError(`${s.source}: shard ${s.shard.index}/${n} should hold ${expected} rows, found ${s.rows}`);
  }
  // Row k of shard i is run (i − 1) + k·n: merging is a round robin over the files.
  for (const s of shards) {
    if (s.order === null) continue;
    const { at, run } = s.order, want = shardRun(s.shard, at);
    if (run >= total || run % n !== s.shard.index - 1) throw new BatchError(`${s.source}: run ${run} does not belong to shard ${s.shard.index}/${n}`);
    throw new BatchError(run < want ? `${s.source}: run ${run} appears twice` : `${s.source}: rows[${at}] is run ${run}, not run ${want} (a shard lists its runs in order)`);
  }
  return { info, ordered: Array.from({ length: n }, (_, i) => byIndex.get(i + 1) as T) };
}

/** Where the rows of run k of shard `s` must be, given the rows in file order (the first misfit). */
function orderOf(s: ShardDoc): ShardHead['order'] {
  for (let k = 0; k < s.rows.length; k++) if (s.rows[k].run !== shardRun(s.shard, k)) return { at: k, run: s.rows[k].run };
  return null;
}

/** Shards held in memory (tests; the page): the same checks as the streaming merge, then the rows in run order. */
export function mergeShards(shards: readonly ShardDoc[]): BatchResult {
  const { info, ordered } = checkShardSet(shards.map((s) => ({ ...s, rows: s.rows.length, order: orderOf(s), doc: s })));
  const n = ordered.length;
  const rows: Row[] = new Array(info.total);
  for (let g = 0; g < info.total; g++) rows[g] = ordered[g % n].doc.rows[Math.floor(g / n)];
  return batchResult(info, rows);
}
