import { campaignPlan } from '../src/cli/benchCampaigns';
import { runRows } from '../src/batch/nodePool';
import { shardIndices, totalRuns } from '../src/batch/index';
const n = Number(process.env.N ?? 150);
const plan = campaignPlan(n, false);
const t = performance.now();
await runRows(plan, shardIndices(totalRuns(plan), null), { workers: Number(process.env.W ?? 1), thread: true });
console.log(`W=${process.env.W ?? 1} ${n} runs ${((performance.now() - t) / 1000).toFixed(2)} s -> ${(n / ((performance.now() - t) / 1000)).toFixed(1)}/s`);
process.exit(0);
