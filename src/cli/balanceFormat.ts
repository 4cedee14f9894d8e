/**
 * The balance report as text (like bench's: aligned columns): per preset the policy matrix, the
 * effects and the once: start days; then every lesson PASS / FAIL / n/a with its figure; then
 * the run count and the time.
 */
import type { Bound, LessonResult } from '../balance/lessons';
import type { PresetReport } from '../balance/engine';
import { tally, type BalanceReport } from '../balance/report';
import { mechanismLine } from '../balance/mechanism';
import { tierSeeds } from '../balance/policies';
import { fmtMinutes } from './balanceRun';
import { bandDigits, inBand } from '../sim/index';

const pct = (x: number | null, d = 1): string => (x === null ? '—' : `${(100 * x).toFixed(d)}%`);
const pts = (x: number | null): string => (x === null ? '—' : `${x >= 0 ? '+' : '−'}${Math.abs(100 * x).toFixed(1)} pts`);
const sgn = (x: number | null, d = 3): string => (x === null ? '—' : `${x >= 0 ? '+' : '−'}${Math.abs(x).toFixed(d)}`);
const fix = (x: number | null, d = 3): string => (x === null ? '—' : x.toFixed(d));
const int = (n: number): string => Math.round(n).toLocaleString('en-US');

/** A quantity's value as text: shares in percent (points when relative or an effect on a share). */
export function quantityText(q: string, v: number | null, relative = false): string {
  if (v === null) return '—';
  // A historical figure in its own unit: 3 significant digits (130,000 officers, -18.0 percent, 0.52 share).
  if (q.startsWith('historical:')) return Math.abs(v) >= 1000 ? int(v) : String(Number(v.toPrecision(3)));
  switch (q) {
    case 'success': case 'stalemate': case 'failure': case 'successDrop': case 'defectedShare': return relative ? pts(v) : pct(v);
    case 'effect': return sgn(v, 3);
    case 'effectRelative': return `${v >= 0 ? '+' : '−'}${Math.abs(100 * v).toFixed(1)}%`;
    case 'medianTippingDay': return relative ? sgn(v, 1) : `day ${v}`;
    case 'detentions': return relative ? sgn(v, 0) : int(v);
    default: return relative ? sgn(v) : fix(v);
  }
}

export function boundText(q: string, b: Bound, relativeTo: string | null): string {
  const rel = relativeTo !== null;
  const v = (x: number) => quantityText(q, x, rel);
  const parts: string[] = [];
  if (b.min !== undefined && b.max !== undefined) parts.push(`${v(b.min)} to ${v(b.max)}`);
  else if (b.min !== undefined) parts.push(`${b.strict ? '>' : '≥'} ${v(b.min)}`);
  else if (b.max !== undefined) parts.push(`${b.strict ? '<' : '≤'} ${v(b.max)}`);
  if (b.sign) parts.push(b.excludesZero ? `interval ${b.sign === 'positive' ? '> 0' : '< 0'}` : b.sign);
  return `${parts.join(', ')}${rel ? ` vs ${relativeTo}` : ''}`;
}

const pad = (s: string, n: number) => s.padEnd(n);
const lpad = (s: string, n: number) => s.padStart(n);

/** A historical figure's model value as quantityText prints it, with more decimals where its rounding would contradict the band verdict (bandDigits). */
function modelText(q: string, v: number | null, band: readonly [number, number] | null | undefined): string {
  if (v === null || inBand(band, v) === null) return quantityText(q, v);
  const shown = Math.abs(v) >= 1000 ? Math.round(v) : Number(v.toPrecision(3)); // what quantityText rounds a figure to
  return inBand(band, shown) === inBand(band, v) ? quantityText(q, v) : v.toFixed(bandDigits(v, band, 0));
}

