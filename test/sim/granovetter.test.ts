/**
 * Granovetter's riot (docs/model.md section 6): one unit of 100 officers with thresholds g_i = i (a count
 * of defected peers). At tick t+1 an on-duty officer leaves iff the defected count in his unit at
 * tick t is >= g_i; synchronous and irreversible, so the count runs 1, 2, ..., 100. The perturbed
 * preset (g_1 = 2) stops at exactly 1.
 */
import { describe, expect, it } from 'vitest';
import { advance, createState, OfficerState } from '../../src/sim';
import { getPreset, resolveParams } from '../../src/scenarios';

function run(id: string, ticks: number, seed = 1) {
  const scenario = getPreset(id);
  const s = createState(scenario, resolveParams(scenario, []), seed);
  const counts: number[] = [];
  for (let t = 0; t < ticks; t++) { advance(s, 1); counts.push(s.defectedCount); }
  return { s, counts };
}

describe('granovetter-riot', () => {
  it('cascades one officer per tick: 1, 2, ..., 100, then stays at 100', () => {
    const { s, counts } = run('granovetter-riot', 200);
    expect(counts.slice(0, 100)).toEqual(Array.from({ length: 100 }, (_, k) => k + 1));
    expect(counts.slice(100).every((c) => c === 100)).toBe(true);
    expect(s.defectedCount).toBe(100);
    expect(s.o.n).toBe(100);
    expect(s.units.n).toBe(1);
    expect(s.counts.officers[OfficerState.on_duty]).toBe(0);
    // The officer with threshold i leaves at tick i (the (i+1)-th update), in threshold order.
    for (let j = 0; j < 100; j++) expect(s.o.defectTick[j]).toBe(s.o.theta[j]);
  });

  it('is the same for every seed (no randomness in the cascade)', () => {
    for (const seed of [2, 99]) expect(run('granovetter-riot', 120, seed).counts).toEqual(run('granovetter-riot', 120, 1).counts);
  });
});

describe('granovetter-riot-perturbed', () => {
  it('stops at exactly 1', () => {
    const { s, counts } = run('granovetter-riot-perturbed', 200);
    expect(counts.every((c) => c === 1)).toBe(true);
    expect(s.defectedCount).toBe(1);
    expect(s.counts.officers[OfficerState.on_duty]).toBe(99);
    expect(s.o.defectTick[0]).toBe(0);
    for (let j = 1; j < 100; j++) expect(s.o.defectTick[j]).toBe(-1);
  });

  it('has the same mean willingness as the full riot up to one unit (the distribution matters, not the mean)', () => {
    const a = getPreset('granovetter-riot').params.defectionThresholdList as number[];
    const b = getPreset('granovetter-riot-perturbed').params.defectionThresholdList as number[];
    expect(b.length).toBe(a.length);
    expect(b.filter((x, i) => x !== a[i])).toEqual([2]);
  });
});
