/**
 * What `calibrate` prints and writes: the progress line of one ensemble, the final report
 * (fitted values, statistics with intervals, the criterion and why it fails) and the
 * calibration file with its `fit` record (targets, runs, seed, achieved figures; no timestamps).
 */
import type { BatchStats, CausalStats, Coefficients, Comparison, EvaluationInfo, FitResult, Proportion, Ratio, Targets, Validation } from '../batch/index';
import { CALIBRATION_KEYS, figureName, GIVE_WAY, ODDS_FLOOR, shortOfRuns, VALIDATION_BANDS } from '../batch/index';
import type { LessonResult } from '../balance/lessons';

/** A lesson verdict's identity: its id and preset(s) (a per-preset lesson has one verdict per preset). */
export const lessonKey = (l: LessonResult): string => `${l.id}|${JSON.stringify(l.preset)}`;

/** A lesson in one line: id, preset, the deciding policy (or quantity) and value. */
export const lessonName = (l: LessonResult): string =>
  `${l.id} (${Array.isArray(l.preset) ? l.preset.join(', ') : l.preset}: ${l.policy ?? l.quantity} ${l.value === null ? '-' : Number(l.value.toPrecision(3))})`;

/** Lessons that passed before a fit and fail after it (broken), and every one failing after it. */
export function brokenLessons(before: readonly LessonResult[], after: readonly LessonResult[]): { broken: LessonResult[]; failing: LessonResult[] } {
  const passed = new Set(before.filter((l) => l.status === 'pass').map(lessonKey));
  const failing = after.filter((l) => l.status === 'fail');
  return { broken: failing.filter((l) => passed.has(lessonKey(l))), failing };
}

const pct = (p: number | null): string => (p === null ? '-' : `${(100 * p).toFixed(1)}%`);
const num = (v: number | null): string => (v === null ? '-' : v.toPrecision(3));
const sig = (v: number | null): number | null => (v === null ? null : Number(v.toPrecision(4)));
const coefText = (c: Coefficients): string => Object.entries(c).map(([k, v]) => `${k} ${v}`).join(', ');

export const fmtTime = (s: number): string => (s < 90 ? `${Math.ceil(s)}s` : s < 5400 ? `${Math.round(s / 60)}m` : `${(s / 3600).toFixed(1)}h`);

/** One line per ensemble: stage, statistics, objective, values and an upper-bound ETA. */
export function progressLine(e: EvaluationInfo, secondsPerRun: number): string {
  const st = e.stats;
  const stage = e.stage === 0 ? 'the start' : `stage ${e.stage}/${e.stages}`;
  return `calibrate: ${stage} (${e.runs} runs) step ${e.evaluation}: success ${pct(st.successRate.value)}, `
    + `defection in successes ${pct(st.defectionShareInSuccesses.value)}, ${st.targets.kind} ratio ${num(st.successMultiplier.value)}; `
    + `objective ${e.objective.toFixed(2)} (best ${e.bestObjective.toFixed(2)}) | ${coefText(e.coefficients)} | ETA ≤ ${fmtTime(e.runsLeftAtMost * secondsPerRun)}`;
}

const interval = (p: { lo: number | null; hi: number | null }, f: (v: number | null) => string) => `[${f(p.lo)}, ${f(p.hi)}]`;

const yes = (b: boolean | null): string => (b === null ? 'undefined' : b ? 'yes' : 'no');

/** The causal figures at the fitted values (reported, never fitted: docs/research.md section 1b). */
function causalLines(c: CausalStats): string[] {
  const d = c.knockout.difference;
  const pts = (v: number | null): string => (v === null ? '-' : (100 * v).toFixed(1));
  return [
    `causal figures at these values (reported, not fitted; docs/research.md section 1b), landmark day ${c.landmarkDay}: `
      + `${c.landmark.runs} runs undecided then, ${c.landmark.excluded} left out`,
    ...c.landmark.byThreshold.map((f) => `  landmark odds ratio, defected ≥ ${pct(f.threshold)} by day ${c.landmarkDay}: `
      + `${num(f.oddsRatio.value)} ${interval(f.oddsRatio, num)}${f.oddsRatio.corrected ? ' (+0.5 in every cell)' : ''}`),
    `  knock-out (no officer may leave duty): success ${pct(c.knockout.successAsRun.value)} → ${pct(c.knockout.successKnockedOut.value)}, `
      + `difference ${pts(d.value)} points ${interval(d, pts)}`,
    `  landmark ratios above 1: ${yes(c.pass.landmark)}; knock-out difference above 0: ${yes(c.pass.knockout)}; both: ${yes(c.pass.holds)}`,
  ];
}

