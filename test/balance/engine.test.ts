/** The report's bookkeeping on the tiny fixture (run in this thread, and once on two worker threads). */
import { describe, expect, it } from 'vitest';
import { loadScenario } from '../../src/scenarios/load-node';
import { validateLessons } from '../../src/balance/lessons';
import { effectiveSets, PresetRun, RunRegistry } from '../../src/balance/engine';
import { runBalanceTask, type BalancePlan, type BalanceRow } from '../../src/balance/job';
import { evaluateLessons } from '../../src/balance/report';
import { runRows } from '../../src/batch/nodePool';
import { runSeed } from '../../src/batch/seeds';
import { readFileSync } from 'node:fs';

const scenario = loadScenario('test/balance/fixtures/tiny.json', process.cwd());
const lessons = validateLessons(JSON.parse(readFileSync('test/balance/fixtures/lessons-tiny.json', 'utf8')));
const runHere = (reg: RunRegistry) => { const plan = reg.plan(), p = reg.pending(); reg.accept(p, p.map((g) => runBalanceTask(plan, g))); };

describe('RunRegistry', () => {
  it('gives the same inputs one task, and drops a cost or gain of a tactic the run never plays', () => {
    const reg = new RunRegistry(null);
    const a = reg.task(scenario, [], [['symbolsCost', '3']], 7);
    expect(reg.task(scenario, [], [], 7)).toBe(a);
    expect(reg.task(scenario, [], [], 8)).not.toBe(a);
    const b = reg.task(scenario, [{ tick: 9, tactic: 'symbols' }], [['symbolsCost', '3']], 7);
    expect(reg.task(scenario, [{ tick: 9, tactic: 'symbols' }], [], 7)).not.toBe(b);
    expect(effectiveSets([['symbolsCost', '3'], ['strikeGain', '0.2'], ['backfireWeight', '0.1']], [{ tick: 0, tactic: 'strike' }]))
      .toEqual([['strikeGain', '0.2'], ['backfireWeight', '0.1']]);
    expect(reg.pending()).toHaveLength(4);
  });
});

describe('PresetRun on the tiny fixture, 4 seeds', () => {
  const reg = new RunRegistry(null);
  const pr = new PresetRun(reg, { scenario, seeds: 4, seed: 3, risks: lessons.risks });
  runHere(reg);
  expect(pr.addOnceBest()).toBe(true);
  runHere(reg);
  expect(pr.addOnceBest()).toBe(false);
  const rep = pr.report();
  const pol = Object.fromEntries(rep.policies.map((p) => [p.name, p]));

  it('runs each policy on its tier: full 4, half 2, screen 1; once:<t> on the best day', () => {
    expect([pol.nothing.runs, pol['alone:symbols'].runs, pol['pair:symbols+amnestyPledge'].runs, pol['once:symbols@3'].runs, pol['once:symbols'].runs]).toEqual([4, 4, 2, 1, 2]);
    expect(Object.keys(rep.once)).toEqual(['symbols', 'disciplineTraining', 'amnestyPledge']);
    expect(Object.keys(rep.once.symbols.days)).toEqual(['0', '3', '7']);
    const names = rep.policies.map((p) => p.name);
    expect(names.indexOf('once:symbols')).toBe(names.indexOf('once:symbols@7') + 1);
  });

  it('uses the seeds runSeed(S, r) for every policy, and shares identical runs', () => {
    const seeds = pr.runs.find((x) => x.policy.name === 'nothing')!.tasks.map((g) => reg.tasks[g][1]);
    expect(seeds).toEqual([0, 1, 2, 3].map((r) => runSeed(3, r)));
    const task = (n: string) => pr.runs.find((x) => x.policy.name === n)!.tasks;
    expect(task('best')).toEqual(task('strategy:briefing'));
    expect(task('best-delayed')).not.toEqual(task('best'));
  });

  it('spammed policies are never refused an action', () => {
    for (const p of rep.policies.filter((x) => ['alone', 'pair', 'rotation'].includes(x.family))) expect([p.name, p.refusedPerRun]).toEqual([p.name, 0]);
    expect(pol['alone:symbols'].actionsPerRun).toBe(40); // 10 points a day, symbols cost 2: five an evening for 8 days
  });

  it('effects are the paired mean difference alone minus nothing', () => {
    const rows = (n: string): BalanceRow[] => pr.runs.find((x) => x.policy.name === n)!.tasks.map((g) => reg.row(g));
    const d = rows('alone:symbols').map((r, i) => r.defectedShare - rows('nothing')[i].defectedShare);
    const m = d.reduce((a, b) => a + b, 0) / d.length;
    expect(rep.effects.symbols.quantity).toBe('defectedShare');
    expect(rep.effects.symbols.n).toBe(4);
    expect(rep.effects.symbols.mean).toBeCloseTo(m, 5); // the report rounds to 6 decimals
    expect(rep.effects.symbols.lo!).toBeLessThanOrEqual(rep.effects.symbols.mean!);
    expect(rep.effects.courts).toBeUndefined();
  });

  it('runs the risk entry: best and best+add, both under the condition', () => {
    const best = pr.runs.find((x) => x.policy.name === 'risk:tiny-amnesty-unmasked:best')!;
    const add = pr.runs.find((x) => x.policy.name === 'risk:tiny-amnesty-unmasked:best+add')!;
    for (const x of [best, add]) expect(reg.variants[reg.tasks[x.tasks[0]][0]].sets).toEqual([['maskedShare', '0.3'], ['tiesPerOfficer', '6']]);
    // added on the evenings (tick 9 of a day, 2-hour ticks) of days 1 and 2
    expect(reg.variants[reg.tasks[add.tasks[0]][0]].actions.filter((a) => a.tactic === 'amnestyPledge').map((a) => a.tick)).toEqual([21, 33, 45]);
    expect(rep.risks).toHaveLength(1);
    expect(rep.risks[0]).toMatchObject({ id: 'tiny-amnesty-unmasked', kind: 'risk' });
    const verdicts = evaluateLessons(lessons, [rep]);
    expect(verdicts.map((v) => [v.id, v.status === 'n/a' ? 'n/a' : 'judged'])).toEqual([
      ['tiny-nothing-fails', 'judged'], ['tiny-best-wins', 'judged'], ['tiny-effect-symbols', 'judged'], ['tiny-effect-courts', 'n/a'], ['tiny-amnesty-unmasked', 'judged'],
    ]);
  });

  it('the pool runs the balance job kind on worker threads with the same rows', async () => {
    const plan: BalancePlan = reg.plan();
    const idx = [0, 5, 17, 30];
    const two = await runRows<BalanceRow, BalancePlan>(plan, idx, { workers: 2 });
    expect(two).toEqual(idx.map((g) => reg.row(g)));
  });
});
