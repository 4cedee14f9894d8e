/**
 * The movement's tactics (MODEL.md section 4). Each costs organising capacity and raises one
 * level in [0,1] that feeds the channels; none is a "win" button. Levels fade daily
 * (tacticDecayPerDay) unless renewed. Costs and gains are data so a scenario can restrict them.
 */
export const TACTICS = {
  disciplineTraining: { cost: 3, level: 'discipline', gain: 0.5, label: 'Nonviolent-discipline training',
    effect: 'Cuts protester violence; keeps repression backfiring.' },
  symbols: { cost: 2, level: 'symbols', gain: 0.5, label: 'Symbols (white clothes, flowers)',
    effect: 'Repression of people in white with flowers backfires harder.' },
  streetUnmasking: { cost: 2, level: 'streetUnmasking', gain: 0.5, label: 'Street unmasking',
    effect: 'Outnumbered masked officers get unmasked; social cost, but backlash risk.' },
  massPublication: { cost: 6, level: 'publication', gain: 1, label: "Mass publication of officers' data",
    effect: 'Identifies officers en masse; strong exposure, strong backlash among the fearful and abusers.' },
  amnestyPledge: { cost: 4, level: 'amnesty', gain: 0.5, label: 'Amnesty pledge',
    effect: 'Officers who refuse orders are promised amnesty (works as far as it is credible).' },
  solidarityFund: { cost: 5, level: 'fund', gain: 0, label: 'Solidarity fund (diaspora)',
    effect: 'Pays dismissed officers; resigning stops meaning poverty. The budget runs out.' },
  defectorOutreach: { cost: 3, level: 'outreach', gain: 0.5, label: 'Defector-network outreach',
    effect: 'Former officers contact serving ones, one conversation at a time.' },
  crimeRegistry: { cost: 6, level: 'registry', gain: 1, label: 'Registry of crimes',
    effect: 'Clean officers leave before they are implicated; abusers may cling on.' },
  strike: { cost: 8, level: 'strike', gain: 0.5, label: 'Strikes',
    effect: "Drain the regime's budget and lift momentum." },
  eliteAppeals: { cost: 3, level: 'appeals', gain: 0.5, label: 'Appeals to diplomats and state media',
    effect: 'Erode elite cohesion.' },
  courts: { cost: 3, level: 'courts', gain: 0.5, label: 'Courts and written orders',
    effect: 'Delay and soften arrest orders.' },
} as const;

export type TacticId = keyof typeof TACTICS;
export const TACTIC_IDS = Object.keys(TACTICS) as TacticId[];
export type LevelName = (typeof TACTICS)[TacticId]['level'];
export const LEVEL_NAMES = ['discipline', 'symbols', 'streetUnmasking', 'publication', 'amnesty', 'fund', 'outreach',
  'registry', 'strike', 'appeals', 'courts'] as const;

/** Officer-months one solidarityFund action adds, as a share of the initial force. */
export const FUND_GRANT_SHARE = 0.02;

export const isTacticId = (s: string): s is TacticId => Object.prototype.hasOwnProperty.call(TACTICS, s);
