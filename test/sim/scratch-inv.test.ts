/**
 * Property-based invariants of the simulation state (fast-check): random small worlds with random
 * parameters (legitimacy, thresholds, arrest rate, channel weights and switches, violence, vision
 * shape and radius, count mode, cell capacity, calendar, end rules, ...), a random map or none,
 * random scheduled events and a random strategy of tactics. After every tick:
 *   - citizen counts sum to the number of citizens, officer counts to the number of officers,
 *     and both equal a recount from the state arrays; defectedCount equals a recount;
 *   - loyalty lies in [0, 1]; loyalty, momentum, effective and needed force are never NaN;
 *   - per-cell grids (occupancy, active citizens, weighted officers, joined officers) equal a
 *     recount of the free agents on each cell; in live mode so do the counts within vision;
 *   - a free citizen has a cell, a detained or dead one occupies none; an officer has a cell iff
 *     he is deployed;
 *   - a switched-off channel contributes 0;
 *   - defectedShare lies in [0, 1]; the outcome, once set, never changes.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  advance, CHANNELS, checkConsistency, CitizenState, createState, NCH, OfficerState, seriesRow, TACTIC_IDS,
  type ActionDef, type EventDef, type MapData, type Params, type ScenarioData, type SimState,
} from '../../src/sim';
import { offsetCell } from '../../src/sim/world/grid';
import { copWeight } from '../../src/sim/world/cells';
import { smallCityParams } from './helpers';

interface World { scenario: ScenarioData; params: Params; seed: number; ticks: number }

/** Uniform in [min, max] by value (fc.double is uniform over representations: mostly tiny numbers), bounds included. */
const unit = (min = 0, max = 1) => fc.integer({ min: 0, max: 1_000_000 }).map((k) => min + ((max - min) * k) / 1_000_000);

const mapArb: fc.Arbitrary<MapData | null> = fc.option(
  fc.record({ split: unit(0.2, 0.8), popA: unit(0.1, 5), popB: unit(0.1, 5), staffA: unit(0.1, 5), staffB: unit(0.1, 5), sx: unit(), sy: unit() })
    .map(({ split, popA, popB, staffA, staffB, sx, sy }): MapData => ({
      districts: [
        { id: 'west', name: 'West', rect: [0, 0, split, 1], population: popA, staffing: staffA },
        { id: 'east', name: 'East', rect: [split, 0, 1, 1], population: popB, staffing: staffB },
      ],
      squares: [{ id: 'square', name: 'Square', at: [sx, sy] }],
      metro: [{ id: 'metro', name: 'Metro', at: [1 - sx, sy] }],
      stations: [],
    })),
  { nil: null, freq: 3 },
);


