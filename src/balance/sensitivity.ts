/**
 * The sensitivity report's pure parts (docs/balance.md, "Sensitivity"): which parameters vary and
 * how, the value each variant sets in a preset (or why it is skipped), and the comparison of a
 * variant's figures with the baseline's. Figures come from **figure sources**: each registers the
 * runs it needs under a variant and, once they ran, returns named numbers. Two exist (the
 * lessons' pass/fail and the history family's outcome shares and historical figures); another
 * (the research figures on the campaigns ensemble) only has to implement FigureSource.
 * Browser-safe and pure.
 */
import { PARAM_SPECS, type ParamValue, type Params, type ScenarioData } from '../sim/index';
import { relativeValue, resolveLayers, ScenarioError } from '../scenarios/index';
import { PresetRun, presetFigures, type PresetReport, type RunRegistry } from './engine';
import type { Lessons } from './lessons';
import { evaluateLessons } from './report';
import { familyOf } from './policies';

export const FACTORS = [0.8, 1.2] as const;
export type Change = 'baseline' | 'x0.8' | 'x1.2' | 'flip';

export interface Variant { id: string; key: string | null; change: Change }
export const BASELINE: Variant = { id: 'baseline', key: null, change: 'baseline' };

/** Parameters the report varies: kind mechanism, number/integer (not structural) or boolean, in schema order. */
export function mechanismParams(): string[] {
  return Object.entries(PARAM_SPECS).filter(([, s]) => s.kind === 'mechanism' && !s.structural
    && (s.type === 'number' || s.type === 'integer' || s.type === 'boolean')).map(([k]) => k);
}

/** --keys checked against the list (each must be a varied mechanism parameter), in the order given. */
export function checkKeys(keys: readonly string[]): string[] {
  const ok = new Set(mechanismParams());
  for (const k of keys) {
    if (!Object.prototype.hasOwnProperty.call(PARAM_SPECS, k)) throw new ScenarioError(`--keys: unknown parameter '${k}' (see npm run sim -- --list-params)`);
    if (!ok.has(k)) {
      const s = PARAM_SPECS[k as keyof typeof PARAM_SPECS];
      throw new ScenarioError(`--keys: '${k}' is ${s.kind !== 'mechanism' ? `a ${s.kind} parameter` : s.structural ? 'structural' : `of type ${s.type}`}; only non-structural number, integer and boolean mechanism parameters vary`);
    }
  }
  return [...new Set(keys)];
}

/** The baseline, then ×0.8 and ×1.2 of each number or integer key, or the flipped switch of a boolean. */
export function variantsOf(keys: readonly string[]): Variant[] {
  const out: Variant[] = [BASELINE];
  for (const k of keys) {
    const s = PARAM_SPECS[k as keyof typeof PARAM_SPECS];
    if (s.type === 'boolean') out.push({ id: `${k}:flip`, key: k, change: 'flip' });
    else for (const f of FACTORS) out.push({ id: `${k}:x${f}`, key: k, change: `x${f}` as Change });
  }
  return out;
}

export type VariantValue =
  | { sets: Array<[string, string]>; from: ParamValue | null; to: ParamValue | null }
  | { skip: string; from: ParamValue; to: ParamValue | null };

/**
 * What a variant sets on top of the value a run would otherwise use (`params`: calibration and
 * scenario layers): ×f rounded to 4 significant digits (an integer key: to the nearest integer),
 * or the switch flipped. Skipped, with the reason, when the new value leaves the range (nothing
 * is clamped) or equals the old one.
 */
