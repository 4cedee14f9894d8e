/**
 * The page's side of the model worker. It keeps the ping-pong going: the buffers of the frame
 * being shown stay here, the ones they replaced go back with 'frameDone' on the next animation
 * frame, which is also the page's request for the next frame, so frames never outpace drawing.
 * Messages of a replaced run (older runId) are dropped.
 */
import type { RunSpec } from '../store/types';
import type { ActionDef, TacticId } from '../sim';
import type { Counterfactual, CounterfactualJob } from './counterfactual';
import type { ReplayReply } from './replayWorker';
import { DEFAULT_MAX_DRAWN, type AgentBuffers, type CompareSpec, type Frame, type FromWorker, type RunMeta, type ToWorker } from './protocol';

export interface RunnerListener {
  /** `tick`: where the run opened (a link's day); `notice` 'decided' when the outcome came first. */
  ready(meta: RunMeta, metaB: RunMeta | null, tick: number, notice: string | null): void;
  frame(frame: Frame): void;
  /** Play stopped by itself at a scheduled event of the scenario. */
  paused?(label: string, tick: number): void;
  /** phase 'init': the run could not be built; 'run': the model stopped with an error. */
  error(message: string, phase: 'init' | 'run'): void;
}

/** What the store needs from a runner (a fake one serves the store's Node tests). */
export interface Runner {
  listen(l: RunnerListener): void;
  /** `startTick`: open paused there (a link's `day=`), with the actions before it applied. */
  start(run: RunSpec, startTick?: number): void;
  /** The player takes over from the current tick: resolves with that tick and the moves so far. */
  takeover(): Promise<{ tick: number; actions: ActionDef[] }>;
  /** Back to a tick of the run so far: resolves with the tick and the player's moves kept. */
  seek(tick: number): Promise<{ tick: number; actions: ActionDef[] }>;
  /** Opens (or replaces, or with null closes) a comparison's run B. */
  compare(vs: CompareSpec | null): Promise<{ ok: boolean; message: string; metaB: RunMeta | null }>;
  setPauseAtEvents(on: boolean): void;
  /** Replays the game without each of the player's choices (a worker of its own); onResult per choice. */
  counterfactuals?(job: CounterfactualJob, onResult: (c: Counterfactual | null, total: number) => void): Promise<void>;
  play(ticksPerSecond: number): void;
  pause(): void;
  /** Resolves with the tick reached once n more ticks have run. */
  step(n: number): Promise<number>;
  act(tactic: TacticId): Promise<{ ok: boolean; message: string; tick: number }>;
  inspect(officer: number | null): void;
  dispose(): void;
}

type Pending<T> = Map<number, { resolve(v: T): void; reject(e: Error): void }>;

