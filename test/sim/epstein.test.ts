/**
 * epstein-classic must reduce to Epstein's civil violence model, run 2 (docs/model.md section 10;
 * Epstein 2002; NetLogo Rebellion): 40x40 torus, 1,120 citizens, 64 cops, vision 7, L = 0.82,
 * T = 0.1, k = 2.3, jail terms uniform 0..29. Its signature is punctuated equilibrium: long
 * quiet spells broken by sudden outbursts of rebellion.
 *
 * Definitions used here, per tick (after each advance(s, 1)):
 *   quiet tick   active < 10
 *   outburst     active >= 50, counted once after a spell of at least one quiet tick
 *
 * Measured (this implementation at the time of writing, 3,000 ticks, seeds 1..10; the figures
 * shift with any change in how the random streams are consumed, the ranges below should not):
 *   seed        1    2    3    4    5    6    7    8    9   10
 *   outbursts  99  102   98   98  102  112  106  104  102  105
 *   quiet    2089 2031 2127 2097 2060 1959 2023 2009 2071 2013   (65-71% of ticks)
 *   max act   344  369  329  344  348  385  365  379  373  377
 *   median gap between outbursts 26..30 ticks (min 9, max 66); longest quiet spell 35..58 ticks.
 * For contrast (seed 1): tickStart counts give 27 outbursts with a 352-tick quiet spell; square
 * vision 8 and a 598-tick spell; maxJailTicks 10 one endless outburst; legitimacy 0.7 has 43%
 * quiet ticks; officerCount 30, arrestRate 0.3 or vision 3 never go quiet. The ranges below
 * reject all of these; moveProbability 0.3 (92 outbursts) and maxJailTicks 60 (64) pass.
 *
 * Why the ranges (derived, with the measurements as a check rather than the source):
 * - Cycle length ~ the jail term. An outburst ends when cops have jailed its core; the jailed
 *   return over the next 0..29 ticks (uniform, mean 14.5), and the next outburst builds up as
 *   they come back while the cops, having moved onto the rebels' cells, are clustered. So the
 *   interval between outbursts is of the order of maxJailTicks = 30: we require the MEDIAN interval
 *   to lie in [maxJail/2, 2 maxJail] = [15, 60] ticks, and hence the number of outbursts in
 *   3,000 ticks in [3000/50, 3000/20] = [60, 150] (mean interval between 20 and 50 ticks).
 * - Punctuated, not oscillating or permanent: "long periods of quiet" means most ticks are quiet,
 *   so quiet ticks > 55%; but outbursts are not one-tick blips: one that reaches hundreds (see
 *   below) is not undone at once, since 64 cops jail at most 64 rebels per tick and the rest go
 *   quiet only as cops close in (measured: ~9 non-quiet ticks per outburst). With ~100 outbursts
 *   of >= 4 ticks, at least ~400 ticks (13%) are not quiet: quiet < 85%.
 * - No absorbing state: the longest quiet spell stays below 10 jail terms (300 ticks) and is
 *   at least 15 ticks (half a jail term: the spells are "long", not flickers).
 * - Size: an outburst is mass rebellion, well above the 50 that defines it (> 150 at peak), yet
 *   bounded by grievance alone: a citizen can be active only if G = H (1 - L) > T (net risk
 *   N = R P >= 0), i.e. H > 0.1 / 0.18 = 0.556, about 44% of 1,120 (~500). The peak must not exceed
 *   the count of such citizens in the run (a hard bound, computed from the state).
 */
import { describe, expect, it } from 'vitest';
import { advance, CitizenState, createState, OfficerState, type SimState } from '../../src/sim';
import { getPreset, resolveParams } from '../../src/scenarios';

const TICKS = 3000;
const SEEDS = [1, 2, 3, 4, 5];

interface Stats { outbursts: number; quiet: number; maxActive: number; medianGap: number; longestQuiet: number; eligible: number; s: SimState }

