/**
 * Entry of `npm run sim`. Every failure ends as one line on stderr: exit 2 for a mistake in the
 * call or the input files, 1 for anything unexpected (still one line, no stack trace).
 */
import { parseArgs } from './args';
import { checkOutDir, emit, print, runCommand } from './output';
import { formatResult } from './format';
import { helpText, paramsJson, paramsTable } from './help';
import { runSim, userDir } from './run';

function main(argv: string[]): number {
  const opts = parseArgs(argv);
  const baseDir = userDir();
  if (opts.help) { print(helpText()); return 0; }
  if (opts.listParams) { emit(opts.format === 'json' ? paramsJson() : paramsTable(), opts.out, baseDir); return 0; }
  checkOutDir(opts.out, baseDir); // before the run, so a long run is not thrown away at the end
  emit(formatResult(runSim(opts, baseDir), opts), opts.out, baseDir);
  return 0;
}

void runCommand('sim', () => main(process.argv.slice(2)));
