/** Public surface of the simulation core. Pure TypeScript: imports nothing of ours outside src/sim. */
export { PARAM_SPECS, PARAM_KEYS, defaultParams } from './params/schema';
export type { Params, ParamKey } from './params/schema';
export type { ParamSpec, ParamValue, ParamType } from './params/spec';
export { ParamError, checkValue, parseValue, checkConsistency, isParamKey, specOf } from './params/validate';
export { createState } from './init';
export { advance, isFinished } from './advance';
export { seriesRow } from './metrics';
export type { SeriesRow } from './metrics';
export { runReport, runSummary } from './report';
export type { RunReport, RunSummary } from './report';
export { recordAction, applyTactic } from './rules/actions';
export { TACTICS, TACTIC_IDS, isTacticId } from './tactics';
export type { TacticId } from './tactics';
export { parseDate, formatDate, tickDate } from './calendar';
export * from './state';
export type * from './scenarioData';
