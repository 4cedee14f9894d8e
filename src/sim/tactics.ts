/**
 * The movement's tactics (docs/model.md section 8). Each raises one level in [0,1] that feeds the
 * rules; none is a "win" button. What an action costs and gains are parameters (`<tactic>Cost`,
 * `<tactic>Gain`: src/sim/params/groups/tactics.ts), so sweeps and the sensitivity report reach them.
 * Levels fade daily (tacticDecayPerDay) unless renewed. Labels and effects are the learner's text.
 */
import type { ParamKey, Params } from './params/schema';

export const TACTICS = {
  disciplineTraining: { level: 'discipline', label: 'Nonviolent-discipline training',
    effect: 'Cuts protester violence; keeps repression backfiring.' },
  symbols: { level: 'symbols', label: 'Symbols (white clothes, flowers)',
    effect: 'Repression of people in white with flowers backfires harder.' },
  streetUnmasking: { level: 'streetUnmasking', label: 'Street unmasking',
    effect: 'Outnumbered masked officers get unmasked; social cost, but backlash risk.' },
  massPublication: { level: 'publication', label: "Mass publication of officers' data",
    effect: 'Identifies officers en masse; strong exposure, strong backlash among the fearful and abusers.' },
  amnestyPledge: { level: 'amnesty', label: 'Amnesty pledge',
    effect: 'Officers who refuse orders are promised amnesty (works as far as it is credible).' },
  solidarityFund: { level: 'fund', label: 'Solidarity fund (diaspora)',
    effect: 'Pays dismissed officers; resigning stops meaning poverty. The budget runs out.' },
  defectorOutreach: { level: 'outreach', label: 'Defector-network outreach',
    effect: 'Former officers contact serving ones, one conversation at a time.' },
  crimeRegistry: { level: 'registry', label: 'Registry of crimes',
    effect: 'Clean officers leave before they are implicated; abusers may cling on.' },
  strike: { level: 'strike', label: 'Strikes',
    effect: "Drain the regime's budget and lift momentum." },
  eliteAppeals: { level: 'appeals', label: 'Appeals to diplomats and state media',
    effect: 'Erode elite cohesion.' },
  courts: { level: 'courts', label: 'Courts and written orders',
    effect: 'Insiders ask for written orders and courts delay them, where courts still can.' },
  immunityForTestimony: { level: 'immunity', label: 'Immunity for testimony',
    effect: 'Offenders with few abuses who testify go free: they turn insider instead of clinging on.' },
} as const;

export type TacticId = keyof typeof TACTICS;
export const TACTIC_IDS = Object.keys(TACTICS) as TacticId[];
export type LevelName = (typeof TACTICS)[TacticId]['level'];
export const LEVEL_NAMES = ['discipline', 'symbols', 'streetUnmasking', 'publication', 'amnesty', 'fund', 'outreach',
  'registry', 'strike', 'appeals', 'courts', 'immunity'] as const;

export const isTacticId = (s: string): s is TacticId => Object.prototype.hasOwnProperty.call(TACTICS, s);

type CostKey = `${TacticId}Cost`;
type GainKey = `${Exclude<TacticId, 'solidarityFund'>}Gain`;
// Every tactic has its cost parameter and every level tactic its gain (a compile-time check).
const keysExist: [CostKey, GainKey] extends [ParamKey, ParamKey] ? true : false = true;
void keysExist;

/** Organising capacity one action of the tactic costs. */
export const tacticCost = (p: Params, id: TacticId): number => p[`${id}Cost` as CostKey];
/** How far one action closes the gap of its level to 1 (the fund adds money instead: 0). */
export const tacticGain = (p: Params, id: TacticId): number => (id === 'solidarityFund' ? 0 : p[`${id}Gain` as GainKey]);
