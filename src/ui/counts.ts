/**
 * What the counts table shows: the latest metric row and, once the run is decided, its report,
 * turned into display text by row id. The sections and their order are data.
 */
import type { RunReport, SeriesRow } from '../sim';
import { t, tMaybe, type StringId } from './strings';

export type { RunReport, SeriesRow };

export const SECTIONS = [
  { id: 'time', caption: 'table.time', rows: ['tick', 'date'] },
  { id: 'citizens', caption: 'table.citizens', rows: ['quiet', 'active', 'detained', 'injured'] },
  { id: 'officers', caption: 'table.officers', rows: ['on_duty', 'shirking', 'insider', 'resigned', 'joined'] },
  { id: 'balance', caption: 'table.balance', rows: ['meanLoyalty', 'momentum', 'effectiveForce', 'neededForce'] },
  { id: 'outcome', caption: 'table.outcome',
    rows: ['outcome', 'fallCause', 'tippingDay', 'peakActive', 'defectedShare', 'detentions'] },
] as const satisfies readonly { id: string; caption: StringId; rows: readonly string[] }[];

export type RowId = (typeof SECTIONS)[number]['rows'][number];
export type CountsView = Record<RowId, string>;

const whole = new Intl.NumberFormat(undefined, { maximumFractionDigits: 0 });
const fixed = (digits: number) => new Intl.NumberFormat(undefined, { minimumFractionDigits: digits, maximumFractionDigits: digits });
const two = fixed(2);
const one = fixed(1);
const percent = new Intl.NumberFormat(undefined, { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 });

const none = (): string => t('value.none');
const num = (f: Intl.NumberFormat, x: unknown): string =>
  (typeof x === 'number' && Number.isFinite(x) ? f.format(x) : none());

/** Display text for every row of the table. `report` is null while the run is undecided. */
export function viewOf(row: SeriesRow, report: RunReport | null): CountsView {
  const c = row.citizens;
  const o = row.officers;
  const s = report?.summary;
  return {
    tick: num(whole, row.tick),
    date: String(row.date).replace('T', ' '),
    quiet: num(whole, c.quiet),
    active: num(whole, c.active),
    detained: num(whole, c.detained),
    injured: num(whole, c.injured),
    on_duty: num(whole, o.on_duty),
    shirking: num(whole, o.shirking),
    insider: num(whole, o.insider),
    resigned: num(whole, o.resigned),
    joined: num(whole, o.joined),
    meanLoyalty: num(two, row.meanLoyalty),
    momentum: num(two, row.momentum),
    effectiveForce: num(one, row.effectiveForce),
    neededForce: num(one, row.neededForce),
    outcome: outcomeText(report?.outcome ?? null),
    fallCause: report?.fallCause ? tMaybe(`fallCause.${report.fallCause}`, String(report.fallCause)) : none(),
    tippingDay: typeof report?.tippingDay === 'number' && report.tippingDay >= 0 ? whole.format(report.tippingDay) : none(),
    peakActive: s ? num(whole, s.peakActive) : none(),
    defectedShare: s ? num(percent, s.defectedShare) : none(),
    detentions: s ? num(whole, s.detentions) : none(),
  };
}

/** The learner-facing name of an outcome (null: not decided yet). */
export function outcomeText(outcome: string | null): string {
  return outcome === null ? t('outcome.running') : tMaybe(`outcome.${outcome}`, outcome);
}
