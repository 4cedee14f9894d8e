import { describe, expect, it, vi } from 'vitest';
import { createGameStore, EVENTS_CAP, getAgents, getSeries, getSeriesB, insertAction, keepEvents, runSpec } from '../../src/store';
import type { Runner, RunnerListener } from '../../src/runner/client';
import type { Frame, RunMeta } from '../../src/runner/protocol';
import type { SeriesRow, SimEvent } from '../../src/sim';

function fakeRunner() {
  let l: RunnerListener | null = null;
  const calls: Array<[string, unknown]> = [];
  const runner: Runner = {
    listen(x) { l = x; },
    start(run) { calls.push(['start', run]); },
    play(t) { calls.push(['play', t]); },
    pause() { calls.push(['pause', null]); },
    step: vi.fn(async (n: number) => n),
    act: vi.fn(async (tactic) => (tactic === 'strike' ? { ok: false, message: 'no capacity', tick: 4 } : { ok: true, message: 'done', tick: 4 })),
    inspect(o) { calls.push(['inspect', o]); },
    takeover: vi.fn(async () => ({ tick: 7, actions: [{ tick: 3, tactic: 'symbols' as const }] })),
    seek: vi.fn(async (tick: number) => ({ tick, actions: [] })),
    compare: vi.fn(async (vs) => ({ ok: true, message: '', metaB: vs ? ({ scenarioId: 'x' } as RunMeta) : null })),
    setPauseAtEvents(on) { calls.push(['pauseAtEvents', on]); },
    dispose() {},
  };
  return { runner, calls, emit: () => l! };
}

const row = (tick: number) => ({ tick } as unknown as SeriesRow);
const frame = (tick: number, extra: Partial<Frame> = {}): Frame => ({
  tick, date: '', playing: false, control: 0, outcome: null, fallCause: null, tippingTick: null, rows: [row(tick)], events: [],
  summary: { peakActive: tick } as Frame['summary'], capacity: 3, levels: {}, agents: null, inspected: null,
  channelTotals: {} as Frame['channelTotals'], historical: null, eventParams: [], b: null, strategy: 'none', takeover: null, crowds: null, ...extra,
});

describe('game store', () => {
  it('starts loading, becomes ready on the first frame, appends series in place', () => {
    const { runner, calls, emit } = fakeRunner();
    const store = createGameStore(runner);
    const series = getSeries();
    store.getState().start(runSpec({ scenarioId: 'epstein-classic', seed: 2, sets: [], actions: [] }), ['bad link']);
    expect(store.getState()).toMatchObject({ status: 'loading', runId: 1, notice: 'bad link', seed: 2 });
    expect(calls[0]).toEqual(['start', runSpec({ scenarioId: 'epstein-classic', seed: 2 })]);
    emit().ready({ scenarioId: 'epstein-classic', ticksPerDay: 1 } as RunMeta, null, 0, null);
    const agents = { count: 1, x: new Float32Array(1), y: new Float32Array(1), style: new Uint8Array(1), id: new Int32Array(1) };
    emit().frame(frame(0, { agents }));
    emit().frame(frame(1, { rows: [row(1), row(2)], tick: 2 }));
    expect(store.getState()).toMatchObject({ status: 'ready', tick: 2 });
    expect(getSeries()).toBe(series);
    expect(series.rows.map((r) => r.tick)).toEqual([0, 1, 2]);
    expect(getAgents()).toBe(agents); // a frame without agents keeps the last ones
    store.getState().reset();
    expect(series.length).toBe(0);
    expect(getAgents()).toBeNull();
    expect(store.getState().runId).toBe(2);
  });

  it("keeps the list of event-set parameters while a frame's copy says the same (the parameter panel redraws only on a change)", () => {
    const r = fakeRunner();
    const st = createGameStore(r.runner);
    st.getState().start(runSpec({ scenarioId: 'epstein-classic', seed: 2, sets: [], actions: [] }));
    r.emit().frame(frame(0, { eventParams: ['arrestRate'] }));
    const first = st.getState().eventParams;
    r.emit().frame(frame(1, { eventParams: ['arrestRate'] }));
    expect(st.getState().eventParams).toBe(first);
    r.emit().frame(frame(2, { eventParams: ['arrestRate', 'legitimacy'] }));
    expect(st.getState().eventParams).toEqual(['arrestRate', 'legitimacy']);
  });

  it('records accepted actions in tick order and reports refused ones', async () => {
    const { runner, emit } = fakeRunner();
    const store = createGameStore(runner);
    store.getState().start(runSpec({ scenarioId: 'x', seed: 1, sets: [], actions: [{ tick: 2, tactic: 'courts' }, { tick: 9, tactic: 'courts' }] }));
    emit().frame(frame(4));
    expect(await store.getState().act('symbols')).toEqual({ ok: true, message: 'done' });
    expect(store.getState().actions.map((a) => `${a.tick}.${a.tactic}`)).toEqual(['2.courts', '4.symbols', '9.courts']);
    expect((await store.getState().act('strike')).ok).toBe(false);
    expect(store.getState().notice).toBe('no capacity');
    expect(insertAction([{ tick: 4, tactic: 'courts' }], { tick: 4, tactic: 'strike' }).map((a) => a.tactic)).toEqual(['courts', 'strike']);
  });

  it('plays only when ready, and restarts on a valid parameter change only', () => {
    const { runner, calls, emit } = fakeRunner();
    const store = createGameStore(runner);
    store.getState().start(runSpec({ scenarioId: 'x', seed: 1, sets: [['arrestRate', '0.1']], actions: [] }));
    store.getState().play();
    expect(store.getState().playing).toBe(false);
    emit().frame(frame(0));
    store.getState().toggle();
    expect(store.getState().playing).toBe(true);
    expect(calls.at(-1)).toEqual(['play', 24]);
    expect(calls.find((c) => c[0] === 'start')?.[1]).toMatchObject({ strategy: 'none' }); // play mode: nothing acts but the player
    store.getState().setParam('arrestRate', 'lots');
    expect(store.getState().notice).toMatch(/arrestRate/);
    expect(store.getState().runId).toBe(1);
    store.getState().setParam('arrestRate', '0.2');
    expect(store.getState()).toMatchObject({ runId: 2, sets: [['arrestRate', '0.2']], playing: false });
  });

  it('falls back to the scenario\'s own settings when the run cannot be built', () => {
    const { runner, calls, emit } = fakeRunner();
    const store = createGameStore(runner);
    store.getState().start(runSpec({ scenarioId: 'x', seed: 5, sets: [['scale', '1']], actions: [] }));
    emit().error('too many agents', 'init');
    expect(calls.filter((c) => c[0] === 'start').at(-1)).toEqual(['start', runSpec({ scenarioId: 'x', seed: 5 })]);
    expect(store.getState().notice).toMatch(/too many agents/);
    emit().error('still broken', 'init');
    expect(store.getState().status).toBe('error');
  });

  it('selecting an officer asks the runner to inspect him; closing clears the detail', () => {
    const { runner, calls } = fakeRunner();
    const store = createGameStore(runner);
    store.getState().selectOfficer(12);
    expect(calls.at(-1)).toEqual(['inspect', 12]);
    store.getState().selectOfficer(null);
    expect(store.getState()).toMatchObject({ selectedOfficer: null, inspected: null });
  });
});

