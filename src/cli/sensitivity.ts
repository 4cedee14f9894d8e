/**
 * npm run sensitivity: each mechanism parameter at ×0.8 and ×1.2 (booleans flipped) against the
 * baseline, on common random numbers (docs/balance.md, "Sensitivity"): which lessons flip, and
 * the history family's (minsk-2020's) outcome shares and historical figures; and the three research
 * figures on the campaigns ensemble (--campaign-runs per variant, the same seeds for each: success,
 * P(defection | success), the odds ratio, which no single change may take below ODDS_RATIO_FLOOR).
 * A report, not a test; every variant's preset runs go to the one worker pool together, then each
 * variant's ensemble in turn. Exit 0, or 2 for a bad call.
 */
import { availableParallelism } from 'node:os';
import { RunRegistry } from '../balance/engine';
import { familyOf } from '../balance/policies';
import { mechanismCheck, mechanismLine } from '../balance/mechanism';
import {
  belowOddsFloor, checkKeys, flips, historySource, lessonsSource, mechanismParams, ODDS_RATIO_FLOOR, relativeChange, researchFigures, variantsOf, variantValue,
  type FigureSource, type Figures, type SourcePlan, type Variant, type World,
} from '../balance/sensitivity';
import { batchInfo, campaignPriors, campaignScenario, checkPlan, shardIndices, summarize } from '../batch/index';
import { runRows } from '../batch/nodePool';
import { resolveLayers, type Calibration } from '../scenarios/index';
import { r6 } from '../balance/stats';
import type { ParamValue } from '../sim/index';
import { DEFAULT_SEEDS, parseSensitivityArgs, SENSITIVITY_SEEDS, sensitivityHelp } from './balanceArgs';
import { estimateLines, executePending, fmtMinutes, loadLessons, loadPresets, sayer, type Group } from './balanceRun';
import { print, runCommand } from './output';
import { loadCalibration, userDir } from './run';

const say = sayer('sensitivity');

interface VariantResult {
  variant: Variant;
  values: Record<string, { from: ParamValue | null; to: ParamValue | null; skip: string | null }>;
  notes: string[];
  figures: Record<string, Figures>;
  flips: { toFail: string[]; toPass: string[] };
  relative: Record<string, number | null>;
  /** The research figures on the campaigns ensemble (null: not run, or the variant was skipped there: researchSkip). */
  research: Figures | null;
  researchSkip: string | null;
}

/**
 * The campaigns ensemble of each variant (docs/research.md section 6): `runs` runs on the same seed
 * (the same situations and strategies drawn for every variant: common random numbers), no pillar
 * attribution (the three figures do not read it), the variant a --set on top of the calibrated value.
 */
async function researchPass(variants: readonly Variant[], calibration: Calibration | null, runs: number, seed: number, workers: number):
  Promise<Array<{ figures: Figures | null; skip: string | null }>> {
  const scenario = campaignScenario(), priors = campaignPriors();
  const base = resolveLayers({ scenario, calibration }).params;
  const out: Array<{ figures: Figures | null; skip: string | null }> = [];
  for (const [i, v] of variants.entries()) {
    const val = variantValue(v, base);
    if ('skip' in val) { out.push({ figures: null, skip: val.skip }); continue; }
    const plan = checkPlan({ scenarioName: 'campaigns', scenario, seed, runs, strategy: 'scenario', actions: [], sets: val.sets, sweep: [], calibration, priors, attribution: false });
    let last = 0;
    const rows = await runRows(plan, shardIndices(runs, null), { workers, onProgress: (done, total) => {
      if (done === total || done - last >= Math.max(1, Math.floor(total / 4))) { last = done; say(`research: ${v.id} (${i + 1} of ${variants.length}): ${done}/${total} campaign runs`); }
    } });
    // The targets and the campaign definition as `batch` reads them from the run's parameters.
    out.push({ figures: researchFigures(summarize(rows, batchInfo(plan, 'odds').targets)), skip: null });
  }
  return out;
}

const ratio = (x: number | null | undefined): string => (x === null || x === undefined ? '—' : x >= 100 ? String(Math.round(x)) : x.toFixed(1));

