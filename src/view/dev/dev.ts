/**
 * DEV HARNESS ONLY (not part of the build): the map view on a fake store.
 *   ?scenario=minsk-2020&seed=1&tpf=1   real model on the page's thread, tpf ticks per frame
 *   ?agents=100000                      random walkers instead (benchmark)
 *   &outcome=success|failure|stalemate&at=120   force an outcome after `at` frames
 *   &events=1                           synthetic events every 20 frames (fake mode)
 *   &renderer=canvas|webgl              forwarded to the renderer choice
 * Exposes window.__fps (frames in the last second) and window.__store.
 */
import { createStore } from 'zustand/vanilla';
import type { GameStore } from '../../store/types';
import type { AgentBuffers } from '../../runner/protocol';
import type { FallCause, Outcome, SimEvent } from '../../sim';
import { tickDate, parseDate } from '../../sim';
import { startGame } from '../game';
import * as Phaser from 'phaser';
import { LEGEND_WIDTH } from '../layers/Legend';
import { project, resetView } from '../transform';
import { fakeSource, simSource, type Source } from './sources';

const q = new URLSearchParams(location.search);
const scenario = q.get('scenario') ?? 'minsk-2020';
const agentsN = Number(q.get('agents') ?? 0);
const tpf = Number(q.get('tpf') ?? 1);
const forced = q.get('outcome') as Outcome | null;
const forcedAt = Number(q.get('at') ?? 120);
const warm = Number(q.get('warm') ?? 0);

const sim = simSource(scenario, Number(q.get('seed') ?? 1), q.get('scale'));
const src: Source = agentsN > 0 ? fakeSource(agentsN, sim.meta, q.get('grid') === 'base') : sim;
if (warm > 0 && src.state) src.next(warm);
const noop = (): void => undefined;
const store = createStore<GameStore>()((set) => ({
  status: 'loading', notice: null, scenarioId: scenario, seed: 1, sets: [], actions: [], meta: null, playing: true, speed: 24,
  tick: 0, date: '', outcome: null, fallCause: null, tippingTick: null, summary: null, capacity: 0, levels: {},
  selectedOfficer: null, inspected: null, events: [], historical: null, runId: 1, channelTotals: null,
  start: noop, play: () => set({ playing: true }), pause: () => set({ playing: false }), toggle: () => set((s) => ({ playing: !s.playing })),
  setSpeed: noop, step: async () => undefined, act: async () => ({ ok: false, message: 'harness' }),
  selectOfficer: (id) => { console.log('selectOfficer', id); set({ selectedOfficer: id }); },
  setParam: noop, reset: noop, dismissNotice: noop,
}));
(window as unknown as { __store: typeof store }).__store = store;

let agents: AgentBuffers | null = null;
/** Screen position of the k-th drawn officer at the reset view (legend open, wide screen). */
(window as unknown as { __officerAt: (k: number) => [number, number, number] | null }).__officerAt = (k) => {
  const a = agents, m = store.getState().meta;
  if (!a || !m) return null;
  const side = LEGEND_WIDTH + 12, xf = project(resetView(m.grid), m.grid, { x: side, y: 0, w: innerWidth - side, h: innerHeight });
  for (let i = 0, seen = 0; i < a.count; i++)
    if (a.id[i] >= m.nCitizens && a.style[i] >= 10 && a.style[i] < 30 && seen++ === k) return [a.x[i] * xf.s + xf.ox, a.y[i] * xf.s + xf.oy, a.id[i] - m.nCitizens];
  return null;
};
const parent = document.getElementById('game') as HTMLElement;
if (q.get('gw')) Object.assign(parent.style, { right: 'auto', bottom: 'auto', width: `${q.get('gw')}px`, height: `${q.get('gh')}px` });
const handle = startGame(parent, { store, getAgents: () => agents });
(window as unknown as { __handle: typeof handle }).__handle = handle;
// Time spent in the scene's update (drawing the buffer) and in Phaser's render, per frame.
const timing = { step: 0, render: 0, n: 0 };
let t0 = 0;
handle.game.events.on(Phaser.Core.Events.PRE_STEP, () => { t0 = performance.now(); });
handle.game.events.on(Phaser.Core.Events.PRE_RENDER, () => { timing.step += performance.now() - t0; t0 = performance.now(); });
handle.game.events.on(Phaser.Core.Events.POST_RENDER, () => { timing.render += performance.now() - t0; timing.n++; });
(window as unknown as { __timing: () => object }).__timing = () => {
  const r = { step: +(timing.step / timing.n).toFixed(2), render: +(timing.render / timing.n).toFixed(2), n: timing.n };
  timing.step = timing.render = timing.n = 0;
  return r;
};
setTimeout(() => store.setState({ status: 'ready', meta: src.meta }), 100);

const day0 = parseDate(src.meta.startDate) ?? 0;
const hud = document.getElementById('hud') as HTMLElement;
let frames = 0, fps = 0, last = performance.now(), n = 0;
const synthetic = ['walkout', 'join', 'unmasking', 'resign-noisy', 'shirk', 'death', 'deploy', 'tactic', 'scenario'];
function frame(now: number): void {
  const s = store.getState();
  if (s.meta) {
    n++;
    agents = src.next(s.playing && s.outcome === null ? tpf : 0);
    const tick = src.tick();
    const fresh: SimEvent[] = src.events();
    if (q.get('events') && n % 20 === 0 && agents.count) {
      const kind = synthetic[(n / 20) % synthetic.length];
      const slot = agents.count - 1 - ((n * 7919) % Math.max(1, Math.floor(agents.count * 0.06)));
      fresh.push({ tick, kind, officer: agents.id[slot] - src.meta.nCitizens, district: src.meta.districtIds[n % src.meta.districtIds.length], detail: kind === 'tactic' ? 'streetUnmasking' : 'Crackdown ordered: mass detentions' });
    }
    const st = src.state;
    const outcome: Outcome | null = forced && n >= forcedAt ? forced : st?.outcome ?? null;
    const patch: Partial<GameStore> = { tick, date: tickDate(day0, tick, 24 / src.meta.ticksPerDay) };
    if (fresh.length) patch.events = [...s.events, ...fresh].slice(-200);
    if (outcome !== s.outcome) Object.assign(patch, {
      outcome, fallCause: (forced ? (outcome === 'success' ? 'overwhelm' : null) : st?.fallCause ?? null) as FallCause | null,
      tippingTick: forced ? (outcome === 'success' ? tick - 30 : null) : st?.tippingTick ?? null,
    });
    store.setState(patch);
  }
  frames++;
  if (now - last >= 1000) { fps = Math.round((frames * 1000) / (now - last)); frames = 0; last = now; }
  (window as unknown as { __fps: number }).__fps = fps;
  hud.textContent = `${handle.renderer} · ${fps} fps · tick ${src.tick()} · ${agents?.count ?? 0} agents`;
  requestAnimationFrame(frame);
}
requestAnimationFrame(frame);
