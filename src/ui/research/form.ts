/**
 * The research form as data: what the fields hold (text, as typed), their defaults from the
 * parameter schema and the scenario, and the check that turns them into a BatchPlan exactly as
 * `npm run batch` builds it (same scenario data, calibration, priors, --set and --sweep), plus
 * that command line and the export file names. Pure: tested in Node.
 */
import { PARAM_SPECS, type ParamKey } from '../../sim';
import { DEFAULT_CALIBRATION, PRESET_IDS, getPreset, resolveParams } from '../../scenarios';
import {
  CAMPAIGNS, campaignPriors, campaignScenario, checkPlan, parseSweepArg, pointCount, type BatchPlan, type RatioKind, type SweepAxis,
} from '../../batch/index';
import { parseSeedText } from '../controls';
import { checkParam, paramSections, specFor } from '../paramModel';
import { t } from '../strings';

export const TARGET_KEYS = ['targetSuccessRate', 'targetDefectionShareInSuccesses', 'targetSuccessMultiplier'] as const satisfies readonly ParamKey[];
export type TargetKey = (typeof TARGET_KEYS)[number];

/** Most runs the page takes on at once (its rows stay in memory); the CLI takes up to 10 million. */
export const MAX_PAGE_RUNS = 100_000;
export const DEFAULT_RUNS = 100;

export interface ResearchForm {
  scenario: string;
  runs: string;
  seed: string;
  /** '' = no sweep. */
  sweepKey: string;
  from: string;
  to: string;
  step: string;
  /** A second swept parameter ('' = none): the points are the grid of both (a heat map). */
  sweepKey2?: string;
  from2?: string;
  to2?: string;
  step2?: string;
  /** The open game's parameter changes (the drawer's), applied when the scenario is the open one. */
  sets?: Array<[string, string]>;
  /** The movement's strategy (the game's: 'none' in play mode). */
  strategy?: string;
  targets: Record<TargetKey, string>;
  kind: RatioKind;
  /** The causal check (`batch --causal`: knock-out replays, about twice the time); off by default. */
  causal?: boolean;
}

export type FieldId = 'scenario' | 'runs' | 'seed' | 'sweep' | TargetKey | 'form';
export type FormCheck =
  | { ok: true; plan: BatchPlan; kind: RatioKind; total: number; points: number; args: string[] }
  | { ok: false; errors: Partial<Record<FieldId, string>> };

export const scenarioIds = (): string[] => [CAMPAIGNS, ...PRESET_IDS];

export function scenarioData(id: string) {
  return id === CAMPAIGNS ? campaignScenario() : getPreset(id);
}

/** The targets as the scenario gives them (before calibration: what --set would replace). */
export function targetDefaults(scenario: string): Record<TargetKey, string> {
  let p: Record<string, unknown>;
  try { p = resolveParams(scenarioData(scenario), [], null) as unknown as Record<string, unknown>; } catch { p = {}; }
  const out = {} as Record<TargetKey, string>;
  for (const k of TARGET_KEYS) out[k] = String(p[k] ?? PARAM_SPECS[k].default);
  return out;
}

export function defaultForm(scenario: string = CAMPAIGNS): ResearchForm {
  return { scenario, runs: String(DEFAULT_RUNS), seed: '1', sweepKey: '', from: '', to: '', step: '', targets: targetDefaults(scenario), kind: 'odds' };
}

/** Parameters that can be swept (numbers and integers; not the targets, which change no run), by section. */
export function sweepChoices(): Array<{ title: string; keys: ParamKey[] }> {
  return paramSections().map((s) => ({
    title: s.title,
    keys: s.groups.flatMap((g) => g.keys).filter((k) => {
      const sp = specFor(k);
      return (sp.type === 'number' || sp.type === 'integer') && sp.group !== 'research';
    }),
  })).filter((s) => s.keys.length > 0);
}

const tidy = (x: number): number => Number(x.toPrecision(3));

/** A five-point axis around the scenario's value (or over the whole range when it is short). */
export function sweepDefaults(key: ParamKey, value: number): { from: string; to: string; step: string } {
  const sp = specFor(key);
  if (sp.type !== 'number' && sp.type !== 'integer') return { from: '', to: '', step: '' };
  let lo = sp.min, hi = sp.max;
  if (value > 0 && hi - lo > 4 * value) { lo = Math.max(sp.min, value / 2); hi = Math.min(sp.max, value * 2); }
  let step = tidy((hi - lo) / 4);
  if (sp.type === 'integer') { lo = Math.ceil(lo); step = Math.max(1, Math.round(step)); }
  else lo = tidy(lo);
  if (!(step > 0)) step = sp.type === 'integer' ? 1 : sp.step;
  let to = tidy(lo + 4 * step);
  while (to > sp.max && to > lo) to = tidy(to - step);
  return { from: String(lo), to: String(to), step: String(step) };
}

