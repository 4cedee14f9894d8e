/**
 * The debrief's replays: the player's finished game run again without one of the player's
 * choices (one tactic kind at a time, every move of that kind left out), with the same scenario,
 * seed, parameters, strategy and the other moves (docs/model.md section 2: buildRun, runToEnd).
 * Moves before a take-over are history, not the player's, and are never left out. Pure: the
 * replay worker (replayWorker.ts) runs it, and Node tests compare it with the command line.
 */
import { runToEnd, runSummary, type ActionDef, type FallCause, type Outcome, type TacticId } from '../sim';
import { buildRun, getPreset } from '../scenarios';

export interface CounterfactualJob {
  scenarioId: string;
  seed: number;
  sets: Array<[string, string]>;
  strategy: string;
  /** The player's actions (history before `takeover` included). */
  actions: ActionDef[];
  takeover: number | null;
}

export interface Choice { tactic: TacticId; count: number; firstTick: number }

export interface Counterfactual extends Choice {
  outcome: Outcome | null;
  fallCause: FallCause | null;
  tippingTick: number | null;
  /** The tick after the deciding day (null while undecided at the horizon). */
  decidedTick: number | null;
  defectedShare: number;
  ticks: number;
  /** The actions the replay ran with (`sim --strategy <strategy> --a <these>`). */
  actions: ActionDef[];
}

/** The player's own choices by tactic kind, in the order first played. */
export function playerChoices(actions: readonly ActionDef[], takeover: number | null): Choice[] {
  const out = new Map<TacticId, Choice>();
  for (const a of actions) {
    if (takeover !== null && a.tick < takeover) continue;
    const c = out.get(a.tactic);
    if (c) c.count++;
    else out.set(a.tactic, { tactic: a.tactic, count: 1, firstTick: a.tick });
  }
  return [...out.values()];
}

/** The actions of the game without the player's moves of one kind. */
export const withoutChoice = (job: CounterfactualJob, tactic: TacticId): ActionDef[] =>
  job.actions.filter((a) => a.tactic !== tactic || (job.takeover !== null && a.tick < job.takeover)).map((a) => ({ ...a }));

/** The game replayed to its end without the player's moves of `choice.tactic`. */
export function counterfactual(job: CounterfactualJob, choice: Choice): Counterfactual {
  const actions = withoutChoice(job, choice.tactic);
  const s = buildRun({ scenario: getPreset(job.scenarioId), seed: job.seed, strategy: job.strategy, actions, sets: job.sets }).state;
  runToEnd(s);
  return {
    ...choice, outcome: s.outcome, fallCause: s.fallCause, tippingTick: s.tippingTick, decidedTick: s.decidedTick ?? null,
    defectedShare: runSummary(s).defectedShare, ticks: s.tick, actions,
  };
}
