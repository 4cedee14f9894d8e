/**
 * Entry of `npm run sim`. Every failure ends as one line on stderr: exit 2 for a mistake in the
 * call or the input files, 1 for anything unexpected (still one line, no stack trace).
 */
import { existsSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { ParamError } from '../sim/index';
import { ScenarioError } from '../scenarios/index';
import { parseArgs } from './args';
import { CliError, USAGE_EXIT } from './errors';
import { formatResult } from './format';
import { helpText, paramsJson, paramsTable } from './help';
import { runSim, userDir } from './run';

function emit(text: string, out: string | null, baseDir: string): void {
  if (out === null) { process.stdout.write(text); return; }
  const file = resolve(baseDir, out);
  try {
    writeFileSync(file, text);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new CliError(code === 'ENOENT' ? `cannot write '${out}': folder ${dirname(file)} does not exist`
      : `cannot write '${out}' (${code ?? (e as Error).message})`);
  }
}

function main(argv: string[]): number {
  const opts = parseArgs(argv);
  const baseDir = userDir();
  if (opts.help) { process.stdout.write(helpText()); return 0; }
  if (opts.listParams) { emit(opts.format === 'json' ? paramsJson() : paramsTable(), opts.out, baseDir); return 0; }
  // Check the output folder first so a long run is not thrown away at the end.
  if (opts.out !== null && !existsSync(dirname(resolve(baseDir, opts.out))))
    throw new CliError(`cannot write '${opts.out}': folder ${dirname(resolve(baseDir, opts.out))} does not exist`);
  emit(formatResult(runSim(opts, baseDir), opts), opts.out, baseDir);
  return 0;
}

// A closed pipe (`| head`) is not an error worth a message.
process.stdout.on('error', (e: NodeJS.ErrnoException) => { if (e.code === 'EPIPE') process.exit(0); });

try {
  process.exitCode = main(process.argv.slice(2));
} catch (e) {
  const known = e instanceof CliError || e instanceof ParamError || e instanceof ScenarioError;
  const msg = (e instanceof Error ? e.message : String(e)).split('\n')[0];
  process.stderr.write(`sim: ${known ? msg : `unexpected error: ${msg}`}\n`);
  process.exitCode = known ? USAGE_EXIT : 1;
}