// noBias: fast-check otherwise favours the bounds (0 citizens, 0 officers) and most worlds are empty.
const worldArb: fc.Arbitrary<World> = fc.noBias(fc.record({
  w: fc.integer({ min: 5, max: 16 }), h: fc.integer({ min: 5, max: 16 }), cap: fc.integer({ min: 1, max: 8 }),
  citizenFill: unit(0.05, 0.7), officerFill: unit(0.01, 0.12), reserveShare: unit(0, 0.5),
  hoursPerTick: fc.constantFrom(1, 2, 3, 4, 6, 8, 12, 24), horizonDays: fc.integer({ min: 1, max: 8 }),
  ticks: fc.integer({ min: 30, max: 120 }), seed: fc.integer({ min: 0, max: 2 ** 31 - 1 }),
  p: fc.record({
    torus: fc.boolean(), visionRadius: fc.integer({ min: 0, max: 4 }), visionShape: fc.constantFrom('euclidean' as const, 'square' as const),
    countMode: fc.constantFrom('live' as const, 'tickStart' as const), moveProbability: unit(), rallyAttraction: unit(),
    unitSize: fc.integer({ min: 1, max: 30 }), calendarOn: fc.boolean(),
    legitimacy: unit(), activationThreshold: unit(0, 0.5), arrestK: unit(0, 5), maxJailTicks: fc.integer({ min: 0, max: 40 }),
    detentionMinDays: unit(0, 1), detentionExtraDays: unit(0, 3), injuryProbability: unit(), injuryDays: unit(0, 3), deathProbability: unit(0, 0.5),
    privateOppositionShare: unit(0, 0.7), momentumWeight: unit(0, 2), falsificationCost: unit(0, 0.5), disciplineMean: unit(),
    violenceRate: unit(), tiesPerOfficer: unit(0, 6),
    initialLoyaltyMean: unit(), initialLoyaltySd: unit(0, 0.5), defectionThresholdKind: fc.constantFrom('uniform' as const, 'normal' as const),
    defectionThresholdMin: unit(0, 0.3), defectionThresholdSpan: unit(0, 0.7), defectionThresholdMean: unit(0, 1), defectionThresholdSd: unit(0, 0.3),
    peersThresholds: fc.oneof({ arbitrary: fc.constant(null), weight: 3 }, { arbitrary: fc.array(fc.integer({ min: 0, max: 6 }), { minLength: 1, maxLength: 10 }), weight: 1 }),
    maskedShare: unit(), abuserShare: unit(), fearMean: unit(), arrestRate: unit(), abuseProbability: unit(),
    shirkEffectiveness: unit(), insiderEffectiveness: unit(), peerShirkVisibility: unit(), escalationGap: unit(0, 0.5),
    noisyResignShare: unit(), unitWalkoutShare: unit(0.2, 1), joinedProtection: unit(), joinChoiceWeight: unit(0, 3),
    on: fc.array(fc.boolean(), { minLength: NCH, maxLength: NCH }),
    weights: fc.array(unit(0, 0.3), { minLength: NCH, maxLength: NCH }),
    exposureBacklash: unit(0, 2), unmaskOutnumberRatio: unit(1, 10), unmaskRate: unit(), publicationRatePerDay: unit(),
    solidarityFund: fc.integer({ min: 0, max: 20 }), outreachContactRate: unit(), abuseCling: unit(0, 5), punishment: unit(), propaganda: unit(),
    regimeResources: unit(0, 3), strikeDrainPerDay: unit(), externalSupport: unit(), eliteErosionPerDay: unit(0, 0.3),
    repressionPolicy: unit(), recruitRatePerDay: unit(0, 0.05), deployPerDay: unit(), deployTriggerShare: unit(),
    organisingCapacityPerDay: unit(0, 30), tacticDecayPerDay: unit(), endRulesOn: fc.boolean(), forcePerProtester: unit(0, 2),
    collapseRatio: unit(0, 3), collapseDays: fc.integer({ min: 1, max: 3 }), demobilizeFloor: unit(0, 0.2), demobilizeDays: fc.integer({ min: 1, max: 3 }),
    patronWithdrawMomentum: unit(0.3, 1),
  }),
  map: mapArb,
  strategy: fc.array(fc.record({ tick: fc.integer({ min: 0, max: 120 }), tactic: fc.constantFrom(...TACTIC_IDS) }), { maxLength: 12 }),
  events: fc.array(fc.record({ tick: fc.integer({ min: 0, max: 120 }), legitimacy: unit(), arrestRate: unit(), rampTo: fc.option(unit(), { nil: null }) }), { maxLength: 3 }),
})).map((r): World => {
  const cells = r.w * r.h, room = cells * r.cap;
  const citizenCount = Math.floor(r.citizenFill * room);
  const officerCount = Math.min(room - citizenCount, Math.floor(r.officerFill * room));
  const q = r.p;
  // Live counts are checked against a brute-force sum below; a vision area as wide as the grid
  // hits a known addAround bug, pinned separately in test/sim/world/neighbourhood.test.ts, so
  // live worlds keep 2r + 1 < min(width, height) here and this test guards everything else.
  const visionRadius = q.countMode === 'live' ? Math.min(q.visionRadius, Math.floor((Math.min(r.w, r.h) - 2) / 2)) : q.visionRadius;
  const over: Partial<Params> = {
    gridWidth: r.w, gridHeight: r.h, cellCapacity: r.cap, citizenCount, officerCount,
    nationalForce: officerCount + Math.floor(r.reserveShare * officerCount), hoursPerTick: r.hoursPerTick, horizonDays: r.horizonDays,
    torus: q.torus, visionRadius, visionShape: q.visionShape, countMode: q.countMode, moveProbability: q.moveProbability,
    rallyAttraction: q.rallyAttraction, unitSize: q.unitSize, calendarOn: q.calendarOn, legitimacy: q.legitimacy,
    activationThreshold: q.activationThreshold, arrestK: q.arrestK, maxJailTicks: q.maxJailTicks,
    detentionMinDays: q.detentionMinDays, detentionMaxDays: q.detentionMinDays + q.detentionExtraDays, injuryProbability: q.injuryProbability,
    injuryDays: q.injuryDays, deathProbability: q.deathProbability, privateOppositionShare: q.privateOppositionShare,
    incumbentSupportShare: (1 - q.privateOppositionShare) / 2, momentumWeight: q.momentumWeight, falsificationCost: q.falsificationCost,
    disciplineMean: q.disciplineMean, violenceRate: q.violenceRate, tiesPerOfficer: q.tiesPerOfficer,
    initialLoyaltyMean: q.initialLoyaltyMean, initialLoyaltySd: q.initialLoyaltySd,
    maskedShare: q.maskedShare, abuserShare: q.abuserShare, fearMean: q.fearMean, arrestRate: q.arrestRate, abuseProbability: q.abuseProbability,
    shirkEffectiveness: q.shirkEffectiveness, insiderEffectiveness: q.insiderEffectiveness, peerShirkVisibility: q.peerShirkVisibility,
    escalationGap: q.escalationGap, noisyResignShare: q.noisyResignShare, unitWalkoutShare: q.unitWalkoutShare,
    joinedProtection: q.joinedProtection, joinChoiceWeight: q.joinChoiceWeight,
    exposureBacklash: q.exposureBacklash, unmaskOutnumberRatio: q.unmaskOutnumberRatio, unmaskRate: q.unmaskRate,
    publicationRatePerDay: q.publicationRatePerDay, solidarityFund: q.solidarityFund, outreachContactRate: q.outreachContactRate,
    abuseCling: q.abuseCling, punishment: q.punishment, propaganda: q.propaganda, regimeResources: q.regimeResources,
    strikeDrainPerDay: q.strikeDrainPerDay, externalSupport: q.externalSupport, eliteErosionPerDay: q.eliteErosionPerDay,
    repressionPolicy: q.repressionPolicy, recruitRatePerDay: q.recruitRatePerDay, deployPerDay: q.deployPerDay,
    deployTriggerShare: q.deployTriggerShare, organisingCapacityPerDay: q.organisingCapacityPerDay, tacticDecayPerDay: q.tacticDecayPerDay,
    endRulesOn: q.endRulesOn, forcePerProtester: q.forcePerProtester, collapseRatio: q.collapseRatio, collapseDays: q.collapseDays,
    demobilizeFloor: q.demobilizeFloor, demobilizeDays: q.demobilizeDays, patronWithdrawMomentum: q.patronWithdrawMomentum,
  };
  if (q.peersThresholds) {
    Object.assign(over, { defectionThresholdUnit: 'peers', defectionThresholdKind: 'list', defectionThresholdList: q.peersThresholds });
  } else {
    Object.assign(over, {
      defectionThresholdKind: q.defectionThresholdKind, defectionThresholdMin: q.defectionThresholdMin,
      defectionThresholdMax: q.defectionThresholdMin + q.defectionThresholdSpan, defectionThresholdMean: q.defectionThresholdMean,
      defectionThresholdSd: q.defectionThresholdSd,
    });
  }
  const weightKeys = ['backfireWeight', 'threatWeight', 'exposureWeight', 'offersWeight', 'peersWeight', 'momentumLoyaltyWeight', 'accountabilityWeight', 'regimeWeight'] as const;
  CHANNELS.forEach((ch, k) => { (over as Record<string, unknown>)[`${ch}On`] = q.on[k]; (over as Record<string, unknown>)[weightKeys[k]] = q.weights[k]; });
  const params = smallCityParams(over);
  checkConsistency(params);
  const events: EventDef[] = r.events.map((e) => e.rampTo === null
    ? { at: { tick: e.tick }, set: { legitimacy: e.legitimacy, arrestRate: e.arrestRate } }
    : { at: { tick: e.tick }, ramp: { key: 'legitimacy', to: e.rampTo, overDays: 1 } });
  const strategy: ActionDef[] = [...r.strategy].sort((a, b) => a.tick - b.tick);
  const scenario: ScenarioData = {
    id: 'prop', title: 'prop', summary: '', startDate: '2020-08-09', params: {}, map: r.map, events, strategy, tactics: null, historical: null,
  };
  return { scenario, params, seed: r.seed, ticks: r.ticks };
});