/** The scenario's own value of a parameter (before calibration), for sweepDefaults. */
export function scenarioValue(scenario: string, key: ParamKey): number {
  try {
    const v = (resolveParams(scenarioData(scenario), [], null) as unknown as Record<string, unknown>)[key];
    return typeof v === 'number' ? v : Number(PARAM_SPECS[key].default);
  } catch { return Number(PARAM_SPECS[key].default); }
}

const message = (e: unknown): string => (e instanceof Error ? e.message : String(e)).replace(/^--sweep /, '');

/** Checks every field; on success, the plan (checked like the CLI's) and its command line. */
export function checkForm(f: ResearchForm): FormCheck {
  const errors: Partial<Record<FieldId, string>> = {};
  if (!scenarioIds().includes(f.scenario)) errors.scenario = t('research.err.scenario');
  const runsText = f.runs.trim();
  const runs = /^\d{1,9}$/.test(runsText) ? Number(runsText) : NaN;
  if (!(runs >= 1 && runs <= MAX_PAGE_RUNS)) errors.runs = t('research.err.runs', { max: MAX_PAGE_RUNS });
  const seed = parseSeedText(f.seed);
  if (seed === null) errors.seed = t('research.err.seed');
  const sweep: SweepAxis[] = [];
  const sweepArgs: string[] = [];
  const axes: Array<[string, string, string, string]> = [[f.sweepKey, f.from, f.to, f.step], [f.sweepKey2 ?? '', f.from2 ?? '', f.to2 ?? '', f.step2 ?? '']];
  for (const [key, from, to, step] of axes) {
    if (key === '') continue;
    if (sweep.some((a) => a.key === key)) { errors.sweep = t('research.err.sameSweep'); continue; }
    const arg = `${key}=${from.trim()}:${to.trim()}:${step.trim()}`;
    try { sweep.push(parseSweepArg(arg)); sweepArgs.push(arg); } catch (e) { errors.sweep = message(e); }
  }
  const defaults = errors.scenario ? null : targetDefaults(f.scenario);
  const swept = new Set(sweep.map((a) => a.key as string));
  // The drawer's changes first (a swept parameter is the sweep's), then the targets typed here.
  const sets: Array<[string, string]> = (f.sets ?? []).filter(([k]) => !swept.has(k) && !(TARGET_KEYS as readonly string[]).includes(k)).map(([k, v]) => [k, v]);
  for (const k of TARGET_KEYS) {
    const c = checkParam(k, f.targets[k]);
    if (!c.ok) { errors[k] = c.error; continue; }
    if (defaults && Number(c.text) !== Number(defaults[k])) sets.push([k, c.text]);
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  const points = pointCount(sweep);
  const total = runs * points;
  if (total > MAX_PAGE_RUNS) return { ok: false, errors: { runs: t('research.err.total', { total, max: MAX_PAGE_RUNS }) } };
  const strategy = f.strategy ?? 'scenario';
  let plan: BatchPlan;
  try {
    plan = checkPlan({
      scenarioName: f.scenario, scenario: scenarioData(f.scenario), seed: seed as number, runs, strategy, actions: [], sets, sweep,
      calibration: DEFAULT_CALIBRATION, priors: f.scenario === CAMPAIGNS ? campaignPriors() : null,
      ...(f.causal === true ? { causal: true } : {}),
    });
  } catch (e) {
    return { ok: false, errors: { form: t('research.err.form', { message: message(e) }) } };
  }
  const args = ['--scenario', f.scenario, '--strategy', strategy, '--runs', String(runs), '--seed', String(seed)];
  for (const [k, v] of sets) args.push('--set', `${k}=${v}`);
  for (const a of sweepArgs) args.push('--sweep', a);
  if (f.kind === 'risk') args.push('--multiplier', 'risk');
  if (f.causal === true) args.push('--causal');
  return { ok: true, plan, kind: f.kind, total, points, args };
}

/** `npm run batch` with these arguments (and --format), for the record and for bigger batches. */
export const commandLine = (args: readonly string[], format = 'json'): string =>
  ['npm run --silent batch --', ...args, '--format', format].join(' ');

/** Export file name without extension: no timestamp, so the same batch gives the same name. */
export function fileBase(plan: BatchPlan): string {
  const safe = (s: string) => s.replace(/[^\w.-]+/g, '_');
  const sweep = plan.sweep.map((a) => `-sweep-${safe(a.key)}`).join('');
  return `breaking-ranks-${safe(plan.scenarioName)}-seed${plan.seed}-runs${plan.runs}${sweep}${plan.causal === true ? '-causal' : ''}`;
}
