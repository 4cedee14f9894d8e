/** Builds the initial state of a run from a validated scenario, resolved parameters and a seed. */
import type { Params } from './params/schema';
import { ParamError } from './params/validate';
import { bindStreams, clamp01, randNormal, randPoisson, RULE_STREAMS, seedStream, seedStreams, sfc32View, type Rng } from './rng';
import type { ActionDef, ScenarioData } from './scenarioData';
import { Branch, OfficerState, Opinion, type SimState, type Citizens, type Officers, type DayAgg, type Scratch } from './state';
import { LEVEL_NAMES, type LevelName } from './tactics';
import { buildGrid, unitSizeAt } from './world/grid';
import { citizenLink, officerPlace } from './world/cells';
import { parseDate } from './calendar';
import { historicalInit } from './historical';
import { scheduleEvents } from './rules/events';
import { officerTally } from './rules/officerTally';
import { CHANNELS, channelDef } from './rules/loyalty/channels';
import { makeLoyaltyContext } from './rules/loyalty/context';
import { MODEL_VERSION } from './version';

export interface CreateOptions {
  /** The movement's actions (default: the scenario's `strategy`). */
  actions?: readonly ActionDef[];
  /** The loyalty channels in slot order (default: the table's order); the tests permute it. */
  channels?: readonly string[];
}

