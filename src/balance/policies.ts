/**
 * The policies the balance report compares (docs/balance.md, "Policies"): each is a list of
 * movement actions run with `--strategy none`, on common random numbers (run r of every policy
 * uses seed runSeed(S, r)). Browser-safe and pure: the "whenever affordable" ones come from the
 * capacity scheduler (schedule.ts), the rest from the scenario's strategies.
 */
import seedrandom from 'seedrandom';
import { TACTIC_IDS, type ActionDef, type Params, type ScenarioData, type TacticId } from '../sim/index';
import { CapacityModel, spamSchedule } from './schedule';

/** How many of the report's seeds a policy runs: all, half (rounded up) or a quarter (rounded up). */
export type Tier = 'full' | 'half' | 'screen';
export const tierSeeds = (tier: Tier, n: number): number =>
  tier === 'full' ? n : tier === 'half' ? Math.ceil(n / 2) : Math.ceil(n / 4);

/** Days on which a `once:` tactic may start (the best of them is `once:<t>`). */
export const ONCE_DAYS = [0, 3, 7, 14] as const;
/** Whole days each action of `best` may be delayed by in `best-delayed` (uniform, per action and run). */
export const MAX_DELAY_DAYS = 2;

export interface Policy {
  name: string;
  /** What kind of policy (for grouping and lessons): 'nothing', 'alone', 'once', ... */
  family: string;
  tier: Tier;
  /** The actions (the same in every run), or, for best-delayed, a function of the run seed. */
  actions: ActionDef[] | ((seed: number) => ActionDef[]);
  /** --set values on top of the layers (a risk lesson's condition). */
  sets?: Array<[string, string]>;
  /** The tactic it is about (alone, once, best-without), and once's start day. */
  tactic?: TacticId;
  day?: number;
}

/** The family of a scenario's policies: 'history' when it has a historical block (minsk-2020), else 'classroom'. */
export type Family = 'classroom' | 'history';
export const familyOf = (s: ScenarioData): Family => (s.historical ? 'history' : 'classroom');

/** The tactics a scenario offers (all, when it lists none). */
export const offeredTactics = (s: ScenarioData): TacticId[] => (s.tactics ? [...s.tactics] : [...TACTIC_IDS]);

/** `best`: the scenario's strategies.briefing if it has one, else its own strategy. */
export function bestActions(s: ScenarioData): { actions: ActionDef[]; source: string } {
  if (Object.prototype.hasOwnProperty.call(s.strategies, 'briefing')) return { actions: s.strategies.briefing.map((a) => ({ ...a })), source: 'strategies.briefing' };
  return { actions: s.strategy.map((a) => ({ ...a })), source: 'strategy' };
}

/** Stable sort by tick (actions of one tick keep their order). */
export const byTick = (as: readonly ActionDef[]): ActionDef[] =>
  as.map((a, i) => [a, i] as const).sort((x, y) => x[0].tick - y[0].tick || x[1] - y[1]).map(([a]) => ({ ...a }));

/** The tactic kinds of a list of actions in the order of their first use. */
export function kindsByFirstUse(actions: readonly ActionDef[]): TacticId[] {
  const out: TacticId[] = [];
  for (const a of byTick(actions)) if (!out.includes(a.tactic)) out.push(a.tactic);
  return out;
}

/**
 * Reorders the tactic kinds of `actions`: with kinds k_1..k_m in the order of their first use at
 * ticks f_1 <= ... <= f_m, the new order `order` (a permutation of the kinds) gives its i-th kind
 * the first-use tick f_i: all that kind's actions move by f_i minus its old first-use tick (each
 * kind keeps its own count and rhythm; only which comes first changes). Stable by tick.
 */
export function reorderKinds(actions: readonly ActionDef[], order: readonly TacticId[]): ActionDef[] {
  const sorted = byTick(actions), kinds = kindsByFirstUse(sorted);
  const first = new Map<TacticId, number>();
  for (const a of sorted) if (!first.has(a.tactic)) first.set(a.tactic, a.tick);
  const f = kinds.map((k) => first.get(k)!);
  const shift = new Map<TacticId, number>(order.map((k, i) => [k, f[i] - first.get(k)!]));
  return byTick(sorted.map((a) => ({ tick: a.tick + (shift.get(a.tactic) ?? 0), tactic: a.tactic })));
}

/** The reorderings of `best-reordered:<k>`, distinct and different from the original order: reverse, then swap12. */
export function reorderings(kinds: readonly TacticId[]): Array<{ name: string; order: TacticId[] }> {
  const cands: Array<{ name: string; order: TacticId[] }> = [
    { name: 'reverse', order: [...kinds].reverse() },
    { name: 'swap12', order: kinds.length >= 2 ? [kinds[1], kinds[0], ...kinds.slice(2)] : [...kinds] },
  ];
  const seen = new Set([kinds.join(',')]);
  return cands.filter((c) => { const k = c.order.join(','); if (seen.has(k)) return false; seen.add(k); return true; });
}

/**
 * best-delayed: each action of `best` moves later by 0, 1 or 2 whole days, drawn one per action in
 * tick order from seedrandom.alea("breaking-ranks:balance-delay:<run seed>"): floor(3u) days.
 */
