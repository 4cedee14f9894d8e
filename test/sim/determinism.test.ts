/**
 * Determinism (docs/model.md sections 2 and 11: no run-to-run noise): the same scenario,
 * parameters and seed give identical series rows, report and event log; different seeds differ;
 * how the run is chopped into advance() calls does not matter; and two runs advanced in lockstep
 * (as a batch runner or the page might) do not leak state into each other through module caches.
 */
import { describe, expect, it } from 'vitest';
import { advance, createState, recordAction, runReport, seriesRow, type ActionDef, type Params, type ScenarioData, type SimState } from '../../src/sim';
import { getPreset, resolveParams } from '../../src/scenarios';
import { smallCity } from './helpers';

interface Case { name: string; scenario: ScenarioData; params: Params; ticks: number }

function cases(): Case[] {
  const ep = getPreset('epstein-classic');
  const city = smallCity('det-city', { violenceRate: 0.1, solidarityFund: 10 }, [
    { tick: 5, tactic: 'symbols' }, { tick: 30, tactic: 'streetUnmasking' }, { tick: 60, tactic: 'amnestyPledge' },
    { tick: 90, tactic: 'defectorOutreach' }, { tick: 120, tactic: 'solidarityFund' }, { tick: 150, tactic: 'crimeRegistry' },
    { tick: 200, tactic: 'massPublication' }, { tick: 230, tactic: 'strike' },
  ], [{ at: { day: 3 }, label: 'crackdown', set: { arrestRate: 0.6 } }, { at: { tick: 100 }, ramp: { key: 'legitimacy', to: 0.3, overDays: 4 } }]);
  const live = smallCity('det-live', { countMode: 'live', visionShape: 'euclidean', torus: true, cellCapacity: 5, citizenCount: 1500, officerCount: 150, nationalForce: 200 },
    [{ tick: 24, tactic: 'streetUnmasking' }]);
  return [
    { name: 'epstein-classic', scenario: ep, params: resolveParams(ep, []), ticks: 300 },
    { name: 'small city, tickStart, tactics and events', ...city, ticks: 300 },
    { name: 'small city, live counts', ...live, ticks: 200 },
  ];
}

function runRows(c: Case, seed: number): { rows: string[]; report: string; events: string; s: SimState } {
  const s = createState(c.scenario, c.params, seed);
  const rows: string[] = [JSON.stringify(seriesRow(s))];
  for (let t = 0; t < c.ticks; t++) { advance(s, 1); rows.push(JSON.stringify(seriesRow(s))); }
  return { rows, report: JSON.stringify(runReport(s)), events: JSON.stringify(s.eventLog), s };
}

/** Everything that describes the state, for whole-state comparisons. */
function snapshot(s: SimState): string {
  const arr = (a: ArrayLike<number>) => Array.from(a);
  return JSON.stringify({
    tick: s.tick, row: seriesRow(s), report: runReport(s), events: s.eventLog,
    c: [arr(s.c.state), arr(s.c.cell), arr(s.c.term)],
    o: [arr(s.o.state), arr(s.o.cell), arr(s.o.loyalty), arr(s.o.channelSum), arr(s.o.exposure), arr(s.o.masked), arr(s.o.defectTick)],
    occ: arr(s.grid.occ), momentum: s.momentum, movement: s.movement, regime: s.regime, day: s.day, today: s.today, historical: s.historical,
  });
}

describe.each(cases())('$name', (c) => {
  it('same seed: identical series rows, report and event log', () => {
    const a = runRows(c, 7), b = runRows(c, 7);
    expect(b.rows).toEqual(a.rows);
    expect(b.report).toBe(a.report);
    expect(b.events).toBe(a.events);
    expect(snapshot(b.s)).toBe(snapshot(a.s));
    // Something happened, so the comparison is not between two empty runs.
    expect(new Set(a.rows.map((r) => JSON.parse(r).citizens.active)).size).toBeGreaterThan(1);
  });

  it('different seeds differ', () => {
    const a = runRows(c, 7), b = runRows(c, 8);
    expect(b.rows).not.toEqual(a.rows);
  });

  it('advance(s, 10) ten times equals advance(s, 100) once; advance(s, 0) is a no-op', () => {
    const a = createState(c.scenario, c.params, 3), b = createState(c.scenario, c.params, 3);
    for (let k = 0; k < 10; k++) advance(a, 10);
    const before = snapshot(b);
    advance(b, 0);
    expect(snapshot(b)).toBe(before);
    advance(b, 100);
    expect(a.tick).toBe(100);
    expect(snapshot(b)).toBe(snapshot(a));
  });
});

describe('independent runs', () => {
  it('runs advanced in lockstep equal runs advanced alone (no shared module state)', () => {
    const cs = cases();
    const solo = cs.map((c) => { const s = createState(c.scenario, c.params, 11); advance(s, 150); return snapshot(s); });
    const states = cs.map((c) => createState(c.scenario, c.params, 11));
    for (let t = 0; t < 150; t++) for (const s of states) advance(s, 1);
    expect(states.map(snapshot)).toEqual(solo);
  });

  it('createState does not modify the scenario or the parameters it is given', () => {
    const c = cases()[1];
    const sc = JSON.stringify(c.scenario), pp = JSON.stringify(c.params);
    const s = createState(c.scenario, c.params, 5);
    advance(s, 120); // the day-3 event sets arrestRate and a ramp changes legitimacy
    expect(JSON.stringify(c.scenario)).toBe(sc);
    expect(JSON.stringify(c.params)).toBe(pp);
    // And a second run from the same objects still equals the first.
    const s2 = createState(c.scenario, c.params, 5);
    advance(s2, 120);
    expect(snapshot(s2)).toBe(snapshot(s));
  });
});

describe('replay (docs/model.md section 8: a game as played can be replayed exactly)', () => {
  it('actions recorded during play equal the same actions as a scripted strategy', () => {
    const c = cases()[1];
    const strategy: ActionDef[] = c.scenario.strategy;
    expect(strategy.length).toBeGreaterThan(3);
    const scripted = createState(c.scenario, c.params, 21);
    advance(scripted, 260);
    // The player: the same scenario without a strategy, each action recorded as its tick comes up
    // (some in advance, some at the last moment), the run advanced in uneven steps.
    const played = createState({ ...c.scenario, strategy: [] }, c.params, 21);
    recordAction(played, strategy[0]);
    recordAction(played, strategy[1]);
    for (const a of strategy.slice(2)) {
      advance(played, a.tick - played.tick);
      recordAction(played, a);
    }
    advance(played, 260 - played.tick);
    expect(snapshot(played)).toBe(snapshot(scripted));
    // And what was recorded, replayed as a strategy, reproduces the run once more.
    const recorded = played.movement.actions.slice(0, played.movement.nextAction);
    const replay = createState({ ...c.scenario, strategy: recorded.map((a) => ({ ...a })) }, c.params, 21);
    advance(replay, 260);
    expect(replay.movement.actions.slice(0, replay.movement.nextAction)).toEqual(recorded);
    expect(JSON.stringify(seriesRow(replay))).toBe(JSON.stringify(seriesRow(played)));
    expect(JSON.stringify(replay.o.loyalty)).toBe(JSON.stringify(played.o.loyalty));
  });
});