export function formatReport(fit: FitResult, runs: number, seed: number): string {
  const st = fit.stats, t = st.table, lines: string[] = [];
  const keys = CALIBRATION_KEYS.map((k) => k.key as string);
  lines.push(`calibration on the campaigns ensemble: ${runs} runs (${st.nonviolentRuns} nonviolent), seed ${seed}, ${fit.evaluations} ensemble${fit.evaluations === 1 ? '' : 's'}`);
  lines.push('fitted values (a layer above the defaults, below scenarios and --set):');
  for (const k of CALIBRATION_KEYS)
    lines.push(`  ${k.key.padEnd(24)} ${String(fit.coefficients[k.key]).padEnd(8)} range ${k.min}–${k.max}${fit.atBound.includes(k.key) ? '  (at the edge of its range)' : ''}`);
  for (const [k, v] of Object.entries(fit.coefficients)) if (!keys.includes(k)) lines.push(`  ${k.padEnd(24)} ${v} (kept, not fitted)`);
  const row = (label: string, p: Proportion | Ratio, name: Comparison['name']) => {
    const ratio = name === 'successMultiplier', f = ratio ? num : pct;
    const c = st.comparison.find((x) => x.name === name);
    const target = c ? (ratio ? String(c.target) : pct(c.target)) : '-';
    return `  ${label.padEnd(30)} ${f(p.value).padStart(6)} ${interval(p, f).padEnd(16)} target ${target}${c?.inside ? '  inside' : '  OUTSIDE'}`;
  };
  lines.push('achieved (95% intervals):');
  lines.push(row('success rate', st.successRate, 'successRate'));
  lines.push(row('defection share in successes', st.defectionShareInSuccesses, 'defectionShareInSuccesses'));
  lines.push(row(`${st.targets.kind} ratio`, st.successMultiplier, 'successMultiplier')
    + (fit.verdict.intervalFactor !== null ? `; interval spans ×${fit.verdict.intervalFactor.toFixed(2)} (≤ 2 required)` : ''));
  lines.push(`  defection occurred ${pct(st.defectionRate.value)}; success with defection ${pct(st.successWithDefection.value)}, without ${pct(st.successWithoutDefection.value)}`);
  lines.push(`  table: defection & success ${t.defectionSuccess}, defection & no success ${t.defectionNonSuccess}, no defection & success ${t.noDefectionSuccess}, neither ${t.noDefectionNonSuccess}`);
  lines.push(`  successes by cause: force ${st.fallCauses.force}, elite ${st.fallCauses.elite}, economy ${st.fallCauses.economy}, patron ${st.fallCauses.patron}, overwhelm ${st.fallCauses.overwhelm}`);
  if (fit.verdict.runsNeeded !== null) lines.push(`  runs for a ratio interval of ×2 at these cell shares: about ${fit.verdict.runsNeeded}`);
  if (st.causal !== undefined) lines.push(...causalLines(st.causal));
  if (fit.verdict.holds) lines.push('criterion (docs/research.md section 5): holds');
  else {
    lines.push('criterion (docs/research.md section 5): NOT met:');
    for (const r of fit.verdict.reasons) lines.push(`  - ${r}`);
    if (fit.atBound.length > 0) lines.push(`  - the search reached the edge of the range of ${fit.atBound.join(', ')}: these coefficients cannot move the statistics further`);
  }
  return lines.join('\n') + '\n';
}

