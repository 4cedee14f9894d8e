/**
 * The debrief's replay worker: runs the counterfactual games (counterfactual.ts) off the game's
 * own worker, so the map and the run stay responsive. One reply per choice as it finishes.
 */
import { counterfactual, playerChoices, type Counterfactual, type CounterfactualJob } from './counterfactual';

export type ReplayRequest = { id: number; job: CounterfactualJob };
export type ReplayReply =
  | { id: number; total: number; result: Counterfactual | null; done: boolean }
  | { id: number; error: string };

const scope = self as unknown as DedicatedWorkerGlobalScope;

scope.onmessage = (ev: MessageEvent<ReplayRequest>) => {
  const { id, job } = ev.data;
  try {
    const choices = playerChoices(job.actions, job.takeover);
    scope.postMessage({ id, total: choices.length, result: null, done: choices.length === 0 } satisfies ReplayReply);
    choices.forEach((c, k) => {
      scope.postMessage({ id, total: choices.length, result: counterfactual(job, c), done: k === choices.length - 1 } satisfies ReplayReply);
    });
  } catch (e) {
    scope.postMessage({ id, error: e instanceof Error ? e.message : String(e) } satisfies ReplayReply);
  }
};
