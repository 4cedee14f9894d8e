/** The --help text of `batch`, generated from its flag table. */
import { BATCH_FLAGS } from './batchArgs';
import { flagBlock } from './flags';

export function batchHelp(): string {
  return [
    'Breaking Ranks: run an ensemble of simulations and compute the research statistics.',
    '',
    'Usage: npm run --silent batch -- --scenario <id|campaigns|file.json> --runs N [--seed S] [--workers K]',
    '         [--set key=value ...] [--sweep key=from:to:step ...] [--causal] [--shard i/n] [--format summary|json|csv] [--out FILE [--resume]]',
    '       npm run --silent merge -- shard1.json shard2.json ... [--format summary|json|csv] [--out FILE]',
    '',
    'Flags:',
    ...flagBlock(BATCH_FLAGS),
    '',
    'Each row replays with: npm run sim -- --scenario <scenario> --seed <row seed> --set <each parameter column>=<value> --strategy <row strategy>',
    'Errors print one line on standard error and exit with code 2 (1 for an unexpected failure).',
    '',
  ].join('\n');
}
