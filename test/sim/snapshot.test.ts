/**
 * All state in the state (docs/model.md section 2): a snapshot at tick 200 restored after a
 * structuredClone, and after its buffers were transferred through a MessageChannel, continues to
 * tick 500 exactly as the original run does: the three snapshots at 500 encode to the same bytes.
 * On every preset, with its own strategy (so tactics, events and the live and tickStart modes
 * are all covered).
 */
import { MessageChannel } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { advance, encodeSnapshot, MODEL_VERSION, restore, snapshot, snapshotBuffers, SnapshotError, type Snapshot } from '../../src/sim';
import { buildRun, getPreset, PRESET_IDS } from '../../src/scenarios';

function transferred(snap: Snapshot): Promise<Snapshot> {
  const { port1, port2 } = new MessageChannel();
  return new Promise((resolve) => {
    port2.once('message', (m: Snapshot) => { port1.close(); port2.close(); resolve(m); });
    port1.postMessage(snap, snapshotBuffers(snap));
  });
}

const same = (a: Uint8Array, b: Uint8Array): boolean => a.length === b.length && Buffer.from(a).equals(Buffer.from(b));

describe.each(PRESET_IDS)('%s', (id) => {
  it('snapshot at 200, restored (cloned, transferred), runs on to 500 exactly as the original', async () => {
    const s = buildRun({ scenario: getPreset(id), seed: 5 }).state;
    advance(s, 200);
    const snap = snapshot(s);
    expect(snap.modelVersion).toBe(MODEL_VERSION);
    const cloned = restore(structuredClone(snap));
    const viaPort = restore(await transferred(snapshot(s)));
    advance(s, 300);
    advance(cloned, 300);
    advance(viaPort, 300);
    const a = encodeSnapshot(snapshot(s)), b = encodeSnapshot(snapshot(cloned)), c = encodeSnapshot(snapshot(viaPort));
    expect(s.tick).toBe(500);
    expect(same(a, b)).toBe(true);
    expect(same(a, c)).toBe(true);
  });
});

describe('snapshots', () => {
  it('differ when the run differs (the encoding sees the state)', () => {
    const s = buildRun({ scenario: getPreset('classroom-discipline'), seed: 5 }).state;
    advance(s, 30);
    const before = encodeSnapshot(snapshot(s));
    advance(s, 1);
    expect(same(before, encodeSnapshot(snapshot(s)))).toBe(false);
  });
  it('can be restored twice: restore leaves the snapshot untouched', () => {
    const s = buildRun({ scenario: getPreset('epstein-classic'), seed: 2 }).state;
    advance(s, 20);
    const snap = snapshot(s);
    const a = restore(snap); advance(a, 10);
    const b = restore(snap); advance(b, 10);
    expect(same(encodeSnapshot(snapshot(a)), encodeSnapshot(snapshot(b)))).toBe(true);
  });
  it('refuse another model version and anything that is not a snapshot', () => {
    const snap = snapshot(buildRun({ scenario: getPreset('granovetter-riot'), seed: 1 }).state);
    expect(() => restore({ ...snap, modelVersion: MODEL_VERSION + 1 })).toThrow(SnapshotError);
    expect(() => restore({ ...snap, modelVersion: MODEL_VERSION + 1 })).toThrow(`made with model ${MODEL_VERSION + 1}, this is model ${MODEL_VERSION}`);
    expect(() => restore({ kind: 'x' } as unknown as Snapshot)).toThrow('not a Breaking Ranks snapshot');
  });
});
