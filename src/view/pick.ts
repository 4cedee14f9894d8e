/**
 * Finding agents in the frame's buffers (no Phaser): the officer nearest a click, and where a
 * given agent is. The buffers are reused between frames, so callers use the answers at once.
 */
import type { AgentBuffers } from '../runner/protocol';
import { Style } from '../runner/protocol';
import type { Xf } from './transform';

/** Officers that are drawn (on duty, shirking, insider, joined): resigned ones are off the map. */
export const isDrawnOfficer = (style: number): boolean => style >= Style.officerMasked && style !== Style.resigned && style <= Style.joined;

/**
 * The officer index (id - nCitizens) of the drawn officer nearest screen point (sx, sy), within
 * `maxPx` screen pixels; null when none is that close. `xf` maps cells to screen pixels.
 */
export function pickOfficer(a: AgentBuffers, nCitizens: number, xf: Xf, sx: number, sy: number, maxPx: number): number | null {
  let best = -1, bd = maxPx * maxPx;
  const { x, y, style, id } = a;
  for (let i = 0; i < a.count; i++) {
    if (id[i] < nCitizens || !isDrawnOfficer(style[i])) continue;
    const dx = x[i] * xf.s + xf.ox - sx, dy = y[i] * xf.s + xf.oy - sy;
    const d = dx * dx + dy * dy;
    if (d <= bd) { bd = d; best = i; }
  }
  return best < 0 ? null : id[best] - nCitizens;
}

/** Slot of agent `agentId` in the buffers, or -1. */
export function findAgent(a: AgentBuffers, agentId: number): number {
  const id = a.id;
  for (let i = 0; i < a.count; i++) if (id[i] === agentId) return i;
  return -1;
}

/**
 * Finds many agents in one pass: for each key of `wanted` (an agent id) sets the value to its slot
 * (-1 when absent). For the event markers, which may ask for dozens of officers in one frame.
 */
export function locateAgents(a: AgentBuffers, wanted: Map<number, number>): void {
  if (wanted.size === 0) return;
  let lo = Infinity, hi = -Infinity;
  for (const k of wanted.keys()) { wanted.set(k, -1); if (k < lo) lo = k; if (k > hi) hi = k; }
  let left = wanted.size;
  const id = a.id;
  for (let i = 0; i < a.count && left > 0; i++) {
    const v = id[i] < lo || id[i] > hi ? undefined : wanted.get(id[i]);
    if (v === -1) { wanted.set(id[i], i); left--; }
  }
}
