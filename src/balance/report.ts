/**
 * The balance report as data: every preset's figures, every lesson's verdict, the mechanism
 * check, and its JSON shape (docs/balance.md, "Output"). Browser-safe and pure.
 */
import { presetFigures, type PresetReport, type PolicyReport } from './engine';
import { evaluateTarget, type LessonResult, type Lessons, type PresetFigures } from './lessons';
import type { MechanismCheck } from './mechanism';
import { r6 } from './stats';

export interface RunInfo { runs: number; seconds: number; workers: number; seed: number }

export interface BalanceReport {
  presets: PresetReport[];
  /** Every verdict: each target per preset (or pooled), then each risk. */
  lessons: LessonResult[];
  mechanismCheck: MechanismCheck;
  run: RunInfo;
}

/** The verdicts of every target lesson on these presets, then their risk lessons'. */
export function evaluateLessons(lessons: Lessons, presets: readonly PresetReport[]): LessonResult[] {
  const figures: Record<string, PresetFigures> = {};
  for (const p of presets) figures[p.id] = presetFigures(p);
  return [...lessons.targets.flatMap((l) => evaluateTarget(l, figures)), ...presets.flatMap((p) => p.risks)];
}

const policyJson = (p: PolicyReport) => ({
  runs: p.runs,
  success: { value: r6(p.success), lo: r6(p.successLo), hi: r6(p.successHi) },
  medianTippingDay: p.medianTippingDay,
  meanDefectedShare: r6(p.defectedShare),
  stalemate: r6(p.stalemate), failure: r6(p.failure),
  meanResources: r6(p.resources), meanCohesion: r6(p.cohesion), meanDetentions: r6(p.detentions),
  family: p.family, tier: p.tier, actionsPerRun: r6(p.actionsPerRun), refusedPerRun: r6(p.refusedPerRun),
});

export const lessonJson = (l: LessonResult) => ({
  id: l.id, pass: l.pass, status: l.status, value: r6(l.value), policy: l.policy, quantity: l.quantity, bound: l.bound,
  relativeTo: l.relativeTo, quantifier: l.quantifier, preset: l.preset, why: l.why,
  items: l.items.map((i) => ({ preset: i.preset, policy: i.policy, value: r6(i.value), lo: r6(i.lo), hi: r6(i.hi), pass: i.pass })),
});

const inPreset = (l: LessonResult, id: string): boolean => (Array.isArray(l.preset) ? l.preset.includes(id) : l.preset === id);

/**
 * {presets: {<id>: {policies: {<name>: {runs, success: {value, lo, hi}, medianTippingDay,
 * meanDefectedShare, ...}}, effects: {<tactic>: {quantity, mean, lo, hi, ...}}, lessons: [{id,
 * pass, value, ...}], ...}}, mechanismCheck, lessons (the pooled ones), run}.
 */
export function balanceJson(r: BalanceReport): Record<string, unknown> {
  const presets: Record<string, unknown> = {};
  for (const p of r.presets) {
    const policies: Record<string, unknown> = {};
    for (const x of p.policies) policies[x.name] = policyJson(x);
    presets[p.id] = {
      policies, effects: p.effects, lessons: r.lessons.filter((l) => inPreset(l, p.id)).map(lessonJson),
      family: p.family, seeds: p.seeds, once: p.once, historical: p.historical,
    };
  }
  return { presets, mechanismCheck: r.mechanismCheck, lessons: r.lessons.filter((l) => Array.isArray(l.preset)).map(lessonJson), run: r.run };
}

export interface LessonTally { pass: number; fail: number; na: number }
export const tally = (ls: readonly LessonResult[]): LessonTally => ({
  pass: ls.filter((l) => l.status === 'pass').length, fail: ls.filter((l) => l.status === 'fail').length, na: ls.filter((l) => l.status === 'n/a').length,
});
