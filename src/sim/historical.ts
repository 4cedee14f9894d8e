/**
 * The model's value beside each figure of a scenario's `historical` block (MODEL.md section 7).
 * Counts are divided by `scale` so they compare with real numbers; a figure whose date the run
 * has not reached is null.
 */
import { parseDate } from './calendar';
import { Opinion, type SimState } from './state';
import type { HistoricalDef } from './scenarioData';

export interface HistoricalRow { label: string; source: string; unit: string | null; historical: number; model: number | null; }

const r3 = (x: number) => Math.round(x * 1000) / 1000;

function daysUntil(s: SimState, date: string | undefined): number | null {
  if (!date) return s.days.length;
  const d = parseDate(date);
  if (d === null) return null;
  const n = d - s.startDay + 1; // inclusive of the date itself
  return n <= s.days.length ? Math.max(0, n) : null;
}

function modelValue(s: SimState, h: HistoricalDef): number | null {
  const scale = s.params.scale;
  const sumDays = (f: (k: number) => number): number | null => {
    const n = daysUntil(s, h.date);
    if (n === null) return null;
    let t = 0;
    for (let k = 0; k < n; k++) t += f(k);
    return r3(t / scale);
  };
  switch (h.metric) {
    case 'detentionsUntil': return sumDays((k) => s.days[k].detentions);
    case 'deathsUntil': return sumDays((k) => s.days[k].deaths);
    case 'resignationsUntil': return sumDays((k) => s.days[k].resigned);
    case 'tortureCasesUntil': return sumDays((k) => s.days[k].abuses);
    case 'nationalForce': return r3(s.o.initialForce / scale);
    case 'privateOpposition': {
      let n = 0;
      for (let i = 0; i < s.c.n; i++) if (s.c.opinion[i] === Opinion.opponent) n++;
      return s.c.n > 0 ? r3(n / s.c.n) : null;
    }
    case 'staffingChangeAt': {
      const n = daysUntil(s, h.date);
      if (n === null || n === 0) return null;
      const day = s.days[n - 1];
      const ids = h.district ? [s.districtIds.indexOf(h.district)] : s.districtIds.map((_, d) => d);
      if (ids.some((d) => d < 0)) return null;
      let now = 0, init = 0;
      for (const d of ids) { now += day.staffing[d] * s.districtInitialStaff[d]; init += s.districtInitialStaff[d]; }
      return init > 0 ? r3((now / init - 1) * 100) : null;
    }
  }
}

export function historicalReport(s: SimState): Record<string, HistoricalRow> | null {
  const h = s.scenario.historical;
  if (!h) return null;
  const out: Record<string, HistoricalRow> = {};
  for (const [key, def] of Object.entries(h))
    out[key] = { label: def.label, source: def.source, unit: def.unit ?? null, historical: def.value, model: modelValue(s, def) };
  return out;
}