describe('game store: watch, take over, timeline, compare', () => {
  it('the start screen is ready at once with nothing decided', () => {
    const { runner } = fakeRunner();
    const store = createGameStore(runner);
    store.getState().showStart('no such scenario');
    expect(store.getState()).toMatchObject({ status: 'start', tick: 0, outcome: null, tippingTick: null, summary: null, notice: 'no such scenario' });
  });

  it("taking over turns the watched strategy into the player's history", async () => {
    const { runner, emit } = fakeRunner();
    const store = createGameStore(runner);
    store.getState().start(runSpec({ scenarioId: 'x', seed: 1, strategy: 'scenario' }));
    emit().frame(frame(7, { strategy: 'scenario' }));
    await store.getState().takeOver();
    expect(store.getState()).toMatchObject({ strategy: 'none', takeover: 7, actions: [{ tick: 3, tactic: 'symbols' }] });
  });

  it('seeking truncates the series and the events; compare keeps B\'s series beside A\'s', async () => {
    const { runner, emit } = fakeRunner();
    const store = createGameStore(runner);
    store.getState().start(runSpec({ scenarioId: 'x', seed: 1 }));
    emit().frame(frame(0, { rows: [row(0), row(1), row(2), row(3)], tick: 3, events: [{ tick: 1, kind: 'tactic' }, { tick: 2, kind: 'tactic' }] }));
    await store.getState().seek(2);
    expect(getSeries().rows.map((r) => r.tick)).toEqual([0, 1, 2]);
    expect(store.getState().events.map((e) => e.tick)).toEqual([1]);
    expect((await store.getState().setCompare({ sets: [['arrestRate', '0.2']], actions: [], exclude: [] })).ok).toBe(true);
    const side = { tick: 3, date: '', outcome: null, fallCause: null, tippingTick: null, rows: [row(0), row(1)], events: [], summary: { peakActive: 1 } as Frame['summary'], agents: null, crowds: null };
    emit().frame(frame(3, { rows: [], b: side }));
    expect(getSeriesB().rows.length).toBe(2);
    expect(store.getState().compare).toMatchObject({ tick: 3, summary: { peakActive: 1 } });
    await store.getState().setCompare(null);
    expect(store.getState().compare).toBeNull();
  });
});

describe('keepEvents', () => {
  const ev = (kind: string, tick: number) => ({ tick, kind }) as SimEvent;
  it('cuts the officers’ events to the newest EVENTS_CAP and keeps the movement’s early move', () => {
    const list = [ev('tactic', 1), ...Array.from({ length: EVENTS_CAP + 50 }, (_, i) => ev('resign', 2 + i)), ev('scenario', 999)];
    const kept = keepEvents(list);
    expect(kept[0]).toEqual(ev('tactic', 1));
    expect(kept.filter((e) => e.kind === 'resign')).toHaveLength(EVENTS_CAP);
    expect(kept.filter((e) => e.kind === 'resign')[0].tick).toBe(52); // the 50 oldest went
    expect(kept.at(-1)).toEqual(ev('scenario', 999));
  });
  it('leaves a short list as it is', () => {
    const list = [ev('tactic', 1), ev('resign', 2)];
    expect(keepEvents(list)).toBe(list);
  });
});
