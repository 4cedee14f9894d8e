import { describe, expect, it, vi } from 'vitest';
import { createGameStore, getAgents, getSeries, insertAction } from '../../src/store';
import type { Runner, RunnerListener } from '../../src/runner/client';
import type { Frame, RunMeta } from '../../src/runner/protocol';
import type { SeriesRow } from '../../src/sim';

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
    dispose() {},
  };
  return { runner, calls, emit: () => l! };
}

const row = (tick: number) => ({ tick } as unknown as SeriesRow);
const frame = (tick: number, extra: Partial<Frame> = {}): Frame => ({
  tick, date: '', playing: false, control: 0, outcome: null, fallCause: null, tippingTick: null, rows: [row(tick)], events: [],
  summary: { peakActive: tick } as Frame['summary'], capacity: 3, levels: {}, agents: null, inspected: null,
  channelTotals: {} as Frame['channelTotals'], historical: null, eventParams: [], ...extra,
});

describe('game store', () => {
  it('starts loading, becomes ready on the first frame, appends series in place', () => {
    const { runner, calls, emit } = fakeRunner();
    const store = createGameStore(runner);
    const series = getSeries();
    store.getState().start({ scenarioId: 'epstein-classic', seed: 2, sets: [], actions: [] }, ['bad link']);
    expect(store.getState()).toMatchObject({ status: 'loading', runId: 1, notice: 'bad link', seed: 2 });
    expect(calls[0]).toEqual(['start', { scenarioId: 'epstein-classic', seed: 2, sets: [], actions: [] }]);
    emit().ready({ scenarioId: 'epstein-classic' } as RunMeta);
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

  it('records accepted actions in tick order and reports refused ones', async () => {
    const { runner, emit } = fakeRunner();
    const store = createGameStore(runner);
    store.getState().start({ scenarioId: 'x', seed: 1, sets: [], actions: [{ tick: 2, tactic: 'courts' }, { tick: 9, tactic: 'courts' }] });
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
    store.getState().start({ scenarioId: 'x', seed: 1, sets: [['arrestRate', '0.1']], actions: [] });
    store.getState().play();
    expect(store.getState().playing).toBe(false);
    emit().frame(frame(0));
    store.getState().toggle();
    expect(store.getState().playing).toBe(true);
    expect(calls.at(-1)).toEqual(['play', 24]);
    store.getState().setParam('arrestRate', 'lots');
    expect(store.getState().notice).toMatch(/arrestRate/);
    expect(store.getState().runId).toBe(1);
    store.getState().setParam('arrestRate', '0.2');
    expect(store.getState()).toMatchObject({ runId: 2, sets: [['arrestRate', '0.2']], playing: false });
  });

  it('falls back to the scenario\'s own settings when the run cannot be built', () => {
    const { runner, calls, emit } = fakeRunner();
    const store = createGameStore(runner);
    store.getState().start({ scenarioId: 'x', seed: 5, sets: [['scale', '1']], actions: [] });
    emit().error('too many agents', 'init');
    expect(calls.at(-1)).toEqual(['start', { scenarioId: 'x', seed: 5, sets: [], actions: [] }]);
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
