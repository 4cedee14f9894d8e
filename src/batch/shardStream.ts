/**
 * Shard files read as streams (merge of shards of any size in bounded memory), in two passes:
 *   scanShard   reads a whole file once and checks it exactly as asShard checks a parsed one:
 *               valid JSON (else "not JSON"), nesting, the document's shape, `shard`, every
 *               header field used and every row, with the same messages in the same order of
 *               precedence; it keeps only the header and the row count.
 *   ShardRows   reads it again, handing out one row at a time (checked again, so what is merged
 *               is what was checked, even if the file changed in between).
 * A row is taken as text (at most MAX_ROW_CHARS) and parsed alone; `stats` and unknown fields are
 * checked and skipped, never held. Browser-safe: bytes come through a ReadBytes callback.
 */
import { MAX_JSON_DEPTH, nestingError } from '../scenarios/depth';
import { BatchError } from './errors';
import { JsonReader, JsonSyntaxError, JsonTooLong, type ReadBytes } from './jsonReader';
import { checkHeader, checkRow, rowColumns, shardRun } from './merge';
import type { BatchInfo, ShardInfo } from './result';
import type { Row } from './rows';

/** What pass 1 keeps of a shard: its header, its shard record and how many rows it holds. */
export interface ShardScan {
  source: string;
  batch: BatchInfo;
  shard: ShardInfo;
  rows: number;
  /** The runs of the rows in file order are not shard's own in order: the first misfit (reported after the counts). */
  order: { at: number; run: number } | null;
}

/** A row is a few hundred bytes; anything past this is not one. */
export const MAX_ROW_CHARS = 1 << 20;
/** The `batch` and `shard` records, as any other input. */
export const MAX_HEADER_CHARS = 64 * (1 << 20);

const isObj = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);
const isIndex = (v: unknown, min: number): v is number => typeof v === 'number' && Number.isInteger(v) && v >= min;

const notJson = (source: string) => new BatchError(`${source}: not JSON (merge reads the output of batch --format json --shard i/n)`);
const notBatch = (source: string) => new BatchError(`${source}: not a batch JSON output (expected {batch, shard, rows, stats} from --format json)`);

/** The checks asShard makes of the `shard` record. */
function checkShard(sh: unknown, source: string): ShardInfo {
  if (sh === undefined) throw new BatchError(`${source}: not a shard (it has no "shard" field: run batch with --shard i/n)`);
  if (!isObj(sh) || !isIndex(sh.count, 1) || !isIndex(sh.index, 1) || sh.index > sh.count || sh.count > 1_000_000)
    throw new BatchError(`${source}: "shard" must be {index, count} with 1 <= index <= count <= 1000000`);
  return { index: sh.index, count: sh.count };
}

