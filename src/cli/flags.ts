/**
 * The flag scanner every command shares: `--flag value` or `--flag=value`, switches without a
 * value, repeatable flags, and one-line errors for stray words, unknown or repeated flags and
 * forgotten values. Each command only says which flags it has and what to do with them.
 */
import { CliError } from './errors';

export interface FlagSpec {
  switches: readonly string[];
  values: readonly string[];
  /** Value flags that may be given more than once (e.g. --set). */
  repeatable?: readonly string[];
}

export function scanFlags(argv: readonly string[], spec: FlagSpec, onSwitch: (flag: string) => void, onValue: (flag: string, value: string) => void): void {
  const seen = new Set<string>();
  for (let k = 0; k < argv.length; k++) {
    const arg = argv[k];
    if (!arg.startsWith('-')) throw new CliError(`unexpected argument '${arg}' (flags start with --; see --help)`);
    const eq = arg.indexOf('=');
    const flag = eq > 0 ? arg.slice(0, eq) : arg;
    if (spec.switches.includes(flag)) {
      if (eq > 0) throw new CliError(`${flag} takes no value`);
      onSwitch(flag);
      continue;
    }
    if (!spec.values.includes(flag)) throw new CliError(`unknown flag '${flag}' (see --help)`);
    let value: string;
    if (eq > 0) value = arg.slice(eq + 1);
    else {
      // A following flag is not a value: `--out --seed 3` means the value was forgotten.
      const next = argv[k + 1];
      if (next === undefined || (next.startsWith('--') && next.length > 2)) throw new CliError(`${flag} needs a value (see --help)`);
      value = next;
      k++;
    }
    if (!spec.repeatable?.includes(flag)) {
      if (seen.has(flag)) throw new CliError(`${flag} given more than once`);
      seen.add(flag);
    }
    onValue(flag, value);
  }
}
