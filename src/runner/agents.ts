/**
 * What the view draws: one position and one style byte per drawn agent, written into agent
 * buffers that travel to the page and back (two sets, ping-pong). Above `maxDrawn` agents a fixed
 * subsample is drawn: every (total/maxDrawn)-th agent id, chosen once per run so the same dots
 * stay on screen (no flicker) and each district keeps its share (agents are created district by
 * district). Each agent sits at its cell plus a fixed offset hashed from its id, so a crowded
 * cell reads as a crowd rather than one dot.
 */
import { OfficerState, type SimState } from '../sim';
import { Style, type AgentBuffers } from './protocol';

export interface AgentSelection {
  /** Agent ids drawn (citizens 0..nC-1, then officers nC + j), ascending. */
  ids: Int32Array;
  offX: Float32Array;
  offY: Float32Array;
}

/** A 32-bit integer hash (Chris Wellons' lowbias32): offsets that look random but never change. */
export function hash32(x: number): number {
  x ^= x >>> 16; x = Math.imul(x, 0x7feb352d);
  x ^= x >>> 15; x = Math.imul(x, 0x846ca68b);
  x ^= x >>> 16;
  return x >>> 0;
}

/** Offsets stay inside [0.1, 0.9) of the cell so neighbouring cells do not blur together. */
const offset = (h: number): number => 0.1 + 0.8 * ((h & 0xffff) / 0x10000);

export function selectAgents(nCitizens: number, nOfficers: number, maxDrawn: number): AgentSelection {
  const total = nCitizens + nOfficers;
  const n = Math.max(0, Math.min(total, Math.floor(maxDrawn)));
  const ids = new Int32Array(n);
  // Stride over citizens and officers separately so both keep their proportion of the drawing.
  const nc = total > 0 ? Math.min(nCitizens, Math.round((n * nCitizens) / total)) : 0;
  const no = n - nc;
  for (let k = 0; k < nc; k++) ids[k] = Math.floor((k * nCitizens) / nc);
  for (let k = 0; k < no; k++) ids[nc + k] = nCitizens + Math.floor((k * nOfficers) / no);
  const offX = new Float32Array(n), offY = new Float32Array(n);
  for (let k = 0; k < n; k++) {
    offX[k] = offset(hash32(ids[k] * 2 + 1));
    offY[k] = offset(hash32(ids[k] * 2 + 2));
  }
  return { ids, offX, offY };
}

export function makeBuffers(capacity: number): AgentBuffers {
  return { count: 0, x: new Float32Array(capacity), y: new Float32Array(capacity), style: new Uint8Array(capacity), id: new Int32Array(capacity) };
}

const decile = (loyalty: number): number => Math.max(0, Math.min(9, Math.floor(loyalty * 10)));

/** The style byte of officer j (see Style in protocol.ts). */
export function officerStyle(s: SimState, j: number): number {
  const o = s.o;
  switch (o.state[j]) {
    case OfficerState.on_duty:
      // Known when never masked, unmasked in the street, or identified by a publication (exposure 1).
      return (o.masked[j] && o.exposure[j] < 1 ? Style.officerMasked : Style.officerUnmasked) + decile(o.loyalty[j]);
    case OfficerState.shirking: return Style.shirking;
    case OfficerState.insider: return Style.insider;
    case OfficerState.joined: return Style.joined;
    default: return Style.resigned;
  }
}

/** Writes the agents on the map into `b` (dead citizens and officers off the map are skipped). */
export function fillAgents(s: SimState, sel: AgentSelection, b: AgentBuffers): void {
  const w = s.grid.w, nC = s.c.n, cc = s.c.cell, cs = s.c.state, oc = s.o.cell;
  const ids = sel.ids, ox = sel.offX, oy = sel.offY;
  let n = 0;
  for (let k = 0; k < ids.length && n < b.x.length; k++) {
    const a = ids[k];
    let cell: number, style: number;
    if (a < nC) {
      cell = cc[a];
      if (cell < 0) continue;
      style = cs[a];
    } else {
      cell = oc[a - nC];
      if (cell < 0) continue;
      style = officerStyle(s, a - nC);
    }
    b.x[n] = (cell % w) + ox[k];
    b.y[n] = ((cell / w) | 0) + oy[k];
    b.style[n] = style;
    b.id[n] = a;
    n++;
  }
  b.count = n;
}
