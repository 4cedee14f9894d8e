/** Policy generation: names, tiers, the briefing's variations, delays and reorderings, by hand. */
import seedrandom from 'seedrandom';
import { describe, expect, it } from 'vitest';
import { defaultParams, type ActionDef, type Params } from '../../src/sim/index';
import { loadScenario } from '../../src/scenarios/load-node';
import {
  bestActions, bestOnceDay, delayedActions, kindsByFirstUse, policiesFor, reorderings, reorderKinds, tierSeeds,
} from '../../src/balance/policies';

const A = (tick: number, tactic: ActionDef['tactic']): ActionDef => ({ tick, tactic });
const scenario = loadScenario('test/balance/fixtures/tiny.json', process.cwd());
const params = { ...defaultParams(), ...(scenario.params as Partial<Params>) } as Params;

describe('tiers', () => {
  it('full N, half ceil(N/2), screen ceil(N/4)', () => {
    expect([tierSeeds('full', 40), tierSeeds('half', 40), tierSeeds('screen', 40)]).toEqual([40, 20, 10]);
    expect([tierSeeds('full', 5), tierSeeds('half', 5), tierSeeds('screen', 5)]).toEqual([5, 3, 2]);
    expect([tierSeeds('half', 1), tierSeeds('screen', 1)]).toEqual([1, 1]);
  });
});

describe('the briefing and its variations', () => {
  const best = [A(9, 'symbols'), A(21, 'disciplineTraining'), A(21, 'symbols'), A(45, 'amnestyPledge')];

  it('best is strategies.briefing when the scenario has one, else its strategy', () => {
    expect(bestActions(scenario)).toEqual({ actions: best, source: 'strategies.briefing' });
    expect(bestActions({ ...scenario, strategies: {} }).source).toBe('strategy');
  });

  it('kinds in the order of their first use', () => {
    expect(kindsByFirstUse(best)).toEqual(['symbols', 'disciplineTraining', 'amnestyPledge']);
  });

  it('a reordering gives each kind the first-use tick of its new position and keeps its rhythm', () => {
    // First uses 9 (symbols), 21 (discipline), 45 (amnesty). Reverse: amnesty at 9 (-36), discipline at 21 (0),
    // symbols at 45 (+36: 9 -> 45, 21 -> 57).
    expect(reorderKinds(best, ['amnestyPledge', 'disciplineTraining', 'symbols']))
      .toEqual([A(9, 'amnestyPledge'), A(21, 'disciplineTraining'), A(45, 'symbols'), A(57, 'symbols')]);
    // Swap the first two: discipline at 9 (-12), symbols at 21 (+12: 21, 33), amnesty stays at 45.
    expect(reorderKinds(best, ['disciplineTraining', 'symbols', 'amnestyPledge']))
      .toEqual([A(9, 'disciplineTraining'), A(21, 'symbols'), A(33, 'symbols'), A(45, 'amnestyPledge')]);
  });

  it('reorderings are distinct and differ from the original: with two kinds reverse = swap12, one is kept', () => {
    expect(reorderings(['symbols', 'strike', 'courts']).map((r) => r.name)).toEqual(['reverse', 'swap12']);
    expect(reorderings(['symbols', 'strike'])).toEqual([{ name: 'reverse', order: ['strike', 'symbols'] }]);
    expect(reorderings(['symbols'])).toEqual([]);
  });

  it('best-delayed moves each action by 0, 1 or 2 whole days, drawn from the run seed', () => {
    const a = delayedActions(best, 7, 12), b = delayedActions(best, 7, 12), c = delayedActions(best, 8, 12);
    expect(a).toEqual(b);
    expect(a).not.toEqual(c);
    // The definition: one uniform per action of best in tick order from alea("breaking-ranks:balance-delay:<seed>"), floor(3u) days.
    const rng = seedrandom.alea('breaking-ranks:balance-delay:7');
    const expected = best.map((x) => ({ tick: x.tick + Math.floor(rng() * 3) * 12, tactic: x.tactic }));
    expect(a).toEqual([...expected].map((x, i) => [x, i] as const).sort((p, q) => p[0].tick - q[0].tick || p[1] - q[1]).map(([x]) => x));
    for (const d of [a, c]) {
      expect(d).toHaveLength(4);
      expect(d.map((x) => x.tick)).toEqual(d.map((x) => x.tick).sort((p, q) => p - q));
    }
  });

  it('the best once-day: most success, then most defection, then the earliest', () => {
    expect(bestOnceDay([{ day: 0, success: 0.1, defected: 0.2 }, { day: 3, success: 0.3, defected: 0 }, { day: 7, success: 0.3, defected: 0 }])).toBe(3);
    expect(bestOnceDay([{ day: 0, success: 0.1, defected: 0.2 }, { day: 3, success: 0.1, defected: 0.25 }])).toBe(3);
    expect(bestOnceDay([])).toBeNull();
  });
});

