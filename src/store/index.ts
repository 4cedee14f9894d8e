/**
 * The game store: zustand vanilla with subscribeWithSelector, holding small things only (tick,
 * playback, selection, the latest summary). Agent buffers and the series never go through
 * setState: the view reads getAgents() (the latest frame's buffers, by reference) and charts read
 * getSeries() (rows appended in place; a new run empties the same object and bumps runId).
 * One game per page: getAgents/getSeries read the store created last.
 */
import { createStore } from 'zustand/vanilla';
import { subscribeWithSelector } from 'zustand/middleware';
import { isParamKey, parseValue, type ActionDef, type SimEvent, type TacticId } from '../sim';
import type { Runner } from '../runner/client';
import type { AgentBuffers, GameState, GameStore, GameStoreApi, RunSpec, SeriesView } from './types';
import type { Counterfactual } from '../runner/counterfactual';

export type * from './types';
export { runSpec, runOfState } from './types';

/** Default speed: one simulated day per second at one hour per tick. */
export const DEFAULT_SPEED = 24;
export const MIN_SPEED = 0.5;
export const MAX_SPEED = 2000;
/** Events kept in the store (the worker keeps the full log). */
export const EVENTS_CAP = 300;

/** Event kinds about single officers: they come by the hundred, so they alone are cut to EVENTS_CAP. */
const FREQUENT_KINDS = new Set(['shirk', 'insider', 'resign', 'resign-noisy', 'walkout', 'join', 'unmasking', 'testify', 'contact', 'death']);

/**
 * The events kept: the newest EVENTS_CAP about single officers, and the newest EVENTS_CAP of the rest
 * (the movement's moves, the regime's and the scenario's), in their order, so a move made early in a
 * game stays in the feed however many officers have left since.
 */
export function keepEvents(events: SimEvent[]): SimEvent[] {
  if (events.length <= EVENTS_CAP) return events;
  let frequent = 0, rare = 0;
  for (const e of events) if (FREQUENT_KINDS.has(e.kind)) frequent++; else rare++;
  if (frequent <= EVENTS_CAP && rare <= EVENTS_CAP) return events;
  let dropF = Math.max(0, frequent - EVENTS_CAP), dropR = Math.max(0, rare - EVENTS_CAP);
  return events.filter((e) => {
    if (FREQUENT_KINDS.has(e.kind)) { if (dropF > 0) { dropF--; return false; } return true; }
    if (dropR > 0) { dropR--; return false; }
    return true;
  });
}

const live: { agents: AgentBuffers | null; series: SeriesView; agentsB: AgentBuffers | null; seriesB: SeriesView } = {
  agents: null, series: { length: 0, rows: [] }, agentsB: null, seriesB: { length: 0, rows: [] },
};

/** The buffers of the latest frame, by reference: read them while drawing, never keep them. */
export const getAgents = (): AgentBuffers | null => live.agents;
/** Every series row of the run so far, tick 0 first; the same object for the page's lifetime. */
export const getSeries = (): SeriesView => live.series;
/** The same for a comparison's run B (empty while none is open). */
export const getAgentsB = (): AgentBuffers | null => live.agentsB;
export const getSeriesB = (): SeriesView => live.seriesB;

const clear = (v: SeriesView): void => { v.rows.length = 0; v.length = 0; };
const truncate = (v: SeriesView, n: number): void => { v.rows.length = Math.min(v.rows.length, n); v.length = v.rows.length; };

const blank = (): Omit<GameState, 'speed' | 'notice' | 'runId' | 'pauseAtEvents'> => ({
  status: 'loading', scenarioId: '', seed: 1, sets: [], actions: [], meta: null, playing: false,
  tick: 0, date: '', outcome: null, fallCause: null, tippingTick: null, summary: null, capacity: 0, levels: {},
  selectedOfficer: null, inspected: null, events: [], historical: null, channelTotals: null, eventParams: [],
  strategy: 'none', takeover: null, tactics: null, vs: null, compare: null, crowds: null, counterfactuals: { status: 'idle' },
});

const message = (e: unknown): string => (e instanceof Error ? e.message : String(e));

