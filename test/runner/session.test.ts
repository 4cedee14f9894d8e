import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultOptions } from '../../src/cli/args';
import { runSim } from '../../src/cli/run';
import { compareSession, MAX_SNAPSHOTS, Session } from '../../src/runner/session';
import { counterfactual, playerChoices, withoutChoice } from '../../src/runner/counterfactual';
import { drainEvents, encodeSnapshot, snapshot } from '../../src/sim';
import { selectAgents } from '../../src/runner/agents';
import { DEFAULT_MAX_DRAWN, Style } from '../../src/runner/protocol';
import type { ActionDef } from '../../src/sim';

const here = process.cwd();

function cli(scenario: string, seed: number, ticks: number, sets: Array<[string, string]> = [], actions: ActionDef[] = [], strategy = 'scenario') {
  let file: string | null = null;
  if (actions.length > 0) {
    file = join(mkdtempSync(join(tmpdir(), 'br-')), 'actions.json');
    writeFileSync(file, JSON.stringify(actions));
  }
  return runSim({ ...defaultOptions(), scenario, seed, ticks, sets, actions: file, strategy }, here).report;
}

/** The CLI's default strategy ('scenario'), unless a test says otherwise. */
const session = (scenarioId: string, seed: number, sets: Array<[string, string]> = [], actions: ActionDef[] = [], maxDrawn = DEFAULT_MAX_DRAWN, strategy = 'scenario') =>
  new Session({ scenarioId, seed, sets, actions, maxDrawn, strategy });

describe('Session (the worker\'s run) agrees with the CLI', () => {
  it('same scenario, seed, parameters and replayed actions give the same summary', () => {
    const sets: Array<[string, string]> = [['disciplineMean', '0.4']];
    const actions: ActionDef[] = [{ tick: 30, tactic: 'symbols' }, { tick: 60, tactic: 'disciplineTraining' }];
    const s = session('classroom-discipline', 3, sets, actions);
    for (let k = 0; k < 120; k++) s.tickOnce();
    const r = cli('classroom-discipline', 3, 120, sets, actions);
    expect(s.frame(false, 0).frame.summary).toEqual(r.summary);
    expect(s.s.outcome).toBe(r.outcome);
  });

  it('a tactic played live equals the same tactic replayed from the record', () => {
    const live = session('classroom-discipline', 5, [], [], DEFAULT_MAX_DRAWN, 'none');
    for (let k = 0; k < 40; k++) live.tickOnce();
    const r = live.act('symbols');
    expect(r).toMatchObject({ ok: true, tick: 40 });
    for (let k = 0; k < 60; k++) live.tickOnce();
    const replay = session('classroom-discipline', 5, [], [{ tick: 40, tactic: 'symbols' }], DEFAULT_MAX_DRAWN, 'none');
    for (let k = 0; k < 100; k++) replay.tickOnce();
    expect(live.frame(false, 0).frame.summary).toEqual(replay.frame(false, 0).frame.summary);
    expect(live.s.movement.levels).toEqual(replay.s.movement.levels);
  });

  it('refuses tactics it cannot pay for, does not offer or does not know, without recording them', () => {
    const s = session('epstein-classic', 1, [], [], DEFAULT_MAX_DRAWN, 'none');
    expect(s.capacityLeft()).toBe(10);
    expect(s.act('strike')).toMatchObject({ ok: true, tick: 0 }); // costs 8
    expect(s.capacityLeft()).toBe(2);
    expect(s.act('strike').ok).toBe(false);
    expect(s.act('nonsense').ok).toBe(false);
    expect(s.s.movement.actions).toEqual([{ tick: 0, tactic: 'strike' }]);
    expect(session('classroom-discipline', 1, [], [], DEFAULT_MAX_DRAWN, 'none').act('strike').message).toMatch(/not offered/);
  });
});

