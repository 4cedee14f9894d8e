/**
 * The one parameter schema: every parameter the model reads, with its kind (mechanism, situation,
 * measurement), type, group, label, default, range, unit and a help text that says where its value
 * comes from. Defaults describe a generic small city with every mechanism on; scenarios set the
 * situation (and, with a stated reason, a mechanism key). Duration keys end in Ticks or Days.
 * Groups live in ./groups; the key order here is the order of --list-params and the drawer.
 */
import type { ValueOf } from './spec';
import { CHANNEL_PARAMS } from './groups/channels';
import { CITIZENS } from './groups/citizens';
import { OFFICERS } from './groups/officers';
import { PILLAR_PARAMS } from './groups/pillars';
import { REGIME } from './groups/regime';
import { TACTIC_PARAMS } from './groups/tactics';
import { WORLD } from './groups/world';

export const PARAM_SPECS = { ...WORLD, ...CITIZENS, ...OFFICERS, ...CHANNEL_PARAMS, ...REGIME, ...PILLAR_PARAMS, ...TACTIC_PARAMS } as const;

export type ParamKey = keyof typeof PARAM_SPECS;
export type Params = { -readonly [K in ParamKey]: ValueOf<(typeof PARAM_SPECS)[K]> };
export const PARAM_KEYS = Object.keys(PARAM_SPECS) as ParamKey[];

export function defaultParams(): Params {
  const p: Record<string, unknown> = {};
  for (const k of PARAM_KEYS) {
    const d = PARAM_SPECS[k].default;
    p[k] = Array.isArray(d) ? [...d] : d;
  }
  return p as Params;
}
