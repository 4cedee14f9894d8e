/**
 * The link syntax of movement actions, shared by the page's links (`a=`), `sim --a` and
 * `batch --a`: `<tick>.<tactic>,<tick>.<tactic>...` in the order they are applied (order within a
 * tick matters). Tick 0 is the first hour of the run.
 */
import { isTacticId, TACTIC_IDS, type ActionDef, type ScenarioData } from '../sim/index';
import { ScenarioError } from './check';
import { suggest } from './check';

/** Actions past this tick are surely typos (the longest scenario has a few thousand ticks). */
export const MAX_ACTION_TICK = 10_000_000;

/** Parses `<tick>.<tactic>,...`; throws a ScenarioError naming the first bad part. */
export function parseActionText(text: string, what = '--a'): ActionDef[] {
  if (text.trim() === '') return [];
  return text.split(',').map((part): ActionDef => {
    const m = /^(\d{1,8})\.([A-Za-z]+)$/.exec(part.trim());
    if (!m) throw new ScenarioError(`${what}: "${part}" is not <tick>.<tactic> (e.g. 12.symbols)`);
    const tick = Number(m[1]);
    if (tick > MAX_ACTION_TICK) throw new ScenarioError(`${what}: tick ${tick} is too large`);
    if (!isTacticId(m[2])) throw new ScenarioError(`${what}: "${m[2]}" is not a tactic${suggest(m[2], TACTIC_IDS)} (known: ${TACTIC_IDS.join(', ')})`);
    return { tick, tactic: m[2] };
  });
}

export const formatActionText = (actions: readonly ActionDef[]): string => actions.map((a) => `${a.tick}.${a.tactic}`).join(',');

/** Refuses actions of tactics the scenario does not offer (they could never apply). */
export function checkOffered(actions: readonly ActionDef[], scenario: ScenarioData, what: string): void {
  if (scenario.tactics === null) return;
  const bad = actions.find((a) => !(scenario.tactics as string[]).includes(a.tactic));
  if (bad) throw new ScenarioError(`${what}: '${bad.tactic}' is not among this scenario's tactics (${scenario.tactics.join(', ')})`);
}
