/**
 * The model's value beside each figure of a scenario's `historical` block (docs/model.md
 * section 11). Figures are accumulated at the end of each day (historicalDay), so the state keeps
 * no list of past days. Counts are divided by `scale` so they compare with real numbers; a dated
 * figure whose date the run has not reached is null.
 *   detentionsUntil, deathsUntil, resignationsUntil, tortureCasesUntil: the sum over the days up to
 *     and including the date (every day so far without a date); deaths and torture cases are
 *     expectations (arrest.ts), resignations the expected count (each officer's chance to resign
 *     summed: decisions.ts), so a figure of a few hundred people is not a handful of agents' luck;
 *   staffingChangeAt: the net staffing change, in percent, of the district (or the city) at the
 *     end of the date (net of recruits: metrics.ts staffingShares); with `branch`, of that branch's
 *     city staff only (district recruits count as district police);
 *   nationalForce: the initial force; privateOpposition: the share of opponents among citizens;
 *   defectedShareAt: 100 x (resigned + joined) / the whole force (reserve included), at the end of
 *     the date (of the last day without one);
 *   resignationsFalloff: (expected resignations per day from the date on) / (per day before it),
 *     the later window running to the last day of the run (null until a day of it is done, or
 *     when no officer was expected to resign before the date);
 *   branchLossRatio: the share of the city's riot-police (OMON) staff no longer serving over the
 *     share of its district police no longer serving (recruits left out: they join no branch), at
 *     the end of the date (of the last day without one); null while the district police lost none;
 *   districtsEmptied: the most districts whose staffing was below half at the end of one day, up
 *     to the date (the whole run without one).
 */
import { parseDate } from './calendar';
import { Branch, OfficerState, Opinion, type HistoricalAcc, type SimState } from './state';
import type { HistoricalDef } from './scenarioData';

/** One figure: the source's value, its band (null: none given), the model's value, and whether the model's lies in the band (null: no band or no value). */
export interface HistoricalRow { label: string; source: string; unit: string | null; historical: number; band: [number, number] | null; model: number | null; inBand: boolean | null }

/** Whether a model value lies in a figure's band (null: no band or no value). */
export const inBand = (band: readonly [number, number] | null | undefined, model: number | null): boolean | null =>
  band == null || model === null ? null : model >= band[0] && model <= band[1];

/**
 * Decimals to print a model value with beside its band: at least `digits`, more (up to 6) while the
 * value rounded to them would read as inside the band when it is outside, or the reverse (-19.96
 * against [-38, -20] is "-19.96", never "-20.0 (outside)").
 */
export function bandDigits(v: number, band: readonly [number, number] | null | undefined, digits: number): number {
  const verdict = inBand(band, v);
  if (verdict === null) return digits;
  let d = Math.max(0, digits);
  while (d < 6 && inBand(band, Number(v.toFixed(d))) !== verdict) d++;
  return d;
}

const r3 = (x: number) => Math.round(x * 1000) / 1000;

/** Metrics whose value is a state at the date (kept day by day), not a sum over days. */
const AT_DATE = ['staffingChangeAt', 'defectedShareAt', 'branchLossRatio', 'districtsEmptied', 'resignationsFalloff'] as const satisfies readonly HistoricalDef['metric'][];
/** Metrics with a value from day 0 on. */
const AT_START = ['nationalForce', 'privateOpposition'] as const satisfies readonly HistoricalDef['metric'][];
const isIn = (list: readonly string[], m: string): boolean => list.includes(m);

const defs = (s: SimState): HistoricalDef[] => (s.scenario.historical ? Object.values(s.scenario.historical) : []);

/** Days (from the start, counted from 1) up to and including the figure's date; Infinity without one. */
function lastDay(s: SimState, h: HistoricalDef): number {
  if (!h.date) return Infinity;
  const d = parseDate(h.date);
  return d === null ? 0 : d - s.startDay + 1;
}

export function historicalInit(s: SimState): HistoricalAcc {
  const list = defs(s);
  const acc: HistoricalAcc = { value: new Float64Array(list.length), reached: new Uint8Array(list.length), aux: new Float64Array(2 * list.length) };
  list.forEach((h, k) => {
    const n = lastDay(s, h);
    const summed = !isIn(AT_DATE, h.metric) && !isIn(AT_START, h.metric);
    // A sum whose date is before the start, or that has no date, is 0 from the outset.
    if (summed && (n <= 0 || n === Infinity)) acc.reached[k] = 1;
    if (isIn(AT_START, h.metric)) acc.reached[k] = 1;
  });
  return acc;
}

/** The city's staff of one branch (officers 0..cityStaff-1), in one district or all (null): how many, and how many still serve. */
function branchStaff(s: SimState, branch: number, district: number | null): { all: number; serving: number } {
  const o = s.o;
  let all = 0, serving = 0;
  for (let j = 0; j < s.cityStaff; j++) {
    if (o.branch[j] !== branch || (district !== null && o.district[j] !== district)) continue;
    all++;
    if (o.state[j] <= OfficerState.insider) serving++;
  }
  return { all, serving };
}

