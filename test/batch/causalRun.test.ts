/** The causal runs (src/batch/causalRun.ts): the landmark noted on the way, the run itself unchanged. */
import { describe, expect, it } from 'vitest';
import { knockoutSucceeds, runToEndWithLandmark } from '../../src/batch/causalRun';
import { buildRun, getPreset } from '../../src/scenarios/index';
import { advance, runReport, runToEnd } from '../../src/sim/index';

const spec = (seed: number) => ({ scenario: getPreset('classroom-discipline'), seed, strategy: 'scenario', sets: [['horizonDays', '12']] as Array<[string, string]> });

describe('runToEndWithLandmark', () => {
  it('ends exactly where runToEnd ends, and notes the state at the end of day L as advancing L days shows it', () => {
    const L = 3;
    const a = buildRun(spec(2)).state, b = buildRun(spec(2)).state, c = buildRun(spec(2)).state;
    const mark = runToEndWithLandmark(a, L);
    runToEnd(b);
    expect(runReport(a)).toEqual(runReport(b));
    advance(c, L * c.ticksPerDay);
    expect(mark).toEqual({ undecided: c.outcome === null, defectedShare: c.defectedCount / c.o.initialForce });
  });

  it('a run that ends before the landmark is not undecided at it', () => {
    const s = buildRun(spec(2)).state;
    expect(runToEndWithLandmark(s, 100).undecided).toBe(false);
  });
});

describe('knockoutSucceeds', () => {
  it('replays with nobody leaving duty: the knocked-out run has no defection', () => {
    const sp = spec(3);
    const held = buildRun({ ...sp, sets: [...sp.sets, ['holdForce', 'true']] }).state;
    runToEnd(held);
    expect(held.defectedCount).toBe(0);
    expect(knockoutSucceeds(sp)).toBe(held.outcome === 'success');
  });
});
