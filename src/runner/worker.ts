/**
 * The model's Web Worker: a fixed-tick loop (speed = ticks per second, measured against
 * performance.now(), never frame time) around the sim's one advance(), and frames for the page.
 * A frame is sent when the page has asked for one ('frameDone', once per animation frame) and
 * something changed, so the worker never floods the page; steps, actions and selection changes
 * answer at once. Ticks run in slices of at most BUDGET_MS so messages are never kept waiting.
 *
 * A comparison's run B lives here too and moves in lock-step with A: every tick advances both,
 * so they are always at the same tick; play stops when both are decided.
 */
import type { TacticId } from '../sim';
import type { FromWorker, ToWorker } from './protocol';
import { compareSession, Session, type SessionInit } from './session';

const scope = self as unknown as DedicatedWorkerGlobalScope;
const post = (m: FromWorker, transfer: Transferable[] = []): void => scope.postMessage(m, transfer);

/** Longest slice of model work between two looks at the message queue. */
const BUDGET_MS = 25;

let session: Session | null = null;
let sessionB: Session | null = null;
let initSpec: SessionInit | null = null;
let excludeB: readonly TacticId[] = [];
let runId = 0;
let playing = false;
let tps = 24;
/** Whether play stops itself when the outcome is decided (not when it already was at play). */
let stopAtOutcome = true;
let pauseAtEvents = false;
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
  if (sessionB) {
    const b = sessionB.side();
    frame.b = b.side;
    transfer.push(...b.transfer);
  }
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

/** One tick of A and of B (lock-step); true when a scheduled event of the scenario fired. */
function tickBoth(s: Session): string | null {
  const before = s.s.nextEvent;
  s.tickOnce();
  sessionB?.tickOnce();
  return s.s.nextEvent !== before ? (s.s.events[s.s.nextEvent - 1]?.label ?? '') : null;
}

const allDecided = (s: Session): boolean => s.finished && (sessionB === null || sessionB.finished);

