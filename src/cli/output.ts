/**
 * Where the commands write: stdout, or --out relative to the directory npm was run from. The
 * folder is checked before any work, so a long batch is not thrown away at the end.
 */
import { existsSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { ParamError } from '../sim/index';
import { ScenarioError } from '../scenarios/index';
import { BatchError } from '../batch/index';
import { safeLine } from '../scenarios/text';
import { CliError, USAGE_EXIT } from './errors';

export function checkOutDir(out: string | null, baseDir: string): void {
  if (out !== null && !existsSync(dirname(resolve(baseDir, out))))
    throw new CliError(`cannot write '${out}': folder ${dirname(resolve(baseDir, out))} does not exist`);
}

export function emit(text: string, out: string | null, baseDir: string): void {
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

/**
 * One line on stderr and the exit code: 2 for a known input mistake, 1 for anything else. The
 * line is made safe here, for every command: control characters escaped, long values cut.
 */
export function reportError(command: string, e: unknown, known: boolean): number {
  const msg = e instanceof Error ? e.message : String(e);
  process.stderr.write(`${command}: ${safeLine(known ? msg : `unexpected error: ${msg}`)}\n`);
  return known ? USAGE_EXIT : 1;
}

/** Mistakes in the call or the input files: one line naming the problem, exit 2. */
export const isKnownError = (e: unknown): boolean =>
  e instanceof CliError || e instanceof ParamError || e instanceof ScenarioError || e instanceof BatchError;

/**
 * Runs a command's main and turns every failure into one line on stderr (no stack trace) and
 * an exit code; a closed pipe (`| head`) is not an error worth a message.
 */
export async function runCommand(command: string, main: () => number | Promise<number>): Promise<void> {
  process.stdout.on('error', (e: NodeJS.ErrnoException) => { if (e.code === 'EPIPE') process.exit(0); });
  try {
    process.exitCode = await main();
  } catch (e) {
    process.exitCode = reportError(command, e, isKnownError(e));
  }
}
