/**
 * The built-in scenarios. Each JSON file is imported statically so the browser bundle carries
 * them (no file system there); each is validated when asked for, so one broken file reports
 * itself by name instead of breaking the import of this module.
 */
import type { ScenarioData } from '../sim/scenarioData';
import { ScenarioError } from './check';
import { validateScenario } from './validate';
import classroomDiscipline from './presets/classroom-discipline.json';
import classroomUnmasking from './presets/classroom-unmasking.json';
import epsteinClassic from './presets/epstein-classic.json';
import granovetterRiot from './presets/granovetter-riot.json';
import granovetterRiotPerturbed from './presets/granovetter-riot-perturbed.json';
import minsk2020 from './presets/minsk-2020.json';

const RAW: Record<string, unknown> = {
  'epstein-classic': epsteinClassic,
  'granovetter-riot': granovetterRiot,
  'granovetter-riot-perturbed': granovetterRiotPerturbed,
  'minsk-2020': minsk2020,
  'classroom-discipline': classroomDiscipline,
  'classroom-unmasking': classroomUnmasking,
};

export const PRESET_IDS: string[] = Object.keys(RAW);

/** A fresh, validated copy of a preset: callers may modify it freely. */
export function getPreset(id: string): ScenarioData {
  if (!Object.prototype.hasOwnProperty.call(RAW, id))
    throw new ScenarioError(`unknown scenario '${id}' (known: ${PRESET_IDS.join(', ')})`);
  const s = validateScenario(RAW[id], `presets/${id}.json`);
  if (s.id !== id) throw new ScenarioError(`presets/${id}.json: id '${s.id}' must equal the file name '${id}'`);
  return s;
}