describe('policiesFor', () => {
  it('lists the classroom policies in report order with their tiers', () => {
    const ps = policiesFor(scenario, { params });
    const t = ['symbols', 'disciplineTraining', 'amnestyPledge'];
    expect(ps.map((p) => p.name)).toEqual([
      'nothing', ...t.map((x) => `alone:${x}`),
      // horizon 8 days: start day 14 is past it
      ...t.flatMap((x) => [0, 3, 7].map((d) => `once:${x}@${d}`)),
      'pair:symbols+disciplineTraining', 'pair:symbols+amnestyPledge', 'pair:disciplineTraining+amnestyPledge',
      'rotation', 'strategy:scenario', 'strategy:briefing', 'best', 'best-delayed',
      'best-without:symbols', 'best-without:disciplineTraining', 'best-without:amnestyPledge',
      'best-reordered:reverse', 'best-reordered:swap12',
    ]);
    const tier = Object.fromEntries(ps.map((p) => [p.name, p.tier]));
    expect([tier.nothing, tier['alone:symbols'], tier['once:symbols@3'], tier['pair:symbols+amnestyPledge'], tier.best]).toEqual(['full', 'full', 'screen', 'half', 'full']);
    // 2-hour ticks: the evening starts at tick 9 of a day; once@3 is tick 45.
    expect(ps.find((p) => p.name === 'once:symbols@3')!.actions).toEqual([A(45, 'symbols')]);
    expect(ps.find((p) => p.name === 'best-without:symbols')!.actions).toEqual([A(21, 'disciplineTraining'), A(45, 'amnestyPledge')]);
  });

  it('the reduced set: nothing, each tactic alone and best', () => {
    expect(policiesFor(scenario, { params, reduced: true }).map((p) => p.name))
      .toEqual(['nothing', 'alone:symbols', 'alone:disciplineTraining', 'alone:amnestyPledge', 'best']);
  });

  it('a scenario with a historical block: nothing, each tactic alone (half), history, history+registry', () => {
    const hist = { ...scenario, tactics: null, historical: { x: { label: 'x', value: 1, source: 's', metric: 'nationalForce' as const } } };
    const ps = policiesFor(hist, { params });
    expect(ps.map((p) => p.name)).toEqual(['nothing', ...['disciplineTraining', 'symbols', 'streetUnmasking', 'massPublication', 'amnestyPledge',
      'solidarityFund', 'defectorOutreach', 'crimeRegistry', 'strike', 'eliteAppeals', 'courts', 'immunityForTestimony'].map((t) => `alone:${t}`), 'history', 'history+registry']);
    expect(ps[1].tier).toBe('half');
    expect(ps[ps.length - 1].actions).toEqual([A(0, 'crimeRegistry'), ...scenario.strategy]);
    expect(policiesFor(hist, { params, reduced: true }).map((p) => p.name)).toEqual(['history']);
  });
});