function researchTable(base: VariantResult, results: VariantResult[], runs: number, seed: number, kw: number): string[] {
  const line = (f: Figures | null, skip: string | null): string => {
    if (skip !== null) return `skipped: ${skip}`;
    if (f === null) return '—';
    const low = belowOddsFloor(f);
    const pct1 = (x: number | null | undefined): string => (x === null || x === undefined ? '—' : `${(100 * x).toFixed(1)}%`);
    return `${pct1(f.successRate).padStart(8)}${pct1(f.defectionShareInSuccesses).padStart(9)}${ratio(f.oddsRatio).padStart(8)} [${ratio(f.oddsRatioLo)}, ${ratio(f.oddsRatioHi)}]` +
      `${low ? `  BELOW ${ODDS_RATIO_FLOOR}` : ''}`;
  };
  const out = ['', `research figures on the campaigns ensemble (${runs.toLocaleString('en-US')} runs per variant, seed ${seed}, nonviolent campaigns; the odds ratio must stay ≥ ${ODDS_RATIO_FLOOR})`,
    `${''.padEnd(kw)}${''.padEnd(7)}${'success'.padStart(8)}${'P(D|S)'.padStart(9)}${'odds ratio [95%]'.padStart(20)}`,
    `${'baseline'.padEnd(kw)}${''.padEnd(7)}${line(base.research, base.researchSkip)}`];
  for (const r of results) out.push(`${(r.variant.key ?? '').padEnd(kw)}${r.variant.change.replace('x', '×').padEnd(7)}${line(r.research, r.researchSkip)}`);
  const low = results.filter((r) => r.research !== null && belowOddsFloor(r.research));
  out.push(low.length === 0 ? `no single change takes the odds ratio below ${ODDS_RATIO_FLOOR}` : `below ${ODDS_RATIO_FLOOR}: ${low.map((r) => r.variant.id).join(', ')}`);
  return out;
}

const valText = (v: ParamValue | null): string => (v === null ? '—' : typeof v === 'number' ? String(Number(v.toPrecision(6))) : String(v));

/** The variant's value as text: one "from → to" when every world agrees, else per world. */
function valueText(r: VariantResult): string {
  const vals = Object.entries(r.values);
  if (vals.length === 0) return '';
  const texts = vals.map(([id, v]) => `${v.skip !== null ? 'skipped' : `${valText(v.from)} → ${valText(v.to)}`}${vals.length > 1 ? ` (${id})` : ''}`);
  const same = vals.every(([, v]) => v.skip === vals[0][1].skip && v.from === vals[0][1].from && v.to === vals[0][1].to);
  return same ? (vals[0][1].skip !== null ? 'skipped' : `${valText(vals[0][1].from)} → ${valText(vals[0][1].to)}`) : texts.join('; ');
}

const pct = (x: number | null | undefined): string => (x === null || x === undefined ? '—' : `${Math.round(100 * x)}%`);
const rel = (x: number | null | undefined): string => (x === null || x === undefined ? '—' : `${x >= 0 ? '+' : '−'}${Math.abs(100 * x).toFixed(1)}%`);