export function variantValue(v: Variant, params: Params): VariantValue {
  if (v.key === null) return { sets: [], from: null, to: null };
  const s = PARAM_SPECS[v.key as keyof typeof PARAM_SPECS];
  const from = (params as unknown as Record<string, ParamValue>)[v.key];
  if (s.type === 'boolean') return { sets: [[v.key, String(!from)]], from, to: !from };
  if (s.type !== 'number' && s.type !== 'integer') return { skip: `${v.key} is not a number`, from, to: null };
  const f = Number(v.change.slice(1));
  const x = from as number;
  const to = s.type === 'integer' ? Math.round(f * x) : relativeValue(f, x);
  if (to === x) return { skip: `×${f} of ${x} is ${to}${s.type === 'integer' ? ' (rounded)' : ''}: no change`, from, to };
  if (to < s.min) return { skip: `×${f} = ${to} is below the minimum ${s.min}`, from, to };
  if (to > s.max) return { skip: `×${f} = ${to} is above the maximum ${s.max}`, from, to };
  return { sets: [[v.key, String(to)]], from, to };
}

/** Ticks-free note when a scheduled event of the scenario sets the key: the variant holds only until then. */
export function eventNote(s: ScenarioData, key: string): string | null {
  const n = s.events.filter((e) => Object.prototype.hasOwnProperty.call(e.set ?? {}, key) || e.ramp?.key === key).length;
  return n === 0 ? null : `${s.id}: ${n} scheduled event${n === 1 ? '' : 's'} set${n === 1 ? 's' : ''} ${key}, replacing the variant from then on`;
}

/** Named figures of one variant: numbers, or null where undefined (n/a lessons, unreached figures, a skipped world). */
export type Figures = Record<string, number | null>;

export interface SourcePlan {
  /** What the variant did in each world (values, skips, notes). */
  values: Record<string, { from: ParamValue | null; to: ParamValue | null; skip: string | null }>;
  notes: string[];
  /** Registers more runs after the first ones ran (true if it did). */
  next(): boolean;
  /** Every task its figures read (so far). */
  tasks(): number[];
  figures(): Figures;
}

export interface FigureSource {
  id: string;
  /** 'flags': 1/0 pass/fail figures, compared as flips; 'values': numbers, compared as relative change. */
  compare: 'flags' | 'values';
  plan(reg: RunRegistry, v: Variant): SourcePlan;
}

export interface World { scenario: ScenarioData; seeds: number }

/** A preset's runs under a variant, or why there are none. */
function presetUnder(reg: RunRegistry, w: World, v: Variant, seed: number, reduced: boolean, lessons: Lessons | null,
  values: SourcePlan['values'], notes: string[]): PresetRun | null {
  const base = resolveLayers({ scenario: w.scenario, calibration: reg.calibration }).params;
  const val = variantValue(v, base);
  if ('skip' in val) { values[w.scenario.id] = { from: val.from, to: val.to, skip: val.skip }; notes.push(`${w.scenario.id}: skipped, ${val.skip}`); return null; }
  values[w.scenario.id] = { from: val.from, to: val.to, skip: null };
  const ev = v.key === null ? null : eventNote(w.scenario, v.key);
  if (ev) notes.push(ev);
  try {
    return new PresetRun(reg, { scenario: w.scenario, seeds: w.seeds, seed, sets: val.sets, reduced, tiers: true,
      risks: lessons ? lessons.risks.filter((r) => r.preset === w.scenario.id) : [] });
  } catch (e) {
    const msg = (e as Error).message;
    values[w.scenario.id].skip = msg;
    notes.push(`${w.scenario.id}: skipped, ${msg}`);
    return null;
  }
}

/** The lessons source: each lesson's verdict per preset, `<id>@<preset>` → 1 pass, 0 fail, null n/a. */
export function lessonsSource(worlds: readonly World[], lessons: Lessons, seed: number, reduced: boolean): FigureSource {
  return {
    id: 'lessons', compare: 'flags',
    plan(reg, v) {
      const values: SourcePlan['values'] = {}, notes: string[] = [];
      const runs = worlds.map((w) => presetUnder(reg, w, v, seed, reduced, lessons, values, notes));
      return {
        values, notes,
        next: () => runs.map((r) => (r ? r.addOnceBest() : false)).some(Boolean),
        tasks: () => runs.flatMap((r) => (r ? r.runs.flatMap((x) => x.tasks) : [])),
        figures() {
          const reports = runs.filter((r): r is PresetRun => r !== null).map((r) => r.report());
          const out: Figures = {};
          // A skipped preset's lessons are left out (not n/a): they are not part of this variant.
          for (const l of evaluateLessons(lessons, reports)) out[`${l.id}@${Array.isArray(l.preset) ? l.preset.join('+') : l.preset}`] = l.pass === null ? null : l.pass ? 1 : 0;
          return out;
        },
      };
    },
  };
}

