/**
 * The variants a scenario's briefing offers as buttons instead of command lines: each is a
 * change to the game (settings, tactic kinds left out) that the player can play on its own or
 * open as run B beside the current game (a comparison on the same seed).
 */
import type { TacticId } from '../sim';
import type { CompareSpec } from '../runner/protocol';
import type { StringId } from './strings';

export interface Variant {
  id: string;
  label: StringId;
  sets: Array<[string, string]>;
  exclude: TacticId[];
}

const v = (scenario: string, id: string, sets: Array<[string, string]>, exclude: TacticId[] = []): Variant =>
  ({ id, label: `variant.${scenario}.${id}` as StringId, sets, exclude });

export const VARIANTS: Record<string, Variant[]> = {
  'classroom-discipline': [v('classroom-discipline', 'noTraining', [['disciplineMean', '0.4']]), v('classroom-discipline', 'provocation', [['violenceRate', '0.2']])],
  'classroom-unmasking': [v('classroom-unmasking', 'noPublication', [], ['massPublication']), v('classroom-unmasking', 'backlash', [['exposureBacklash', '0.8']])],
  'minsk-2020': [v('minsk-2020', 'noViolence', [['disciplineMean', '0.95']])],
  'epstein-classic': [v('epstein-classic', 'legitimacy', [['legitimacy', '0.7']]), v('epstein-classic', 'fewerCops', [['officerCount', '30']]), v('epstein-classic', 'vision', [['visionRadius', '3']])],
  'granovetter-riot': [v('granovetter-riot', 'own', [['defectionThresholdList', '0,2,2,3']])],
};

export const variantsOf = (scenarioId: string): Variant[] => VARIANTS[scenarioId] ?? [];

export const variantCompare = (x: Variant): CompareSpec => ({ sets: x.sets.map(([k, val]) => [k, val]), actions: [], exclude: [...x.exclude] });
