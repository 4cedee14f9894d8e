/**
 * The page's side of the model worker. It keeps the ping-pong going: the buffers of the frame
 * being shown stay here, the ones they replaced go back with 'frameDone' on the next animation
 * frame, which is also the page's request for the next frame, so frames never outpace drawing.
 * Messages of a replaced run (older runId) are dropped.
 */
import type { RunSpec } from '../store/types';
import type { TacticId } from '../sim';
import { DEFAULT_MAX_DRAWN, type AgentBuffers, type Frame, type FromWorker, type RunMeta, type ToWorker } from './protocol';

export interface RunnerListener {
  ready(meta: RunMeta): void;
  frame(frame: Frame): void;
  /** phase 'init': the run could not be built; 'run': the model stopped with an error. */
  error(message: string, phase: 'init' | 'run'): void;
}

/** What the store needs from a runner (a fake one serves the store's Node tests). */
export interface Runner {
  listen(l: RunnerListener): void;
  start(run: RunSpec): void;
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
  let shown: AgentBuffers | null = null;
  const spare: AgentBuffers[] = [];
  let rafPending = false;
  /** play/pause/step messages sent in this run, and whether the last of them meant "playing". */
  let controls = 0;
  let intended = false;

  const send = (m: ToWorker, transfer: Transferable[] = []): void => worker.postMessage(m, transfer);

  const rejectAll = (why: string): void => {
    for (const p of [...steps.values(), ...acts.values()]) p.reject(new Error(why));
    steps.clear();
    acts.clear();
  };

  /** After the page has drawn: return one spent buffer set and ask for the next frame. */
  const frameDone = (): void => {
    rafPending = false;
    const b = spare.pop() ?? null;
    send({ type: 'frameDone', agents: b }, b ? [b.x.buffer, b.y.buffer, b.style.buffer, b.id.buffer] : []);
  };

  worker.onmessage = (ev: MessageEvent<FromWorker>) => {
    const m = ev.data;
    if (m.runId !== runId) return;
    switch (m.type) {
      case 'ready': listener?.ready(m.meta); return;
      case 'frame':
        // A frame sent before the worker saw our last play/pause/step reports a stale `playing`.
        if (m.frame.control !== controls) m.frame.playing = intended;
        if (m.frame.agents) {
          if (shown) spare.push(shown);
          shown = m.frame.agents;
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
    start(run) {
      runId++;
      rejectAll('the run was restarted');
      shown = null;
      spare.length = 0;
      controls = 0;
      intended = false;
      send({ type: 'init', runId, scenarioId: run.scenarioId, seed: run.seed, sets: run.sets, actions: run.actions, maxDrawn });
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
    dispose() { rejectAll('closed'); worker.terminate(); },
  };
}
