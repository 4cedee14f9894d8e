/**
 * `window.breakingRanks`: a scripting handle for tests, teachers and curious players. It drives
 * the game exactly as the player does (through the store), so a script's run is a real run:
 *   await breakingRanks.ready();            // the first frame has arrived (paused at tick 0)
 *   await breakingRanks.act('symbols');     // a tactic now, recorded at the current tick
 *   await breakingRanks.step(300);          // 300 more ticks (or up to the horizon, where every run ends)
 *   breakingRanks.summary();                // { tick, outcome, tippingTick, summary } as the CLI's JSON
 */
import { isTacticId, type Outcome, type RunSummary, type SeriesRow, type TacticId } from './sim';
import { getAgents, getSeries, getSeriesB, type GameStore, type GameStoreApi } from './store';

export interface BreakingRanksHandle {
  getState(): GameStore;
  subscribe: GameStoreApi['subscribe'];
  /** Resolves once the current run has its first frame (or could not start: see getState().notice). */
  ready(): Promise<void>;
  /** Resolves when the model has advanced n ticks, or reached the horizon first (playback pauses first). */
  step(n: number): Promise<void>;
  /** Applies a tactic as the player would; resolves with whether it applied. */
  act(action: TacticId | { tactic: TacticId }): Promise<{ ok: boolean; message: string }>;
  summary(): { tick: number; outcome: Outcome | null; tippingTick: number | null; summary: RunSummary | null };
  /** `{ a, b }` (each what summary() returns) while a comparison's run B is open, else null. Synchronous. */
  compareSummary(): { a: ReturnType<BreakingRanksHandle['summary']>; b: ReturnType<BreakingRanksHandle['summary']> } | null;
  /** Watch mode: take over from the current tick. */
  takeOver(): Promise<void>;
  /** Back to the start of day `day` (counted from 1) of the days played; resolves there. */
  seek(day: number): Promise<void>;
  /** B's series so far (a copy), while a comparison is open. */
  seriesB(): SeriesRow[];
  /** Agents drawn in the latest frame (for the frame-rate benchmark). */
  drawn(): number;
  /** Every series row of the run so far, one per tick (a copy): the trace the CLI's --every 1 prints. */
  series(): SeriesRow[];
}

declare global {
  interface Window { breakingRanks?: BreakingRanksHandle }
}

export function createHandle(store: GameStoreApi): BreakingRanksHandle {
  return {
    getState: () => store.getState(),
    subscribe: store.subscribe,
    ready() {
      // The start screen is ready at once (no run: tick 0, nothing decided).
      const isReady = (s: GameStore) => s.status !== 'loading';
      if (isReady(store.getState())) return Promise.resolve();
      return new Promise((resolve) => {
        const off = store.subscribe((s) => { if (isReady(s)) { off(); resolve(); } });
      });
    },
    step(n) {
      if (!Number.isInteger(n) || n < 0) return Promise.reject(new Error(`step(n) needs a whole number n >= 0, got ${n}`));
      // A and B move in lock-step in the worker: when the step resolves, both are at the same tick.
      return store.getState().step(n);
    },
    compareSummary() {
      const s = store.getState();
      if (!s.compare) return null;
      const c = s.compare;
      return {
        a: { tick: s.tick, outcome: s.outcome, tippingTick: s.tippingTick, summary: s.summary },
        b: { tick: c.summary ? c.tick : s.tick, outcome: c.outcome, tippingTick: c.tippingTick, summary: c.summary },
      };
    },
    takeOver: () => store.getState().takeOver(),
    seek(day) {
      const s = store.getState();
      if (!s.meta || !Number.isInteger(day) || day < 1) return Promise.reject(new Error(`seek(day) needs a day from 1, got ${day}`));
      return s.seek((day - 1) * s.meta.ticksPerDay);
    },
    seriesB: () => getSeriesB().rows.slice(),
    act(action) {
      const tactic: unknown = typeof action === 'string' ? action : action?.tactic;
      if (typeof tactic !== 'string' || !isTacticId(tactic)) return Promise.resolve({ ok: false, message: `"${String(tactic)}" is not a tactic` });
      return store.getState().act(tactic);
    },
    summary() {
      const s = store.getState();
      return { tick: s.tick, outcome: s.outcome, tippingTick: s.tippingTick, summary: s.summary };
    },
    drawn: () => getAgents()?.count ?? 0,
    series: () => getSeries().rows.slice(),
  };
}

export function installHandle(store: GameStoreApi): BreakingRanksHandle {
  const h = createHandle(store);
  window.breakingRanks = h;
  return h;
}