/** Inserts after every action of the same or an earlier tick: the order the worker applies them. */
export function insertAction(actions: readonly ActionDef[], a: ActionDef): ActionDef[] {
  let k = actions.length;
  while (k > 0 && actions[k - 1].tick > a.tick) k--;
  return [...actions.slice(0, k), a, ...actions.slice(k)];
}

/** Every frame brings a fresh copy of each list: keeping the old one when it says the same spares the panels that watch it a redraw. */
const sameList = (a: readonly string[], b: readonly string[]): boolean => a.length === b.length && a.every((x, i) => x === b[i]);

export function createGameStore(runner: Runner): GameStoreApi {
  live.agents = null;
  live.agentsB = null;
  clear(live.series);
  clear(live.seriesB);

  const store = createStore<GameStore>()(subscribeWithSelector((set, get) => {
    const runOf = (): RunSpec => {
      const s = get();
      return { scenarioId: s.scenarioId, seed: s.seed, sets: s.sets, actions: s.actions, strategy: s.strategy, takeover: s.takeover, tactics: s.tactics, vs: s.vs };
    };
    return {
      ...blank(),
      runId: 0,
      notice: null,
      speed: DEFAULT_SPEED,
      pauseAtEvents: false,

      start(run, notices = [], opts = {}) {
        live.agents = null;
        live.agentsB = null;
        clear(live.series);
        clear(live.seriesB);
        set({
          ...blank(), runId: get().runId + 1, notice: notices.length > 0 ? notices.join(' ') : null,
          scenarioId: run.scenarioId, seed: run.seed, sets: run.sets.map(([k, v]) => [k, v] as [string, string]),
          actions: run.actions.map((a) => ({ tick: a.tick, tactic: a.tactic })),
          strategy: run.strategy ?? 'none', takeover: run.takeover ?? null, tactics: run.tactics ?? null, vs: run.vs ?? null,
          compare: run.vs ? { meta: null, tick: 0, outcome: null, fallCause: null, tippingTick: null, summary: null, events: [] } : null,
        });
        runner.start(runOf(), opts.startTick ?? 0);
        runner.setPauseAtEvents(get().pauseAtEvents);
      },
      showStart(notice = null) {
        live.agents = null;
        live.agentsB = null;
        clear(live.series);
        clear(live.seriesB);
        set({ ...blank(), status: 'start', runId: get().runId + 1, notice, scenarioId: '' });
      },
      async takeOver() {
        const s = get();
        if (s.status !== 'ready' || s.strategy === 'none') return;
        const r = await runner.takeover();
        set({ strategy: 'none', takeover: r.tick, actions: r.actions });
      },
      async seek(tick) {
        const s = get();
        if (s.status !== 'ready') return;
        if (s.playing) set({ playing: false });
        const r = await runner.seek(tick);
        truncate(live.series, r.tick + 1);
        truncate(live.seriesB, r.tick + 1);
        const cut = <T extends { tick: number }>(es: T[]) => es.filter((e) => e.tick < r.tick);
        const now = get();
        set({
          actions: r.actions, events: cut(now.events), outcome: null, fallCause: null, tippingTick: null, counterfactuals: { status: 'idle' },
          takeover: now.takeover !== null && r.tick < now.takeover ? r.tick : now.takeover,
          compare: now.compare ? { ...now.compare, events: cut(now.compare.events), outcome: null, fallCause: null, tippingTick: null } : null,
        });
      },
      async setCompare(vs) {
        const s = get();
        if (s.status !== 'ready') return { ok: false, message: 'no run' };
        clear(live.seriesB);
        live.agentsB = null;
        // B is caught up to A's tick in the worker: its rows so far come with its first frame.
        const r = await runner.compare(vs);
        if (!r.ok || vs === null) { set({ vs: null, compare: null, ...(r.ok ? {} : { notice: r.message }) }); return r; }
        set({ vs, compare: { meta: r.metaB, tick: get().tick, outcome: null, fallCause: null, tippingTick: null, summary: null, events: [] } });
        return r;
      },
      setPauseAtEvents(on) { set({ pauseAtEvents: on }); runner.setPauseAtEvents(on); },
      runCounterfactuals() {
        const s = get();
        if (!runner.counterfactuals || s.status !== 'ready' || s.outcome === null) return;
        const results: Counterfactual[] = [];
        const runId = s.runId;
        set({ counterfactuals: { status: 'running', done: 0, total: 0, results: [] } });
        const job = { scenarioId: s.scenarioId, seed: s.seed, sets: s.sets, strategy: s.strategy, actions: s.actions, takeover: s.takeover };
        runner.counterfactuals(job, (c, total) => {
          if (get().runId !== runId) return;
          if (c) results.push(c);
          set({ counterfactuals: { status: 'running', done: results.length, total, results: results.slice() } });
        }).then(() => {
          if (get().runId === runId) set({ counterfactuals: { status: 'done', results: results.slice() } });
        }).catch((e: unknown) => {
          if (get().runId === runId) set({ counterfactuals: { status: 'error', message: message(e) } });
        });
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
    ready(meta, metaB, tick, notice) {
      const s = store.getState();
      const extra = notice === 'decided' ? `The game was decided before that day: opened at its end (day ${Math.floor(tick / Math.max(1, meta.ticksPerDay)) + 1}).` : null;
      store.setState({
        meta, compare: s.compare && metaB ? { ...s.compare, meta: metaB } : s.compare,
        notice: extra ? [s.notice, extra].filter((x) => x).join(' ') : s.notice,
      });
    },
    paused(label, tick) {
      const s = store.getState();
      const day = Math.floor(tick / Math.max(1, s.meta?.ticksPerDay ?? 1)) + 1;
      store.setState({ playing: false, notice: `Paused on day ${day}: ${label}` });
    },
    frame(f) {
      for (const row of f.rows) live.series.rows.push(row);
      live.series.length = live.series.rows.length;
      if (f.agents) live.agents = f.agents;
      const s = store.getState();
      const events = f.events.length === 0 ? s.events : keepEvents(s.events.concat(f.events));
      let compare = s.compare;
      if (f.b && compare) {
        for (const row of f.b.rows) live.seriesB.rows.push(row);
        live.seriesB.length = live.seriesB.rows.length;
        if (f.b.agents) live.agentsB = f.b.agents;
        compare = {
          meta: compare.meta, tick: f.b.tick, outcome: f.b.outcome, fallCause: f.b.fallCause, tippingTick: f.b.tippingTick, summary: f.b.summary,
          events: f.b.events.length === 0 ? compare.events : keepEvents(compare.events.concat(f.b.events)),
        };
      }
      store.setState({
        status: 'ready', playing: f.playing, tick: f.tick, date: f.date, outcome: f.outcome, fallCause: f.fallCause,
        tippingTick: f.tippingTick, summary: f.summary, capacity: f.capacity, levels: f.levels, events,
        inspected: s.selectedOfficer === null ? null : f.inspected, historical: f.historical, channelTotals: f.channelTotals, eventParams: sameList(s.eventParams, f.eventParams) ? s.eventParams : f.eventParams,
        compare, crowds: f.crowds ?? s.crowds, strategy: f.strategy ?? s.strategy, takeover: f.takeover === undefined ? s.takeover : f.takeover,
      });
    },
    error(msg, phase) {
      const s = store.getState();
      if (phase === 'run') { store.setState({ playing: false, notice: `The model stopped with an error: ${msg}` }); return; }
      // The run could not be built (e.g. the parameters put more agents than fit on the map):
      // open the scenario with its own values rather than a blank page.
      if (s.sets.length > 0 || s.actions.length > 0 || s.vs !== null) {
        s.start({ scenarioId: s.scenarioId, seed: s.seed, sets: [], actions: [], strategy: s.strategy === 'none' ? 'none' : 'scenario', takeover: null, tactics: s.tactics, vs: null },
          [s.notice, `This game could not start (${msg}); opened with the scenario's own settings instead.`].filter((x): x is string => x !== null));
      } else store.setState({ status: 'error', notice: `The scenario "${s.scenarioId}" could not start: ${msg}` });
    },
  });
  return store;
}