describe('frames', () => {
  it('carry every series row since the previous frame, and only new events', () => {
    const s = session('epstein-classic', 1);
    const ticks: number[] = [];
    ticks.push(...s.frame(false, 0).frame.rows.map((r) => r.tick));
    for (let k = 0; k < 7; k++) s.tickOnce();
    ticks.push(...s.frame(false, 0).frame.rows.map((r) => r.tick));
    for (let k = 0; k < 3; k++) s.tickOnce();
    const f = s.frame(true, 2).frame;
    ticks.push(...f.rows.map((r) => r.tick));
    expect(ticks).toEqual(Array.from({ length: 11 }, (_, k) => k));
    expect(f).toMatchObject({ tick: 10, playing: true, control: 2 });
  });

  it('ping-pong: two agent buffer sets, then none until one comes back', () => {
    const s = session('epstein-classic', 1);
    const a = s.frame(false, 0).frame.agents;
    const b = s.frame(false, 0).frame.agents;
    expect(a).not.toBeNull();
    expect(b).not.toBeNull();
    expect(s.frame(false, 0).frame.agents).toBeNull();
    s.giveBack(a);
    expect(s.frame(false, 0).frame.agents).toBe(a);
  });

  it('draws agents with valid styles at their cells, officers after citizens', () => {
    const s = session('classroom-discipline', 2);
    for (let k = 0; k < 20; k++) s.tickOnce();
    const b = s.frame(false, 0).frame.agents!;
    expect(b.count).toBeGreaterThan(0);
    const { w, h } = s.meta.grid;
    for (let k = 0; k < b.count; k++) {
      const id = b.id[k], st = b.style[k];
      const cell = id < s.s.c.n ? s.s.c.cell[id] : s.s.o.cell[id - s.s.c.n];
      expect(Math.floor(b.x[k]) + Math.floor(b.y[k]) * w).toBe(cell);
      expect(b.x[k]).toBeLessThan(w);
      expect(b.y[k]).toBeLessThan(h);
      if (id < s.s.c.n) expect(st).toBe(s.s.c.state[id]);
      else expect(st).toBeGreaterThanOrEqual(Style.officerMasked);
    }
  });

  it('caps the drawn agents with a fixed subsample in proportion', () => {
    const sel = selectAgents(90_000, 10_000, 1000);
    expect(sel.ids.length).toBe(1000);
    expect(Array.from(sel.ids).filter((id) => id >= 90_000).length).toBe(100);
    expect(selectAgents(90_000, 10_000, 1000).ids).toEqual(sel.ids);
    expect(new Set(sel.ids).size).toBe(1000);
    expect(selectAgents(50, 5, 1000).ids.length).toBe(55);
  });
});

describe('officer inspector', () => {
  it('keeps daily loyalty for everyone and every tick for the inspected officer', () => {
    const s = session('classroom-discipline', 4);
    const tpd = s.s.ticksPerDay;
    for (let k = 0; k < 2 * tpd + 5; k++) s.tickOnce();
    s.log.inspect(7);
    for (let k = 0; k < 4; k++) s.tickOnce();
    const d = s.frame(false, 0).frame.inspected!;
    expect(d.officer).toBe(7);
    expect(d.history.map((p) => p.tick)).toEqual([0, tpd, 2 * tpd, 2 * tpd + 5, 2 * tpd + 6, 2 * tpd + 7, 2 * tpd + 8, 2 * tpd + 9]);
    expect(d.history[d.history.length - 1].loyalty).toBe(s.s.o.loyalty[7]);
    expect(Object.keys(d.channels).length).toBe(8);
    s.log.inspect(null);
    expect(s.frame(false, 0).frame.inspected).toBeNull();
  });

  it('shows each channel where it acted: with only the regime channel on, only regime is non-zero', () => {
    const off: Array<[string, string]> = ['backfireOn', 'threatOn', 'exposureOn', 'offersOn', 'peersOn', 'momentumOn', 'accountabilityOn']
      .map((k) => [k, 'false']);
    const s = session('classroom-discipline', 2, off);
    for (let k = 0; k < 30; k++) s.tickOnce();
    s.log.inspect(11);
    const f = s.frame(false, 0).frame;
    const d = f.inspected!;
    expect(d.channels.regime).not.toBe(0);
    for (const [c, v] of Object.entries(d.channels)) if (c !== 'regime') expect(v, c).toBe(0);
    expect(f.channelTotals.regime).not.toBe(0);
    for (const [c, v] of Object.entries(f.channelTotals)) if (c !== 'regime') expect(v, c).toBe(0);
  });
});

describe('play, watch and take over', () => {
  it("play mode is `sim --strategy none --a <the player's moves>`: the scenario's strategy does not run underneath", () => {
    const s = session('classroom-discipline', 7, [], [], DEFAULT_MAX_DRAWN, 'none');
    for (let k = 0; k < 30; k++) s.tickOnce();
    expect(s.act('symbols').ok).toBe(true);
    for (let k = 0; k < 90; k++) s.tickOnce();
    const r = cli('classroom-discipline', 7, 120, [], [{ tick: 30, tactic: 'symbols' }], 'none');
    expect(s.frame(false, 0).frame.summary).toEqual(r.summary);
    expect(s.s.movement.actions).toEqual([{ tick: 30, tactic: 'symbols' }]);
    expect(r.summary).not.toEqual(cli('classroom-discipline', 7, 120, [], [{ tick: 30, tactic: 'symbols' }], 'scenario').summary);
  });

  it('watching refuses moves; taking over keeps the history before it and the run equals --strategy none with that history', () => {
    const s = session('classroom-discipline', 7, [], [], DEFAULT_MAX_DRAWN, 'scenario');
    for (let k = 0; k < 100; k++) s.tickOnce();
    expect(s.act('symbols').ok).toBe(false);
    const taken = s.takeOver();
    expect(taken.tick).toBe(100);
    expect(taken.actions.length).toBeGreaterThan(0);
    expect(taken.actions.every((a) => a.tick < 100)).toBe(true);
    expect(s.act('symbols').ok).toBe(true);
    for (let k = 0; k < 50; k++) s.tickOnce();
    const all = [...taken.actions, { tick: 100, tactic: 'symbols' as const }];
    const r = cli('classroom-discipline', 7, 150, [], all, 'none');
    expect(s.frame(false, 0).frame.summary).toEqual(r.summary);
  });
});

