/**
 * The eight loyalty channels (docs/model.md section 6): a switch and the coefficients of each.
 * Weights are per day and scaled by the tick's share of a day, except backfire and threat, whose
 * help says "per hour" (they respond to what happens in the tick itself).
 */
import { bool, num } from '../spec';

const ch = (name: string) => `channel: ${name}`;

export const CHANNEL_PARAMS = {
  backfireOn: bool({ group: ch('backfire'), kind: 'mechanism', label: 'Backfire on', default: true, help: 'Repression of nonviolent protesters lowers loyalty.' }),
  backfireWeight: num({ group: ch('backfire'), kind: 'mechanism', label: 'Backfire weight', default: 0.01, min: 0, max: 1, step: 0.001,
    help: 'Loyalty lost per hour: w x conscience x (own x ownWeight + witnessed x witnessWeight) x (1 + symbolsBoost x symbols). Calibrated (docs/research.md).' }),
  backfireOwnWeight: num({ group: ch('backfire'), kind: 'mechanism', label: 'Backfire: own arrest', default: 0.5, min: 0, max: 5, advanced: true,
    help: 'Weight of taking part in an arrest himself this tick. Modelling choice: taking part and seeing count alike.' }),
  backfireWitnessWeight: num({ group: ch('backfire'), kind: 'mechanism', label: 'Backfire: witnessed', default: 0.5, min: 0, max: 5, advanced: true,
    help: 'Weight of the chance of witnessing one of his district\'s arrests this tick. Modelling choice.' }),
  witnessFactor: num({ group: ch('backfire'), kind: 'mechanism', label: 'Witnesses per arrest', default: 3, min: 0, max: 100, advanced: true,
    help: 'Chance to witness = min(1, witnessFactor x arrests per officer in his district): each arrest is seen by about this many colleagues. Modelling choice.' }),
  symbolsBoost: num({ group: ch('backfire'), kind: 'mechanism', label: 'Symbols boost', default: 1, min: 0, max: 5,
    help: 'White clothes and flowers multiply backfire by 1 + boost x symbols level ("Watching a dictatorship fall one conscience at a time"). Modelling choice.' }),

  threatOn: bool({ group: ch('threat'), kind: 'mechanism', label: 'Threat on', default: true, help: 'Protester violence rallies the ranks.' }),
  threatWeight: num({ group: ch('threat'), kind: 'mechanism', label: 'Threat weight', default: 0.02, min: 0, max: 1, step: 0.001,
    help: 'Loyalty gained per hour: w x min(1, attacks per officer in his district / threatFullAttacksPerOfficer). Broken discipline rallies the ranks (Bartkowski\'s guide).' }),
  threatFullAttacksPerOfficer: num({ group: ch('threat'), kind: 'mechanism', label: 'Attacks for full threat', default: 0.2, min: 0.0001, max: 10, advanced: true,
    help: 'Attacks per officer in a tick at which the threat is felt in full (1 attack per 5 officers). Modelling choice.' }),
  threatReserveShare: num({ group: ch('threat'), kind: 'mechanism', label: 'Threat felt off the street', default: 0.5, min: 0, max: 1, advanced: true,
    help: 'Officers not deployed hear of the national violence at this strength. Modelling choice.' }),

  exposureOn: bool({ group: ch('exposure'), kind: 'mechanism', label: 'Exposure on', default: true, help: 'Being identified costs an officer socially (the identification itself happens either way).' }),
  exposureWeight: num({ group: ch('exposure'), kind: 'mechanism', label: 'Exposure cost', default: 0.3, min: 0, max: 2,
    help: 'Loyalty lost per unit rise of exposure, times (1 + ties protesting, up to exposureTiesCap): family, friends, neighbours ("CEPA: unmasking the OMON").' }),
  exposureTiesCap: num({ group: ch('exposure'), kind: 'mechanism', label: 'Ties that count', default: 2, min: 0, max: 50, advanced: true,
    help: 'At most this many protesting ties add to the cost of being identified. Modelling choice.' }),
  exposureBacklash: num({ group: ch('exposure'), kind: 'mechanism', label: 'Backlash', default: 0.1, min: 0, max: 2,
    help: 'Loyalty gained per unit rise of exposure, times (fear + exposureAbuserBacklash if he has abused): fear of retribution. Modelling choice.' }),
  exposureAbuserBacklash: num({ group: ch('exposure'), kind: 'mechanism', label: 'Backlash of abusers', default: 1, min: 0, max: 5, advanced: true,
    help: 'Extra backlash of an identified officer with abuses on record. Modelling choice.' }),
  unmaskOutnumberRatio: num({ group: ch('exposure'), kind: 'mechanism', label: 'Outnumbered ratio', default: 5, min: 1, max: 100,
    help: 'Street unmasking needs this many active citizens per officer in vision (he is "briefly outnumbered": "CEPA: unmasking the OMON").' }),
  unmaskRate: num({ group: ch('exposure'), kind: 'mechanism', label: 'Street unmasking rate', default: 0.05, min: 0, max: 1, help: 'Chance per tick an outnumbered masked officer is unmasked, at full street-unmasking level.' }),
  unmaskExposure: num({ group: ch('exposure'), kind: 'mechanism', label: 'Exposure of an unmasking', default: 0.6, min: 0, max: 1, advanced: true,
    help: 'Rise of exposure when his face is photographed on the street (a publication of his data makes it 1). Modelling choice.' }),
  publicationRatePerDay: num({ group: ch('exposure'), kind: 'mechanism', label: 'Publication rate', default: 0.05, min: 0, max: 1, help: 'Share of unidentified officers identified per day while a mass publication runs at full level.' }),

  offersOn: bool({ group: ch('offers'), kind: 'mechanism', label: 'Offers on', default: true, help: 'Amnesty, the solidarity fund and defector outreach.' }),
  offersWeight: num({ group: ch('offers'), kind: 'mechanism', label: 'Offers weight', default: 0.02, min: 0, max: 2,
    help: 'Loyalty lost per day per unit of offer pull: amnesty x credibility (x amnestyAbuserTrust for abusers) + fundReassurance x fund cover x salary dependence, plus outreachContactWeight per contact.' }),
  amnestyCredibility: num({ group: ch('offers'), kind: 'situation', label: 'Amnesty credibility', default: 0.5, min: 0, max: 1,
    help: 'How far officers believe the amnesty pledge ("Watching a dictatorship fall one conscience at a time": forgiveness for officers who refuse to shoot).' }),
  amnestyAbuserTrust: num({ group: ch('offers'), kind: 'mechanism', label: 'Abusers\' trust in amnesty', default: 0.3, min: 0, max: 1, advanced: true,
    help: 'An officer with abuses believes the amnesty this much as a clean one does. Modelling choice.' }),
  solidarityFund: num({ group: ch('offers'), kind: 'situation', label: 'Solidarity fund', default: 0, min: 0, max: 1e9, unit: 'officer-months',
    help: 'Budget at the start to pay dismissed officers; it runs out as resigners draw on it (diaspora funds: "Cracks Appear Among Lukashenko\'s Security Forces").' }),
  fundGrantShare: num({ group: ch('offers'), kind: 'mechanism', label: 'Fund raised per action', default: 0.02, min: 0, max: 1, advanced: true,
    help: 'Officer-months one solidarity-fund action adds, as a share of the initial force (at least 1). Modelling choice.' }),
  fundReassurance: num({ group: ch('offers'), kind: 'mechanism', label: 'Fund reassurance', default: 0.5, min: 0, max: 5, advanced: true,
    help: 'Pull of a fund that covers everyone, on a wholly salary-dependent officer. Modelling choice.' }),
  fundCoverShare: num({ group: ch('offers'), kind: 'mechanism', label: 'Fund for full cover', default: 0.1, min: 0.0001, max: 1, advanced: true,
    help: 'A fund able to pay this share of the force reassures every officer; cover = min(1, fund / (share x force)). Modelling choice.' }),
  outreachContactRate: num({ group: ch('offers'), kind: 'mechanism', label: 'Outreach contact rate', default: 0.02, min: 0, max: 1, help: 'Chance per day an officer is contacted by the defector network (By_Pol) at full outreach.' }),
  outreachContactWeight: num({ group: ch('offers'), kind: 'mechanism', label: 'Weight of a contact', default: 5, min: 0, max: 100, advanced: true,
    help: 'One conversation with a former colleague counts this many days of offer pull. Modelling choice.' }),

  peersOn: bool({ group: ch('peers'), kind: 'mechanism', label: 'Peers on', default: true, help: 'Visible defection in his unit (Granovetter cascade).' }),
  peersWeight: num({ group: ch('peers'), kind: 'mechanism', label: 'Peers weight', default: 0.5, min: 0, max: 5, help: 'Loyalty lost per day per unit share of visible defectors.' }),

  momentumOn: bool({ group: ch('momentum'), kind: 'mechanism', label: 'Momentum on', default: true, help: 'Nobody wants to be on the losing side ("CEPA: unmasking the OMON").' }),
  momentumLoyaltyWeight: num({ group: ch('momentum'), kind: 'mechanism', label: 'Momentum weight', default: 0.015, min: 0, max: 2, help: 'Loyalty lost per day at full momentum. Calibrated (docs/research.md).' }),

  accountabilityOn: bool({ group: ch('accountability'), kind: 'mechanism', label: 'Accountability on', default: true, help: 'A registry of crimes: clean officers leave, abusers cling.' }),
  accountabilityWeight: num({ group: ch('accountability'), kind: 'mechanism', label: 'Accountability weight', default: 0.04, min: 0, max: 2, help: 'Loyalty lost per day by a clean officer while the registry runs at full level.' }),
  abuseCling: num({ group: ch('accountability'), kind: 'mechanism', label: 'Abusers cling', default: 0.5, min: 0, max: 5,
    help: 'An abuser gains accountabilityWeight x abuseCling x min(abuses, abuseClingCap) / abuseClingCap per day while the registry runs. Modelling choice.' }),
  abuseClingCap: num({ group: ch('accountability'), kind: 'mechanism', label: 'Abuses for full cling', default: 5, min: 1, max: 100, advanced: true,
    help: 'Abuses at which an abuser clings in full. Modelling choice.' }),

  regimeOn: bool({ group: ch('regime'), kind: 'mechanism', label: 'Regime pull on', default: true, help: 'Pay, bonuses, propaganda and punishment.' }),
  regimeWeight: num({ group: ch('regime'), kind: 'mechanism', label: 'Regime weight', default: 0.03, min: 0, max: 2,
    help: 'Loyalty regained per day: w x [pay-and-propaganda x (1 - loyalty) + punishment x fear x peer share]. Calibrated (docs/research.md).' }),
  regimePayWeight: num({ group: ch('regime'), kind: 'mechanism', label: 'Pay vs propaganda', default: 0.5, min: 0, max: 1, advanced: true,
    help: 'pay-and-propaganda = payWeight x min(1, resources) + (1 - payWeight) x propaganda. Modelling choice.' }),
  propaganda: num({ group: ch('regime'), kind: 'situation', label: 'Propaganda', default: 0.5, min: 0, max: 1, help: 'Strength of state propaganda.' }),
  punishment: num({ group: ch('regime'), kind: 'situation', label: 'Punishment of defectors', default: 0.5, min: 0, max: 1, help: 'Visible punishment deters defection: scales the regime pull when peers defect.' }),
} as const;
