/**
 * The campaigns ensemble (docs/research.md section 1): a generic small city (campaigns.json) whose
 * parameters each run draws from documented priors (campaignPriors.json; docs/research.md).
 * The scale is small on purpose (1,500 citizens, 6-hour ticks) so thousands of runs take minutes.
 */
import type { ScenarioData } from '../sim/index';
import { validateScenario } from '../scenarios/index';
import baseJson from './campaigns.json';
import priorsJson from './campaignPriors.json';
import { validatePriors, type PriorSet } from './priors';

/** The name that selects this ensemble in `batch --scenario`. */
export const CAMPAIGNS = 'campaigns';

/** Where the base scenario lives, for `npm run sim -- --scenario <this>` replays of a row. */
export const CAMPAIGNS_FILE = 'src/batch/campaigns.json';

/** A fresh validated copy of the base scenario. */
export const campaignScenario = (): ScenarioData => validateScenario(baseJson, CAMPAIGNS_FILE);

export const campaignPriors = (): PriorSet => validatePriors(priorsJson, 'src/batch/campaignPriors.json');
