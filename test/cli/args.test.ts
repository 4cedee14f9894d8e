import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { DEFAULT_SEED, parseArgs } from '../../src/cli/args';
import { CliError } from '../../src/cli/errors';
import { ParamError } from '../../src/sim/index';

describe('parseArgs', () => {
  it('fills defaults around the required --scenario', () => {
    const o = parseArgs(['--scenario', 'granovetter-riot']);
    expect(o).toMatchObject({ scenario: 'granovetter-riot', seed: DEFAULT_SEED, ticks: null, every: 1, sets: [], format: 'summary',
      out: null, calibration: null, actions: null, events: false, help: false, listParams: false });
  });

  it('reads every flag, repeated --set in order, and the = form', () => {
    const o = parseArgs(['--scenario=a.json', '--seed', '7', '--ticks', '50', '--every=5', '--set', 'legitimacy=0.5',
      '--set=defectionThresholdList=1,2,3', '--format', 'csv', '--out', 'x.csv', '--calibration', 'none', '--actions', 'act.json', '--events']);
    expect(o).toMatchObject({ scenario: 'a.json', seed: 7, ticks: 50, every: 5, format: 'csv', out: 'x.csv', calibration: 'none',
      actions: 'act.json', events: true });
    expect(o.sets).toEqual([['legitimacy', '0.5'], ['defectionThresholdList', '1,2,3']]);
  });

  it('accepts a negative --set value (it does not start with --)', () => {
    expect(parseArgs(['--scenario', 'x', '--set', 'k=-1']).sets).toEqual([['k', '-1']]);
  });

  it('needs no scenario for --help or --list-params', () => {
    expect(parseArgs(['--help']).help).toBe(true);
    expect(parseArgs(['-h']).help).toBe(true);
    expect(parseArgs(['--list-params', '--format', 'json']).listParams).toBe(true);
  });

  it.each([
    [[], /missing --scenario/],
    [['--scenario', 'x', '--bogus'], /unknown flag '--bogus'/],
    [['--scenario'], /--scenario needs a value/],
    [['--scenario', 'x', '--out', '--seed', '2'], /--out needs a value/],
    [['--scenario', 'x', 'extra'], /unexpected argument 'extra'/],
    [['--scenario', 'x', '--seed', '1', '--seed', '2'], /given more than once/],
    [['--scenario', 'x', '--format', 'xml'], /--format expects summary\|json\|csv/],
    [['--scenario', 'x', '--every', '0'], /--every expects an integer from 1/],
    [['--scenario', 'x', '--ticks', '1e3'], /--ticks expects an integer/],
    [['--scenario', 'x', '--help=yes'], /--help takes no value/],
  ])('rejects %j', (argv, msg) => {
    expect(() => parseArgs(argv as string[])).toThrow(CliError);
    expect(() => parseArgs(argv as string[])).toThrow(msg);
  });

  it('rejects a malformed --set with the schema error', () => {
    expect(() => parseArgs(['--scenario', 'x', '--set', 'legitimacy'])).toThrow(ParamError);
    expect(() => parseArgs(['--scenario', 'x', '--set', '=3'])).toThrow(/--set expects key=value/);
  });

  it('accepts exactly the uint32 seeds', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 4294967295 }), (n) => parseArgs(['--scenario', 'x', '--seed', String(n)]).seed === n));
    for (const bad of ['-1', '4294967296', '1.5', 'abc', '0x10', ''])
      expect(() => parseArgs(['--scenario', 'x', `--seed=${bad}`]), bad).toThrow(/--seed expects an integer from 0 to 4294967295/);
  });
});
