/**
 * Entry of `npm run merge`: reads the JSON outputs of `batch --shard i/n` (every i of one n) and
 * prints what the single run would have printed: byte for byte the same with --format json.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { asShard, BatchError, mergeShards } from '../batch/index';
import { FORMATS, type Format } from './args';
import { batchHelp } from './batchHelp';
import { formatBatch } from './batchFormat';
import { CliError } from './errors';
import { checkOutDir, emit, runCommand } from './output';
import { userDir } from './run';

interface MergeOptions { files: string[]; format: Format; out: string | null; help: boolean; }

function parseMergeArgs(argv: readonly string[]): MergeOptions {
  const o: MergeOptions = { files: [], format: 'json', out: null, help: false };
  for (let k = 0; k < argv.length; k++) {
    const arg = argv[k];
    if (arg === '--help' || arg === '-h') { o.help = true; continue; }
    if (!arg.startsWith('--')) { o.files.push(arg); continue; }
    const eq = arg.indexOf('=');
    const flag = eq > 0 ? arg.slice(0, eq) : arg;
    if (flag !== '--format' && flag !== '--out') throw new CliError(`unknown flag '${flag}' (merge takes shard files, --format and --out)`);
    const value = eq > 0 ? arg.slice(eq + 1) : argv[++k];
    if (value === undefined || value === '') throw new CliError(`${flag} needs a value`);
    if (flag === '--out') o.out = value;
    else if ((FORMATS as readonly string[]).includes(value)) o.format = value as Format;
    else throw new CliError(`--format expects ${FORMATS.join('|')}, got '${value}'`);
  }
  if (!o.help && o.files.length === 0) throw new CliError('no shard files given (usage: npm run merge -- a.json b.json ...)');
  return o;
}

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
  if (opts.help) { process.stdout.write(batchHelp()); return 0; }
  const baseDir = userDir();
  checkOutDir(opts.out, baseDir);
  const merged = mergeShards(opts.files.map((f) => readShard(f, baseDir)));
  emit(formatBatch(merged, opts.format, null), opts.out, baseDir);
  return 0;
}

void runCommand('merge', () => main(process.argv.slice(2)));
