/**
 * Entry of `npm run merge`: reads the JSON outputs of `batch --shard i/n` (every i of one n) and
 * prints what the single run would have printed: byte for byte the same with --format json.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { asShard, BatchError, mergeShards } from '../batch/index';
import { formatBatch } from './batchFormat';
import { mergeHelp, parseMergeArgs } from './mergeArgs';
import { CliError } from './errors';
import { checkOutDir, emit, print, runCommand } from './output';
import { userDir } from './run';

function readShard(path: string, baseDir: string) {
  let text: string;
  try {
    text = readFileSync(resolve(baseDir, path), 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new CliError(code === 'ENOENT' ? `${path}: file not found` : `${path}: cannot read (${code ?? (e as Error).message})`);
  }
  let doc: unknown;
  try { doc = JSON.parse(text); } catch { throw new BatchError(`${path}: not JSON (merge reads the output of batch --format json --shard i/n)`); }
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