function loop(): void {
  timer = null;
  const s = session;
  if (!s) return;
  const t0 = performance.now();
  const inBudget = () => performance.now() - t0 < BUDGET_MS;
  try {
    while (steps.length > 0 && inBudget()) {
      const st = steps[0];
      // A step ends at the horizon, as playing does: the run has no days beyond it to show or explain.
      while (st.left > 0 && inBudget() && !s.atHorizon) { tickBoth(s); st.left--; dirty = true; }
      if (s.atHorizon) st.left = 0;
      if (st.left > 0) break;
      steps.shift();
      sendFrame();
      post({ type: 'stepped', runId, id: st.id, tick: s.tick });
    }
    if (steps.length === 0 && playing) {
      const due = Math.floor(((performance.now() - clockStart) * tps) / 1000) - clockTicks;
      let k = 0;
      while (k < due && playing && inBudget()) {
        const fired = tickBoth(s); k++; dirty = true;
        if ((stopAtOutcome && allDecided(s)) || s.atHorizon) stop();
        else if (fired !== null && pauseAtEvents) {
          // The frame goes first, so the page never shows "paused" beside an older tick.
          stop(); sendFrame(); post({ type: 'paused', runId, label: fired, tick: s.tick });
        }
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

function openB(vs: Extract<ToWorker, { type: 'compare' }>['vs']): void {
  sessionB = null;
  excludeB = [];
  if (!vs || !initSpec || !session) return;
  // Built from A's moves so far (less B's excluded kinds) and caught up to A's tick: the same run
  // as if B had been open from tick 0.
  const b = compareSession({ ...initSpec, strategy: session.strategy, actions: session.userActions }, vs);
  b.takeover = session.takeover;
  while (b.tick < session.tick) b.tickOnce();
  b.dropEvents(); // what B did while catching up is not news (its rows from tick 0 go with the next frame)
  sessionB = b;
  excludeB = vs.exclude;
}

function init(m: Extract<ToWorker, { type: 'init' }>): void {
  runId = m.runId;
  playing = false;
  steps.length = 0;
  session = null;
  sessionB = null;
  control = 0;
  wantFrame = false;
  initSpec = { scenarioId: m.scenarioId, seed: m.seed, sets: m.sets, actions: m.actions, strategy: m.strategy, tactics: m.tactics, maxDrawn: m.maxDrawn };
  let notice: string | null = null;
  try {
    session = new Session(initSpec);
    session.takeover = m.takeover;
    if (m.vs) openB(m.vs);
    // `&day=N`: paused at the start of day N with the earlier actions applied, or at the outcome.
    const to = Math.min(Math.max(0, m.startTick), session.s.horizonTicks);
    while (session.tick < to && !session.finished) tickBoth(session);
    if (session.tick < to) notice = 'decided';
  } catch (e) {
    post({ type: 'error', runId, phase: 'init', message: e instanceof Error ? e.message : String(e) });
    session = null;
    sessionB = null;
    return;
  }
  post({ type: 'ready', runId, meta: session.meta, metaB: (sessionB as Session | null)?.meta ?? null, tick: session.tick, notice });
  sendFrame();
}

scope.onmessage = (ev: MessageEvent<ToWorker>) => {
  const m = ev.data;
  switch (m.type) {
    case 'init': init(m); return;
    case 'frameDone':
      session?.giveBack(m.agents);
      sessionB?.giveBack(m.agentsB ?? null);
      wantFrame = true;
      maybeFrame();
      return;
    case 'play':
      control++;
      tps = Math.min(10_000, Math.max(0.1, m.ticksPerSecond));
      if (!session || session.atHorizon) { stop(); maybeFrame(); return; }
      if (!playing) stopAtOutcome = !allDecided(session);
      playing = true;
      clockStart = performance.now();
      clockTicks = 0;
      dirty = true;
      // A slow speed may have left a timer far ahead: start at the new speed now.
      if (timer !== null) { clearTimeout(timer); timer = null; }
      schedule(0);
      return;
    case 'pause': control++; stop(); maybeFrame(); return;
    case 'pauseAtEvents': pauseAtEvents = m.on; return;
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
      if (r.ok && sessionB && !excludeB.includes(m.action.tactic)) sessionB.mirror(m.action.tactic, r.tick);
      post({ type: 'acted', runId, id: m.id, ...r });
      if (r.ok) sendFrame();
      return;
    }
    case 'takeover': {
      if (!session) return;
      const r = session.takeOver();
      sessionB?.takeOver();
      // The frame first: when the caller's promise resolves, the store already shows the new state.
      sendFrame();
      post({ type: 'tookOver', runId, id: m.id, tick: r.tick, actions: r.actions });
      return;
    }
    case 'seek': {
      if (!session) return;
      playing = false;
      steps.length = 0;
      control++;
      try {
        session.seek(m.tick);
        sessionB?.seek(m.tick);
      } catch (e) {
        post({ type: 'error', runId, phase: 'run', message: e instanceof Error ? e.message : String(e) });
        return;
      }
      // The frame first (it carries no rows after a seek): when the caller's promise resolves,
      // the store already shows the sought day, as a step's does.
      sendFrame();
      post({ type: 'sought', runId, id: m.id, tick: session.tick, actions: session.userActions });
      return;
    }
    case 'compare': {
      if (!session) { post({ type: 'compared', runId, id: m.id, ok: false, message: 'no run to compare with', metaB: null }); return; }
      try {
        openB(m.vs);
        post({ type: 'compared', runId, id: m.id, ok: true, message: '', metaB: (sessionB as Session | null)?.meta ?? null });
      } catch (e) {
        sessionB = null;
        post({ type: 'compared', runId, id: m.id, ok: false, message: e instanceof Error ? e.message : String(e), metaB: null });
      }
      dirty = true;
      sendFrame();
      return;
    }
    case 'inspect':
      if (!session) return;
      session.log.inspect(m.officer);
      sendFrame();
      return;
  }
};
