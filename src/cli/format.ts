/**
 * Output of one run: a readable summary, one JSON object, or the series as CSV. Everything is a
 * function of the run alone (no timestamps, no paths), so equal runs print equal bytes.
 */
import type { SeriesRow } from '../sim/index';
import type { CliOptions } from './args';
import type { SimResult } from './run';

/** The --format json object: the run report's fields plus the series (and the event log on request). */
export function toJson(r: SimResult, withEvents: boolean): string {
  const obj: Record<string, unknown> = { ...r.report, series: r.series };
  if (withEvents) obj.events = r.events;
  return JSON.stringify(obj) + '\n';
}

/** Depth-first dotted names: citizens.quiet, loyaltyHistogram.0, staffing.<district>. */
function flatten(value: unknown, prefix: string, out: Array<[string, unknown]>): void {
  if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) flatten(v, prefix === '' ? k : `${prefix}.${k}`, out);
  } else out.push([prefix, value]);
}

function csvCell(v: unknown): string {
  const s = v === null || v === undefined ? '' : String(v);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** The series, one row per recorded tick; the header comes from the first row (all rows share a shape). */
export function toCsv(series: readonly SeriesRow[]): string {
  const rows = series.map((row) => { const cells: Array<[string, unknown]> = []; flatten(row, '', cells); return cells; });
  const header = rows.length > 0 ? rows[0].map(([k]) => k) : [];
  const lines = [header.map(csvCell).join(',')];
  for (const cells of rows) lines.push(cells.map(([, v]) => csvCell(v)).join(','));
  return lines.join('\n') + '\n';
}

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
const num = (x: number) => (Number.isInteger(x) ? String(x) : x.toFixed(3));

/** Left-aligned columns, two spaces apart; the last column is not padded. */
export function table(rows: string[][], indent = ''): string[] {
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => r[c].length)));
  return rows.map((r) => indent + r.map((cell, c) => (c === r.length - 1 ? cell : cell.padEnd(widths[c]))).join('  ').trimEnd());
}

export function toSummary(r: SimResult): string {
  const rep = r.report, sm = rep.summary;
  const days = (rep.ticks * rep.params.hoursPerTick) / 24;
  const last = r.series[r.series.length - 1];
  const lines: string[] = [];
  const row = (k: string, v: string) => lines.push(`${k.padEnd(12)}${v}`);
  row('Scenario', `${rep.scenario} (seed ${rep.seed})`);
  row('Ran', `${rep.ticks} ticks (${num(days)} days), to ${last ? last.date : '?'}`);
  row('Outcome', rep.outcome === null ? 'undecided (the run stopped before the outcome was decided)'
    : `${rep.outcome}${rep.decidedTick !== null ? ` (decided at tick ${rep.decidedTick})` : ''}`);
  row('Fall cause', rep.fallCause ?? '-');
  row('Tipping', rep.tippingTick === null ? '-' : `tick ${rep.tippingTick}, day ${rep.tippingDay}, ${rep.tippingDate}`);
  row('Peak', `${sm.peakActive} active at tick ${sm.peakActiveTick} (${pct(sm.peakParticipation)} of citizens)`);
  row('Defected', `${pct(sm.defectedShare)} of the force${sm.defectionOccurred ? ' (defection occurred)' : ''}; ${sm.resignations} resignations`);
  row('Repression', `${sm.detentions} detentions, ${sm.injuries} injuries, ${sm.deaths} deaths, ${sm.abuses} abuses, ${sm.unmaskings} unmaskings`);
  row('Violence', `${pct(sm.violenceShare)} of active citizen-ticks${sm.nonviolent ? ' (nonviolent)' : ''}`);
  row('Momentum', num(sm.momentum));
  if (last) row('Final', `${last.citizens.active} active, ${last.officers.on_duty} officers on duty, mean loyalty ${num(last.meanLoyalty)}`);
  const staff = Object.entries(sm.staffing);
  if (staff.length > 1) row('Staffing', staff.map(([d, v]) => `${d} ${pct(v)}`).join(', '));
  if (rep.historical && Object.keys(rep.historical).length > 0) {
    lines.push('', 'Historical comparison (model counts divided by scale; - = date not reached):');
    const hrows = [['figure', 'source value', 'model', 'unit']];
    for (const h of Object.values(rep.historical))
      hrows.push([h.label, num(h.historical), h.model === null ? '-' : num(h.model), h.unit ?? '']);
    lines.push(...table(hrows, '  '));
    lines.push('', 'Sources:');
    for (const h of Object.values(rep.historical)) lines.push(`  ${h.label}: ${h.source}`);
  }
  return lines.join('\n') + '\n';
}

export function formatResult(r: SimResult, opts: Pick<CliOptions, 'format' | 'events'>): string {
  switch (opts.format) {
    case 'json': return toJson(r, opts.events);
    case 'csv': return toCsv(r.series);
    case 'summary': return toSummary(r);
  }
}
