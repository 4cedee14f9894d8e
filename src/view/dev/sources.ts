/**
 * DEV HARNESS ONLY (not part of the build): agent sources that stand in for the Web Worker
 * runner while the spine is being built. `simSource` runs the real model on the page's thread
 * and fills AgentBuffers with the runner's own code (runner/agents.ts); `fakeSource` makes n random walkers for the benchmark.
 */
import { DEFAULT_MAX_DRAWN, Style, type AgentBuffers, type RunMeta } from '../../runner/protocol';
import { advance, createState, TACTICS, type SimEvent, type SimState } from '../../sim';
import { fillAgents, makeBuffers as buffers, selectAgents } from '../../runner/agents';
import { getPreset, resolveParams } from '../../scenarios';

export interface Source {
  meta: RunMeta;
  /** Advances (ticks > 0) and fills the other buffer; returns it. */
  next(ticks: number): AgentBuffers;
  tick(): number;
  events(): SimEvent[];
  state: SimState | null;
}

export function simSource(scenarioId: string, seed: number, scale: string | null = null): Source {
  const sc = getPreset(scenarioId);
  const s = createState(sc, resolveParams(sc, scale ? [['scale', scale]] : []), seed);
  const n = s.c.n + s.o.n, pair = [buffers(n), buffers(n)];
  let flip = 0;
  const meta: RunMeta = {
    scenarioId, title: sc.title, briefing: {}, seed, params: s.params, startDate: sc.startDate ?? '2020-08-09',
    ticksPerDay: s.ticksPerDay, horizonTicks: s.horizonTicks, grid: { w: s.grid.w, h: s.grid.h }, map: sc.map,
    districtIds: s.districtIds, districtNames: s.districtNames, nCitizens: s.c.n, nOfficers: s.o.n,
    tactics: Object.entries(TACTICS).map(([id, t]) => ({ id: id as keyof typeof TACTICS, label: t.label, effect: t.effect, cost: t.cost })),
    historical: null,
  };
  const sel = selectAgents(s.c.n, s.o.n, DEFAULT_MAX_DRAWN);
  const fill = (b: AgentBuffers): AgentBuffers => { fillAgents(s, sel, b); return b; };
  let seen = 0;
  return {
    meta, state: s,
    next(ticks) { if (ticks > 0 && s.outcome === null) advance(s, ticks); flip ^= 1; return fill(pair[flip]); },
    tick: () => s.tick,
    events() { const e = s.eventLog.slice(seen); seen = s.eventLog.length; return e; },
  };
}

export function fakeSource(n: number, base: RunMeta, keepGrid = false): Source {
  const officers = Math.round(n * 0.06), nC = n - officers;
  const scale = keepGrid ? 1 : Math.max(1, Math.sqrt(n / 22000));
  const grid = { w: Math.round(base.grid.w * scale), h: Math.round(base.grid.h * scale) };
  const meta: RunMeta = { ...base, grid, nCitizens: nC, nOfficers: officers };
  const pair = [buffers(n), buffers(n)];
  let t = 0, flip = 0, seed = 12345;
  const rnd = (): number => ((seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0) / 4294967296);
  const b = pair[0];
  for (let i = 0; i < n; i++) {
    b.id[i] = i;
    b.x[i] = rnd() * grid.w; b.y[i] = rnd() * grid.h;
    const r = rnd();
    b.style[i] = i >= nC ? (r < 0.6 ? Style.officerMasked : r < 0.85 ? Style.officerUnmasked : Style.officerMasked) + Math.floor(rnd() * 10)
        : r < 0.82 ? Style.quiet : r < 0.97 ? Style.active : r < 0.985 ? Style.injured : Style.detained;
      if (i >= nC && r > 0.9) b.style[i] = [Style.shirking, Style.insider, Style.joined][i % 3];
  }
  b.count = n;
  const c = pair[1];
  c.x.set(b.x); c.y.set(b.y); c.style.set(b.style); c.id.set(b.id); c.count = n;
  return {
    meta, state: null,
    next(ticks) {
      flip ^= 1;
      const b = pair[flip], o = pair[flip ^ 1];
      t += ticks;
      for (let i = 0; i < n; i++) {
        const a = (i * 0.37 + t * 0.05) % 6.283;
        b.x[i] = Math.min(grid.w - 0.01, Math.max(0, o.x[i] + Math.cos(a) * 0.05));
        b.y[i] = Math.min(grid.h - 0.01, Math.max(0, o.y[i] + Math.sin(a) * 0.05));
      }
      return b;
    },
    tick: () => t,
    events: () => [],
  };
}
