/**
 * A fake game store for the panel tests: zustand vanilla + subscribeWithSelector implementing
 * GameStore with canned data built from the classroom-discipline preset. Actions are recorded,
 * not run; no worker, no model.
 */
import { createStore } from 'zustand/vanilla';
import { subscribeWithSelector } from 'zustand/middleware';
import { defaultParams, MODEL_VERSION, tacticCost, TACTICS, type SeriesRow, type SimEvent, type TacticId } from '../../src/sim';
import { getPreset, resolveParams } from '../../src/scenarios';
import type { GameState, GameStore, RunMeta, SeriesView } from '../../src/store/types';

export function fakeMeta(id = 'classroom-discipline'): RunMeta {
  const sc = getPreset(id);
  const params = resolveParams(sc, []);
  const tpd = 24 / params.hoursPerTick;
  const districts = sc.map?.districts ?? [{ id: 'all', name: 'City' }];
  return {
    modelVersion: MODEL_VERSION, scenarioId: id, title: sc.title, briefing: sc.briefing ?? {}, seed: 1, params, startDate: sc.startDate,
    origin: {}, strategy: 'none', strategies: ['scenario', 'none'], scenarioTactics: sc.tactics ?? (Object.keys(TACTICS) as TacticId[]), events: [],
    ticksPerDay: tpd, horizonTicks: params.horizonDays * tpd, grid: { w: params.gridWidth, h: params.gridHeight },
    map: sc.map, districtIds: districts.map((d) => d.id), districtNames: districts.map((d) => d.name),
    nCitizens: params.citizenCount, nOfficers: params.officerCount,
    tactics: (sc.tactics ?? (Object.keys(TACTICS) as TacticId[])).map((t) => ({ id: t, label: TACTICS[t].label, effect: TACTICS[t].effect, cost: tacticCost(defaultParams(), t) })),
    historical: sc.historical ? Object.fromEntries(Object.entries(sc.historical).map(([k, h]) => [k, { label: h.label, source: h.source, unit: h.unit ?? null, historical: h.value, band: h.band ? [h.band[0], h.band[1]] as [number, number] : null }])) : null,
  };
}

/** A plausible row at `tick`: momentum rises over the first days then falls. */
export function fakeRow(tick: number, meta: RunMeta, momentum: number): SeriesRow {
  const active = Math.round(meta.nCitizens * 0.1 * momentum);
  return {
    tick, date: '2025-09-01T00:00',
    citizens: { quiet: meta.nCitizens - active - 20, active, detained: 15, injured: 5 },
    officers: { on_duty: meta.nOfficers - 30, shirking: 10, insider: 5, resigned: 10, joined: 5, purged: 0 },
    meanLoyalty: 0.7, momentum, perceived: 0.5 * momentum, patronSupport: 0.5, outrage: 0.05, effectiveForce: 1900, neededForce: active * 0.1, defectedShare: 0.015,
    reserve: 1000, recruits: 0, regimeResources: 1, eliteCohesion: 1, detentions: 40,
    loyaltyHistogram: [0, 1, 3, 10, 40, 200, 600, 700, 300, 116], staffing: {},
  };
}

export const fakeEvents = (): SimEvent[] => [
  { tick: 30, kind: 'tactic', detail: 'symbols' },
  { tick: 290, kind: 'resign-noisy', officer: 12, channel: 'backfire', district: 'old-town' },
  { tick: 300, kind: 'unmasking', officer: 40 },
  { tick: 310, kind: 'tactic-refused', detail: 'strike: not enough capacity' },
];

export interface Fake {
  store: ReturnType<typeof makeStore>;
  series: SeriesView;
  calls: { name: string; args: unknown[] }[];
  actResult: { ok: boolean; message: string };
}

function makeStore(init: GameState, calls: Fake['calls'], fake: () => Fake) {
  const rec = (name: string) => (...args: unknown[]) => { calls.push({ name, args }); };
  return createStore<GameStore>()(subscribeWithSelector((set, get) => ({
    ...init,
    start: rec('start'), play: () => { calls.push({ name: 'play', args: [] }); set({ playing: true }); },
    pause: () => { calls.push({ name: 'pause', args: [] }); set({ playing: false }); },
    toggle: () => { calls.push({ name: 'toggle', args: [] }); set({ playing: !get().playing }); },
    setSpeed: (tps: number) => { calls.push({ name: 'setSpeed', args: [tps] }); set({ speed: tps }); },
    step: async (n: number) => { calls.push({ name: 'step', args: [n] }); },
    act: async (tactic: TacticId) => { calls.push({ name: 'act', args: [tactic] }); return fake().actResult; },
    selectOfficer: (o: number | null) => { calls.push({ name: 'selectOfficer', args: [o] }); set({ selectedOfficer: o }); },
    setParam: rec('setParam'), reset: rec('reset'),
    showStart: (notice?: string | null) => { calls.push({ name: 'showStart', args: [notice] }); set({ status: 'start', notice: notice ?? null }); },
    takeOver: async () => { calls.push({ name: 'takeOver', args: [] }); set({ strategy: 'none', takeover: get().tick }); },
    seek: async (tick: number) => { calls.push({ name: 'seek', args: [tick] }); set({ tick }); },
    setCompare: async (vs) => { calls.push({ name: 'setCompare', args: [vs] }); set({ vs }); return { ok: true, message: '' }; },
    setPauseAtEvents: (on: boolean) => { calls.push({ name: 'setPauseAtEvents', args: [on] }); set({ pauseAtEvents: on }); },
    runCounterfactuals: rec('runCounterfactuals'),
    dismissNotice: () => { calls.push({ name: 'dismissNotice', args: [] }); set({ notice: null }); },
  })));
}

export function createFake(over: Partial<GameState> = {}): Fake {
  const meta = fakeMeta();
  const rows = Array.from({ length: 5 * meta.ticksPerDay }, (_, k) => fakeRow(k, meta, Math.min(1, k / 60) * (k > 80 ? 0.4 : 1)));
  const state: GameState = {
    status: 'ready', runId: 1, notice: null, scenarioId: meta.scenarioId, seed: 1, sets: [], actions: [], meta,
    playing: false, speed: 24, tick: rows.length - 1, date: '2025-09-06T00:00', outcome: null, fallCause: null,
    tippingTick: null, summary: null, capacity: 4, levels: { discipline: 0.5, symbols: 0 }, selectedOfficer: null,
    inspected: null, events: fakeEvents(), historical: null, channelTotals: null, eventParams: [],
    strategy: 'none', takeover: null, tactics: null, vs: null, compare: null, crowds: null, pauseAtEvents: false, counterfactuals: { status: 'idle' }, ...over,
  };
  const calls: Fake['calls'] = [];
  const fake: Fake = { store: null as never, series: { length: rows.length, rows }, calls, actResult: { ok: true, message: 'ok' } };
  fake.store = makeStore(state, calls, () => fake);
  return fake;
}
