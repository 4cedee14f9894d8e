/**
 * Snapshots: a run's whole state as a self-contained, structured-clone-safe object (typed arrays,
 * plain objects, one Map), so a run can be saved, restored, rewound and branched (the game's
 * timeline and its counterfactual debrief). Left out, because restore rebuilds them: the
 * generators (closures over rngWords, which the snapshot carries), the per-tick scratch buffers
 * and the grid's working buffers. Every typed array of a snapshot owns its buffer, so a snapshot
 * can be posted with all its buffers transferred.
 */
import { makeScratch } from './init';
import { bindStreams } from './rng';
import type { SimState } from './state';
import { MODEL_VERSION } from './version';
import { makeGridWork } from './world/neighbourhood';

export interface Snapshot {
  kind: 'breaking-ranks-snapshot';
  modelVersion: number;
  state: Record<string, unknown>;
}

/** Keys of SimState (and of its grid) that restore rebuilds. */
const REBUILT = ['rng', 'scratch'] as const;
const REBUILT_GRID = ['work'] as const;

function copy(v: unknown, skip?: readonly string[]): unknown {
  if (v === null || typeof v !== 'object') return v;
  if (ArrayBuffer.isView(v)) return (v as unknown as { slice(): unknown }).slice();
  if (Array.isArray(v)) return v.map((x) => copy(x));
  if (v instanceof Map) return new Map([...v].map(([k, x]) => [k, copy(x)]));
  const out: Record<string, unknown> = {};
  for (const [k, x] of Object.entries(v as Record<string, unknown>)) {
    if (skip?.includes(k)) continue;
    out[k] = copy(x, k === 'grid' ? REBUILT_GRID : undefined);
  }
  return out;
}

export function snapshot(s: SimState): Snapshot {
  return { kind: 'breaking-ranks-snapshot', modelVersion: s.modelVersion, state: copy(s, REBUILT) as Record<string, unknown> };
}

export class SnapshotError extends Error {
  constructor(message: string) { super(message); this.name = 'SnapshotError'; }
}

/** A new run state from a snapshot (the snapshot itself is not modified and can be restored again). */
export function restore(snap: Snapshot): SimState {
  if (snap?.kind !== 'breaking-ranks-snapshot') throw new SnapshotError('not a Breaking Ranks snapshot');
  if (snap.modelVersion !== MODEL_VERSION)
    throw new SnapshotError(`snapshot made with model ${snap.modelVersion}, this is model ${MODEL_VERSION}: it cannot be restored`);
  const s = copy(snap.state) as SimState;
  s.rng = bindStreams(s.rngWords, s.streamNames);
  s.grid.work = makeGridWork();
  s.scratch = makeScratch(s.districtIds.length, s.units.n, s.o.n, s.grid.cells, s.grid.offX.length);
  return s;
}

/** Every ArrayBuffer of a snapshot, for postMessage's transfer list. */
export function snapshotBuffers(snap: Snapshot): ArrayBuffer[] {
  const out: ArrayBuffer[] = [];
  const walk = (v: unknown): void => {
    if (v === null || typeof v !== 'object') return;
    if (ArrayBuffer.isView(v)) { out.push(v.buffer as ArrayBuffer); return; }
    if (v instanceof Map) { for (const x of v.values()) walk(x); return; }
    for (const x of Object.values(v as Record<string, unknown>)) walk(x);
  };
  walk(snap.state);
  return out;
}

/**
 * A canonical byte encoding of a snapshot (tags, lengths, keys in order, the typed arrays' raw
 * bytes): two snapshots of the same run state encode to the same bytes.
 */
export function encodeSnapshot(snap: Snapshot): Uint8Array {
  const chunks: Uint8Array[] = [];
  const te = new TextEncoder();
  const num = new Float64Array(1), numBytes = new Uint8Array(num.buffer);
  const tag = (t: number, n = 0) => { num[0] = n; chunks.push(Uint8Array.of(t), numBytes.slice()); };
  const str = (x: string) => { const b = te.encode(x); tag(5, b.length); chunks.push(b); };
  const walk = (v: unknown): void => {
    if (v === null || v === undefined) return tag(v === null ? 0 : 1);
    if (typeof v === 'boolean') return tag(2, v ? 1 : 0);
    if (typeof v === 'number') return tag(3, v);
    if (typeof v === 'string') return str(v);
    if (ArrayBuffer.isView(v)) {
      str(v.constructor.name);
      tag(6, v.byteLength);
      chunks.push(new Uint8Array(v.buffer, v.byteOffset, v.byteLength).slice());
      return;
    }
    if (Array.isArray(v)) { tag(7, v.length); v.forEach(walk); return; }
    if (v instanceof Map) { tag(8, v.size); for (const [k, x] of v) { walk(k); walk(x); } return; }
    const entries = Object.entries(v as Record<string, unknown>);
    tag(9, entries.length);
    for (const [k, x] of entries) { str(k); walk(x); }
  };
  walk(snap.modelVersion);
  walk(snap.state);
  let n = 0;
  for (const c of chunks) n += c.length;
  const out = new Uint8Array(n);
  let at = 0;
  for (const c of chunks) { out.set(c, at); at += c.length; }
  return out;
}
