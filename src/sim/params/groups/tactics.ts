/**
 * What each tactic costs in organising capacity and how far one action raises its level (0..1):
 * level = 1 - (1 - level) x (1 - gain). Modelling choices, the same in every scenario (mechanism);
 * a scenario restricts which tactics are offered, and sets the capacity, instead.
 */
import { num } from '../spec';

export const TACTIC_PARAMS = {
  disciplineTrainingCost: num({ group: 'tactics', kind: 'mechanism', label: 'Nonviolent-discipline training: cost', default: 3, min: 0, max: 1000, unit: 'points', advanced: true, help: 'Organising capacity one nonviolent-discipline training action costs. Modelling choice.' }),
  disciplineTrainingGain: num({ group: 'tactics', kind: 'mechanism', label: 'Nonviolent-discipline training: gain', default: 0.5, min: 0, max: 1, advanced: true, help: 'How far one action closes the gap of its level to 1. Modelling choice.' }),
  symbolsCost: num({ group: 'tactics', kind: 'mechanism', label: 'Symbols: cost', default: 2, min: 0, max: 1000, unit: 'points', advanced: true, help: 'Organising capacity one symbols action costs. Modelling choice.' }),
  symbolsGain: num({ group: 'tactics', kind: 'mechanism', label: 'Symbols: gain', default: 0.5, min: 0, max: 1, advanced: true, help: 'How far one action closes the gap of its level to 1. Modelling choice.' }),
  streetUnmaskingCost: num({ group: 'tactics', kind: 'mechanism', label: 'Street unmasking: cost', default: 2, min: 0, max: 1000, unit: 'points', advanced: true, help: 'Organising capacity one street unmasking action costs. Modelling choice.' }),
  streetUnmaskingGain: num({ group: 'tactics', kind: 'mechanism', label: 'Street unmasking: gain', default: 0.5, min: 0, max: 1, advanced: true, help: 'How far one action closes the gap of its level to 1. Modelling choice.' }),
  massPublicationCost: num({ group: 'tactics', kind: 'mechanism', label: 'Mass publication: cost', default: 6, min: 0, max: 1000, unit: 'points', advanced: true, help: 'Organising capacity one mass publication action costs. Modelling choice.' }),
  massPublicationGain: num({ group: 'tactics', kind: 'mechanism', label: 'Mass publication: gain', default: 1, min: 0, max: 1, advanced: true, help: 'How far one action closes the gap of its level to 1. Modelling choice.' }),
  amnestyPledgeCost: num({ group: 'tactics', kind: 'mechanism', label: 'Amnesty pledge: cost', default: 4, min: 0, max: 1000, unit: 'points', advanced: true, help: 'Organising capacity one amnesty pledge action costs. Modelling choice.' }),
  amnestyPledgeGain: num({ group: 'tactics', kind: 'mechanism', label: 'Amnesty pledge: gain', default: 0.5, min: 0, max: 1, advanced: true, help: 'How far one action closes the gap of its level to 1. Modelling choice.' }),
  solidarityFundCost: num({ group: 'tactics', kind: 'mechanism', label: 'Solidarity fund: cost', default: 5, min: 0, max: 1000, unit: 'points', advanced: true, help: 'Organising capacity one solidarity fund action costs. Modelling choice.' }),
  defectorOutreachCost: num({ group: 'tactics', kind: 'mechanism', label: 'Defector outreach: cost', default: 3, min: 0, max: 1000, unit: 'points', advanced: true, help: 'Organising capacity one defector outreach action costs. Modelling choice.' }),
  defectorOutreachGain: num({ group: 'tactics', kind: 'mechanism', label: 'Defector outreach: gain', default: 0.5, min: 0, max: 1, advanced: true, help: 'How far one action closes the gap of its level to 1. Modelling choice.' }),
  crimeRegistryCost: num({ group: 'tactics', kind: 'mechanism', label: 'Crime registry: cost', default: 6, min: 0, max: 1000, unit: 'points', advanced: true, help: 'Organising capacity one crime registry action costs. Modelling choice.' }),
  crimeRegistryGain: num({ group: 'tactics', kind: 'mechanism', label: 'Crime registry: gain', default: 1, min: 0, max: 1, advanced: true, help: 'How far one action closes the gap of its level to 1. Modelling choice.' }),
  strikeCost: num({ group: 'tactics', kind: 'mechanism', label: 'Strikes: cost', default: 8, min: 0, max: 1000, unit: 'points', advanced: true, help: 'Organising capacity one strikes action costs. Modelling choice.' }),
  strikeGain: num({ group: 'tactics', kind: 'mechanism', label: 'Strikes: gain', default: 0.5, min: 0, max: 1, advanced: true, help: 'How far one action closes the gap of its level to 1. Modelling choice.' }),
  eliteAppealsCost: num({ group: 'tactics', kind: 'mechanism', label: 'Elite appeals: cost', default: 3, min: 0, max: 1000, unit: 'points', advanced: true, help: 'Organising capacity one elite appeals action costs. Modelling choice.' }),
  eliteAppealsGain: num({ group: 'tactics', kind: 'mechanism', label: 'Elite appeals: gain', default: 0.5, min: 0, max: 1, advanced: true, help: 'How far one action closes the gap of its level to 1. Modelling choice.' }),
  courtsCost: num({ group: 'tactics', kind: 'mechanism', label: 'Courts: cost', default: 3, min: 0, max: 1000, unit: 'points', advanced: true, help: 'Organising capacity one courts action costs. Modelling choice.' }),
  courtsGain: num({ group: 'tactics', kind: 'mechanism', label: 'Courts: gain', default: 0.5, min: 0, max: 1, advanced: true, help: 'How far one action closes the gap of its level to 1. Modelling choice.' }),
  immunityForTestimonyCost: num({ group: 'tactics', kind: 'mechanism', label: 'Immunity for testimony: cost', default: 3, min: 0, max: 1000, unit: 'points', advanced: true, help: 'Organising capacity one immunity-for-testimony action costs. Modelling choice.' }),
  immunityForTestimonyGain: num({ group: 'tactics', kind: 'mechanism', label: 'Immunity for testimony: gain', default: 0.5, min: 0, max: 1, advanced: true, help: 'How far one action closes the gap of its level to 1. Modelling choice.' }),
} as const;
