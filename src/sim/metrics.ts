/** Per-tick metrics and the series row that every output (CLI, page, batch) shares. */
import { tickDate } from './calendar';
import { OfficerState, type SimState } from './state';

/**
 * Net staffing per district, as the sources report it for the Minsk directorate: the city's own
 * officers still serving (officers 0..cityStaff-1 are the ones on the map at the start) plus
 * recruits, over the initial staff. Reserves deployed from elsewhere are reinforcements, not staff.
 */
export function staffingShares(s: SimState): { byDistrict: number[]; total: number } {
  const nd = s.districtIds.length, o = s.o;
  const now = new Float64Array(nd);
  for (let j = 0; j < s.cityStaff; j++) if (o.state[j] <= OfficerState.insider) now[o.district[j]]++;
  let a = 0, b = 0;
  const byDistrict: number[] = [];
  for (let d = 0; d < nd; d++) {
    const v = now[d] + s.recruitsByDistrict[d];
    byDistrict.push(s.districtInitialStaff[d] > 0 ? v / s.districtInitialStaff[d] : 0);
    a += v; b += s.districtInitialStaff[d];
  }
  return { byDistrict, total: b > 0 ? a / b : 0 };
}

export interface SeriesRow {
  tick: number;
  date: string;
  citizens: { quiet: number; active: number; detained: number; injured: number };
  officers: { on_duty: number; shirking: number; insider: number; resigned: number; joined: number; purged: number };
  meanLoyalty: number;
  momentum: number;
  /** The perceived chance that the regime falls; the patron's support; citizens' outrage. */
  perceived: number;
  patronSupport: number;
  outrage: number;
  effectiveForce: number;
  neededForce: number;
  defectedShare: number;
  reserve: number;
  recruits: number;
  regimeResources: number;
  eliteCohesion: number;
  detentions: number;
  loyaltyHistogram: number[];
  staffing: Record<string, number>;
}

const r6 = (x: number) => Math.round(x * 1e6) / 1e6;

export function seriesRow(s: SimState): SeriesRow {
  const o = s.o, cc = s.counts.citizens, oc = s.counts.officers;
  const hist = new Array(10).fill(0);
  let sum = 0, n = 0;
  for (let j = 0; j < o.n; j++) {
    if (o.state[j] > OfficerState.insider) continue;
    const l = o.loyalty[j];
    sum += l; n++;
    hist[Math.min(9, Math.floor(l * 10))]++;
  }
  const staff = staffingShares(s);
  const staffing: Record<string, number> = {};
  s.districtIds.forEach((id, d) => { staffing[id] = r6(staff.byDistrict[d]); });
  let recruits = 0;
  for (let d = 0; d < s.recruitsByDistrict.length; d++) recruits += s.recruitsByDistrict[d];
  return {
    tick: s.tick,
    date: tickDate(s.startDay, s.tick, s.params.hoursPerTick),
    citizens: { quiet: cc[0], active: cc[1], detained: cc[2], injured: cc[3] },
    officers: { on_duty: oc[0], shirking: oc[1], insider: oc[2], resigned: oc[3], joined: oc[4], purged: oc[5] },
    meanLoyalty: r6(n > 0 ? sum / n : 0),
    momentum: r6(s.momentum),
    perceived: r6(s.perceived),
    patronSupport: r6(s.regime.patronSupport),
    outrage: r6(s.outrage),
    effectiveForce: r6(s.effectiveForce),
    neededForce: r6(s.neededForce),
    defectedShare: r6(s.defectedCount / Math.max(1, o.initialForce)),
    reserve: s.reserve,
    recruits: r6(recruits),
    regimeResources: r6(s.regime.resources),
    eliteCohesion: r6(s.regime.eliteCohesion),
    detentions: s.totals.detentions,
    loyaltyHistogram: hist,
    staffing,
  };
}
