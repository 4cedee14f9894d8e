/**
 * The movement's recorded actions (player or scripted strategy, one format). An action is applied
 * at its tick if the tactic is offered and the organising capacity covers its cost
 * (`<tactic>Cost`); otherwise it is logged as refused. Applying it raises its level:
 *   level = 1 - (1 - level) x (1 - `<tactic>Gain`)
 * except the solidarity fund, which adds max(1, round(fundGrantShare x initial force)) officer-months.
 */
import { logEvent } from '../eventLog';
import { TACTICS, tacticCost, tacticGain, type TacticId } from '../tactics';
import type { ActionDef } from '../scenarioData';
import type { SimState } from '../state';

export const tacticOffered = (s: SimState, t: TacticId): boolean => s.scenario.tactics === null || s.scenario.tactics.includes(t);

export function applyTactic(s: SimState, a: ActionDef): boolean {
  const t = TACTICS[a.tactic], cost = tacticCost(s.params, a.tactic);
  const allowed = tacticOffered(s, a.tactic);
  if (!allowed || s.movement.capacity < cost) {
    logEvent(s, { tick: s.tick, kind: 'tactic-refused', detail: `${a.tactic}: ${allowed ? 'not enough capacity' : 'not offered here'}` });
    return false;
  }
  s.movement.capacity -= cost;
  const lv = s.movement.levels;
  if (t.level === 'fund') {
    s.movement.fund += Math.max(1, Math.round(s.params.fundGrantShare * s.o.initialForce));
    lv.fund = 1;
  } else lv[t.level] = 1 - (1 - lv[t.level]) * (1 - tacticGain(s.params, a.tactic));
  logEvent(s, { tick: s.tick, kind: 'tactic', detail: a.tactic });
  return true;
}

/** Applies every recorded action due at the current tick, in order. */
export function applyActions(s: SimState): void {
  const m = s.movement;
  while (m.nextAction < m.actions.length && m.actions[m.nextAction].tick <= s.tick) applyTactic(s, m.actions[m.nextAction++]);
}

/** Adds an action to the record (a player's move); it applies at its tick. */
export function recordAction(s: SimState, a: ActionDef): void {
  const m = s.movement;
  let k = m.actions.length;
  while (k > m.nextAction && m.actions[k - 1].tick > a.tick) k--;
  m.actions.splice(Math.max(k, m.nextAction), 0, { ...a, tick: Math.max(a.tick, s.tick) });
}

/**
 * End of day: tactic levels fade by tacticDecayPerDay (the registry and the fund do not; strikes
 * fade by their own fatigue: economy.ts), an empty
 * fund stops paying, and the day's capacity is added up to capacityCarryDays days' worth.
 */
export function movementDay(s: SimState): void {
  const lv = s.movement.levels, decay = s.params.tacticDecayPerDay;
  for (const k of Object.keys(lv) as Array<keyof typeof lv>) if (k !== 'registry' && k !== 'fund' && k !== 'strike') lv[k] *= 1 - decay;
  if (s.movement.fund < 1) lv.fund = 0;
  const cap = s.params.organisingCapacityPerDay;
  s.movement.capacity = Math.min(s.params.capacityCarryDays * cap, s.movement.capacity + cap);
}