function table(base: VariantResult, results: VariantResult[], histIds: string[], figureKeys: string[], total: { runs: number; seconds: number; workers: number },
  research: { runs: number; seed: number } | null): string {
  const out: string[] = ['Breaking Ranks sensitivity report: each mechanism parameter ×0.8 and ×1.2 (switches flipped) vs the baseline, common random numbers', ''];
  const lessonsBase = base.figures.lessons ?? {};
  const passes = Object.values(lessonsBase).filter((x) => x === 1).length, fails = Object.values(lessonsBase).filter((x) => x === 0).length;
  out.push(`baseline: ${passes} lessons pass, ${fails} fail (n/a left out)${histIds.map((id) => `; ${id} stalemate ${pct(base.figures.history?.[`${id}:stalemate`])}`).join('')}`, '');
  const kw = Math.max(24, ...results.map((r) => (r.variant.key ?? '').length)) + 2;
  const stale = histIds.map((id) => `${id} stalemate`);
  out.push(`${'key'.padEnd(kw)}${'change'.padEnd(7)}${'value'.padEnd(26)}${stale.map((s) => s.padStart(s.length + 2)).join('')}  lessons flipped (→fail / →pass)`);
  for (const r of results) {
    const f = r.flips;
    const flipText = f.toFail.length + f.toPass.length === 0 ? '—' : `${f.toFail.length}↓ ${f.toPass.length}↑  ${[...f.toFail.map((x) => `↓${x}`), ...f.toPass.map((x) => `↑${x}`)].join(' ')}`;
    out.push(`${(r.variant.key ?? '').padEnd(kw)}${r.variant.change.replace('x', '×').padEnd(7)}${valueText(r).padEnd(26)}` +
      `${histIds.map((id, i) => pct(r.figures.history?.[`${id}:stalemate`]).padStart(stale[i].length + 2)).join('')}  ${flipText}`);
  }
  if (figureKeys.length > 0) {
    out.push('', `${histIds.join(', ')}: relative change of each figure under history (mean model value; baseline in the header; columns that never change are left out)`);
    const short = figureKeys.map((k) => k.slice(k.indexOf(':') + 1));
    const w = short.map((s, i) => Math.max(s.length, `(${valText(base.figures.history?.[figureKeys[i]] ?? null)})`.length, 7) + 2);
    out.push(`${''.padEnd(kw)}${''.padEnd(7)}${short.map((s, i) => s.padStart(w[i])).join('')}`);
    out.push(`${'baseline'.padEnd(kw)}${''.padEnd(7)}${figureKeys.map((k, i) => `(${valText(base.figures.history?.[k] ?? null)})`.padStart(w[i])).join('')}`);
    for (const r of results) out.push(`${(r.variant.key ?? '').padEnd(kw)}${r.variant.change.replace('x', '×').padEnd(7)}${figureKeys.map((k, i) => rel(r.relative[k]).padStart(w[i])).join('')}`);
  }
  if (research !== null) out.push(...researchTable(base, results, research.runs, research.seed, kw));
  const notes = results.flatMap((r) => r.notes.map((n) => `${r.variant.id}: ${n}`));
  if (notes.length > 0) out.push('', 'notes:', ...[...new Set(notes)].map((n) => `  ${n}`));
  out.push('', `runs: ${total.runs.toLocaleString('en-US')} simulations in ${fmtMinutes(total.seconds)} on ${total.workers} worker${total.workers === 1 ? '' : 's'} (${results.length} variants and the baseline)`);
  return `${out.join('\n')}\n`;
}