export function delayedActions(best: readonly ActionDef[], seed: number, ticksPerDay: number): ActionDef[] {
  const rng = seedrandom.alea(`breaking-ranks:balance-delay:${seed >>> 0}`);
  return byTick(byTick(best).map((a) => ({ tick: a.tick + Math.floor(rng() * (MAX_DELAY_DAYS + 1)) * ticksPerDay, tactic: a.tactic })));
}

export interface PolicyOptions {
  /** The tick-0 parameters of the runs (calibration, scenario and --set layers). */
  params: Params;
  /** Only nothing, best and each tactic alone (the sensitivity report's reduced set). */
  reduced?: boolean;
}

/** The capacity model of a scenario's runs. */
export const capacityModel = (s: ScenarioData, params: Params): CapacityModel => new CapacityModel(params, s.events, s.startDate);

/**
 * Every policy of a scenario, in report order. Classroom family: nothing; alone:<t>;
 * once:<t>@<d> (screen tier; once:<t>, the best day, is added by the report after screening);
 * pair:<a>+<b> (half tier); rotation; strategy:scenario and strategy:<name>; best, best-delayed,
 * best-without:<t>, best-reordered:<k>. History family: nothing, alone:<t> (half tier),
 * history, history+registry (when the registry is offered).
 */
export function policiesFor(s: ScenarioData, opts: PolicyOptions): Policy[] {
  const model = capacityModel(s, opts.params);
  const tactics = offeredTactics(s);
  const out: Policy[] = [{ name: 'nothing', family: 'nothing', tier: 'full', actions: [] }];
  const alone = (tier: Tier) => tactics.forEach((t) => out.push({ name: `alone:${t}`, family: 'alone', tier, tactic: t, actions: spamSchedule(model, [t]) }));
  if (familyOf(s) === 'history') {
    alone(opts.reduced ? 'full' : 'half');
    out.push({ name: 'history', family: 'history', tier: 'full', actions: s.strategy.map((a) => ({ ...a })) });
    if (!opts.reduced && tactics.includes('crimeRegistry'))
      out.push({ name: 'history+registry', family: 'history', tier: 'full', actions: byTick([{ tick: 0, tactic: 'crimeRegistry' }, ...s.strategy]) });
    return opts.reduced ? out.filter((p) => p.name === 'history') : out;
  }
  alone('full');
  const best = bestActions(s).actions;
  if (opts.reduced) {
    out.push({ name: 'best', family: 'best', tier: 'full', actions: byTick(best) });
    return out;
  }
  for (const t of tactics)
    for (const d of ONCE_DAYS)
      if (d < opts.params.horizonDays) out.push({ name: `once:${t}@${d}`, family: 'once-day', tier: 'screen', tactic: t, day: d, actions: [{ tick: model.eveningOf(d), tactic: t }] });
  for (let i = 0; i < tactics.length; i++)
    for (let j = i + 1; j < tactics.length; j++)
      out.push({ name: `pair:${tactics[i]}+${tactics[j]}`, family: 'pair', tier: 'half', actions: spamSchedule(model, [tactics[i], tactics[j]]) });
  out.push({ name: 'rotation', family: 'rotation', tier: 'full', actions: spamSchedule(model, tactics) });
  out.push({ name: 'strategy:scenario', family: 'strategy', tier: 'full', actions: byTick(s.strategy) });
  for (const [name, as] of Object.entries(s.strategies)) out.push({ name: `strategy:${name}`, family: 'strategy', tier: 'full', actions: byTick(as) });
  out.push({ name: 'best', family: 'best', tier: 'full', actions: byTick(best) });
  out.push({ name: 'best-delayed', family: 'best-delayed', tier: 'full', actions: (seed: number) => delayedActions(best, seed, model.ticksPerDay) });
  const kinds = kindsByFirstUse(best);
  for (const t of kinds) out.push({ name: `best-without:${t}`, family: 'best-without', tier: 'full', tactic: t, actions: byTick(best.filter((a) => a.tactic !== t)) });
  for (const r of reorderings(kinds)) out.push({ name: `best-reordered:${r.name}`, family: 'best-reordered', tier: 'full', actions: reorderKinds(best, r.order) });
  return out;
}

/** A risk lesson's two policies: best and best plus the added actions (each at its day's evening start tick), both under the condition. */
export function riskPolicies(s: ScenarioData, params: Params, id: string, sets: Array<[string, string]>, add: ReadonlyArray<{ day: number; tactic: TacticId }>): [Policy, Policy] {
  const model = capacityModel(s, params);
  const best = bestActions(s).actions;
  return [
    { name: `risk:${id}:best`, family: 'risk', tier: 'full', sets, actions: byTick(best) },
    { name: `risk:${id}:best+add`, family: 'risk', tier: 'full', sets, actions: byTick([...best, ...add.map((a) => ({ tick: model.eveningOf(a.day), tactic: a.tactic }))]) },
  ];
}

/** once:<t>: the start day with the highest success, then the higher mean defected share, then the earlier day. */
export function bestOnceDay(stats: ReadonlyArray<{ day: number; success: number; defected: number }>): number | null {
  let best: { day: number; success: number; defected: number } | null = null;
  for (const s of stats)
    if (best === null || s.success > best.success || (s.success === best.success && (s.defected > best.defected || (s.defected === best.defected && s.day < best.day)))) best = s;
  return best === null ? null : best.day;
}
