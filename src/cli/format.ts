/**
 * Output of one run: a readable summary, one JSON object, or the series as CSV. Everything is a
 * function of the run alone (no timestamps, no paths), so equal runs print equal bytes.
 */
import type { RunReport, SeriesRow, SimEvent } from '../sim/index';
import type { CliOptions } from './args';
import type { SimResult, SimStream } from './run';
import type { Writer } from './sink';
import { memorySpool, type Spool } from './spool';

/**
 * The --format json object: the run report's fields, then the series (and the event log on
 * request), exactly JSON.stringify({ ...report, series, events }). The report's fields come first
 * but are known only at the end, so the series and events wait in spools (scratch files in the
 * CLI) and are copied in after the report: no row waits in memory.
 */
export function jsonOutput(w: Writer, withEvents: boolean, spool: () => Spool): SimOutput {
  const series = spool(), events = withEvents ? spool() : null;
  let rows = 0, logged = 0;
  const close = (): void => { series.close(); events?.close(); };
  return {
    row(r) { series.write((rows++ > 0 ? ',' : '') + JSON.stringify(r)); },
    events(es) { if (events !== null) for (const e of es) events.write((logged++ > 0 ? ',' : '') + JSON.stringify(e)); },
    end(report) {
      try {
        w.write(`${JSON.stringify(report).slice(0, -1)},"series":[`);
        series.copyTo(w);
        w.write(']');
        if (events !== null) { w.write(',"events":['); events.copyTo(w); w.write(']'); }
        w.write('}\n');
      } finally { close(); }
    },
    close,
  };
}

/** The whole object as text (tests, small runs): jsonOutput over memory spools. */
export function toJson(r: SimResult, withEvents: boolean): string {
  return collect((w) => {
    const o = jsonOutput(w, withEvents, memorySpool);
    r.series.forEach((row) => o.row(row));
    o.events(r.events);
    o.end(r.report, r.series[r.series.length - 1]);
  });
}

/** What a Writer receives, as one string. */
function collect(produce: (w: Writer) => void): string {
  const parts: string[] = [];
  produce({ write: (t) => { parts.push(typeof t === 'string' ? t : Buffer.from(t).toString('utf8')); }, flush() { /* nothing held */ } });
  return parts.join('');
}

/**
 * A run's output as the run goes: every kept row and event as it is made, then the report at
 * the end. `close` frees what it holds when the run fails before the end.
 */
export interface SimOutput extends Required<SimStream> {
  end(report: RunReport, last: SeriesRow): void;
  close(): void;
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

/** The series, one row per recorded tick, written as each row is made; the header comes from the first row (all rows share a shape). */
export function csvOutput(w: Writer): SimOutput {
  let rows = 0;
  return {
    row(row) {
      const cells: Array<[string, unknown]> = [];
      flatten(row, '', cells);
      if (rows++ === 0) w.write(cells.map(([k]) => csvCell(k)).join(',') + '\n');
      w.write(cells.map(([, v]) => csvCell(v)).join(',') + '\n');
    },
    events() { /* not in the CSV */ },
    end() { if (rows === 0) w.write('\n'); },
    close() { /* nothing held */ },
  };
}

export function toCsv(series: readonly SeriesRow[]): string {
  return collect((w) => {
    const o = csvOutput(w);
    series.forEach((row) => o.row(row));
    o.end(null as unknown as RunReport, series[series.length - 1]);
  });
}

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
const num = (x: number) => (Number.isInteger(x) ? String(x) : x.toFixed(3));

/** Left-aligned columns, two spaces apart; the last column is not padded. */
export function table(rows: string[][], indent = ''): string[] {
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => r[c].length)));
  return rows.map((r) => indent + r.map((cell, c) => (c === r.length - 1 ? cell : cell.padEnd(widths[c]))).join('  ').trimEnd());
}

export function toSummary(r: SimResult): string {
  return summaryText(r.report, r.series[r.series.length - 1]);
}

/** The readable summary: the report and the last kept row are all it needs. */
export function summaryText(rep: RunReport, last: SeriesRow | undefined): string {
  const sm = rep.summary;
  const days = (rep.ticks * rep.params.hoursPerTick) / 24;
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
    const hrows = [['figure', 'source value', 'band', 'model', 'in band', 'unit']];
    for (const h of Object.values(rep.historical))
      hrows.push([h.label, num(h.historical), h.band ? `${num(h.band[0])} to ${num(h.band[1])}` : '-', h.model === null ? '-' : num(h.model),
        h.inBand === null ? '-' : h.inBand ? 'yes' : 'no', h.unit ?? '']);
    lines.push(...table(hrows, '  '));
    lines.push('', 'Sources:');
    for (const h of Object.values(rep.historical)) lines.push(`  ${h.label}: ${h.source}`);
  }
  return lines.join('\n') + '\n';
}

/** The output of `opts.format` written to w as the run goes; `spool` makes the JSON's scratch spools. */
export function simOutput(opts: Pick<CliOptions, 'format' | 'events'>, w: Writer, spool: () => Spool): SimOutput {
  switch (opts.format) {
    case 'json': return jsonOutput(w, opts.events, spool);
    case 'csv': return csvOutput(w);
    case 'summary': return {
      row() { /* only the last row is shown, and end() receives it */ },
      events() { /* not in the summary */ },
      end(report, last) { w.write(summaryText(report, last)); },
      close() { /* nothing held */ },
    };
  }
}

export function formatResult(r: SimResult, opts: Pick<CliOptions, 'format' | 'events'>): string {
  switch (opts.format) {
    case 'json': return toJson(r, opts.events);
    case 'csv': return toCsv(r.series);
    case 'summary': return toSummary(r);
  }
}
