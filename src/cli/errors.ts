/**
 * The command line's own error: a mistake in how it was called (unknown flag, bad number, missing
 * file). Like ParamError and ScenarioError it is reported as one line with exit code 2.
 */
export class CliError extends Error {
  constructor(message: string) { super(message); this.name = 'CliError'; }
}

/** Exit code for a usage or input mistake; 1 is kept for unexpected failures. */
export const USAGE_EXIT = 2;