function staffingChange(s: SimState, h: HistoricalDef): number | null {
  const ids = h.district ? [s.districtIds.indexOf(h.district)] : s.districtIds.map((_, d) => d);
  if (ids.some((d) => d < 0)) return null;
  if (h.branch) {
    // One branch's city staff still serving; district recruits count as district police.
    const b = Branch[h.branch], d = h.district ? ids[0] : null, { all, serving } = branchStaff(s, b, d);
    const recruits = b !== Branch.district_police ? 0 : ids.reduce((sum, k) => sum + s.recruitsByDistrict[k], 0);
    return all > 0 ? ((serving + recruits) / all - 1) * 100 : null;
  }
  let now = 0, init = 0;
  for (const d of ids) { now += s.today.staffing[d] * s.districtInitialStaff[d]; init += s.districtInitialStaff[d]; }
  return init > 0 ? (now / init - 1) * 100 : null;
}

/** Share of the city's staff of one branch no longer serving (recruits join no branch). */
function branchLoss(s: SimState, branch: number): number | null {
  const { all, serving } = branchStaff(s, branch, null);
  return all > 0 ? (all - serving) / all : null;
}

/** Riot-police loss over district-police loss (null without a loss of district police to compare with). */
export function branchLossRatio(s: SimState): number | null {
  const omon = branchLoss(s, Branch.omon), district = branchLoss(s, Branch.district_police);
  return omon === null || district === null || district === 0 ? null : omon / district;
}

/** Districts below half their initial staffing at the end of today. */
export function districtsBelowHalf(s: SimState): number {
  let n = 0;
  s.districtIds.forEach((_, d) => { if (s.districtInitialStaff[d] > 0 && s.today.staffing[d] < 0.5) n++; });
  return n;
}

/** At the end of day s.day (0-based, completed now, before s.day is advanced). */
export function historicalDay(s: SimState): void {
  const acc = s.historical, t = s.today, done = s.day + 1;
  defs(s).forEach((h, k) => {
    const n = lastDay(s, h);
    if (h.metric === 'resignationsFalloff') {
      // Before the date: the earlier sum; from it on (to the end of the run): the later sum and its days.
      if (done < n) acc.aux[2 * k] += t.resignHazard;
      else { acc.value[k] += t.resignHazard; acc.aux[2 * k + 1]++; acc.reached[k] = 1; }
      return;
    }
    if (done > n) return;
    switch (h.metric) {
      case 'detentionsUntil': acc.value[k] += t.detentions; break;
      case 'deathsUntil': acc.value[k] += t.deaths; break;
      case 'resignationsUntil': acc.value[k] += t.resignHazard; break;
      case 'tortureCasesUntil': acc.value[k] += t.abuses; break;
      case 'staffingChangeAt': {
        const v = staffingChange(s, h);
        acc.value[k] = v === null ? NaN : v;
        break;
      }
      case 'defectedShareAt': acc.value[k] = (100 * s.defectedCount) / Math.max(1, s.o.initialForce); break;
      case 'branchLossRatio': { const v = branchLossRatio(s); acc.value[k] = v === null ? NaN : v; break; }
      case 'districtsEmptied': acc.value[k] = Math.max(acc.value[k], districtsBelowHalf(s)); break;
      default: return;
    }
    if (done >= n || n === Infinity) acc.reached[k] = 1;
  });
}

function modelValue(s: SimState, h: HistoricalDef, k: number): number | null {
  const acc = s.historical;
  switch (h.metric) {
    case 'nationalForce': return r3(s.o.initialForce / s.params.scale);
    case 'privateOpposition': {
      let n = 0;
      for (let i = 0; i < s.c.n; i++) if (s.c.opinion[i] === Opinion.opponent) n++;
      return s.c.n > 0 ? r3(n / s.c.n) : null;
    }
    case 'staffingChangeAt': case 'defectedShareAt': case 'branchLossRatio': case 'districtsEmptied':
      return acc.reached[k] && Number.isFinite(acc.value[k]) ? r3(acc.value[k]) : null;
    case 'resignationsFalloff': {
      const before = acc.aux[2 * k], beforeDays = lastDay(s, h) - 1, afterDays = acc.aux[2 * k + 1];
      if (!acc.reached[k] || afterDays <= 0 || beforeDays <= 0 || before <= 0) return null;
      return r3((acc.value[k] / afterDays) / (before / beforeDays));
    }
    default: return acc.reached[k] ? r3(acc.value[k] / s.params.scale) : null;
  }
}

export function historicalReport(s: SimState): Record<string, HistoricalRow> | null {
  const h = s.scenario.historical;
  if (!h) return null;
  const out: Record<string, HistoricalRow> = {};
  Object.entries(h).forEach(([key, def], k) => {
    const model = modelValue(s, def, k), band = def.band ?? null;
    out[key] = { label: def.label, source: def.source, unit: def.unit ?? null, historical: def.value, band, model, inBand: inBand(band, model) };
  });
  return out;
}