const close = (a: number, b: number) => Math.abs(a - b) <= 1e-6 * Math.max(1, Math.abs(b));

/** Every invariant of the current state; returns the first violation, or null. */
function violation(s: SimState): string | null {
  const c = s.c, o = s.o, g = s.grid, p = s.params;
  const cc = s.counts.citizens, oc = s.counts.officers;
  if (cc.reduce((a, b) => a + b, 0) !== c.n) return `citizen counts ${Array.from(cc)} do not sum to ${c.n}`;
  if (oc.reduce((a, b) => a + b, 0) !== o.n) return `officer counts ${Array.from(oc)} do not sum to ${o.n}`;
  const rc = new Int32Array(4), ro = new Int32Array(5);
  const occ = new Int32Array(g.cells), act = new Float64Array(g.cells), cop = new Float64Array(g.cells), joined = new Float64Array(g.cells);
  for (let i = 0; i < c.n; i++) {
    const st = c.state[i];
    if (st > 3) return `citizen ${i} has state ${st}`;
    rc[st]++;
    if (st === CitizenState.quiet || st === CitizenState.active) {
      if (c.cell[i] < 0 || c.cell[i] >= g.cells) return `free citizen ${i} has cell ${c.cell[i]}`;
      occ[c.cell[i]]++;
      if (st === CitizenState.active) act[c.cell[i]]++;
    }
  }
  let defected = 0;
  for (let j = 0; j < o.n; j++) {
    const st = o.state[j];
    if (st > 4) return `officer ${j} has state ${st}`;
    ro[st]++;
    if (o.defectTick[j] >= 0) defected++;
    const l = o.loyalty[j];
    if (!(l >= 0 && l <= 1)) return `officer ${j} has loyalty ${l}`;
    if ((o.cell[j] >= 0) !== (o.deployed[j] === 1)) return `officer ${j}: cell ${o.cell[j]} but deployed ${o.deployed[j]}`;
    if (st === OfficerState.resigned && o.cell[j] >= 0) return `resigned officer ${j} is still on cell ${o.cell[j]}`;
    if (o.cell[j] >= 0) {
      occ[o.cell[j]]++;
      cop[o.cell[j]] += copWeight(s, st);
      if (st === OfficerState.joined) joined[o.cell[j]]++;
    }
    for (let ch = 0; ch < NCH; ch++) {
      const v = o.channelLast[j * NCH + ch], sum = o.channelSum[j * NCH + ch];
      if (!Number.isFinite(v) || !Number.isFinite(sum)) return `officer ${j} channel ${CHANNELS[ch]}: ${v} / ${sum}`;
      if (!p[`${CHANNELS[ch]}On`] && (v !== 0 || sum !== 0)) return `switched-off channel ${CHANNELS[ch]} contributes ${v} (sum ${sum}) to officer ${j}`;
    }
  }
  for (let k = 0; k < 4; k++) if (rc[k] !== cc[k]) return `citizen counts ${Array.from(cc)} but recount ${Array.from(rc)}`;
  for (let k = 0; k < 5; k++) if (ro[k] !== oc[k]) return `officer counts ${Array.from(oc)} but recount ${Array.from(ro)}`;
  if (defected !== s.defectedCount) return `defectedCount ${s.defectedCount} but ${defected} officers have a defectTick`;
  for (const [name, v] of [['momentum', s.momentum], ['effectiveForce', s.effectiveForce], ['neededForce', s.neededForce], ['loyalForceTotal', s.loyalForceTotal]] as const)
    if (Number.isNaN(v) || !Number.isFinite(v)) return `${name} is ${v}`;
  if (s.momentum < 0 || s.momentum > 1) return `momentum ${s.momentum} outside [0, 1]`;
  for (let x = 0; x < g.cells; x++) {
    if (g.occ[x] !== occ[x]) return `cell ${x}: occ ${g.occ[x]} but ${occ[x]} free agents`;
    if (g.actCell[x] !== act[x]) return `cell ${x}: actCell ${g.actCell[x]} but ${act[x]} active`;
    if (!close(g.copCell[x], cop[x])) return `cell ${x}: copCell ${g.copCell[x]} but ${cop[x]}`;
    if (g.joinedCell[x] !== joined[x]) return `cell ${x}: joinedCell ${g.joinedCell[x]} but ${joined[x]}`;
  }
  if (g.lists) {
    for (let x = 0; x < g.cells; x++) {
      let n = 0;
      for (let i = g.head[x]; i >= 0 && n <= c.n; i = c.next[i]) {
        if (c.cell[i] !== x) return `citizen ${i} is listed on cell ${x} but sits on ${c.cell[i]}`;
        if (c.state[i] > CitizenState.active) return `detained citizen ${i} is listed on cell ${x}`;
        n++;
      }
      if (n > c.n) return `cell ${x}: the citizen list loops`;
    }
  }
  if (p.countMode === 'live') {
    // Counts within vision are kept incrementally in live mode: they must equal a brute-force sum
    // over the distinct cells within vision (NetLogo's in-radius: each patch once, even where a
    // small torus wraps the vision area onto itself).
    const K = g.offX.length, seen = new Int32Array(g.cells).fill(-1);
    for (let x = 0; x < g.cells; x++) {
      let a = 0, b = 0, jn = 0;
      for (let k = 0; k < K; k++) {
        const y = offsetCell(g, x, g.offX[k], g.offY[k]);
        if (y >= 0 && seen[y] !== x) { seen[y] = x; a += act[y]; b += cop[y]; jn += joined[y]; }
      }
      if (!close(g.nbAct[x], a)) return `cell ${x}: nbAct ${g.nbAct[x]} but ${a} active in vision`;
      if (!close(g.nbCop[x], b)) return `cell ${x}: nbCop ${g.nbCop[x]} but ${b} in vision`;
      if (!close(g.nbJoined[x], jn)) return `cell ${x}: nbJoined ${g.nbJoined[x]} but ${jn} in vision`;
    }
  }
  const row = seriesRow(s);
  if (!(row.defectedShare >= 0 && row.defectedShare <= 1)) return `defectedShare ${row.defectedShare}`;
  if (Number.isNaN(row.meanLoyalty) || Number.isNaN(row.effectiveForce) || Number.isNaN(row.neededForce)) return `NaN in the series row ${JSON.stringify(row)}`;
  return null;
}

