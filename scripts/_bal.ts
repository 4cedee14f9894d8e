// scratch: npx tsx scripts/_bal.ts preset|file.json a-b "pol|pol|..." k=v ...   (env S seed, default 909)
// pol = a policy name from policiesFor (nothing, alone:x, pair:a+b, rotation, best, best-without:x, history...) or "seg:T1+T2" (spam schedule of tactics)
import { readFileSync } from 'node:fs';
import { getPreset, validateScenario, resolveParams, DEFAULT_CALIBRATION } from '../src/scenarios/index';
import { policiesFor, capacityModel } from '../src/balance/policies';
import { spamSchedule } from '../src/balance/schedule';
import { runRows } from '../src/batch/nodePool';
import { runSeed } from '../src/batch/index';
import type { BalancePlan, BalanceRow } from '../src/balance/job';
const [pid, range, pols, ...kv] = process.argv.slice(2);
const s = pid.endsWith('.json') ? validateScenario(JSON.parse(readFileSync(pid, 'utf8')), pid) : getPreset(pid);
const [a, b] = range.split('-').map(Number);
const S = Number(process.env.S ?? 909);
const sets: Array<[string, string]> = kv.map((x) => { const i = x.indexOf('='); return [x.slice(0, i), x.slice(i + 1)]; });
const params = resolveParams(s, sets, DEFAULT_CALIBRATION as any) as any;
const all = policiesFor(s, { params });
const model = capacityModel(s, params);
const names = pols.split('|');
const variants: BalancePlan['variants'] = []; const tasks: Array<[number, number]> = [];
for (const n of names) {
  let acts: any;
  if (n.startsWith('seg:')) acts = spamSchedule(model, n.slice(4).split('+') as any);
  else { const p = all.find((q) => q.name === n); if (!p) throw new Error('no policy ' + n + ' (have ' + all.map((q) => q.name).join(',') + ')'); acts = p.actions; }
  for (let r = a; r < b; r++) {
    const seed = runSeed(S, r);
    variants.push({ scenario: 0, actions: typeof acts === 'function' ? acts(seed) : acts, sets });
    tasks.push([variants.length - 1, seed]);
  }
}
const plan: BalancePlan = { kind: 'balance', scenarios: [s], calibration: DEFAULT_CALIBRATION as any, variants, tasks };
const t0 = Date.now();
const rows = await runRows<BalanceRow, BalancePlan>(plan, tasks.map((_, i) => i));
const per = b - a;
names.forEach((n, k) => {
  const rs = rows.slice(k * per, (k + 1) * per);
  const succ = rs.filter((r) => r.outcome === 'success').length;
  const stal = rs.filter((r) => r.outcome === 'stalemate').length;
  const def = rs.reduce((x, r) => x + r.defectedShare, 0) / per;
  const days = rs.filter((r) => r.tippingDay != null).map((r) => r.tippingDay!).sort((x, y) => x - y);
  const causes: Record<string, number> = {}; rs.forEach((r) => { if (r.fallCause) causes[r.fallCause] = (causes[r.fallCause] ?? 0) + 1; });
  let hist = '';
  if (rs[0].historical) { const keys = Object.keys(rs[0].historical); hist = ' ' + keys.map((key) => { const v = rs.map((r) => r.historical![key]).filter((x) => x != null) as number[]; return key + '=' + (v.length ? (v.reduce((x, y) => x + y, 0) / v.length).toPrecision(4) : 'na'); }).join(' '); }
  console.log(`${n.padEnd(34)} succ ${(100 * succ / per).toFixed(1).padStart(5)}% stal ${stal} def ${(100 * def).toFixed(1)}% tip ${days.length ? days[Math.floor(days.length / 2)] : '-'} ${JSON.stringify(causes)} refused ${rs.reduce((x, r) => x + r.refused, 0)}${hist}`);
});
console.error(`${((Date.now() - t0) / 1000).toFixed(0)} s`);
process.exit(0);
