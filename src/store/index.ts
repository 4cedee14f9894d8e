/**
 * The game store: zustand vanilla with subscribeWithSelector, holding small things only (tick,
 * playback, selection, the latest summary). Agent buffers and the series never go through
 * setState: the view reads getAgents() (the latest frame's buffers, by reference) and charts read
 * getSeries() (rows appended in place; a new run empties the same object and bumps runId).
 * One game per page: getAgents/getSeries read the store created last.
 */
import { createStore } from 'zustand/vanilla';
import { subscribeWithSelector } from 'zustand/middleware';
import { isParamKey, parseValue, type ActionDef, type TacticId } from '../sim';
import type { Runner } from '../runner/client';
import type { AgentBuffers, GameState, GameStore, GameStoreApi, RunSpec, SeriesView } from './types';

export type * from './types';

/** Default speed: one simulated day per second at one hour per tick. */
export const DEFAULT_SPEED = 24;
export const MIN_SPEED = 0.5;
export const MAX_SPEED = 2000;
/** Events kept in the store (the worker keeps the full log). */
export const EVENTS_CAP = 300;

const live: { agents: AgentBuffers | null; series: SeriesView } = { agents: null, series: { length: 0, rows: [] } };

/** The buffers of the latest frame, by reference: read them while drawing, never keep them. */
export const getAgents = (): AgentBuffers | null => live.agents;
/** Every series row of the run so far, tick 0 first; the same object for the page's lifetime. */
export const getSeries = (): SeriesView => live.series;

const blank = (): Omit<GameState, 'speed' | 'notice' | 'runId'> => ({
  status: 'loading', scenarioId: '', seed: 1, sets: [], actions: [], meta: null, playing: false,
  tick: 0, date: '', outcome: null, fallCause: null, tippingTick: null, summary: null, capacity: 0, levels: {},
  selectedOfficer: null, inspected: null, events: [], historical: null, channelTotals: null, eventParams: [],
});

const message = (e: unknown): string => (e instanceof Error ? e.message : String(e));

/** Inserts after every action of the same or an earlier tick: the order the worker applies them. */
export function insertAction(actions: readonly ActionDef[], a: ActionDef): ActionDef[] {
  let k = actions.length;
  while (k > 0 && actions[k - 1].tick > a.tick) k--;
  return [...actions.slice(0, k), a, ...actions.slice(k)];
}

export function createGameStore(runner: Runner): GameStoreApi {
  live.agents = null;
  live.series.rows.length = 0;
  live.series.length = 0;

  const store = createStore<GameStore>()(subscribeWithSelector((set, get) => {
    const runOf = (): RunSpec => { const s = get(); return { scenarioId: s.scenarioId, seed: s.seed, sets: s.sets, actions: s.actions }; };
    return {
      ...blank(),
      runId: 0,
      notice: null,
      speed: DEFAULT_SPEED,

      start(run, notices = []) {
        live.agents = null;
        live.series.rows.length = 0;
        live.series.length = 0;
        set({
          ...blank(), runId: get().runId + 1, notice: notices.length > 0 ? notices.join(' ') : null,
          scenarioId: run.scenarioId, seed: run.seed, sets: run.sets.map(([k, v]) => [k, v] as [string, string]),
          actions: run.actions.map((a) => ({ tick: a.tick, tactic: a.tactic })),
        });
        runner.start(runOf());
      },
      play() {
        const s = get();
        if (s.status !== 'ready' || s.playing) return;
        runner.play(s.speed);
        set({ playing: true });
      },
      pause() {
        if (!get().playing) return;
        runner.pause();
        set({ playing: false });
      },
      toggle() { if (get().playing) get().pause(); else get().play(); },
      setSpeed(tps) {
        const speed = Math.min(MAX_SPEED, Math.max(MIN_SPEED, Number.isFinite(tps) ? tps : DEFAULT_SPEED));
        set({ speed });
        if (get().playing) runner.play(speed);
      },
      async step(n) {
        if (get().playing) set({ playing: false });
        await runner.step(n); // the worker pauses itself first
      },
      async act(tactic: TacticId) {
        const r = await runner.act(tactic);
        if (r.ok) set({ actions: insertAction(get().actions, { tick: r.tick, tactic }) });
        else set({ notice: r.message });
        return { ok: r.ok, message: r.message };
      },
      selectOfficer(officer) {
        set(officer === null ? { selectedOfficer: null, inspected: null } : { selectedOfficer: officer });
        runner.inspect(officer);
      },
      setParam(key, value) {
        try {
          if (!isParamKey(key)) throw new Error(`there is no parameter called "${key}"`);
          parseValue(key, value);
        } catch (e) {
          set({ notice: `${key}: ${message(e)}` });
          return;
        }
        const sets = get().sets.filter(([k]) => k !== key).concat([[key, value]]);
        get().start({ ...runOf(), sets });
      },
      reset() { get().start(runOf()); },
      dismissNotice() { set({ notice: null }); },
    };
  }));

  runner.listen({
    ready(meta) { store.setState({ meta }); },
    frame(f) {
      for (const row of f.rows) live.series.rows.push(row);
      live.series.length = live.series.rows.length;
      if (f.agents) live.agents = f.agents;
      const s = store.getState();
      const events = f.events.length === 0 ? s.events : s.events.concat(f.events).slice(-EVENTS_CAP);
      store.setState({
        status: 'ready', playing: f.playing, tick: f.tick, date: f.date, outcome: f.outcome, fallCause: f.fallCause,
        tippingTick: f.tippingTick, summary: f.summary, capacity: f.capacity, levels: f.levels, events,
        inspected: s.selectedOfficer === null ? null : f.inspected, historical: f.historical, channelTotals: f.channelTotals, eventParams: f.eventParams,
      });
    },
    error(msg, phase) {
      const s = store.getState();
      if (phase === 'run') { store.setState({ playing: false, notice: `The model stopped with an error: ${msg}` }); return; }
      // The run could not be built (e.g. the parameters put more agents than fit on the map):
      // open the scenario with its own values rather than a blank page.
      if (s.sets.length > 0 || s.actions.length > 0) {
        s.start({ scenarioId: s.scenarioId, seed: s.seed, sets: [], actions: [] },
          [s.notice, `This game could not start (${msg}); opened with the scenario's own settings instead.`].filter((x): x is string => x !== null));
      } else store.setState({ status: 'error', notice: `The scenario "${s.scenarioId}" could not start: ${msg}` });
    },
  });
  return store;
}