function presetText(p: PresetReport, allSeeds: boolean): string[] {
  const tiers = allSeeds || p.family === 'history' ? `${p.seeds} seeds${p.family === 'history' && !allSeeds ? `, alone:<t> ${tierSeeds('half', p.seeds)}` : ''}`
    : `${p.seeds} seeds: pairs and once:<t> ${tierSeeds('half', p.seeds)}, once:<t>@<day> ${tierSeeds('screen', p.seeds)}`;
  const out = [`== ${p.id} (${p.family}; ${tiers}) ==`];
  const w = Math.max(24, ...p.policies.map((x) => x.name.length)) + 2;
  out.push(`${pad('policy', w)}${lpad('runs', 5)}  ${lpad('success', 7)} ${pad('[95% interval]', 16)}${lpad('tip day', 8)}${lpad('defected', 10)}${lpad('stalemate', 11)}${lpad('refused', 9)}`);
  for (const x of p.policies) {
    const ci = x.successLo === null ? '' : `[${(100 * x.successLo).toFixed(1).padStart(5)}, ${(100 * (x.successHi ?? 0)).toFixed(1).padStart(5)}]`;
    out.push(`${pad(x.name, w)}${lpad(String(x.runs), 5)}  ${lpad(pct(x.success), 7)} ${pad(ci, 16)}${lpad(x.medianTippingDay === null ? '—' : String(x.medianTippingDay), 8)}` +
      `${lpad(pct(x.defectedShare), 10)}${lpad(pct(x.stalemate, 0), 11)}${lpad(x.refusedPerRun > 0 ? x.refusedPerRun.toFixed(1) : '0', 9)}`);
  }
  const eff = Object.entries(p.effects);
  if (eff.length > 0) {
    out.push('', 'effects: alone:<t> minus nothing on its own quantity, paired over seeds (mean, 95% t interval; relative: ÷ the nothing mean)');
    out.push(`  ${pad('tactic', 20)}${pad('quantity', 15)}${lpad('n', 4)}${lpad('nothing', 11)}${lpad('mean', 10)}  ${pad('[lo, hi]', 22)}${'relative'}`);
    for (const [t, e] of eff) {
      const d = e.quantity === 'detentions' ? 1 : 3;
      const rel = e.relative.mean === null ? '' : `${quantityText('effectRelative', e.relative.mean)} [${quantityText('effectRelative', e.relative.lo)}, ${quantityText('effectRelative', e.relative.hi)}]`;
      out.push(`  ${pad(t, 20)}${pad(e.quantity, 15)}${lpad(String(e.n), 4)}${lpad(fix(e.nothingMean, d), 11)}${lpad(sgn(e.mean, d), 10)}  ${pad(`[${sgn(e.lo, d)}, ${sgn(e.hi, d)}]`, 22)}${rel}`);
    }
  }
  const once = Object.entries(p.once);
  if (once.length > 0) {
    out.push('', 'once:<t> start days (success on the screening seeds; the best day becomes once:<t>)');
    for (const [t, o] of once)
      out.push(`  ${pad(t, 20)}${Object.entries(o.days).map(([d, s]) => `day ${d}: ${pct(s.success, 0)}`).join('   ')}   best: ${o.best === null ? '—' : `day ${o.best}`}`);
  }
  if (p.historical) {
    out.push('', 'historical figures under history (mean model value over its runs, beside the figure\'s band)');
    for (const [k, h] of Object.entries(p.historical)) {
      const q = `historical:${k}`, band = h.band ? `band ${quantityText(q, h.band[0])} to ${quantityText(q, h.band[1])}` : 'no band';
      const within = inBand(h.band, h.model), verdict = within === null ? '' : within ? '  within' : '  OUTSIDE';
      out.push(`  ${pad(k, 26)}${lpad(quantityText(q, h.historical), 10)}  ${pad(band, 28)} model ${modelText(q, h.model, h.band)}${verdict}`);
    }
  }
  return out;
}

export function lessonLine(l: LessonResult, whereWidth = 22, quantityWidth = 24): string {
  const status = l.status === 'pass' ? 'PASS' : l.status === 'fail' ? 'FAIL' : 'n/a ';
  const where = Array.isArray(l.preset) ? l.preset.join('+') : l.preset;
  const fig = l.status === 'n/a' ? '(no such policy here)' : `${l.policy}: ${quantityText(l.quantity, l.value, l.relativeTo !== null)}`;
  const q = typeof l.quantifier === 'string' ? (l.quantifier === 'all' ? '' : ' (any)') : ` (at least ${l.quantifier.atLeast})`;
  return `${status}  ${pad(l.id, 28)} ${pad(where, whereWidth)} ${pad(`${l.quantity}${q}`, quantityWidth)} ${pad(fig, 46)} ${boundText(l.quantity, l.bound, l.relativeTo)}`;
}

export function formatBalance(r: BalanceReport, allSeeds: boolean): string {
  const out: string[] = [`Breaking Ranks balance report: seed ${r.run.seed}, every policy with --strategy none on common random numbers`];
  out.push(r.mechanismCheck.ok ? 'mechanism check: ok (no preset sets a mechanism parameter)' : `${mechanismLine(r.mechanismCheck)}; exit code 3`, '');
  for (const p of r.presets) out.push(...presetText(p, allSeeds), '');
  out.push('== lessons ==');
  const ww = Math.max(22, ...r.lessons.map((l) => (Array.isArray(l.preset) ? l.preset.join('+') : l.preset).length));
  const qw = Math.max(24, ...r.lessons.map((l) => l.quantity.length + 1));
  for (const l of r.lessons) if (l.status !== 'n/a') out.push(lessonLine(l, ww, qw));
  const na = new Map<string, string[]>();
  for (const l of r.lessons.filter((x) => x.status === 'n/a')) {
    const where = Array.isArray(l.preset) ? l.preset.join('+') : l.preset;
    na.set(where, [...(na.get(where) ?? []), l.id]);
  }
  for (const [where, ids] of na) out.push(`n/a   ${where} (no policy to check: e.g. a tactic the preset does not offer): ${ids.join(', ')}`);
  const t = tally(r.lessons);
  out.push(`lessons: ${t.pass} pass, ${t.fail} fail, ${t.na} n/a`, '');
  const per = r.presets.map((p) => `${p.id} ${int(p.policies.reduce((a, x) => a + x.runs, 0))} policy-runs`).join(', ');
  out.push(`runs: ${int(r.run.runs)} simulations in ${fmtMinutes(r.run.seconds)} on ${r.run.workers} worker${r.run.workers === 1 ? '' : 's'} (${per}; runs shared by policies count once)`);
  return `${out.join('\n')}\n`;
}
