/** Small agent buffers for the view's tests. */
import type { AgentBuffers } from '../../src/runner/protocol';

export function agentsOf(rows: [x: number, y: number, style: number, id: number][]): AgentBuffers {
  const n = rows.length;
  const a: AgentBuffers = { count: n, x: new Float32Array(n + 2), y: new Float32Array(n + 2), style: new Uint8Array(n + 2), id: new Int32Array(n + 2) };
  rows.forEach(([x, y, s, id], i) => { a.x[i] = x; a.y[i] = y; a.style[i] = s; a.id[i] = id; });
  return a;
}