/** Splits n into parts proportional to weights (largest remainder, deterministic). */
export function apportion(n: number, weights: number[]): number[] {
  const total = weights.reduce((a, b) => a + b, 0) || 1;
  const raw = weights.map((w) => (n * w) / total);
  const out = raw.map(Math.floor);
  let left = n - out.reduce((a, b) => a + b, 0);
  const order = raw.map((r, i) => [r - Math.floor(r), i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (let k = 0; left > 0; k = (k + 1) % order.length, left--) out[order[k][1]]++;
  return out;
}

function cellsByDistrict(district: Uint16Array, nd: number): number[][] {
  const lists: number[][] = Array.from({ length: nd }, () => []);
  for (let c = 0; c < district.length; c++) lists[district[c]].push(c);
  return lists;
}

/** A random open cell, preferring the given list; falls back to a scan so placement never fails silently. */
function pickCell(s: SimState, pref: number[], r: Rng): number {
  const g = s.grid, cap = s.params.cellCapacity;
  for (let t = 0; t < 64 && pref.length > 0; t++) {
    const c = pref[Math.floor(r() * pref.length)];
    if (g.occ[c] < cap) return c;
  }
  const start = Math.floor(r() * g.cells);
  for (let k = 0; k < g.cells; k++) { const c = (start + k) % g.cells; if (g.occ[c] < cap) return c; }
  return -1;
}

function makeThreshold(p: Params, i: number, r: Rng): number {
  switch (p.defectionThresholdKind) {
    case 'list': return p.defectionThresholdList[i % p.defectionThresholdList.length];
    case 'uniform': return p.defectionThresholdMin + r() * (p.defectionThresholdMax - p.defectionThresholdMin);
    case 'normal': {
      const v = p.defectionThresholdMean + p.defectionThresholdSd * randNormal(r);
      return Math.min(p.defectionThresholdMax, Math.max(p.defectionThresholdMin, v));
    }
  }
}

export const emptyDay = (day: number, nd: number): DayAgg => ({
  day, peakActive: 0, peakNeeded: 0, effectiveAtPeak: 0, detentions: 0, deaths: 0, resigned: 0, defected: 0,
  staffing: new Array(nd).fill(0), momentum: 0, violent: 0, abuses: 0, nonviolentArrests: 0, injuries: 0, activeTicks: 0, purged: 0,
  resignHazard: 0,
});

/** The per-unit tallies for units of these sizes. */
export const makeUnits = (sizes: number[]): SimState['units'] => {
  const n = sizes.length;
  return { n, visible: new Float64Array(n), size: Int32Array.from(sizes), defected: new Int32Array(n), anyVisible: false,
    insiders: new Int32Array(n), unmasked: new Int32Array(n), walked: new Uint8Array(n), backlash: new Float64Array(n), anyBacklash: false };
};

/** Fresh per-tick working buffers for a run of this size. */
export function makeScratch(nDistricts: number, nUnits: number, nOfficers: number, cells: number, offsets: number): Scratch {
  return {
    loyalty: makeLoyaltyContext(nDistricts, nUnits, nOfficers), loyaltyDelta: new Float64Array(nOfficers),
    arrestK: NaN, arrestTable: new Float64Array(0), gByOpinion: new Float64Array(3), cellP: new Float64Array(0), cellPEpoch: new Int32Array(0), cellPPass: 0, cellList: new Int32Array(0),
    actStart: new Int32Array(0), actList: new Int32Array(0), cells: new Int32Array(cells), offsets: new Int32Array(Math.max(offsets, 16)),
    contactNew: new Uint8Array(nOfficers), anyContact: false, walking: new Uint8Array(nUnits),
  };
}

const copyParams = (p: Params): Params => ({ ...p, defectionThresholdList: [...p.defectionThresholdList] });

function checkChannels(ids: readonly string[]): string[] {
  const seen = new Set<string>();
  for (const id of ids) {
    if (channelDef(id) === undefined) throw new ParamError(`unknown loyalty channel '${id}' (known: ${CHANNELS.join(', ')})`);
    if (seen.has(id)) throw new ParamError(`loyalty channel '${id}' given twice`);
    seen.add(id);
  }
  if (seen.size !== CHANNELS.length) throw new ParamError(`every loyalty channel must be given once (${CHANNELS.join(', ')})`);
  return [...ids];
}

/**
 * The common shift of every officer's initial loyalty, hiddenLoyaltySd x z with z ~ N(0, 1) drawn
 * from the run's own `hidden` stream (seed, "hidden"), used once here: 0 when the spread is 0, and
 * the rule streams are the same whatever the spread (a hidden situation, docs/model.md section 3).
 */
export function hiddenLoyaltyShift(p: Params, seed: number): number {
  if (!(p.hiddenLoyaltySd > 0)) return 0;
  const words = new Int32Array(4);
  seedStream(words, seed, 'hidden');
  return p.hiddenLoyaltySd * randNormal(sfc32View(words));
}

export function createState(scenario: ScenarioData, params: Params, seed: number, opts: CreateOptions = {}): SimState {
  const p = copyParams(params);
  const channels = checkChannels(opts.channels ?? CHANNELS);
  const streamNames = [...RULE_STREAMS, ...channels.map((id) => (channelDef(id) as { stream: string }).stream)];
  const rngWords = seedStreams(seed, streamNames);
  const rng = bindStreams(rngWords, streamNames);
  const nC = Math.round(p.citizenCount * p.scale);
  const nMap = Math.round(p.officerCount * p.scale);
  const nO = Math.max(nMap, Math.round(p.nationalForce * p.scale));
  const { grid, districtIds, districtNames } = buildGrid(p, scenario.map);
  if (nC + nMap > grid.cells * p.cellCapacity)
    throw new ParamError(`${nC} citizens and ${nMap} officers do not fit on ${grid.cells} cells of capacity ${p.cellCapacity}`);
  const startDay = parseDate(scenario.startDate);
  if (startDay === null) throw new ParamError(`startDate '${scenario.startDate}' is not a valid date`);
  const nd = districtIds.length;
  const tpd = 24 / p.hoursPerTick;
  const nch = channels.length;

  const c: Citizens = {
    n: nC, cell: new Int32Array(nC), state: new Uint8Array(nC), hardship: new Float32Array(nC), risk: new Float32Array(nC),
    opinion: new Int8Array(nC), discipline: new Float32Array(nC), outPropensity: new Float32Array(nC), term: new Int32Array(nC),
    home: new Uint16Array(nC), next: new Int32Array(nC).fill(-1), prev: new Int32Array(nC).fill(-1), violent: new Uint8Array(nC),
  };
  const o: Officers = {
    n: nO, initialForce: nO, cell: new Int32Array(nO).fill(-1), state: new Uint8Array(nO), loyalty: new Float64Array(nO),
    loyalty0: new Float32Array(nO), theta: new Float64Array(nO), unit: new Int32Array(nO), district: new Uint16Array(nO), branch: new Uint8Array(nO),
    masked: new Uint8Array(nO), exposure: new Float32Array(nO), abuses: new Uint16Array(nO), documented: new Uint16Array(nO),
    contact: new Float32Array(nO), fear: new Float32Array(nO),
    salaryDep: new Float32Array(nO), conscience: new Float32Array(nO), seen: new Float32Array(nO), deployed: new Uint8Array(nO), defectTick: new Int32Array(nO).fill(-1),
    noisy: new Uint8Array(nO), arrestedThisTick: new Uint8Array(nO), channelSum: new Float32Array(nO * nch),
    channelLast: new Float32Array(nO * nch), tieStart: new Int32Array(nO + 1), tieCitizen: new Int32Array(0),
  };
  const levels = Object.fromEntries(LEVEL_NAMES.map((k) => [k, 0])) as Record<LevelName, number>;
  if (p.solidarityFund >= 1) levels.fund = 1; // a fund the scenario starts with is running from tick 0
  const actions = (opts.actions ?? scenario.strategy).map((a, i) => [{ ...a }, i] as const)
    .sort((x, y) => x[0].tick - y[0].tick || x[1] - y[1]).map(([a]) => a);
  const s: SimState = {
    modelVersion: MODEL_VERSION, scenario, params: p, initialParams: copyParams(p), seed: seed >>> 0, streamNames, rngWords, rng,
    channels, channelWasLive: new Uint8Array(nch).fill(1), scratch: makeScratch(nd, 0, nO, grid.cells, grid.offX.length),
    tick: 0, ticksPerDay: tpd, startDay, horizonTicks: p.horizonDays * tpd,
    grid, c, o, districtIds, districtNames, districtInitialStaff: new Float64Array(nd), recruitsByDistrict: new Float64Array(nd),
    reserve: 0, cityStaff: 0, units: makeUnits([]),
    staffByDistrict: new Float64Array(nd), releases: new Map(), order: new Int32Array(p.countMode === 'live' ? nC + nO : 0),
    regime: { resources: p.regimeResources, eliteCohesion: p.eliteCohesion, patronWithdrawn: false, patronSupport: p.externalSupport, bonus: 0, splits: 0 },
    perceived: 0, outrage: 0, violenceLevel: 0, hidden: { loyaltyShift: hiddenLoyaltyShift(p, seed) },
    movement: { capacity: p.organisingCapacityPerDay, levels, fund: p.solidarityFund, actions, nextAction: 0 },
    events: [], nextEvent: 0, ramps: [], momentum: 0,
    tickArrests: new Float64Array(nd), tickViolence: new Float64Array(nd), tickTally: { arrests: 0, violent: 0, active: 0 },
    totals: { detentions: 0, deaths: 0, injuries: 0, abuses: 0, violentActs: 0, activeTicks: 0, unmaskings: 0, resignations: 0,
      contacts: 0, purged: 0, publications: 0, wrongIds: 0 },
    counts: { citizens: new Int32Array(4), officers: new Int32Array(6) },
    effectiveForce: 0, neededForce: 0, loyalForceTotal: 0, day: 0, yesterday: emptyDay(-1, nd), today: emptyDay(0, nd),
    historical: { value: new Float64Array(0), reached: new Uint8Array(0), aux: new Float64Array(0) },
    streak: { collapse: 0, demobilize: 0, collapseStartTick: 0 }, peakActive: 0, peakActiveTick: 0,
    outcome: null, fallCause: null, pillarLoss: null, decidedTick: null, tippingTick: null, defectedAtDecision: null, defectedCount: 0,
    eventLog: [], eventsDropped: 0, activeBuf: new Int32Array(nC), activeN: 0, joinedSeen: false, violentFlagsSet: false, deathsLogged: 0,
  };
  for (let k = 0; k < s.order.length; k++) s.order[k] = k;
  s.events = scheduleEvents(s);
  s.historical = historicalInit(s);
  const r = rng.init;
  const dCells = cellsByDistrict(grid.district, nd);
  const map = scenario.map;

  // Officers first (NetLogo creates cops before agents), in contiguous district blocks so units share a district.
  const staffW = map && map.districts.length > 0 ? map.districts.map((d) => d.staffing) : [1];
  const onMap = apportion(nMap, staffW), reserveBy = apportion(nO - nMap, staffW);
  const unitSize = unitSizeAt(p);
  let j = 0, unit = -1, inUnit = unitSize, unitRiot = false;
  const unitSizes: number[] = [];
  const block = (count: number, d: number, deploy: boolean) => {
    inUnit = unitSize; // a new district block starts a new unit
    for (let k = 0; k < count; k++, j++) {
      if (inUnit >= unitSize) { unit++; inUnit = 0; unitSizes.push(0); }
      inUnit++; unitSizes[unit]++;
      o.unit[j] = unit; o.district[j] = d;
      // Riot police and internal troops (OMON) or district police: the branch is drawn per unit.
      if (inUnit === 1) unitRiot = r() < p.riotShare;
      o.branch[j] = unitRiot ? Branch.omon : Branch.district_police;
      o.loyalty[j] = clamp01(p.initialLoyaltyMean + s.hidden.loyaltyShift + (unitRiot ? p.riotLoyaltyBonus : 0) + p.initialLoyaltySd * randNormal(r));
      o.theta[j] = makeThreshold(p, j, r);
      // Everyone serving at the start is, by definition, above his threshold: no defection at tick 0.
      if (p.defectionThresholdUnit === 'loyalty' && o.loyalty[j] <= o.theta[j]) o.loyalty[j] = Math.min(1, o.theta[j] + p.thresholdStartMargin);
      o.loyalty0[j] = o.loyalty[j];
      o.masked[j] = unitRiot && r() < p.maskedShare ? 1 : 0;
      o.abuses[j] = r() < p.abuserShare ? 1 + Math.floor(r() * p.abusesMax) : 0;
      o.fear[j] = clamp01(p.fearMean + p.fearSd * randNormal(r));
      o.salaryDep[j] = clamp01(p.salaryDependenceMean + p.salaryDependenceSd * randNormal(r));
      o.conscience[j] = r();
      if (deploy) {
        const cell = pickCell(s, dCells[d], r);
        o.deployed[j] = 1;
        officerPlace(s, j, cell);
        s.districtInitialStaff[d]++;
      }
    }
  };
  for (let d = 0; d < staffW.length; d++) block(onMap[d], d, true);
  for (let d = 0; d < staffW.length; d++) block(reserveBy[d], d, false);
  s.reserve = nO - nMap;
  s.cityStaff = nMap;
  s.counts.officers[OfficerState.on_duty] = nO;
  s.units = makeUnits(unitSizes);
  s.scratch.loyalty.unitShare = new Float64Array(unitSizes.length);
  s.scratch.walking = new Uint8Array(unitSizes.length);
  s.staffByDistrict.set(s.districtInitialStaff);

  // Citizens, by district population weight. Their propensity to be out is stratified and rising
  // with the index ((i + u) / n, still uniform over citizens), so the citizens out at a given
  // turnout are exactly a prefix of the arrays: the hourly pass stops where the crowd ends. Home
  // districts are shuffled over the indices so that no district is always out first.
  const popW = map && map.districts.length > 0 ? map.districts.map((d) => d.population) : [1];
  const perD = apportion(nC, popW);
  const homes = new Uint16Array(nC);
  for (let d = 0, q = 0; d < perD.length; d++) homes.fill(d, q, q += perD[d]);
  for (let k = nC - 1; k > 0; k--) { const m = Math.floor(r() * (k + 1)); const t = homes[k]; homes[k] = homes[m]; homes[m] = t; }
  for (let i = 0; i < nC; i++) {
    const d = homes[i];
    c.home[i] = d;
    c.hardship[i] = r();
    c.risk[i] = r();
    const u = r();
    c.opinion[i] = u < p.privateOppositionShare ? Opinion.opponent : u < p.privateOppositionShare + p.incumbentSupportShare ? Opinion.supporter : Opinion.neutral;
    c.discipline[i] = clamp01(p.disciplineMean + p.disciplineSd * randNormal(r));
    c.outPropensity[i] = (i + r()) / nC;
    citizenLink(s, i, pickCell(s, dCells[d], r));
  }
  s.counts.citizens[0] = nC;

  // Sparse ties between officers and citizens (family, friends, neighbours): their own stream.
  // District police know people of their own district; riot police and officers from elsewhere fewer.
  const rt = rng.ties;
  const ties: number[] = [];
  const byHome: number[][] = Array.from({ length: nd }, () => []);
  for (let i = 0; i < nC; i++) byHome[c.home[i]].push(i);
  for (let k = 0; k < nO; k++) {
    o.tieStart[k] = ties.length;
    const mean = p.tiesPerOfficer * (o.branch[k] === Branch.omon ? p.riotTiesFactor : 1) * (k < nMap ? 1 : p.offMapTiesShare);
    const m = nC > 0 ? randPoisson(rt, mean) : 0;
    const local = o.branch[k] === Branch.district_police && k < nMap ? byHome[o.district[k]] : null;
    for (let t = 0; t < m; t++) ties.push(local && local.length > 0 ? local[Math.floor(rt() * local.length)] : Math.floor(rt() * nC));
  }
  o.tieStart[nO] = ties.length;
  o.tieCitizen = Int32Array.from(ties);
  officerTally(s);
  return s;
}