/** The history source: for each history-family world, its `history` policy's outcome shares and mean historical figures. */
export function historySource(worlds: readonly World[], seed: number): FigureSource {
  const hist = worlds.filter((w) => familyOf(w.scenario) === 'history');
  return {
    id: 'history', compare: 'values',
    plan(reg, v) {
      const values: SourcePlan['values'] = {}, notes: string[] = [];
      const runs = hist.map((w) => presetUnder(reg, w, v, seed, true, null, values, notes));
      return {
        values, notes, next: () => false,
        tasks: () => runs.flatMap((r) => (r ? r.runs.flatMap((x) => x.tasks) : [])),
        figures() {
          const out: Figures = {};
          runs.forEach((r, i) => {
            if (r === null) return;
            const rep: PresetReport = r.report(), id = hist[i].scenario.id, h = presetFigures(rep).policies.history;
            out[`${id}:success`] = h.success; out[`${id}:stalemate`] = h.stalemate; out[`${id}:failure`] = h.failure;
            for (const [k, f] of Object.entries(rep.historical ?? {})) out[`${id}:${k}`] = f.model;
          });
          return out;
        },
      };
    },
  };
}

/** The odds ratio a single ±20% change must not take the research figures below (docs/research.md section 6). */
export const ODDS_RATIO_FLOOR = 10;

interface Share { value: number | null; lo: number | null; hi: number | null }
/** The part of a campaigns summary the research source reads (src/batch/summarize.ts BatchStats). */
export interface ResearchStats { nonviolentRuns: number; successRate: Share; defectionShareInSuccesses: Share; oddsRatio: Share }

/** The three research figures of one variant, with their intervals, and the nonviolent runs they rest on. */
export function researchFigures(st: ResearchStats): Figures {
  return {
    nonviolentRuns: st.nonviolentRuns,
    successRate: st.successRate.value, successRateLo: st.successRate.lo, successRateHi: st.successRate.hi,
    defectionShareInSuccesses: st.defectionShareInSuccesses.value, defectionShareInSuccessesLo: st.defectionShareInSuccesses.lo,
    defectionShareInSuccessesHi: st.defectionShareInSuccesses.hi,
    oddsRatio: st.oddsRatio.value, oddsRatioLo: st.oddsRatio.lo, oddsRatioHi: st.oddsRatio.hi,
  };
}

/** Whether a variant's odds ratio falls below the floor (null: no odds ratio, e.g. no success without defection). */
export const belowOddsFloor = (f: Figures): boolean | null => (f.oddsRatio === null || f.oddsRatio === undefined ? null : f.oddsRatio < ODDS_RATIO_FLOOR);

/** Lessons that pass in the baseline and fail in the variant (toFail), and the reverse; n/a on either side is no flip. */
export function flips(base: Figures, v: Figures): { toFail: string[]; toPass: string[] } {
  const toFail: string[] = [], toPass: string[] = [];
  for (const [k, b] of Object.entries(base)) {
    const x = v[k];
    if (b === null || x === null || x === undefined || b === x) continue;
    (b === 1 ? toFail : toPass).push(k);
  }
  return { toFail, toPass };
}

/** (v − b) / |b|; 0 when both are 0; null when b is 0 and v is not, or either is missing. */
export function relativeChange(b: number | null | undefined, v: number | null | undefined): number | null {
  if (b === null || b === undefined || v === null || v === undefined) return null;
  if (b === 0) return v === 0 ? 0 : null;
  return (v - b) / Math.abs(b);
}
