/**
 * The movement's actions (src/sim/rules/actions.ts): an offered, affordable action costs
 * `<tactic>Cost` capacity and raises its level: level = 1 - (1 - level) x (1 - `<tactic>Gain`);
 * the solidarity fund adds max(1, round(fundGrantShare x initial force)) officer-months instead.
 * Otherwise it is refused and logged. At the end of a day levels fade by tacticDecayPerDay (not strikes,
 * the registry or the fund), an empty fund stops paying and capacity grows up to capacityCarryDays days.
 */
import { describe, expect, it } from 'vitest';
import type { Params, TacticId } from '../../../src/sim';
import { applyActions, applyTactic, movementDay, recordAction } from '../../../src/sim/rules/actions';
import { tinyWorld } from './world';

/** Which level each tactic raises (docs/model.md section 8), written out here rather than read from TACTICS. */
const LEVEL_OF: Array<[TacticId, string]> = [
  ['disciplineTraining', 'discipline'], ['symbols', 'symbols'], ['streetUnmasking', 'streetUnmasking'], ['massPublication', 'publication'],
  ['amnestyPledge', 'amnesty'], ['defectorOutreach', 'outreach'], ['crimeRegistry', 'registry'], ['strike', 'strike'],
  ['eliteAppeals', 'appeals'], ['courts', 'courts'],
];
const levels = (s: ReturnType<typeof tinyWorld>) => s.movement.levels as Record<string, number>;

describe('applyTactic', () => {
  it.each(LEVEL_OF)('%s: cost 3 of capacity 5, level 0.2 -> 1 - 0.8 x (1 - 0.25) = 0.4; then 2 < 3 is refused', (id, level) => {
    const s = tinyWorld({ [`${id}Cost`]: 3, [`${id}Gain`]: 0.25 } as Partial<Params>);
    s.movement.capacity = 5; levels(s)[level] = 0.2;
    expect(applyTactic(s, { tick: 0, tactic: id })).toBe(true);
    expect(levels(s)[level]).toBeCloseTo(0.4, 12);
    expect(s.movement.capacity).toBe(2);
    expect(applyTactic(s, { tick: 0, tactic: id })).toBe(false);
    expect(levels(s)[level]).toBeCloseTo(0.4, 12);
    expect(s.movement.capacity).toBe(2);
    expect(s.eventLog.map((e) => [e.kind, e.detail])).toEqual([['tactic', id], ['tactic-refused', `${id}: not enough capacity`]]);
  });

  it('the solidarity fund: cost 5, max(1, round(0.3 x 10 officers)) = 3 officer-months; at least 1', () => {
    const s = tinyWorld({ officerCount: 10, nationalForce: 10, solidarityFundCost: 5, fundGrantShare: 0.3 });
    s.movement.capacity = 12;
    applyTactic(s, { tick: 0, tactic: 'solidarityFund' });
    expect([s.movement.fund, s.movement.levels.fund, s.movement.capacity]).toEqual([3, 1, 7]);
    s.params.fundGrantShare = 0.01; // round(0.1) = 0
    applyTactic(s, { tick: 0, tactic: 'solidarityFund' });
    expect(s.movement.fund).toBe(4);
  });

  it('a tactic the scenario does not offer is refused whatever the capacity', () => {
    const s = tinyWorld({}, { tactics: ['strike'] });
    s.movement.capacity = 100;
    expect(applyTactic(s, { tick: 0, tactic: 'symbols' })).toBe(false);
    expect(s.movement.capacity).toBe(100);
    expect(s.eventLog.at(-1)?.detail).toBe('symbols: not offered here');
  });
});

describe('the record of actions', () => {
  it('applyActions applies those due by now, in order; recordAction never schedules into the past', () => {
    const s = tinyWorld({ symbolsCost: 1, strikeCost: 1 }, { strategy: [{ tick: 0, tactic: 'symbols' }, { tick: 5, tactic: 'strike' }] });
    s.movement.capacity = 10; s.tick = 3;
    applyActions(s);
    expect(s.movement.levels.symbols).toBeCloseTo(0.5, 12); // default gain 0.5
    expect(s.movement.levels.strike).toBe(0);
    recordAction(s, { tick: 1, tactic: 'courts' });
    expect(s.movement.actions.map((a) => [a.tick, a.tactic])).toEqual([[0, 'symbols'], [3, 'courts'], [5, 'strike']]);
  });
});

describe('movementDay', () => {
  it('levels x (1 - 0.1) except registry, fund and strike (strikes fade by their own fatigue: economy.ts); capacity + 10 up to 3 x 10', () => {
    const s = tinyWorld({ tacticDecayPerDay: 0.1, organisingCapacityPerDay: 10, capacityCarryDays: 3 });
    for (const k of Object.keys(s.movement.levels)) levels(s)[k] = 0.5;
    s.movement.fund = 2; s.movement.capacity = 5;
    movementDay(s);
    for (const [k, v] of Object.entries(s.movement.levels)) expect(v, k).toBeCloseTo(k === 'registry' || k === 'fund' || k === 'strike' ? 0.5 : 0.45, 12);
    expect(s.movement.capacity).toBe(15);
    s.movement.capacity = 25;
    movementDay(s);
    expect(s.movement.capacity).toBe(30); // min(30, 35)
  });

  it('a fund below one officer-month stops paying', () => {
    const s = tinyWorld();
    s.movement.levels.fund = 1; s.movement.fund = 0.5;
    movementDay(s);
    expect(s.movement.levels.fund).toBe(0);
  });
});
