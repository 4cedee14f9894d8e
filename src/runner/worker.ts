/**
 * The model's Web Worker: a fixed-tick loop (speed = ticks per second, measured against
 * performance.now(), never frame time) around the sim's one advance(), and frames for the page.
 * A frame is sent when the page has asked for one ('frameDone', once per animation frame) and
 * something changed, so the worker never floods the page; steps, actions and selection changes
 * answer at once. Ticks run in slices of at most BUDGET_MS so messages are never kept waiting.
 */
import type { FromWorker, ToWorker } from './protocol';
import { Session } from './session';

const scope = self as unknown as DedicatedWorkerGlobalScope;
const post = (m: FromWorker, transfer: Transferable[] = []): void => scope.postMessage(m, transfer);

/** Longest slice of model work between two looks at the message queue. */
const BUDGET_MS = 25;

let session: Session | null = null;
let runId = 0;
let playing = false;
let tps = 24;
/** Whether play stops itself when the outcome is decided (not when it already was at play). */
let stopAtOutcome = true;
let clockStart = 0;
let clockTicks = 0;
const steps: { id: number; left: number }[] = [];
/** The page has drawn the last frame and wants another. */
let wantFrame = false;
/** Something changed since the last frame. */
let dirty = false;
let timer: ReturnType<typeof setTimeout> | null = null;
/** play/pause/step messages handled in this run (echoed in frames: see Frame.control). */
let control = 0;

function sendFrame(): void {
  if (!session) return;
  const { frame, transfer } = session.frame(playing, control);
  post({ type: 'frame', runId, frame }, transfer);
  wantFrame = false;
  dirty = false;
}

const maybeFrame = (): void => { if (dirty && wantFrame) sendFrame(); };

function schedule(delayMs: number): void {
  if (timer === null) timer = setTimeout(loop, Math.max(0, delayMs));
}

function stop(): void {
  playing = false;
  dirty = true;
}

function loop(): void {
  timer = null;
  const s = session;
  if (!s) return;
  const t0 = performance.now();
  const inBudget = () => performance.now() - t0 < BUDGET_MS;
  try {
    while (steps.length > 0 && inBudget()) {
      const st = steps[0];
      while (st.left > 0 && inBudget()) { s.tickOnce(); st.left--; dirty = true; }
      if (st.left > 0) break;
      steps.shift();
      sendFrame();
      post({ type: 'stepped', runId, id: st.id, tick: s.tick });
    }
    if (steps.length === 0 && playing) {
      const due = Math.floor(((performance.now() - clockStart) * tps) / 1000) - clockTicks;
      let k = 0;
      while (k < due && playing && inBudget()) {
        s.tickOnce(); k++; dirty = true;
        if ((stopAtOutcome && s.finished) || s.atHorizon) stop();
      }
      clockTicks += k;
      // Too slow for the asked speed: go on from now instead of bursting to catch up.
      if (due - k > Math.max(2, tps / 4)) { clockStart = performance.now(); clockTicks = 0; }
    }
  } catch (e) {
    playing = false;
    steps.length = 0;
    post({ type: 'error', runId, phase: 'run', message: e instanceof Error ? e.message : String(e) });
    dirty = true;
  }
  maybeFrame();
  if (steps.length > 0) schedule(0);
  else if (playing) schedule(((clockTicks + 1) * 1000) / tps - (performance.now() - clockStart));
}

function init(m: Extract<ToWorker, { type: 'init' }>): void {
  runId = m.runId;
  playing = false;
  steps.length = 0;
  session = null;
  control = 0;
  wantFrame = false;
  try {
    session = new Session(m);
  } catch (e) {
    post({ type: 'error', runId, phase: 'init', message: e instanceof Error ? e.message : String(e) });
    return;
  }
  post({ type: 'ready', runId, meta: session.meta });
  sendFrame();
}

scope.onmessage = (ev: MessageEvent<ToWorker>) => {
  const m = ev.data;
  switch (m.type) {
    case 'init': init(m); return;
    case 'frameDone':
      session?.giveBack(m.agents);
      wantFrame = true;
      maybeFrame();
      return;
    case 'play':
      control++;
      tps = Math.min(10_000, Math.max(0.1, m.ticksPerSecond));
      if (!session || session.atHorizon) { stop(); maybeFrame(); return; }
      if (!playing) stopAtOutcome = !session.finished;
      playing = true;
      clockStart = performance.now();
      clockTicks = 0;
      dirty = true;
      // A slow speed may have left a timer far ahead: start at the new speed now.
      if (timer !== null) { clearTimeout(timer); timer = null; }
      schedule(0);
      return;
    case 'pause': control++; stop(); maybeFrame(); return;
    case 'step':
      control++;
      // No run (it could not be built): answer anyway so a waiting script does not hang.
      if (!session) { post({ type: 'stepped', runId, id: m.id, tick: 0 }); return; }
      playing = false;
      steps.push({ id: m.id, left: Math.max(0, Math.floor(m.n)) });
      schedule(0);
      return;
    case 'act': {
      if (!session) { post({ type: 'acted', runId, id: m.id, ok: false, message: 'no run to act in', tick: 0 }); return; }
      const r = session.act(m.action.tactic);
      post({ type: 'acted', runId, id: m.id, ...r });
      if (r.ok) sendFrame();
      return;
    }
    case 'inspect':
      if (!session) return;
      session.log.inspect(m.officer);
      sendFrame();
      return;
  }
};
