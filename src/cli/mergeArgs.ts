/** The argv of `merge` (src/cli/flags.ts): shard files, --format, --out; and its --help. */
import { FORMATS, nonEmpty, oneOf, type Format } from './args';
import { CliError } from './errors';
import { flagBlock, parseFlags, type FlagTable } from './flags';

export interface MergeOptions { files: string[]; format: Format; out: string | null; help: boolean; }

export const MERGE_FLAGS: FlagTable = [
  { name: 'format', value: 'summary|json|csv', help: 'json: the single run\'s {batch, rows, stats}, byte for byte (default); summary: the research figures; csv: the rows.' },
  { name: 'out', value: 'file', help: 'Write to this file instead of standard output (its folder must exist); a file is replaced only once complete.' },
  { name: 'help', short: 'h', help: 'Print this help.' },
];

export function parseMergeArgs(argv: readonly string[]): MergeOptions {
  const o: MergeOptions = { files: [], format: 'json', out: null, help: false };
  const parsed = parseFlags(argv, MERGE_FLAGS, { positionals: true, unknownHint: 'merge takes shard files, --format and --out' });
  for (const { name, value } of parsed.flags) {
    if (name === 'help') o.help = true;
    else if (name === 'out') o.out = nonEmpty('--out', value === true ? '' : value);
    else o.format = oneOf('--format', value === true ? '' : value, FORMATS);
  }
  o.files = parsed.positionals;
  if (!o.help && o.files.length === 0) throw new CliError('no shard files given (usage: npm run merge -- a.json b.json ...)');
  return o;
}

export function mergeHelp(): string {
  return [
    'Breaking Ranks: merge the JSON outputs of batch --shard i/n (every i of one n) into what the single run prints.',
    '',
    'Usage: npm run --silent merge -- shard1.json shard2.json ... [--format summary|json|csv] [--out FILE]',
    '',
    'The files must come from one batch (same scenario, seed, runs, sweep, targets and input fingerprints), cover',
    'every shard exactly once and hold exactly their own runs. A file name starting with - follows a -- argument.',
    '',
    'Flags:',
    ...flagBlock(MERGE_FLAGS),
    '',
    'Errors print one line on standard error and exit with code 2 (1 for an unexpected failure).',
    '',
  ].join('\n');
}
