/**
 * The research form's check: a valid form gives exactly the plan (and batch record) the CLI
 * builds from the command line it shows; every kind of bad field is refused with a message
 * beside that field; sweep defaults are valid axes for every sweepable parameter.
 */
import { describe, expect, it } from 'vitest';
import { batchInfo, parseSweepArg } from '../../src/batch/index';
import { parseBatchArgs } from '../../src/cli/batchArgs';
import { prepareBatch } from '../../src/cli/batchRun';
import { PARAM_SPECS, type ParamKey } from '../../src/sim';
import {
  MAX_PAGE_RUNS, checkForm, commandLine, defaultForm, fileBase, scenarioIds, scenarioValue, sweepChoices, sweepDefaults, type ResearchForm,
} from '../../src/ui/research/form';

const form = (over: Partial<ResearchForm> = {}): ResearchForm => ({ ...defaultForm(), ...over });

function ok(f: ResearchForm) {
  const c = checkForm(f);
  if (!c.ok) throw new Error(`form refused: ${JSON.stringify(c.errors)}`);
  return c;
}

/** The CLI's plan and record for the same arguments. */
function cli(args: string[], kind: 'odds' | 'risk') {
  const p = prepareBatch(parseBatchArgs(args), process.cwd());
  return { plan: p.plan, info: batchInfo(p.plan, kind) };
}

describe('checkForm', () => {
  it('defaults: campaigns, 100 runs, seed 1, the schema targets; the same plan as the CLI', () => {
    const f = defaultForm();
    expect(f).toMatchObject({ scenario: 'campaigns', runs: '100', seed: '1', sweepKey: '', kind: 'odds',
      targets: { targetSuccessRate: '0.53', targetDefectionShareInSuccesses: '0.52', targetSuccessMultiplier: '46' } });
    const c = ok(f);
    expect(c.args).toEqual(['--scenario', 'campaigns', '--strategy', 'scenario', '--runs', '100', '--seed', '1']);
    expect(c.total).toBe(100);
    const ref = cli(c.args, 'odds');
    expect(c.plan).toEqual(ref.plan);
    expect(batchInfo(c.plan, c.kind)).toEqual(ref.info);
  });

  it('a sweep, changed targets and the risk ratio become --sweep, --set and --multiplier, like the CLI', () => {
    const c = ok(form({ scenario: 'classroom-discipline', runs: '3', seed: '42', sweepKey: 'legitimacy', from: '0.3', to: '0.7', step: '0.2', kind: 'risk',
      targets: { targetSuccessRate: '0.6', targetDefectionShareInSuccesses: '0.52', targetSuccessMultiplier: '20' } }));
    expect(c.args).toEqual(['--scenario', 'classroom-discipline', '--strategy', 'scenario', '--runs', '3', '--seed', '42', '--set', 'targetSuccessRate=0.6',
      '--set', 'targetSuccessMultiplier=20', '--sweep', 'legitimacy=0.3:0.7:0.2', '--multiplier', 'risk']);
    expect(c.points).toBe(3);
    expect(c.total).toBe(9);
    expect(c.plan.sweep).toEqual([{ key: 'legitimacy', values: [0.3, 0.5, 0.7] }]);
    const ref = cli(c.args, 'risk');
    expect(c.plan).toEqual(ref.plan);
    expect(batchInfo(c.plan, 'risk')).toEqual(ref.info);
    expect(ref.info.targets).toEqual({ successRate: 0.6, defectionShareInSuccesses: 0.52, successMultiplier: 20, kind: 'risk',
      campaign: { minParticipants: 1000, representedPopulation: 0, citizensShareOfPopulation: 0.1 } });
  });

  it('the causal check (off by default) becomes --causal, like the CLI; a swept landmark day is refused beside the form', () => {
    expect(ok(defaultForm()).plan.causal).toBeUndefined();
    const c = ok(form({ runs: '4', causal: true }));
    expect(c.args).toEqual(['--scenario', 'campaigns', '--strategy', 'scenario', '--runs', '4', '--seed', '1', '--causal']);
    const ref = cli(c.args, 'odds');
    expect(c.plan).toEqual(ref.plan);
    expect(c.plan.causal).toBe(true);
    expect(batchInfo(c.plan, 'odds')).toEqual(ref.info);
    expect(ref.info.causal).toEqual({ landmarkDay: 10 });
    expect(fileBase(c.plan)).toBe('breaking-ranks-campaigns-seed1-runs4-causal');
    const bad = checkForm(form({ causal: true, sweepKey: 'landmarkDay', from: '5', to: '15', step: '5' }));
    expect(bad.ok ? null : bad.errors.form).toMatch(/one landmark day/);
  });

  it('a target typed differently but equal to the default is not a --set', () => {
    const c = ok(form({ targets: { targetSuccessRate: ' 0.530 ', targetDefectionShareInSuccesses: '.52', targetSuccessMultiplier: '46.0' } }));
    expect(c.plan.sets).toEqual([]);
  });

  it('refuses bad runs, seeds, sweeps and targets, each beside its field', () => {
    const errors = (over: Partial<ResearchForm>) => { const c = checkForm(form(over)); return c.ok ? {} : c.errors; };
    for (const runs of ['0', '-3', '1.5', 'abc', '', String(MAX_PAGE_RUNS + 1)]) expect(Object.keys(errors({ runs })), runs).toEqual(['runs']);
    for (const seed of ['-1', '4294967296', 'x', '']) expect(Object.keys(errors({ seed })), seed).toEqual(['seed']);
    expect(errors({ scenario: 'nowhere' })).toHaveProperty('scenario');
    expect(errors({ sweepKey: 'legitimacy', from: '0.7', to: '0.3', step: '0.1' }).sweep).toMatch(/from \(0.7\) exceeds to \(0.3\)/);
    expect(errors({ sweepKey: 'legitimacy', from: '0.1', to: '0.3', step: '0' }).sweep).toMatch(/step must be positive/);
    expect(errors({ sweepKey: 'legitimacy', from: 'a', to: '0.3', step: '0.1' }).sweep).toMatch(/from must be a number/);
    expect(errors({ sweepKey: 'legitimacy', from: '0.5', to: '2', step: '0.5' }).sweep).toBeDefined(); // beyond the schema's range
    expect(errors({ sweepKey: 'officerCount', from: '10.5', to: '20', step: '1' }).sweep).toMatch(/integer/);
    expect(errors({ sweepKey: 'legitimacy', from: '0.3', to: '0.7', step: '0.1' }).sweep).toBeUndefined();
    const tg = (k: string, v: string) => errors({ targets: { ...defaultForm().targets, [k]: v } });
    expect(Object.keys(tg('targetSuccessRate', '1.5'))).toEqual(['targetSuccessRate']);
    expect(Object.keys(tg('targetDefectionShareInSuccesses', 'half'))).toEqual(['targetDefectionShareInSuccesses']);
    expect(Object.keys(tg('targetSuccessMultiplier', '0.5'))).toEqual(['targetSuccessMultiplier']);
    // Points × runs beyond the page's limit.
    expect(errors({ runs: '40000', sweepKey: 'legitimacy', from: '0.3', to: '0.7', step: '0.1' }).runs).toMatch(/command line/);
  });
});