describe('invariants on random small worlds', () => {
  it('hold after every tick', () => {
    fc.assert(fc.property(worldArb, (w) => {
      const s = createState(w.scenario, w.params, w.seed);
      const v0 = violation(s);
      if (v0) throw new Error(`initial state: ${v0}`);
      let decided: string | null = null;
      for (let t = 1; t <= w.ticks; t++) {
        advance(s, 1);
        const v = violation(s);
        if (v) throw new Error(`after tick ${t}: ${v}`);
        const now = JSON.stringify([s.outcome, s.fallCause, s.decidedTick, s.tippingTick, s.defectedAtDecision]);
        if (decided !== null && now !== decided) throw new Error(`after tick ${t}: outcome changed from ${decided} to ${now}`);
        if (s.outcome !== null) decided = now;
      }
      // The horizon decides every run that reaches it.
      if (s.tick >= s.horizonTicks) expect(s.outcome).not.toBeNull();
    }), { numRuns: Number(process.env.RUNS ?? 30), seed: Number(process.env.FCSEED ?? 20200809) });
  });

  it('hold with random seeds too (a fresh sample each run)', () => {
    fc.assert(fc.property(worldArb, (w) => {
      const s = createState(w.scenario, w.params, w.seed);
      for (let t = 1; t <= Math.min(60, w.ticks); t++) {
        advance(s, 1);
        const v = violation(s);
        if (v) throw new Error(`after tick ${t}: ${v}`);
      }
    }), { numRuns: 10 });
  });
});
