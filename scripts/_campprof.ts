// scratch: N campaign runs single-thread (env CAUSAL=1)
import { campaignPlan } from '../src/cli/benchCampaigns';
import { runOne } from '../src/batch/plan';
const n = Number(process.argv[2] ?? 100);
const plan = campaignPlan(n, process.env.CAUSAL === '1');
const t = performance.now();
for (let g = 0; g < n; g++) runOne(plan, g);
console.log(`${n} runs ${((performance.now() - t) / 1000).toFixed(2)} s -> ${(n / ((performance.now() - t) / 1000)).toFixed(1)}/s single thread`);
