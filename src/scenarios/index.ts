/** Public surface of src/scenarios that is safe in the browser (load-node.ts is Node only). */
export { ScenarioError, HISTORICAL_METRICS, validateScenario } from './validate';
export { DEFAULT_CALIBRATION, MAX_CALIBRATED, validateCalibration, type Calibration } from './calibration';
export { parseSetArg, resolveParams, resolveLayers, relativeValue, ORIGINS, type Origin, type Layers, type PriorDraw, type Resolved } from './resolve';
export { buildRun, strategyActions, strategyNames, type RunSpec, type BuiltRun } from './build';
export { isPolicyName, parsePolicy, policyActions, eveningTick } from './policies';
export { attributeFall, fallsWithHeld, PILLARS, type Attribution, type Pillar } from './attribute';
export { RESERVED_STRATEGIES } from './validate';
export { parseActionText, formatActionText, checkOffered, MAX_ACTION_TICK } from './actions';
export { PRESET_IDS, getPreset } from './presets';
export { slug } from './map';
export { eventOverrides, firstOverrides, overrideLines, type EventOverride } from './overrides';
