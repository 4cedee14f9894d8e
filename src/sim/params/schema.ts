/**
 * The one parameter schema (MODEL.md: every parameter named there exists, with a type, a default,
 * a range and a one-line meaning). Defaults describe a generic small city with every mechanism on;
 * presets override them (epstein-classic switches nearly everything off).
 * Duration keys end in Ticks or Days so nobody guesses the unit.
 */
import { bool, choice, int, list, num, type ValueOf } from './spec';

export const PARAM_SPECS = {
  // ---- time and space -------------------------------------------------------------------
  hoursPerTick: int({ group: 'world', label: 'Hours per tick', default: 1, min: 1, max: 24, unit: 'hours', structural: true,
    help: 'Length of one tick. Daily rules (outcomes, momentum, staffing) aggregate 24/hoursPerTick ticks.' }),
  horizonDays: int({ group: 'world', label: 'Horizon', default: 60, min: 1, max: 10000, unit: 'days',
    help: 'A run not decided by then ends as a stalemate.' }),
  gridWidth: int({ group: 'world', label: 'Grid width', default: 60, min: 4, max: 4000, unit: 'cells', structural: true,
    help: 'Width of the city grid in cells.' }),
  gridHeight: int({ group: 'world', label: 'Grid height', default: 40, min: 4, max: 4000, unit: 'cells', structural: true,
    help: 'Height of the city grid in cells.' }),
  torus: bool({ group: 'world', label: 'Wrap edges (torus)', default: false, structural: true,
    help: 'Epstein and NetLogo use a torus; a city map does not wrap.' }),
  cellCapacity: int({ group: 'world', label: 'Cell capacity', default: 40, min: 1, max: 1000000, unit: 'agents', structural: true,
    help: 'Most free agents one cell holds (1 = Epstein: no cop and no free citizen share a cell).' }),
  visionRadius: int({ group: 'world', label: 'Vision radius', default: 2, min: 0, max: 60, unit: 'cells', structural: true,
    help: 'How far an agent sees, including its own cell.' }),
  visionShape: choice({ group: 'world', label: 'Vision shape', default: 'square', options: ['euclidean', 'square'] as const, structural: true,
    help: 'euclidean: a disc as in Epstein/NetLogo; square: a box, cheap with prefix sums at national scale.' }),
  countMode: choice({ group: 'world', label: 'Neighbour counts', default: 'tickStart', options: ['live', 'tickStart'] as const, structural: true,
    help: 'live: agents act in one random order and see counts as others change them (NetLogo Rebellion); tickStart: counts are taken once per tick (fast at scale).' }),
  moveProbability: num({ group: 'world', label: 'Move probability', default: 0.3, min: 0, max: 1,
    help: 'Chance per tick that a free agent moves to a random open cell in vision (Epstein: 1).' }),
  rallyAttraction: num({ group: 'world', label: 'Pull of rally points', default: 0.5, min: 0, max: 1,
    help: 'Chance that a moving citizen who is out steps toward the nearest square or metro station instead of at random.' }),
  scale: num({ group: 'world', label: 'Scale', default: 1, min: 0.0001, max: 1, step: 0.0001, structural: true,
    help: 'Agents per person: counts below are at scale 1 and multiplied by this (1 = one agent per person).' }),
  citizenCount: int({ group: 'world', label: 'Citizens (at scale 1)', default: 6000, min: 0, max: 5000000, unit: 'people', structural: true,
    help: 'Potential protesters on the map before scaling.' }),
  officerCount: int({ group: 'world', label: 'Officers on the map (at scale 1)', default: 600, min: 0, max: 1000000, unit: 'officers', structural: true,
    help: 'Officers deployed in the city before scaling.' }),
  nationalForce: int({ group: 'world', label: 'National force (at scale 1)', default: 900, min: 0, max: 2000000, unit: 'officers', structural: true,
    help: 'Whole force; those not on the map form the reserve the regime can deploy (Belarus MVD ~130,000).' }),
  unitSize: int({ group: 'world', label: 'Unit size', default: 50, min: 1, max: 100000, unit: 'officers', structural: true,
    help: 'Officers per unit: peers see defections in their own unit.' }),

  // ---- calendar -------------------------------------------------------------------------
  calendarOn: bool({ group: 'calendar', label: 'Crowd calendar', default: true,
    help: 'Off: every citizen is out every tick (Epstein). On: crowds gather in the evenings and at Sunday marches.' }),
  eveningStartHour: int({ group: 'calendar', label: 'Evening starts', default: 18, min: 0, max: 23, unit: 'hour', help: 'First hour of the evening gathering.' }),
  eveningEndHour: int({ group: 'calendar', label: 'Evening ends', default: 23, min: 1, max: 24, unit: 'hour', help: 'Hour the evening gathering ends.' }),
  eveningTurnout: num({ group: 'calendar', label: 'Evening turnout', default: 0.5, min: 0, max: 1, help: 'Share of citizens out on a weekday evening.' }),
  sundayStartHour: int({ group: 'calendar', label: 'Sunday march starts', default: 13, min: 0, max: 23, unit: 'hour', help: 'First hour of the Sunday march.' }),
  sundayTurnout: num({ group: 'calendar', label: 'Sunday turnout', default: 0.9, min: 0, max: 1, help: 'Share of citizens out during a Sunday march.' }),
  offHoursTurnout: num({ group: 'calendar', label: 'Off-hours turnout', default: 0.03, min: 0, max: 1, help: 'Share out at other hours.' }),

  // ---- citizens (Epstein 2002, Kuran 1991) ----------------------------------------------
  legitimacy: num({ group: 'citizens', label: 'Regime legitimacy', default: 0.6, min: 0, max: 1,
    help: 'Perceived legitimacy L; grievance G = H(1 - L). Epstein run 2: 0.82.' }),
  activationThreshold: num({ group: 'citizens', label: 'Activation threshold T', default: 0.1, min: 0, max: 1,
    help: 'A citizen is active when G - N + M > T (Epstein: 0.1).' }),
  arrestK: num({ group: 'citizens', label: 'Arrest constant k', default: 2.3, min: 0, max: 10,
    help: 'Estimated arrest probability P = 1 - exp(-k floor(C/A)).' }),
  maxJailTicks: int({ group: 'citizens', label: 'Max jail term', default: 0, min: 0, max: 100000, unit: 'ticks',
    help: "Epstein's abstract jail term: uniform integer 0..maxJailTicks-1 ticks, added to the detention below." }),
  detentionMinDays: num({ group: 'citizens', label: 'Detention, shortest', default: 3, min: 0, max: 365, unit: 'days', help: 'Shortest detention of an arrested protester.' }),
  detentionMaxDays: num({ group: 'citizens', label: 'Detention, longest', default: 15, min: 0, max: 365, unit: 'days', help: 'Longest detention (uniform between the two).' }),
  injuryProbability: num({ group: 'citizens', label: 'Injury per arrest', default: 0.05, min: 0, max: 1, help: 'Chance an arrest injures the protester.' }),
  injuryDays: num({ group: 'citizens', label: 'Injury recovery', default: 7, min: 0, max: 365, unit: 'days', help: 'Days an injured citizen stays off the streets.' }),
  deathProbability: num({ group: 'citizens', label: 'Death per injury', default: 0.0005, min: 0, max: 1, help: 'Chance an injury is fatal (counted as an event; the citizen leaves the streets).' }),
  privateOppositionShare: num({ group: 'citizens', label: 'Private opposition', default: 0.52, min: 0, max: 1,
    help: 'Share privately opposed to the regime (Chatham House poll, 2020: 52%).' }),
  incumbentSupportShare: num({ group: 'citizens', label: 'Private support', default: 0.21, min: 0, max: 1, help: 'Share privately supporting the incumbent (poll: 21%).' }),
  opinionLegitimacyShift: num({ group: 'citizens', label: 'Opinion shift of legitimacy', default: 0.25, min: 0, max: 1,
    help: 'Opponents perceive legitimacy lower, supporters higher, by this much.' }),
  falsificationCost: num({ group: 'citizens', label: 'Preference falsification', default: 0.15, min: 0, max: 1,
    help: 'Extra threshold an opponent must overcome to show his opinion; momentum erodes it (Kuran).' }),
  momentumWeight: num({ group: 'citizens', label: 'Momentum in activation', default: 0.3, min: 0, max: 2,
    help: 'M = momentumWeight x momentum in G - N + M > T.' }),
  disciplineMean: num({ group: 'citizens', label: 'Nonviolent discipline', default: 0.85, min: 0, max: 1,
    help: "Mean personal discipline; an active citizen's chance of violence scales with 1 - discipline." }),
  violenceRate: num({ group: 'citizens', label: 'Violence rate', default: 0.02, min: 0, max: 1,
    help: 'Chance per tick that an undisciplined active citizen attacks officers.' }),
  nonviolentMaxViolenceShare: num({ group: 'citizens', label: 'Nonviolent run: max violence', default: 0.01, min: 0, max: 1,
    help: 'A run counts as nonviolent while violent acts / active citizen-ticks stay below this.' }),
  tiesPerOfficer: num({ group: 'citizens', label: 'Ties per officer', default: 3, min: 0, max: 50,
    help: 'Mean number of citizens (family, friends) each officer knows: a sparse network.' }),

  // ---- officers -------------------------------------------------------------------------
  initialLoyaltyMean: num({ group: 'officers', label: 'Initial loyalty, mean', default: 0.75, min: 0, max: 1, help: 'Mean loyalty at the start.' }),
  initialLoyaltySd: num({ group: 'officers', label: 'Initial loyalty, spread', default: 0.12, min: 0, max: 1, help: 'Standard deviation of initial loyalty (clipped to [0,1]).' }),
  defectionThresholdUnit: choice({ group: 'officers', label: 'Threshold unit', default: 'loyalty', options: ['loyalty', 'peers'] as const,
    help: 'loyalty: an officer acts when loyalty < threshold; peers: when the visible defected count in his unit >= threshold (Granovetter).' }),
  defectionThresholdKind: choice({ group: 'officers', label: 'Threshold distribution', default: 'normal', options: ['uniform', 'normal', 'list'] as const,
    help: 'uniform(min,max); normal(mean,sd) clipped to [min,max]; list: officer i takes element i (repeating).' }),
  defectionThresholdMin: num({ group: 'officers', label: 'Threshold min', default: 0, min: 0, max: 100000, help: 'Lower bound (uniform) or clip (normal), in the threshold unit.' }),
  defectionThresholdMax: num({ group: 'officers', label: 'Threshold max', default: 0.6, min: 0, max: 100000, help: 'Upper bound (uniform) or clip (normal), in the threshold unit.' }),
  defectionThresholdMean: num({ group: 'officers', label: 'Threshold mean', default: 0.3, min: 0, max: 100000, help: 'Mean of the normal distribution, in the threshold unit.' }),
  defectionThresholdSd: num({ group: 'officers', label: 'Threshold spread', default: 0.08, min: 0, max: 100000, help: 'Standard deviation of the normal distribution.' }),
  defectionThresholdList: list({ group: 'officers', label: 'Threshold list', default: [], min: 0, max: 1000000, step: 1,
    help: 'Explicit thresholds, officer i takes element i mod length (kind = list).' }),
  maskedShare: num({ group: 'officers', label: 'Masked share', default: 0.7, min: 0, max: 1, help: 'Share of officers who serve masked (OMON balaclavas).' }),
  abuserShare: num({ group: 'officers', label: 'Officers with abuses', default: 0.1, min: 0, max: 1, help: 'Share of officers with documented abuses at the start.' }),
  fearMean: num({ group: 'officers', label: 'Fear of punishment', default: 0.5, min: 0, max: 1, help: 'Mean fear of what the regime does to defectors.' }),
  salaryDependenceMean: num({ group: 'officers', label: 'Salary dependence', default: 0.6, min: 0, max: 1, help: 'Mean dependence on the salary (mortgages, families).' }),
  arrestRate: num({ group: 'officers', label: 'Arrest rate', default: 0.3, min: 0, max: 1, help: 'Chance per tick an on-duty officer with active citizens in vision arrests one (Epstein: 1).' }),
  abuseProbability: num({ group: 'officers', label: 'Abuse per arrest', default: 0.15, min: 0, max: 1, help: 'Chance an arrest involves documented abuse (torture cases), scaled by 1 - conscience.' }),
  shirkEffectiveness: num({ group: 'officers', label: 'Shirker effectiveness', default: 0.4, min: 0, max: 1, help: 'A shirker counts as this much of an officer.' }),
  insiderEffectiveness: num({ group: 'officers', label: 'Insider effectiveness', default: 0.2, min: 0, max: 1, help: 'An insider counts as this much (he leaks orders).' }),
  peerShirkVisibility: num({ group: 'officers', label: 'Visibility of shirking (rho)', default: 0.3, min: 0, max: 1, help: 'Peers count a shirker as rho of a defector.' }),
  shirkChoiceWeight: num({ group: 'officers', label: 'Choice: shirk', default: 1, min: 0, max: 10, help: 'Weight of shirking when an officer acts (scaled by fear).' }),
  insiderChoiceWeight: num({ group: 'officers', label: 'Choice: insider', default: 0.4, min: 0, max: 10, help: 'Weight of becoming an insider (scaled by 1 - exposure).' }),
  resignChoiceWeight: num({ group: 'officers', label: 'Choice: resign', default: 0.8, min: 0, max: 10, help: 'Weight of resigning (scaled down by salary dependence unless the fund pays).' }),
  joinChoiceWeight: num({ group: 'officers', label: 'Choice: join', default: 0.3, min: 0, max: 10, help: 'Weight of joining the movement (scaled by exposure and courage).' }),
  escalationGap: num({ group: 'officers', label: 'Escalation gap', default: 0.15, min: 0, max: 1,
    help: 'A shirker or insider whose loyalty falls this far below his threshold resigns or joins.' }),
  noisyResignShare: num({ group: 'officers', label: 'Noisy resignations', default: 0.25, min: 0, max: 1, help: 'Share of resignations made publicly, with a video.' }),
  noisyResignVisibility: num({ group: 'officers', label: 'Weight of a noisy resignation', default: 3, min: 1, max: 20, help: 'A noisy resignation counts this many times for peers and momentum.' }),
  unitWalkoutShare: num({ group: 'officers', label: 'Unit walk-out share', default: 0.5, min: 0, max: 1,
    help: "When this share of a unit has defected, its wavering rest (loyalty < threshold + 0.1) resigns together. 1 = never." }),
  joinedProtection: num({ group: 'officers', label: 'Protection by joined officers', default: 0.5, min: 0, max: 1,
    help: 'Each joined officer in vision cuts an arrest attempt nearby by this share.' }),

  // ---- loyalty channels (MODEL.md section 3); weights are per day --------------------------
  backfireOn: bool({ group: 'channel: backfire', label: 'Backfire on', default: true, help: 'Repression of nonviolent protesters lowers loyalty.' }),
  backfireWeight: num({ group: 'channel: backfire', label: 'Backfire weight', default: 0.01, min: 0, max: 1, step: 0.001, help: 'Loyalty lost per hour of taking part in or seeing repression of nonviolent protesters (times conscience).' }),
  symbolsBoost: num({ group: 'channel: backfire', label: 'Symbols boost', default: 1, min: 0, max: 5, help: 'White clothes and flowers multiply backfire by 1 + boost x symbols level.' }),
  threatOn: bool({ group: 'channel: threat', label: 'Threat on', default: true, help: 'Protester violence rallies the ranks.' }),
  threatWeight: num({ group: 'channel: threat', label: 'Threat weight', default: 0.02, min: 0, max: 1, step: 0.001, help: 'Loyalty gained per hour in which protesters attack officers in his district (full at 1 attack per 5 officers).' }),
  exposureOn: bool({ group: 'channel: exposure', label: 'Exposure on', default: true, help: 'Being identified costs an officer socially.' }),
  exposureWeight: num({ group: 'channel: exposure', label: 'Exposure cost', default: 0.3, min: 0, max: 2, help: 'Loyalty lost per unit rise of exposure, times (1 + ties to protesters).' }),
  exposureBacklash: num({ group: 'channel: exposure', label: 'Backlash', default: 0.1, min: 0, max: 2, help: 'Fear of retribution pushes exposed abusers and fearful officers back up.' }),
  unmaskOutnumberRatio: num({ group: 'channel: exposure', label: 'Outnumbered ratio', default: 5, min: 1, max: 100, help: 'Street unmasking needs this many active citizens per officer in vision.' }),
  unmaskRate: num({ group: 'channel: exposure', label: 'Street unmasking rate', default: 0.05, min: 0, max: 1, help: 'Chance per tick an outnumbered masked officer is unmasked, at full street-unmasking level.' }),
  publicationRatePerDay: num({ group: 'channel: exposure', label: 'Publication rate', default: 0.05, min: 0, max: 1, help: 'Share of unidentified officers identified per day while a mass publication runs.' }),
  offersOn: bool({ group: 'channel: offers', label: 'Offers on', default: true, help: 'Amnesty, the solidarity fund and defector outreach.' }),
  offersWeight: num({ group: 'channel: offers', label: 'Offers weight', default: 0.02, min: 0, max: 2, help: 'Loyalty lost per contact with a credible offer.' }),
  amnestyCredibility: num({ group: 'channel: offers', label: 'Amnesty credibility', default: 0.5, min: 0, max: 1, help: 'How far officers believe the amnesty pledge.' }),
  solidarityFund: num({ group: 'channel: offers', label: 'Solidarity fund', default: 0, min: 0, max: 1e9, unit: 'officer-months', help: 'Budget to pay dismissed officers; it runs out as resigners draw on it.' }),
  outreachContactRate: num({ group: 'channel: offers', label: 'Outreach contact rate', default: 0.02, min: 0, max: 1, help: 'Chance per day an officer is contacted by the defector network at full outreach.' }),
  peersOn: bool({ group: 'channel: peers', label: 'Peers on', default: true, help: 'Visible defection in his unit (Granovetter cascade).' }),
  peersWeight: num({ group: 'channel: peers', label: 'Peers weight', default: 0.5, min: 0, max: 5, help: 'Loyalty lost per day per unit share of visible defectors.' }),
  momentumOn: bool({ group: 'channel: momentum', label: 'Momentum on', default: true, help: 'Nobody wants to be on the losing side.' }),
  momentumLoyaltyWeight: num({ group: 'channel: momentum', label: 'Momentum weight', default: 0.015, min: 0, max: 2, help: 'Loyalty lost per day at full momentum.' }),
  accountabilityOn: bool({ group: 'channel: accountability', label: 'Accountability on', default: true, help: 'A registry of crimes: clean officers leave, abusers cling.' }),
  accountabilityWeight: num({ group: 'channel: accountability', label: 'Accountability weight', default: 0.04, min: 0, max: 2, help: 'Loyalty lost per day by a clean officer while the registry runs.' }),
  abuseCling: num({ group: 'channel: accountability', label: 'Abusers cling', default: 0.5, min: 0, max: 5, help: 'Loyalty gained per day per abuse by an abuser while the registry runs, relative to the weight.' }),
  regimeOn: bool({ group: 'channel: regime', label: 'Regime pull on', default: true, help: 'Pay, bonuses, propaganda and punishment.' }),
  regimeWeight: num({ group: 'channel: regime', label: 'Regime weight', default: 0.03, min: 0, max: 2, help: 'Loyalty regained per day toward 1 at full resources and propaganda.' }),
  propaganda: num({ group: 'channel: regime', label: 'Propaganda', default: 0.5, min: 0, max: 1, help: 'Strength of state propaganda.' }),
  punishment: num({ group: 'channel: regime', label: 'Punishment of defectors', default: 0.5, min: 0, max: 1, help: 'Visible punishment deters defection: scales the regime pull when peers defect.' }),

  // ---- regime ---------------------------------------------------------------------------
  regimeResources: num({ group: 'regime', label: 'Resources', default: 1, min: 0, max: 10, help: 'Budget for pay and bonuses (1 = normal); strikes drain it.' }),
  strikeDrainPerDay: num({ group: 'regime', label: 'Strike drain', default: 0.03, min: 0, max: 1, help: 'Resources lost per day at full strike level.' }),
  externalSupport: num({ group: 'regime', label: 'External support', default: 0.5, min: 0, max: 1, help: "A patron's aid, added to resources each day." }),
  patronWithdrawMomentum: num({ group: 'regime', label: 'Patron withdraws at momentum', default: 1, min: 0, max: 1, help: 'If momentum exceeds this the patron withdraws and the regime falls (elite route); 1 = never.' }),
  eliteCohesion: num({ group: 'regime', label: 'Elite cohesion', default: 1, min: 0, max: 1, help: 'Cohesion of top officials, diplomats, prosecutors, state media.' }),
  eliteErosionPerDay: num({ group: 'regime', label: 'Elite erosion', default: 0.02, min: 0, max: 1, help: 'Cohesion lost per day at full momentum, defection and appeals.' }),
  eliteBreakThreshold: num({ group: 'regime', label: 'Elite break point', default: 0.3, min: 0, max: 1, help: 'Below this cohesion the elite splits and the regime falls.' }),
  repressionPolicy: num({ group: 'regime', label: 'Repression policy', default: 0.5, min: 0, max: 1, help: 'How much harder officers are ordered to act as protests grow.' }),
  recruitRatePerDay: num({ group: 'regime', label: 'Recruitment', default: 0.002, min: 0, max: 0.1, help: "Recruits per day as a share of the city's initial staff, at full resources." }),
  deployPerDay: num({ group: 'regime', label: 'Reserve deployment', default: 0.05, min: 0, max: 1, help: 'Share of the reserve the regime can deploy per day when city staffing falls.' }),
  deployTriggerShare: num({ group: 'regime', label: 'Deploy when staffing below', default: 0.9, min: 0, max: 1, help: 'Deploy reserves when city staffing falls below this share.' }),

  // ---- movement -------------------------------------------------------------------------
  organisingCapacityPerDay: num({ group: 'movement', label: 'Organising capacity', default: 10, min: 0, max: 1000, unit: 'points/day', help: 'Points the movement can spend on tactics per day; unspent points carry over up to 3 days.' }),
  tacticDecayPerDay: num({ group: 'movement', label: 'Tactic fade', default: 0.05, min: 0, max: 1, help: 'Share of a tactic level that fades each day unless renewed.' }),

  // ---- momentum -------------------------------------------------------------------------
  momentumParticipationRef: num({ group: 'momentum', label: 'Participation for full momentum', default: 0.2, min: 0.0001, max: 1, help: "Daily peak participation (share of citizens) that alone gives full momentum." }),
  momentumSmoothing: num({ group: 'momentum', label: 'Momentum smoothing', default: 0.3, min: 0, max: 1, help: 'Weight of today in the daily moving average.' }),
  momentumDefectionRef: num({ group: 'momentum', label: 'Defection for full momentum', default: 0.1, min: 0.0001, max: 1, help: 'Visible defected share of the force that alone gives full momentum.' }),

  // ---- outcome (MODEL.md section 5) -------------------------------------------------------------
  endRulesOn: bool({ group: 'outcome', label: 'End rules', default: true, help: 'Off: no fall or failure is ever decided; a run ends at the horizon.' }),
  forcePerProtester: num({ group: 'outcome', label: 'Force needed per protester', default: 0.1, min: 0, max: 10, help: 'Officers needed per active protester.' }),
  collapseRatio: num({ group: 'outcome', label: 'Collapse ratio', default: 0.6, min: 0, max: 10, help: 'Effective / needed force below this ...' }),
  collapseDays: int({ group: 'outcome', label: 'Collapse days', default: 3, min: 1, max: 365, unit: 'days', help: '... on this many consecutive days: the regime falls (force).' }),
  demobilizeFloor: num({ group: 'outcome', label: 'Demobilisation floor', default: 0.005, min: 0, max: 1, help: 'Daily peak participation share below which the movement fades.' }),
  demobilizeDays: int({ group: 'outcome', label: 'Demobilisation days', default: 7, min: 1, max: 365, unit: 'days', help: 'Consecutive days below the floor: the movement fails.' }),
  defectionOccurredShare: num({ group: 'outcome', label: 'Defection occurred at', default: 0.05, min: 0, max: 1, help: 'Defection occurred when defectedShare at the decision is at least this.' }),

  // ---- research targets (MODEL.md section 6) ----------------------------------------------
  targetSuccessRate: num({ group: 'research', label: 'Target success rate', default: 0.53, min: 0, max: 1, help: 'NAVCO: nonviolent campaigns 1900-2006.' }),
  targetDefectionShareInSuccesses: num({ group: 'research', label: 'Target defection share in successes', default: 0.52, min: 0, max: 1, help: 'Bartkowski / Dahl 2016: defections in 52% of successes.' }),
  targetSuccessMultiplier: num({ group: 'research', label: 'Target success multiplier', default: 46, min: 1, max: 1000, help: 'Defection makes success 46x more likely (odds ratio by default).' }),
} as const;

export type ParamKey = keyof typeof PARAM_SPECS;
export type Params = { -readonly [K in ParamKey]: ValueOf<(typeof PARAM_SPECS)[K]> };
export const PARAM_KEYS = Object.keys(PARAM_SPECS) as ParamKey[];

export function defaultParams(): Params {
  const p: Record<string, unknown> = {};
  for (const k of PARAM_KEYS) {
    const d = PARAM_SPECS[k].default;
    p[k] = Array.isArray(d) ? [...d] : d;
  }
  return p as Params;
}
