/**
 * The mechanism check of the balance report (docs/balance.md): a preset must teach by its
 * situation alone, so it may set no parameter of kind `mechanism` (how strongly people respond,
 * the same in every scenario) in its `params` or in any scheduled event (`set` keys, a ramp's
 * key). Browser-safe and pure.
 */
import { isParamKey, PARAM_SPECS, type ScenarioData } from '../sim/index';

/** The mechanism keys a scenario sets, sorted, each once. */
export function mechanismKeys(s: ScenarioData): string[] {
  const keys = new Set<string>();
  const add = (k: string) => { if (isParamKey(k) && PARAM_SPECS[k].kind === 'mechanism') keys.add(k); };
  for (const k of Object.keys(s.params)) add(k);
  for (const e of s.events) {
    for (const k of Object.keys(e.set ?? {})) add(k);
    if (e.ramp) add(e.ramp.key);
  }
  return [...keys].sort();
}

export interface MechanismCheck {
  ok: boolean;
  /** Every checked preset with the mechanism keys it sets ([] when none). */
  presets: Record<string, string[]>;
}

export function mechanismCheck(scenarios: readonly ScenarioData[]): MechanismCheck {
  const presets: Record<string, string[]> = {};
  for (const s of scenarios) presets[s.id] = mechanismKeys(s);
  return { ok: Object.values(presets).every((k) => k.length === 0), presets };
}

/** One line naming each offending preset and its keys. */
export function mechanismLine(c: MechanismCheck): string {
  const bad = Object.entries(c.presets).filter(([, k]) => k.length > 0);
  return `mechanism check failed: ${bad.map(([id, k]) => `${id} sets ${k.join(', ')}`).join('; ')} (a preset must teach by situation alone: set no parameter of kind mechanism, in params or in an event)`;
}
