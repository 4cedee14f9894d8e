/**
 * Random small worlds for the property-based tests: random parameters (legitimacy, thresholds,
 * arrest rate, channel weights and switches, violence, vision shape and radius, count mode, cell
 * capacity, calendar, end rules, ...), a random two-district map or none, random scheduled events
 * and a random strategy of tactics.
 */
import fc from 'fast-check';
import { CHANNELS, checkConsistency, NCH, TACTIC_IDS, type ActionDef, type EventDef, type MapData, type Params, type ScenarioData } from '../../src/sim';
import { smallCityParams } from './helpers';

export interface World { scenario: ScenarioData; params: Params; seed: number; ticks: number }

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
export const worldArb: fc.Arbitrary<World> = fc.noBias(fc.record({
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
    patronDoubtThreshold: unit(0.3, 1),
  }),
  map: mapArb,
  strategy: fc.array(fc.record({ tick: fc.integer({ min: 0, max: 120 }), tactic: fc.constantFrom(...TACTIC_IDS) }), { maxLength: 12 }),
  events: fc.array(fc.record({ tick: fc.integer({ min: 0, max: 120 }), legitimacy: unit(), arrestRate: unit(), rampTo: fc.option(unit(), { nil: null }) }), { maxLength: 3 }),
})).map((r): World => {
  const cells = r.w * r.h, room = cells * r.cap;
  const citizenCount = Math.floor(r.citizenFill * room);
  const officerCount = Math.min(room - citizenCount, Math.floor(r.officerFill * room));
  const q = r.p;
  const over: Partial<Params> = {
    gridWidth: r.w, gridHeight: r.h, cellCapacity: r.cap, citizenCount, officerCount,
    nationalForce: officerCount + Math.floor(r.reserveShare * officerCount), hoursPerTick: r.hoursPerTick, horizonDays: r.horizonDays,
    torus: q.torus, visionRadius: q.visionRadius, visionShape: q.visionShape, countMode: q.countMode, moveProbability: q.moveProbability,
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
    demobilizeFloor: q.demobilizeFloor, demobilizeDays: q.demobilizeDays, patronDoubtThreshold: q.patronDoubtThreshold,
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
    id: 'prop', title: 'prop', summary: '', startDate: '2020-08-09', params: {}, why: {}, map: r.map, events, strategy, strategies: {}, tactics: null, historical: null,
  };
  return { scenario, params, seed: r.seed, ticks: r.ticks };
});