function measure(seed: number): Stats {
  const scenario = getPreset('epstein-classic');
  const s = createState(scenario, resolveParams(scenario, []), seed);
  const p = s.params;
  let eligible = 0;
  for (let i = 0; i < s.c.n; i++) if (s.c.hardship[i] * (1 - p.legitimacy) > p.activationThreshold) eligible++;
  let outbursts = 0, quiet = 0, maxActive = 0, armed = true, run = 0, longestQuiet = 0, last = -1;
  const gaps: number[] = [];
  for (let t = 1; t <= TICKS; t++) {
    advance(s, 1);
    const cc = s.counts.citizens, oc = s.counts.officers;
    // Conservation every tick: nobody is created, killed or injured; the 64 cops stay on duty.
    if (cc[0] + cc[1] + cc[2] + cc[3] !== 1120 || cc[CitizenState.injured] !== 0 || oc[OfficerState.on_duty] !== 64)
      throw new Error(`conservation broken at tick ${t}: citizens ${Array.from(cc)}, officers ${Array.from(oc)}`);
    const a = cc[CitizenState.active];
    if (a > maxActive) maxActive = a;
    if (a < 10) { quiet++; armed = true; run++; longestQuiet = Math.max(longestQuiet, run); } else run = 0;
    if (a >= 50 && armed) {
      outbursts++; armed = false;
      if (last >= 0) gaps.push(t - last);
      last = t;
    }
  }
  gaps.sort((x, y) => x - y);
  return { outbursts, quiet, maxActive, medianGap: gaps[gaps.length >> 1] ?? Infinity, longestQuiet, eligible, s };
}

describe('epstein-classic: punctuated equilibrium (Epstein 2002, run 2)', () => {
  it('uses the reference settings', () => {
    const sc = getPreset('epstein-classic');
    const p = resolveParams(sc, []);
    expect([p.gridWidth, p.gridHeight, p.torus, p.citizenCount, p.officerCount, p.nationalForce]).toEqual([40, 40, true, 1120, 64, 64]);
    expect([p.visionRadius, p.visionShape, p.countMode, p.legitimacy, p.activationThreshold, p.arrestK, p.maxJailTicks])
      .toEqual([7, 'euclidean', 'live', 0.82, 0.1, 2.3, 30]);
    expect([p.cellCapacity, p.moveProbability, p.arrestRate, p.momentumWeight, p.falsificationCost, p.calendarOn, p.endRulesOn])
      .toEqual([1, 1, 1, 0, 0, false, false]);
    // The citizens' outrage at repression (outrage.ts) lowers legitimacy: not part of the reference model.
    expect(p.outrageGain).toBe(0);
  });

  it.each(SEEDS)('seed %i: quiet spells punctuated by outbursts, within the derived ranges', (seed) => {
    const r = measure(seed);
    const info = JSON.stringify({ seed, outbursts: r.outbursts, quiet: r.quiet, maxActive: r.maxActive, medianGap: r.medianGap, longestQuiet: r.longestQuiet, eligible: r.eligible });
    expect(r.outbursts, info).toBeGreaterThanOrEqual(60);
    expect(r.outbursts, info).toBeLessThanOrEqual(150);
    expect(r.medianGap, info).toBeGreaterThanOrEqual(15);
    expect(r.medianGap, info).toBeLessThanOrEqual(60);
    expect(r.quiet / TICKS, info).toBeGreaterThan(0.55);
    expect(r.quiet / TICKS, info).toBeLessThan(0.85);
    expect(r.longestQuiet, info).toBeGreaterThanOrEqual(15);
    expect(r.longestQuiet, info).toBeLessThan(300);
    expect(r.maxActive, info).toBeGreaterThan(150);
    expect(r.maxActive, info).toBeLessThanOrEqual(r.eligible);
    expect(r.maxActive, info).toBeLessThan(1120);
    // The grievance bound is itself ~44% of 1,120 (Binomial(1120, 4/9): mean 498, sd 17).
    expect(r.eligible, info).toBeGreaterThan(430);
    expect(r.eligible, info).toBeLessThan(570);
    // Nothing from the full model leaks in: no loyalty change, no defection. (Momentum is still
    // measured, but momentumWeight = falsificationCost = 0 and arrestRate = 1 leave it no effect.)
    expect(r.s.defectedCount).toBe(0);
    expect(Array.from(r.s.o.loyalty).every((l) => l === 1)).toBe(true);
    expect(Array.from(r.s.o.channelSum).every((v) => v === 0)).toBe(true);
    expect(r.s.totals.injuries + r.s.totals.deaths + r.s.totals.violentActs).toBe(0);
    // End rules off: nothing is decided before the horizon (3,000 days of one tick each).
    expect(r.s.outcome).toBe('stalemate');
    expect(r.s.decidedTick).toBe(TICKS);
  });
});
