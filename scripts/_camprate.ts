// scratch: pool rate for campaigns (env CAUSAL=1, N)
import { campaignPlan, campaignRate } from '../src/cli/benchCampaigns';
const n = Number(process.env.N ?? 1000);
const r = await campaignRate(campaignPlan(n, process.env.CAUSAL === '1'), (m) => console.error(m));
console.log('rate', r);
process.exit(0);
