/**
 * Reading `?scenario=` and `?seed=` from the page URL. Pure (no DOM) so it is tested in Node.
 * Bad values never stop the page: they fall back to the defaults with a message to show.
 */
import { t } from './strings';

export const MAX_SEED = 0xffffffff;
export const DEFAULT_SEED = 1;

export interface RunChoice {
  scenario: string;
  seed: number;
}
export interface QueryResult extends RunChoice {
  /** Learner-facing messages about values that were ignored. */
  errors: string[];
}

/** A seed written as a decimal uint32 ("0" .. "4294967295"), or null. */
export function parseSeed(text: string): number | null {
  const s = text.trim();
  if (!/^\d{1,10}$/.test(s)) return null;
  const n = Number(s);
  return n <= MAX_SEED ? n : null;
}

/**
 * The run the URL asks for. `ids` are the known scenario ids; the default scenario is
 * `defaultScenario` (or the first id).
 */
export function parseQuery(search: string, ids: readonly string[], defaultScenario = ids[0] ?? ''): QueryResult {
  const q = new URLSearchParams(search);
  const errors: string[] = [];
  let scenario = defaultScenario;
  let seed = DEFAULT_SEED;

  const rawScenario = q.get('scenario');
  if (rawScenario !== null) {
    if (ids.includes(rawScenario)) scenario = rawScenario;
    else errors.push(t('error.unknownScenario', { value: rawScenario, fallback: defaultScenario }));
  }
  const rawSeed = q.get('seed');
  if (rawSeed !== null) {
    const parsed = parseSeed(rawSeed);
    if (parsed !== null) seed = parsed;
    else errors.push(t('error.badSeed', { value: rawSeed, fallback: DEFAULT_SEED }));
  }
  return { scenario, seed, errors };
}

/** `search` with scenario and seed set (other parameters kept), for a shareable address. */
export function withRun(search: string, run: RunChoice): string {
  const q = new URLSearchParams(search);
  q.set('scenario', run.scenario);
  q.set('seed', String(run.seed));
  return `?${q.toString()}`;
}