describe('timeline', () => {
  it('going back to a day equals a fresh run to that day, and drops the later moves', () => {
    const s = session('classroom-discipline', 4, [], [], DEFAULT_MAX_DRAWN, 'none');
    for (let k = 0; k < 50; k++) s.tickOnce();
    s.act('symbols');
    for (let k = 0; k < 40; k++) s.tickOnce();
    s.act('disciplineTraining');
    for (let k = 0; k < 60; k++) s.tickOnce();
    s.seek(72);
    expect(s.tick).toBe(72);
    expect(s.userActions).toEqual([{ tick: 50, tactic: 'symbols' }]);
    const fresh = session('classroom-discipline', 4, [], [{ tick: 50, tactic: 'symbols' }], DEFAULT_MAX_DRAWN, 'none');
    for (let k = 0; k < 72; k++) fresh.tickOnce();
    drainEvents(fresh.s); // the page has read these; the sought state starts with none waiting
    drainEvents(s.s);
    expect(Buffer.from(encodeSnapshot(snapshot(s.s))).equals(Buffer.from(encodeSnapshot(snapshot(fresh.s))))).toBe(true);
    // and it goes on the same way
    for (let k = 0; k < 30; k++) { s.tickOnce(); fresh.tickOnce(); }
    expect(s.frame(false, 0).frame.summary).toEqual(fresh.frame(false, 0).frame.summary);
  });

  it('keeps at most MAX_SNAPSHOTS snapshots, thinning them evenly', () => {
    const s = session('granovetter-riot', 1, [], [], DEFAULT_MAX_DRAWN, 'none');
    for (let k = 0; k < 150; k++) s.tickOnce();
    expect(s.snapshotDays.length).toBeLessThanOrEqual(MAX_SNAPSHOTS);
    s.seek(77);
    expect(s.tick).toBe(77);
  });
});

describe('compare', () => {
  it("run B is A's game with B's changes: vs.p overrides, vs.a adds, vs.x removes, on the same seed", () => {
    const a = { scenarioId: 'classroom-discipline', seed: 9, sets: [['violenceRate', '0.05']] as Array<[string, string]>,
      actions: [{ tick: 20, tactic: 'symbols' as const }, { tick: 30, tactic: 'disciplineTraining' as const }], strategy: 'none', maxDrawn: 1000 };
    const b = compareSession(a, { sets: [['disciplineMean', '0.4']], actions: [{ tick: 40, tactic: 'amnestyPledge' }], exclude: ['disciplineTraining'] });
    for (let k = 0; k < 100; k++) b.tickOnce();
    const r = cli('classroom-discipline', 9, 100, [['violenceRate', '0.05'], ['disciplineMean', '0.4']],
      [{ tick: 20, tactic: 'symbols' }, { tick: 40, tactic: 'amnestyPledge' }], 'none');
    expect(b.frame(false, 0).frame.summary).toEqual(r.summary);
  });
});

describe('counterfactuals', () => {
  it("replays the game without each of the player's kinds, never leaving out the history before a take-over", () => {
    const job = { scenarioId: 'classroom-discipline', seed: 2, sets: [], strategy: 'none', takeover: 10,
      actions: [{ tick: 5, tactic: 'symbols' as const }, { tick: 20, tactic: 'symbols' as const }, { tick: 30, tactic: 'disciplineTraining' as const }] };
    const choices = playerChoices(job.actions, job.takeover);
    expect(choices).toEqual([{ tactic: 'symbols', count: 1, firstTick: 20 }, { tactic: 'disciplineTraining', count: 1, firstTick: 30 }]);
    expect(withoutChoice(job, 'symbols')).toEqual([{ tick: 5, tactic: 'symbols' }, { tick: 30, tactic: 'disciplineTraining' }]);
    const c = counterfactual({ ...job, sets: [['horizonDays', '4']] }, choices[1]);
    const r = cli('classroom-discipline', 2, c.ticks, [['horizonDays', '4']], c.actions, 'none');
    expect({ outcome: c.outcome, tippingTick: c.tippingTick, defectedShare: c.defectedShare }).toEqual({ outcome: r.outcome, tippingTick: r.tippingTick, defectedShare: r.summary.defectedShare });
  });
});
