/**
 * Parameter specification types. Every model parameter is declared once, with its type, group,
 * label, default, range, step and help text; sliders, scenario validation, `--set` flags and batch
 * sweeps are all generated from these declarations (docs/model.md section 2).
 */
export type ParamType = 'number' | 'integer' | 'boolean' | 'enum' | 'list';

/**
 * What a parameter describes (docs/model.md, "Three kinds of parameter"):
 * - mechanism: how strongly people respond (channel and decision weights, momentum and regime
 *   coefficients): the same in every scenario; the calibration fits some of them;
 * - situation: the place and time (map, force size, legitimacy, repression policy, calendar, ...);
 * - measurement: outcome and research definitions; no scenario or calibration file may set one.
 */
export const PARAM_KINDS = ['mechanism', 'situation', 'measurement'] as const;
export type ParamKind = (typeof PARAM_KINDS)[number];

interface BaseSpec {
  group: string;
  label: string;
  /** One line: what it means, then where its value comes from (a source, or "modelling choice" and why). */
  help: string;
  kind: ParamKind;
  /** Structural parameters are read only when the run starts (array sizes, the map, starting stocks such as the fund, the patron's support and the elite's cohesion); scheduled events cannot change them. */
  structural?: boolean;
  /** Internal coefficients the game's drawer folds away (the CLI, sweeps, priors and calibration reach them all). */
  advanced?: boolean;
}
export interface NumberSpec extends BaseSpec {
  type: 'number' | 'integer';
  default: number;
  min: number;
  max: number;
  step: number;
  unit?: string;
}
export interface BooleanSpec extends BaseSpec {
  type: 'boolean';
  default: boolean;
}
export interface EnumSpec<T extends string = string> extends BaseSpec {
  type: 'enum';
  default: T;
  options: readonly T[];
}
export interface ListSpec extends BaseSpec {
  type: 'list';
  default: readonly number[];
  /** Range of every element. */
  min: number;
  max: number;
  step: number;
  unit?: string;
}
export type ParamSpec = NumberSpec | BooleanSpec | EnumSpec | ListSpec;
export type ParamValue = number | boolean | string | number[];

type Common = Omit<BaseSpec, never>;
export const num = (s: Common & { default: number; min: number; max: number; step?: number; unit?: string }): NumberSpec =>
  ({ type: 'number', step: 0.01, ...s });
export const int = (s: Common & { default: number; min: number; max: number; step?: number; unit?: string }): NumberSpec =>
  ({ type: 'integer', step: 1, ...s });
export const bool = (s: Common & { default: boolean }): BooleanSpec => ({ type: 'boolean', ...s });
export const choice = <const T extends string>(s: Common & { default: NoInfer<T>; options: readonly T[] }): EnumSpec<T> =>
  ({ type: 'enum', ...s });
export const list = (s: Common & { default: readonly number[]; min: number; max: number; step?: number; unit?: string }): ListSpec =>
  ({ type: 'list', step: 1, ...s });

/** Value type of one spec. */
export type ValueOf<S> = S extends EnumSpec<infer T> ? T
  : S extends BooleanSpec ? boolean
  : S extends ListSpec ? number[]
  : number;