async function main(argv: string[]): Promise<number> {
  const opts = parseSensitivityArgs(argv);
  if (opts.help) { print(sensitivityHelp()); return 0; }
  const baseDir = userDir();
  const lessons = loadLessons(opts.lessons, baseDir);
  const calibration = loadCalibration(opts.calibration, baseDir);
  const scenarios = loadPresets(opts.presets, baseDir);
  const keys = opts.keys === null ? mechanismParams() : checkKeys(opts.keys);
  const check = mechanismCheck(scenarios);
  if (!check.ok) say(`${mechanismLine(check)}; a variant scales the preset's own value there`);
  const seeds = { classroom: opts.seeds ?? (opts.full ? DEFAULT_SEEDS.classroom : SENSITIVITY_SEEDS.classroom),
    history: opts.historySeeds ?? (opts.full ? DEFAULT_SEEDS.history : SENSITIVITY_SEEDS.history) };
  const worlds: World[] = scenarios.map((s) => ({ scenario: s, seeds: seeds[familyOf(s)] }));
  const sources: FigureSource[] = [lessonsSource(worlds, lessons, opts.seed, !opts.full), historySource(worlds, opts.seed)];
  const workers = opts.workers ?? availableParallelism();
  const reg = new RunRegistry(calibration);
  const variants = variantsOf(keys);
  const plans: SourcePlan[][] = variants.map((v) => sources.map((src) => src.plan(reg, v)));
  const groups = (): Group[] => variants.map((v, i) => ({ label: v.id, tasks: plans[i].flatMap((p) => p.tasks()) }));
  if (opts.dryRun) {
    print([`sensitivity --dry-run: ${variants.length - 1} variants of ${keys.length} keys and the baseline, ${reg.tasks.length} runs (classroom ${seeds.classroom} seeds, history ${seeds.history}; runs a variant cannot change are shared with the baseline)`,
      ...estimateLines(reg, workers),
      opts.campaignRuns > 0 ? `then ${(variants.length * opts.campaignRuns).toLocaleString('en-US')} campaign runs for the research figures (${opts.campaignRuns} per variant; about ${fmtMinutes(Math.round((variants.length * opts.campaignRuns) / (18 * workers)))} at ~18 runs/s per worker; --campaign-runs 0 leaves them out)`
        : 'no research figures (--campaign-runs 0)', ''].join('\n'));
    return 0;
  }
  const clock = { start: performance.now() };
  say(`${reg.tasks.length} runs for ${variants.length - 1} variants of ${keys.length} keys and the baseline on ${workers} worker${workers === 1 ? '' : 's'}`);
  let count = await executePending(reg, workers, groups(), say, 'variant', clock);
  if (plans.flat().map((p) => p.next()).some(Boolean)) count += await executePending(reg, workers, groups(), say, 'variant', clock);
  const results: VariantResult[] = variants.map((v, i) => {
    const ps = plans[i];
    const figures: Record<string, Figures> = {};
    sources.forEach((src, k) => { figures[src.id] = ps[k].figures(); });
    return { variant: v, values: Object.assign({}, ...ps.map((p) => p.values)), notes: [...new Set(ps.flatMap((p) => p.notes))], figures,
      flips: { toFail: [], toPass: [] }, relative: {}, research: null, researchSkip: null };
  });
  if (opts.campaignRuns > 0) {
    say(`research: ${variants.length} campaign ensembles of ${opts.campaignRuns} runs`);
    const research = await researchPass(variants, calibration, opts.campaignRuns, opts.seed, workers);
    research.forEach((x, i) => { results[i].research = x.figures; results[i].researchSkip = x.skip; });
    count += research.filter((x) => x.skip === null).length * opts.campaignRuns;
  }
  const base = results[0];
  for (const r of results.slice(1)) {
    for (const src of sources) {
      if (src.compare === 'flags') {
        const f = flips(base.figures[src.id], r.figures[src.id]);
        r.flips.toFail.push(...f.toFail); r.flips.toPass.push(...f.toPass);
      } else for (const k of Object.keys(base.figures[src.id])) r.relative[k] = r6(relativeChange(base.figures[src.id][k], r.figures[src.id][k]));
    }
  }
  const seconds = Math.round((performance.now() - clock.start) / 100) / 10;
  const histIds = scenarios.filter((s) => familyOf(s) === 'history').map((s) => s.id);
  const figureKeys = Object.keys(base.figures.history ?? {}).filter((k) => !/:(success|stalemate|failure)$/.test(k))
    .filter((k) => results.slice(1).some((r) => r.relative[k] !== 0 && r.relative[k] !== undefined));
  say(`done: ${count} runs in ${fmtMinutes(seconds)}`);
  if (opts.json) {
    print(`${JSON.stringify({
      baseline: { figures: base.figures },
      variants: results.slice(1).map((r) => ({ id: r.variant.id, key: r.variant.key, change: r.variant.change, values: r.values, notes: r.notes,
        lessonsToFail: r.flips.toFail, lessonsToPass: r.flips.toPass, figures: r.figures, relative: r.relative,
        research: r.research, researchSkip: r.researchSkip, oddsRatioBelowFloor: r.research === null ? null : belowOddsFloor(r.research) })),
      research: opts.campaignRuns > 0 ? { runsPerVariant: opts.campaignRuns, seed: opts.seed, oddsRatioFloor: ODDS_RATIO_FLOOR, baseline: base.research } : null,
      mechanismCheck: check, seeds, run: { runs: count, seconds, workers, seed: opts.seed },
    })}\n`);
  } else print(table(base, results.slice(1), histIds, figureKeys, { runs: count, seconds, workers }, opts.campaignRuns > 0 ? { runs: opts.campaignRuns, seed: opts.seed } : null));
  return 0;
}

void runCommand('sensitivity', () => main(process.argv.slice(2)));