/** Pass 1: the whole file, checked; errors are raised in asShard's order of precedence. */
export function scanShard(read: ReadBytes, source: string, chunkBytes?: number): ShardScan {
  const r = new JsonReader(read, chunkBytes);
  // Problems found on the way, raised only once the whole file is known to be JSON.
  let deep: string | null = null;
  let rowError: BatchError | null = null;
  let late: string | null = null;
  let shape = true;
  let batch: unknown, shard: unknown, rowsSeen = false, rowsArray = false, rowsBeforeHeader = false;
  let head: { info: BatchInfo; shard: ShardInfo; columns: string[] } | null = null;
  let headError: BatchError | null = null;
  let count = 0;
  let order: ShardScan['order'] = null;
  const seen = new Set<string>();
  // Too deep: nestingError's own message (the path to the first field too deep), from the value
  // parsed alone inside a document of its field (and, for a row, its place in rows); a skipped
  // field is named only.
  const checkDepth = (field: string, text?: string, at?: number): void => {
    if (deep !== null || r.maxDepthSeen <= MAX_JSON_DEPTH) return;
    if (text === undefined) { deep = `field '${field}' nests more than ${MAX_JSON_DEPTH} levels deep`; return; }
    const v: unknown = JSON.parse(text);
    const place: unknown[] = [];
    if (at !== undefined) place[at] = v;
    deep = nestingError({ [field]: at === undefined ? v : place }, MAX_JSON_DEPTH);
  };
  const header = (): void => {
    if (head !== null || headError !== null) return;
    try {
      if (!isObj(batch)) throw notBatch(source);
      const sh = checkShard(shard, source);
      const info = checkHeader(batch, source);
      head = { info, shard: sh, columns: rowColumns(info) };
    } catch (e) {
      if (!(e instanceof BatchError)) throw e;
      headError = e;
    }
  };
  try {
    if (r.next() !== '{') { shape = false; r.skip(); }
    else {
      r.beginObject();
      for (let key = r.nextKey(); key !== null; key = r.nextKey()) {
        if (seen.has(key)) late ??= `${source}: the field "${key}" appears twice`;
        seen.add(key);
        if (key === 'batch' || key === 'shard') {
          const text = r.text(MAX_HEADER_CHARS);
          checkDepth(key, text);
          const v: unknown = JSON.parse(text);
          if (key === 'batch') batch = v; else shard = v;
        } else if (key === 'rows') {
          rowsSeen = true;
          if (r.next() !== '[') { r.skip(); continue; }
          rowsArray = true;
          if (batch === undefined || shard === undefined) rowsBeforeHeader = true;
          else header();
          r.beginArray();
          for (let k = 0; r.nextElement(); k++) {
            const text = r.text(MAX_ROW_CHARS);
            count++;
            checkDepth('rows', text, k);
            if (head === null || rowError !== null || deep !== null) continue;
            const h: { info: BatchInfo; shard: ShardInfo; columns: string[] } = head;
            try {
              const row = checkRow(JSON.parse(text), k, h.info, h.columns, source);
              if (order === null && row.run !== shardRun(h.shard, k)) order = { at: k, run: row.run };
            } catch (e) {
              if (!(e instanceof BatchError)) throw e;
              rowError = e;
            }
          }
        } else {
          r.skip();
          checkDepth(key);
        }
      }
    }
    r.end();
  } catch (e) {
    if (e instanceof JsonSyntaxError) throw notJson(source);
    if (e instanceof JsonTooLong) throw new BatchError(`${source}: a value longer than ${e.limit} characters: not a shard of batch --format json`);
    throw e;
  }
  if (deep !== null) throw new BatchError(`${source}: ${deep}`);
  if (!shape || !isObj(batch) || !rowsSeen || !rowsArray) throw notBatch(source);
  header();
  if (headError !== null) throw headError;
  if (rowsBeforeHeader) throw new BatchError(`${source}: "batch" and "shard" must come before "rows" (as batch --format json writes them)`);
  if (late !== null) throw new BatchError(late);
  if (rowError !== null) throw rowError;
  const h = head as unknown as { info: BatchInfo; shard: ShardInfo };
  return { source, batch: h.info, shard: h.shard, rows: count, order };
}

const changed = (source: string, what: string) => new BatchError(`${source} changed while merge was reading it (${what})`);

/** Pass 2: the rows of a scanned shard, one at a time, in file order. */
export class ShardRows {
  private readonly r: JsonReader;
  private readonly columns: string[];
  private k = 0;
  private done = false;

  constructor(read: ReadBytes, private readonly scan: ShardScan, chunkBytes?: number) {
    this.r = new JsonReader(read, chunkBytes);
    this.columns = rowColumns(scan.batch);
    this.guard(() => {
      this.r.beginObject();
      for (let key = this.r.nextKey(); key !== null; key = this.r.nextKey()) {
        if (key === 'rows') { this.r.beginArray(); return; }
        if (key === 'batch' || key === 'shard') {
          const now = JSON.stringify(JSON.parse(this.r.text(MAX_HEADER_CHARS)));
          if (now !== JSON.stringify(key === 'batch' ? scan.batch : scan.shard)) throw changed(scan.source, `"${key}" differs`);
        } else this.r.skip();
      }
      throw changed(scan.source, 'no rows');
    });
  }

  private guard<T>(f: () => T): T {
    try { return f(); } catch (e) {
      if (e instanceof JsonSyntaxError || e instanceof JsonTooLong) throw changed(this.scan.source, 'not JSON any more');
      throw e;
    }
  }

  /** The next row (checked), or null after the last one. */
  next(): Row | null {
    if (this.done) return null;
    return this.guard(() => {
      if (!this.r.nextElement()) {
        this.done = true;
        if (this.k !== this.scan.rows) throw changed(this.scan.source, `${this.k} rows, not ${this.scan.rows}`);
        return null;
      }
      const row = checkRow(JSON.parse(this.r.text(MAX_ROW_CHARS)), this.k, this.scan.batch, this.columns, this.scan.source);
      this.k++;
      return row;
    });
  }

  /** After the last row: the rest of the file is still what it was (JSON to its end). */
  finish(): void {
    this.guard(() => {
      while (this.next() !== null) { /* rows the caller did not need: counted above */ }
      for (let key = this.r.nextKey(); key !== null; key = this.r.nextKey()) this.r.skip();
      this.r.end();
    });
  }
}
