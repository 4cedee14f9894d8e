/**
 * Where the commands write (src/cli/sink.ts: checked writes, a file replaced only once complete)
 * and how they fail: one safe line on stderr and an exit code. --out is relative to the
 * directory npm was run from, and checked before any work, so a long batch is not thrown away
 * at the end.
 */
import { ParamError } from '../sim/index';
import { ScenarioError } from '../scenarios/index';
import { BatchError } from '../batch/index';
import { safeLine } from '../scenarios/text';
import { CliError, USAGE_EXIT } from './errors';
import { checkOut, PipeClosed, WriteError, writeAllTo } from './sink';

/** Before the work: the folder of --out exists and --out is not a folder (CliError, exit 2). */
export const checkOutDir = (out: string | null, baseDir: string): void => checkOut(out, baseDir);

/** The command's output, whole: to --out (atomically) or to standard output. */
export function emit(text: string, out: string | null, baseDir: string): void {
  writeAllTo(text, out, baseDir);
}

/** Text for standard output (help, reports): checked like every other write. */
export function print(text: string): void {
  writeAllTo(text, null, process.cwd());
}

/**
 * One line on stderr and the exit code: 2 for a known input mistake, 1 for a failed write or
 * anything else. The line is made safe here, for every command: control characters escaped,
 * long values cut.
 */
export function reportError(command: string, e: unknown, known: boolean): number {
  const msg = e instanceof Error ? e.message : String(e);
  const line = `${command}: ${safeLine(known || e instanceof WriteError ? msg : `unexpected error: ${msg}`)}\n`;
  try { process.stderr.write(line); } catch { /* nowhere left to say it */ }
  return known ? USAGE_EXIT : 1;
}

/** Mistakes in the call or the input files: one line naming the problem, exit 2. */
export const isKnownError = (e: unknown): boolean =>
  e instanceof CliError || e instanceof ParamError || e instanceof ScenarioError || e instanceof BatchError;

/**
 * Runs a command's main and turns every failure into one line on stderr (no stack trace) and
 * an exit code; a closed standard output (`| head`) ends the command quietly with exit 0.
 */
export async function runCommand(command: string, main: () => number | Promise<number>): Promise<void> {
  // A closed stderr has nobody to tell; the exit code still says what happened.
  process.stderr.on('error', () => {});
  try {
    process.exitCode = await main();
  } catch (e) {
    if (e instanceof PipeClosed) process.exit(0);
    process.exitCode = reportError(command, e, isKnownError(e));
    // Worker threads or timers of an interrupted run must not keep the process (and the exit code) waiting.
    if (e instanceof WriteError) process.exit(process.exitCode);
  }
}
