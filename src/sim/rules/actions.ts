/**
 * The movement's recorded actions (player or scripted strategy, one format). An action is applied
 * at its tick if the organising capacity covers its cost; otherwise it is logged as unaffordable.
 */
import { FUND_GRANT_SHARE, TACTICS } from '../tactics';
import type { ActionDef } from '../scenarioData';
import type { SimState } from '../state';

export function applyTactic(s: SimState, a: ActionDef): boolean {
  const t = TACTICS[a.tactic];
  const allowed = s.scenario.tactics === null || s.scenario.tactics.includes(a.tactic);
  if (!allowed || s.movement.capacity < t.cost) {
    s.eventLog.push({ tick: s.tick, kind: 'tactic-refused', detail: `${a.tactic}: ${allowed ? 'not enough capacity' : 'not offered here'}` });
    return false;
  }
  s.movement.capacity -= t.cost;
  const lv = s.movement.levels;
  if (t.level === 'fund') {
    s.movement.fund += Math.max(1, Math.round(FUND_GRANT_SHARE * s.o.initialForce));
    lv.fund = 1;
  } else lv[t.level] = 1 - (1 - lv[t.level]) * (1 - t.gain);
  s.movement.spent.push(a);
  s.eventLog.push({ tick: s.tick, kind: 'tactic', detail: a.tactic });
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
