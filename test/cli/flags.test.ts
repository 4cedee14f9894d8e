/** The one flag parser (node:util parseArgs underneath) and the flag tables of every command. */
import { describe, expect, it } from 'vitest';
import { SIM_FLAGS } from '../../src/cli/args';
import { BATCH_FLAGS } from '../../src/cli/batchArgs';
import { batchHelp } from '../../src/cli/batchHelp';
import { CALIBRATE_FLAGS, calibrateHelp } from '../../src/cli/calibrateArgs';
import { CliError } from '../../src/cli/errors';
import { parseFlags, type FlagTable } from '../../src/cli/flags';
import { helpText } from '../../src/cli/help';
import { MERGE_FLAGS, mergeHelp, parseMergeArgs } from '../../src/cli/mergeArgs';

// The shape of the flags that sim and batch will get (--strategy, --a): a one-letter long flag.
const TABLE: FlagTable = [
  { name: 'a', value: 'tick.tactic,...', help: 'actions' },
  { name: 'strategy', value: 'scenario|none|name', help: 'strategy' },
  { name: 'out', value: 'file', help: 'out' },
  { name: 'set', value: 'key=value', repeatable: true, help: 'set' },
  { name: 'force', help: 'force' },
  { name: 'help', short: 'h', help: 'help' },
];

const parse = (argv: string[]) => parseFlags(argv, TABLE).flags;

describe('parseFlags', () => {
  it('reads a one-letter long flag --a like any other, in both forms', () => {
    expect(parse(['--a', '0.strike,3.symbols'])).toEqual([{ name: 'a', value: '0.strike,3.symbols' }]);
    expect(parse(['--a=0.strike', '--strategy', 'none'])).toEqual([{ name: 'a', value: '0.strike' }, { name: 'strategy', value: 'none' }]);
    expect(parse(['--out', 'x', '--a', '-1.x'])).toEqual([{ name: 'out', value: 'x' }, { name: 'a', value: '-1.x' }]);
  });

  it('keeps flags in order, repeatable ones every time, switches as true', () => {
    expect(parse(['--set', 'k=1', '--force', '--set=j=-2', '-h'])).toEqual([
      { name: 'set', value: 'k=1' }, { name: 'force', value: true }, { name: 'set', value: 'j=-2' }, { name: 'help', value: true }]);
    expect(parse(['--out', '-'])).toEqual([{ name: 'out', value: '-' }]);
    expect(parse(['--out='])).toEqual([{ name: 'out', value: '' }]);
  });

  it.each([
    [['-a', 'x'], "unknown flag '-a' (see --help)"], // the short form is not the long flag
    [['--aa'], "unknown flag '--aa' (see --help)"],
    [['--bogus=1'], "unknown flag '--bogus' (see --help)"],
    [['-hx'], "unknown flag '-hx' (see --help)"],
    [['--a'], '--a needs a value (see --help)'],
    [['--out', '--a', '1.x'], '--out needs a value (see --help)'],
    [['--a', '--force'], '--a needs a value (see --help)'],
    [['--a', '1.x', '--a', '2.y'], '--a given more than once'],
    [['--force=yes'], '--force takes no value'],
    [['--force', '--force'], '--force given more than once'], // a switch too (README: a repeated flag is refused)
    [['stray'], "unexpected argument 'stray' (flags start with --; see --help)"],
    [['--', '--force'], "unexpected argument '--force' (flags start with --; see --help)"],
  ])('rejects %j: %s', (argv, msg) => {
    expect(() => parse(argv as string[])).toThrow(CliError);
    expect(() => parse(argv as string[])).toThrow(msg);
  });

  it('takes words when the command has positionals, and everything after --', () => {
    expect(parseFlags(['a.json', '--out', 'x', 'b.json', '--', '-c.json'], TABLE, { positionals: true }).positionals).toEqual(['a.json', 'b.json', '-c.json']);
  });
});

describe('every command declares its flags in one table', () => {
  it.each([
    ['sim', SIM_FLAGS, helpText()],
    ['batch', BATCH_FLAGS, batchHelp()],
    ['merge', MERGE_FLAGS, mergeHelp()],
    ['calibrate', CALIBRATE_FLAGS, calibrateHelp()],
  ])('%s: unique names, help for each, and the help text lists them all', (_cmd, table, help) => {
    const names = table.map((d) => d.name);
    expect(new Set(names).size).toBe(names.length);
    for (const d of table) {
      expect(d.help.length, d.name).toBeGreaterThan(5);
      expect(help).toContain(`--${d.name}`);
    }
  });
});

describe('merge arguments', () => {
  it('refuses a repeated --format like the other commands', () => {
    expect(() => parseMergeArgs(['a.json', '--format', 'csv', '--format', 'json'])).toThrow('--format given more than once');
    expect(() => parseMergeArgs(['a.json', '--out', 'x', '--out=y'])).toThrow('--out given more than once');
  });

  it('reads files, --format and --out; names its flags when one is unknown', () => {
    expect(parseMergeArgs(['s1.json', '--format=csv', 's2.json', '--out', 'm.csv'])).toEqual({ files: ['s1.json', 's2.json'], format: 'csv', out: 'm.csv', help: false });
    expect(() => parseMergeArgs(['a.json', '--shard', '1/2'])).toThrow("unknown flag '--shard' (merge takes shard files, --format and --out)");
    expect(() => parseMergeArgs(['a.json', '--format', 'xml'])).toThrow("--format expects summary|json|csv, got 'xml'");
    expect(() => parseMergeArgs(['a.json', '--out'])).toThrow('--out needs a value');
    expect(() => parseMergeArgs([])).toThrow('no shard files given');
    expect(parseMergeArgs(['--help']).help).toBe(true);
  });
});
