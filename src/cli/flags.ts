/**
 * The flag parser every command shares, on Node's own `util.parseArgs` (tokens mode): each command
 * declares its flags in a table (name, value placeholder if it takes one, repeatable?, help), and
 * the same table gives the --help lines. `--flag value` and `--flag=value` both work; a switch
 * takes no value; a flag (a switch too) may be given once unless repeatable. Every mistake is a CliError
 * (one line, exit 2): a stray word, an unknown flag, a repeated flag, a forgotten value, a value
 * given to a switch.
 */
import { parseArgs } from 'node:util';
import { CliError } from './errors';

export interface FlagDef {
  /** The long name without its dashes: 'scenario' for --scenario ('a' for --a). */
  name: string;
  /** What the value looks like in the help ('id|file.json'); absent for a switch. */
  value?: string;
  /** A one-letter alias (-h). */
  short?: string;
  /** A value flag that may be given more than once (its values are kept in order). */
  repeatable?: boolean;
  help: string;
}

export type FlagTable = readonly FlagDef[];

/** One flag as given, in command-line order: a value flag's text, or true for a switch. */
export interface GivenFlag { name: string; value: string | true; }

export interface ParsedFlags { flags: GivenFlag[]; positionals: string[]; }

export interface ParseOptions {
  /** Words that are not flags (merge's shard files); without it they are errors. */
  positionals?: boolean;
  /** Said after "unknown flag '--x'" (default: see --help). */
  unknownHint?: string;
}

/** A following argument that is itself a long flag means the value was forgotten (`--out --seed 3`). */
const looksLikeFlag = (s: string): boolean => s.startsWith('--') && s.length > 2;

export function parseFlags(argv: readonly string[], table: FlagTable, opts: ParseOptions = {}): ParsedFlags {
  const defs = new Map(table.map((d) => [d.name, d]));
  const options: Record<string, { type: 'string' | 'boolean'; short?: string }> = {};
  for (const d of table) options[d.name] = d.short ? { type: d.value ? 'string' : 'boolean', short: d.short } : { type: d.value ? 'string' : 'boolean' };
  // Not strict: the tokens are checked below, in order, so the messages are ours and the first
  // mistake on the line is the one reported.
  const { tokens } = parseArgs({ args: [...argv], options, strict: false, allowPositionals: true, tokens: true });
  const flags: GivenFlag[] = [], positionals: string[] = [];
  const seen = new Set<string>();
  for (const t of tokens) {
    if (t.kind === 'option-terminator') continue;
    if (t.kind === 'positional') {
      if (!opts.positionals) throw new CliError(`unexpected argument '${t.value}' (flags start with --; see --help)`);
      positionals.push(t.value);
      continue;
    }
    // A short form is known only as its declared alias: '-a' is not '--a'.
    const def = defs.get(t.name);
    if (def === undefined || (t.rawName !== `--${def.name}` && (def.short === undefined || t.rawName !== `-${def.short}`))) {
      // parseArgs splits '-xy' into -x and -y: name the word as typed.
      const word = t.rawName.startsWith('--') ? t.rawName : argv[t.index].split('=')[0];
      throw new CliError(`unknown flag '${word}' (${opts.unknownHint ?? 'see --help'})`);
    }
    const flag = `--${def.name}`;
    if (!def.value) {
      if (t.value !== undefined) throw new CliError(`${flag} takes no value`);
      if (seen.has(def.name)) throw new CliError(`${flag} given more than once`);
      seen.add(def.name);
      flags.push({ name: def.name, value: true });
      continue;
    }
    if (t.value === undefined || (!t.inlineValue && looksLikeFlag(t.value))) throw new CliError(`${flag} needs a value (see --help)`);
    if (!def.repeatable) {
      if (seen.has(def.name)) throw new CliError(`${flag} given more than once`);
      seen.add(def.name);
    }
    flags.push({ name: def.name, value: t.value });
  }
  return { flags, positionals };
}

/** How a flag is shown in the help: `--out <file>`, `--help, -h`. */
export const flagUsage = (d: FlagDef): string => `--${d.name}${d.value ? ` <${d.value}>` : ''}${d.short ? `, -${d.short}` : ''}`;

/** Help lines: each flag on its own line, its help indented below it. */
export const flagBlock = (table: FlagTable): string[] => table.flatMap((d) => [`  ${flagUsage(d)}`, `      ${d.help}`]);

/** Help lines in two columns (`  --runs N   runs of ...`); a help text's own newlines stay aligned. */
export function flagColumns(table: FlagTable): string[] {
  const left = table.map((d) => `--${d.name}${d.value ? ` ${d.value}` : ''}${d.short ? `, -${d.short}` : ''}`);
  const width = Math.max(...left.map((l) => l.length)) + 2;
  return table.flatMap((d, i) => d.help.split('\n').map((h, k) => `  ${(k === 0 ? left[i] : '').padEnd(width)}${h}`));
}