describe('sweep choices and defaults', () => {
  const keys = sweepChoices().flatMap((g) => g.keys);

  it('offers every number and integer parameter but the targets', () => {
    const expected = (Object.keys(PARAM_SPECS) as ParamKey[]).filter((k) => {
      const s = PARAM_SPECS[k] as { type: string; group: string };
      return (s.type === 'number' || s.type === 'integer') && s.group !== 'research';
    });
    expect([...keys].sort()).toEqual([...expected].sort());
  });

  it('fills a valid five-point-or-fewer axis for every parameter and scenario', () => {
    for (const scenario of scenarioIds()) for (const k of keys) {
      const d = sweepDefaults(k, scenarioValue(scenario, k));
      const axis = parseSweepArg(`${k}=${d.from}:${d.to}:${d.step}`);
      expect(axis.values.length, `${scenario} ${k} ${JSON.stringify(d)}`).toBeGreaterThanOrEqual(1);
      expect(axis.values.length).toBeLessThanOrEqual(5);
    }
  });
});

describe('names', () => {
  it('file names carry scenario, seed, runs and the swept key, never a time', () => {
    expect(fileBase(ok(form({ runs: '6' })).plan)).toBe('breaking-ranks-campaigns-seed1-runs6');
    expect(fileBase(ok(form({ runs: '3', seed: '9', sweepKey: 'arrestRate', from: '0.1', to: '0.3', step: '0.1' })).plan))
      .toBe('breaking-ranks-campaigns-seed9-runs3-sweep-arrestRate');
  });

  it('the command line is npm run batch with the same arguments', () => {
    expect(commandLine(['--scenario', 'campaigns', '--strategy', 'scenario', '--runs', '6', '--seed', '1'])).toBe('npm run --silent batch -- --scenario campaigns --strategy scenario --runs 6 --seed 1 --format json');
  });
});