export function createWorkerRunner(opts: { maxDrawn?: number } = {}): Runner {
  const worker = new Worker(new URL('./worker.ts', import.meta.url), { type: 'module' });
  const maxDrawn = opts.maxDrawn ?? DEFAULT_MAX_DRAWN;
  let listener: RunnerListener | null = null;
  let runId = 0;
  let nextId = 1;
  const steps: Pending<number> = new Map();
  const acts: Pending<{ ok: boolean; message: string; tick: number }> = new Map();
  const moves: Pending<{ tick: number; actions: ActionDef[] }> = new Map();
  const compares: Pending<{ ok: boolean; message: string; metaB: RunMeta | null }> = new Map();
  let shown: AgentBuffers | null = null;
  const spare: AgentBuffers[] = [];
  let shownB: AgentBuffers | null = null;
  const spareB: AgentBuffers[] = [];
  let rafPending = false;
  let replayer: Worker | null = null;
  /** play/pause/step messages sent in this run, and whether the last of them meant "playing". */
  let controls = 0;
  let intended = false;

  const send = (m: ToWorker, transfer: Transferable[] = []): void => worker.postMessage(m, transfer);

  const rejectAll = (why: string): void => {
    for (const p of [...steps.values(), ...acts.values(), ...moves.values(), ...compares.values()]) p.reject(new Error(why));
    steps.clear();
    acts.clear();
    moves.clear();
    compares.clear();
  };

  /** After the page has drawn: return one spent buffer set and ask for the next frame. */
  const frameDone = (): void => {
    rafPending = false;
    const b = spare.pop() ?? null, bb = spareB.pop() ?? null;
    const tr = (x: AgentBuffers | null) => (x ? [x.x.buffer, x.y.buffer, x.style.buffer, x.id.buffer] : []);
    send({ type: 'frameDone', agents: b, agentsB: bb }, [...tr(b), ...tr(bb)]);
  };

  worker.onmessage = (ev: MessageEvent<FromWorker>) => {
    const m = ev.data;
    if (m.runId !== runId) return;
    switch (m.type) {
      case 'ready': listener?.ready(m.meta, m.metaB, m.tick, m.notice); return;
      case 'paused': listener?.paused?.(m.label, m.tick); intended = false; return;
      case 'tookOver': case 'sought': moves.get(m.id)?.resolve({ tick: m.tick, actions: m.actions }); moves.delete(m.id); return;
      case 'compared':
        if (!m.ok || m.metaB === null) { if (shownB) shownB = null; spareB.length = 0; }
        compares.get(m.id)?.resolve({ ok: m.ok, message: m.message, metaB: m.metaB }); compares.delete(m.id); return;
      case 'frame':
        // A frame sent before the worker saw our last play/pause/step reports a stale `playing`.
        if (m.frame.control !== controls) m.frame.playing = intended;
        if (m.frame.agents) {
          if (shown) spare.push(shown);
          shown = m.frame.agents;
        }
        if (m.frame.b?.agents) {
          if (shownB) spareB.push(shownB);
          shownB = m.frame.b.agents;
        }
        listener?.frame(m.frame);
        if (!rafPending) { rafPending = true; requestAnimationFrame(frameDone); }
        return;
      case 'stepped': steps.get(m.id)?.resolve(m.tick); steps.delete(m.id); return;
      case 'acted': acts.get(m.id)?.resolve({ ok: m.ok, message: m.message, tick: m.tick }); acts.delete(m.id); return;
      case 'error':
        rejectAll(m.message);
        listener?.error(m.message, m.phase);
        return;
    }
  };
  worker.onerror = (ev: ErrorEvent) => {
    const msg = ev.message || 'the model worker failed to load';
    rejectAll(msg);
    listener?.error(msg, 'run');
  };

  return {
    listen(l) { listener = l; },
    start(run, startTick = 0) {
      runId++;
      rejectAll('the run was restarted');
      shown = null;
      spare.length = 0;
      shownB = null;
      spareB.length = 0;
      controls = 0;
      intended = false;
      send({ type: 'init', runId, scenarioId: run.scenarioId, seed: run.seed, sets: run.sets, actions: run.actions, strategy: run.strategy,
        tactics: run.tactics, takeover: run.takeover, vs: run.vs, maxDrawn, startTick });
    },
    takeover() {
      const id = nextId++;
      return new Promise((resolve, reject) => { moves.set(id, { resolve, reject }); send({ type: 'takeover', id }); });
    },
    seek(tick) {
      const id = nextId++;
      controls++;
      intended = false;
      return new Promise((resolve, reject) => { moves.set(id, { resolve, reject }); send({ type: 'seek', tick, id }); });
    },
    compare(vs) {
      const id = nextId++;
      return new Promise((resolve, reject) => { compares.set(id, { resolve, reject }); send({ type: 'compare', vs, id }); });
    },
    setPauseAtEvents(on) { send({ type: 'pauseAtEvents', on }); },
    counterfactuals(job, onResult) {
      // A fresh worker per request: an older request still running is simply dropped with it.
      replayer?.terminate();
      const w = new Worker(new URL('./replayWorker.ts', import.meta.url), { type: 'module' });
      replayer = w;
      return new Promise((resolve, reject) => {
        w.onmessage = (ev: MessageEvent<ReplayReply>) => {
          const m = ev.data;
          if ('error' in m) { reject(new Error(m.error)); w.terminate(); return; }
          onResult(m.result, m.total);
          if (m.done) { resolve(); w.terminate(); if (replayer === w) replayer = null; }
        };
        w.onerror = (e) => { reject(new Error(e.message || 'the replay worker failed')); w.terminate(); };
        w.postMessage({ id: 1, job });
      });
    },
    play(ticksPerSecond) { controls++; intended = true; send({ type: 'play', ticksPerSecond }); },
    pause() { controls++; intended = false; send({ type: 'pause' }); },
    step(n) {
      const id = nextId++;
      controls++;
      intended = false;
      return new Promise((resolve, reject) => {
        steps.set(id, { resolve, reject });
        send({ type: 'step', n, id });
      });
    },
    act(tactic) {
      const id = nextId++;
      return new Promise((resolve, reject) => {
        acts.set(id, { resolve, reject });
        send({ type: 'act', action: { tick: 0, tactic }, id }); // the worker records it at its own current tick
      });
    },
    inspect(officer) { send({ type: 'inspect', officer }); },
    dispose() { rejectAll('closed'); worker.terminate(); replayer?.terminate(); },
  };
}
