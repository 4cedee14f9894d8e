/**
 * Entry of `npm run merge`: reads the JSON outputs of `batch --shard i/n` (every i of one n) and
 * prints what the single run would have printed: byte for byte the same with --format json.
 */
import { asShard, BatchError, mergeShards } from '../batch/index';
import { MAX_JSON_DEPTH, nestingError } from '../scenarios/depth';
import { readInputText } from '../scenarios/load-node';
import { formatBatch } from './batchFormat';
import { mergeHelp, parseMergeArgs } from './mergeArgs';
import { checkOutDir, emit, print, runCommand } from './output';
import { userDir } from './run';

/** A shard file: any size (no 64 MiB cap: shards are big by design), but a regular file or -. */
function readShard(path: string, baseDir: string) {
  const text = readInputText(path, baseDir, 'shard', Infinity);
  let doc: unknown;
  try { doc = JSON.parse(text); } catch { throw new BatchError(`${path}: not JSON (merge reads the output of batch --format json --shard i/n)`); }
  const deep = nestingError(doc, MAX_JSON_DEPTH);
  if (deep !== null) throw new BatchError(`${path}: ${deep}`);
  return asShard(doc, path);
}

function main(argv: string[]): number {
  const opts = parseMergeArgs(argv);
  if (opts.help) { print(mergeHelp()); return 0; }
  const baseDir = userDir();
  checkOutDir(opts.out, baseDir);
  const merged = mergeShards(opts.files.map((f) => readShard(f, baseDir)));
  emit(formatBatch(merged, opts.format, null), opts.out, baseDir);
  return 0;
}

void runCommand('merge', () => main(process.argv.slice(2)));
