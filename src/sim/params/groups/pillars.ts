/**
 * The regime's pillars beyond the security forces (docs/model.md section 8): the perceived chance
 * that the regime falls, the elite and state apparatus, the economy, the patron, and the regime's
 * answers to defection (bonuses, purges, prosecution of defector networks); and the hold switches
 * the attribution of a fall uses (section 9).
 */
import { bool, num } from '../spec';

export const PILLAR_PARAMS = {
  // ---- the perceived chance the regime falls (one state, read by amnesty, registry, offers, patron, elite)
  perceptionMomentumWeight: num({ group: 'perception', kind: 'mechanism', label: 'Perceived fall: momentum', default: 0.6, min: 0, max: 2,
    help: 'Weight of momentum (crowds, their trend, visible defections, strikes) in the perceived chance that the regime falls. "The key to victory is momentum" (CEPA: unmasking the OMON). Modelling choice.' }),
  perceptionEliteWeight: num({ group: 'perception', kind: 'mechanism', label: 'Perceived fall: elite split', default: 0.3, min: 0, max: 2,
    help: 'Weight of the elite\'s split (cohesion lost, as a share of the way to its break point). Regimes "split at the top" (CEPA). Modelling choice.' }),
  perceptionEconomyWeight: num({ group: 'perception', kind: 'mechanism', label: 'Perceived fall: economic stress', default: 0.2, min: 0, max: 2,
    help: 'Weight of the regime\'s lost resources (share of its normal budget gone). Modelling choice.' }),
  perceptionPatronWeight: num({ group: 'perception', kind: 'mechanism', label: 'Perceived fall: patron doubt', default: 0.3, min: 0, max: 2,
    help: 'Weight of the patron\'s withdrawn support (share of its starting support gone). Modelling choice.' }),
  perceptionSmoothing: num({ group: 'perception', kind: 'mechanism', label: 'Perceived fall: smoothing', default: 0.4, min: 0, max: 1, advanced: true,
    help: 'Weight of today in the daily moving average of the perceived chance. Modelling choice.' }),

  // ---- elite and state apparatus
  eliteEconomyWeight: num({ group: 'regime', kind: 'mechanism', label: 'Elite: weight of economic stress', default: 0.5, min: 0, max: 10, advanced: true,
    help: 'An elite that is not paid erodes too: weight of the lost budget in the daily erosion. Modelling choice.' }),
  eliteSplitThreshold: num({ group: 'regime', kind: 'situation', label: 'Coalition splits past', default: 0.6, min: 0, max: 1,
    help: 'Perceived chance of a fall above which the ruling coalition may split (a fragile coalition splits early; 1 = never).' }),
  eliteSplitChancePerDay: num({ group: 'regime', kind: 'situation', label: 'Coalition split chance', default: 0.05, min: 0, max: 1,
    help: 'Chance per day, past the threshold, that part of the ruling coalition breaks away (officials, diplomats, state media: CEPA; Watching a dictatorship fall). Minsk 2020: no high-profile split.' }),
  eliteSplitSize: num({ group: 'regime', kind: 'mechanism', label: 'Cohesion lost in a split', default: 0.25, min: 0, max: 1,
    help: 'Elite cohesion lost when part of the coalition breaks away. Modelling choice.' }),

  // ---- economy
  fundStrikeFatigueShare: num({ group: 'regime', kind: 'mechanism', label: 'Strike fatigue with the fund', default: 0.5, min: 0, max: 1, advanced: true,
    help: 'While the solidarity fund carries the strikers, their fatigue is this share of strikeDecayPerDay. Modelling choice: pay lost is half of what wears a strike down.' }),
  strikeDecayPerDay: num({ group: 'regime', kind: 'situation', label: 'Strike fatigue', default: 0.15, min: 0, max: 1,
    help: 'Share of the strike level lost per day as strikers go back to work (factory strikes faded within weeks in 2020); halved while the solidarity fund carries strikers.' }),
  strikeFundCostPerDay: num({ group: 'regime', kind: 'mechanism', label: 'Fund spent on strikers', default: 0.02, min: 0, max: 1, advanced: true,
    help: 'Officer-months of the solidarity fund spent per day carrying a full strike, as a share of the initial force. Modelling choice.' }),
  bonusResourceFloor: num({ group: 'regime', kind: 'mechanism', label: 'Bonuses need resources above', default: 1, min: 0, max: 100, advanced: true,
    help: 'The regime pays bonuses only while its resources exceed this (1 = the normal budget): it pays while the money lasts. Modelling choice.' }),
  bonusTriggerShare: num({ group: 'regime', kind: 'situation', label: 'Bonuses past defection', default: 0.02, min: 0, max: 1,
    help: 'The regime pays bonuses to the forces while the defected share exceeds this and it has the money.' }),
  bonusCostPerDay: num({ group: 'regime', kind: 'mechanism', label: 'Cost of bonuses', default: 0.01, min: 0, max: 1, advanced: true,
    help: 'Resources spent per day on bonuses while they run. Modelling choice.' }),
  bonusPull: num({ group: 'regime', kind: 'mechanism', label: 'Pull of bonuses', default: 0.5, min: 0, max: 5, advanced: true,
    help: 'Extra regime pull on loyalty while bonuses run (added to pay-and-propaganda). Modelling choice.' }),

  // ---- patron
  patronDoubtThreshold: num({ group: 'regime', kind: 'situation', label: 'Patron doubts past', default: 0.5, min: 0, max: 1,
    help: 'Perceived chance of a fall above which the patron starts to withdraw its support ("the Kremlin doesn\'t appear ready to abandon Lukashenko": Cracks Appear ...). 1 = a committed patron.' }),
  patronWithdrawnShare: num({ group: 'regime', kind: 'mechanism', label: 'Patron has withdrawn below', default: 0.5, min: 0, max: 1, advanced: true,
    help: 'The patron counts as withdrawn (an event, and the elite shock) once its support falls below this share of the day-0 support. Modelling choice.' }),
  patronWithdrawPerDay: num({ group: 'regime', kind: 'mechanism', label: 'Patron withdrawal rate', default: 0.1, min: 0, max: 1, advanced: true,
    help: 'Support withdrawn per day per unit of perceived chance above the patron\'s threshold. Modelling choice.' }),
  patronLossEliteShock: num({ group: 'regime', kind: 'mechanism', label: 'Elite shock of the patron\'s exit', default: 0.3, min: 0, max: 1, advanced: true,
    help: 'Cohesion lost when the patron\'s support falls below half of what it was (the patron withdraws). Modelling choice.' }),

  // ---- the regime's answers to defection
  purgeRatePerDay: num({ group: 'regime', kind: 'situation', label: 'Purges', default: 0.02, min: 0, max: 1,
    help: 'Chance per day, x repressionPolicy, that a wavering officer (loyalty below threshold + walkoutMargin) or a shirker is found out and dismissed: a staffing loss, not a defection.' }),
  prosecutionEffect: num({ group: 'regime', kind: 'situation', label: 'Prosecution of defector networks', default: 0.5, min: 0, max: 1,
    help: 'How far prosecuting defectors\' networks cuts the reach of outreach, at full repression policy.' }),

  // ---- hold switches: the attribution of a fall replays a run with one pillar held at its day-0 state
  holdForce: bool({ group: 'analysis', kind: 'measurement', label: 'Hold the forces', default: false,
    help: 'Nobody leaves duty (loyalty still moves): the security forces held at their day-0 state (attribution, knock-out).' }),
  holdElite: bool({ group: 'analysis', kind: 'measurement', label: 'Hold the elite', default: false, help: 'Elite cohesion held at its day-0 value (attribution).' }),
  holdEconomy: bool({ group: 'analysis', kind: 'measurement', label: 'Hold the economy', default: false, help: 'Regime resources held at their day-0 value (attribution).' }),
  holdPatron: bool({ group: 'analysis', kind: 'measurement', label: 'Hold the patron', default: false, help: 'The patron\'s support held at its day-0 value (attribution).' }),
} as const;
