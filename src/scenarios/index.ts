/** Public surface of src/scenarios that is safe in the browser (load-node.ts is Node only). */
export { ScenarioError, HISTORICAL_METRICS, validateScenario } from './validate';
export { DEFAULT_CALIBRATION, MAX_COEFFICIENT, validateCalibration, type Calibration } from './calibration';
export { parseSetArg, resolveParams } from './resolve';
export { PRESET_IDS, getPreset } from './presets';
export { slug } from './map';