/** The check on unseen seeds: one line per seed, then the verdict and what gave way. */
export function validationLines(v: Validation, wanted: number | null): string[] {
  const band = (k: (typeof GIVE_WAY)[number]) => {
    const [lo, hi] = VALIDATION_BANDS[k];
    return k === 'oddsRatio' ? `${lo}–${hi}` : `${pct(lo)}–${pct(hi)}`;
  };
  const lines = [`on seeds it was not fitted on (bands: success ${band('successRate')}, P(defection | success) ${band('defectionShareInSuccesses')}, `
    + `odds ratio ${band('oddsRatio')}; ${wanted === null ? 'no' : wanted} nonviolent runs each wanted):`];
  const mark = (b: boolean) => (b ? '' : ' OUTSIDE');
  for (const c of v.seeds)
    lines.push(`  seed ${String(c.seed).padEnd(11)} ${c.runs} runs (${c.nonviolentRuns} nonviolent): success ${pct(c.figures.successRate)}${mark(c.inside.successRate)}, `
      + `P(defection | success) ${pct(c.figures.defectionShareInSuccesses)}${mark(c.inside.defectionShareInSuccesses)}, `
      + `odds ratio ${num(c.figures.oddsRatio)}${mark(c.inside.oddsRatio)}`);
  const short = shortOfRuns(v, wanted);
  if (v.holds && !short) lines.push('  every band holds on every seed');
  else {
    if (v.binding !== null) lines.push(`  outside a band: ${v.outside.map(figureName).join(', ')}; the binding target (targets give way in the order `
      + `${GIVE_WAY.map(figureName).join(', ')}): ${figureName(v.binding)}`);
    if (v.belowFloor) lines.push(`  the odds ratio fell below ${ODDS_FLOOR} on a seed: never acceptable`);
    if (short) lines.push(`  fewer nonviolent runs than wanted on a seed: the check is indicative only`);
  }
  return lines;
}

/** The check in the fit record, rounded as the rest of it. */
export const validationRecord = (v: Validation, wanted: number | null) => ({
  nonviolentRunsWanted: wanted, holds: v.holds, binding: v.binding, outside: v.outside, oddsBelowFloor: v.belowFloor,
  seeds: v.seeds.map((c) => ({ seed: c.seed, runs: c.runs, nonviolentRuns: c.nonviolentRuns,
    successRate: sig(c.figures.successRate), defectionShareInSuccesses: sig(c.figures.defectionShareInSuccesses), oddsRatio: sig(c.figures.oddsRatio) })),
});

const prop = (p: Proportion) => ({ value: sig(p.value), lo: sig(p.lo), hi: sig(p.hi), k: p.k, n: p.n });

const ratio4 = (r: Ratio) => ({ value: sig(r.value), lo: sig(r.lo), hi: sig(r.hi), corrected: r.corrected });

/** The causal figures in the fit record, rounded as the rest of it. */
function causalRecord(c: CausalStats) {
  const d = c.knockout.difference;
  return {
    landmarkDay: c.landmarkDay,
    landmark: { runs: c.landmark.runs, excluded: c.landmark.excluded,
      byThreshold: c.landmark.byThreshold.map((f) => ({ threshold: f.threshold, table: f.table, oddsRatio: ratio4(f.oddsRatio) })) },
    knockout: { runs: c.knockout.runs, successAsRun: prop(c.knockout.successAsRun), successKnockedOut: prop(c.knockout.successKnockedOut),
      difference: { value: sig(d.value), lo: sig(d.lo), hi: sig(d.hi), n: d.n } },
    pass: c.pass,
  };
}

/** The calibration file: values and the record of the fit (deterministic, date-free). */
export function calibrationDoc(fit: FitResult, targets: Targets, runs: number, seed: number,
  validation: ReturnType<typeof validationRecord> | null = null,
  lessons: { seedsPerPreset: number | null; broken: string[]; failing: string[] } | null = null): string {
  const st: BatchStats = fit.stats, m = st.successMultiplier;
  const doc = {
    version: 2,
    note: 'Calibrated values of mechanism parameters (one layer: defaults < calibration < scenario < priors < --set < sweep). '
      + 'Written by npm run calibrate on the campaigns ensemble (docs/research.md); `fit` records the targets, the ensemble and what it achieved.',
    values: fit.coefficients,
    fit: {
      scenario: 'campaigns',
      targets,
      runs,
      seed,
      nonviolentRuns: st.nonviolentRuns,
      criterion: fit.verdict.holds,
      reasons: fit.verdict.reasons,
      achieved: {
        successRate: prop(st.successRate),
        defectionShareInSuccesses: prop(st.defectionShareInSuccesses),
        successMultiplier: { kind: m.kind, value: sig(m.value), lo: sig(m.lo), hi: sig(m.hi), corrected: m.corrected,
          intervalFactor: sig(fit.verdict.intervalFactor) },
        defectionRate: prop(st.defectionRate),
        successWithDefection: prop(st.successWithDefection),
        successWithoutDefection: prop(st.successWithoutDefection),
        table: st.table,
        fallCauses: st.fallCauses,
        ...(st.causal !== undefined ? { causal: causalRecord(st.causal) } : {}),
      },
      ...(validation !== null ? { unseenSeeds: validation } : {}),
      ...(lessons !== null ? { lessons } : {}),
    },
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
}
