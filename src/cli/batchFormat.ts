/**
 * Output of a batch: the JSON document, the rows as CSV, or a readable report of the research
 * figures beside their targets and the arithmetic the targets imply. Like `sim`'s output it is a
 * function of the result alone (no timings, no paths beyond what the user typed).
 */
import { CAMPAIGNS, CAMPAIGNS_FILE, PILLAR_TACTICS, replayArgs, STRATEGY_KINDS, resultJson, rowsToCsv } from '../batch/index';
import type { BatchInfo, BatchResult, BatchStats, CausalStats, Implied, Proportion, Ratio, Row, ShardInfo, ShareDifference, Stats, StrategyGroup } from '../batch/index';
import type { Format } from './args';
import { table } from './format';

const pct = (x: number | null) => (x === null ? '-' : `${(x * 100).toFixed(1)}%`);
const num = (x: number | null) => (x === null ? '-' : x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x.toFixed(2));
const interval = (lo: number | null, hi: number | null, f: (x: number | null) => string) => (lo === null ? '-' : `[${f(lo)}, ${f(hi)}]`);
const propCells = (p: Proportion): string[] => [pct(p.value), interval(p.lo, p.hi, pct), `${p.k}/${p.n}`];
const ratioCells = (r: Ratio): string[] => [num(r.value), interval(r.lo, r.hi, num), r.corrected ? '+0.5 in every cell' : ''];
const yesNo = (b: boolean | null) => (b === null ? '-' : b ? 'yes' : 'no');
const causeList = (c: BatchStats['violentFallCauses']) => `force ${c.force}, elite ${c.elite}, economy ${c.economy}, patron ${c.patron}, overwhelm ${c.overwhelm}`;
/** A replay argument as a shell word (a strategy like `every:a;once:b@3` holds a ';'). */
const shellWord = (a: string) => (/^[A-Za-z0-9_@%+=:,./-]+$/.test(a) ? a : `'${a.replace(/'/g, `'\\''`)}'`);
const ratioName = (k: 'odds' | 'risk') => (k === 'odds' ? 'odds ratio' : 'risk ratio');

function figures(st: BatchStats): string[] {
  const [sr, share, mult] = st.comparison;
  const kind = ratioName(st.successMultiplier.kind);
  const rows = [
    ['figure', 'measured', '95% interval', 'count', 'target', 'target inside'],
    ['success rate', ...propCells(st.successRate), pct(sr.target), yesNo(sr.inside)],
    ['defection share in successes', ...propCells(st.defectionShareInSuccesses), pct(share.target), yesNo(share.inside)],
    [`success multiplier (${kind})`, ...ratioCells(st.successMultiplier), num(mult.target), yesNo(mult.inside)],
    ['defection occurred', ...propCells(st.defectionRate), '', ''],
    ['success with defection', ...propCells(st.successWithDefection), '', ''],
    ['success without defection', ...propCells(st.successWithoutDefection), '', ''],
    [`(${st.successMultiplier.kind === 'odds' ? 'risk ratio' : 'odds ratio'})`,
      ...ratioCells(st.successMultiplier.kind === 'odds' ? st.riskRatio : st.oddsRatio), '', ''],
  ];
  return table(rows, '  ');
}

function impliedRow(label: string, s: number | null, im: Implied | null): string[] {
  if (s === null) return [label, '-', '-', '-'];
  return im === null ? [label, 'no consistent solution', '', '']
    : [label, pct(im.defectionRate), pct(im.successWithDefection), pct(im.successWithoutDefection)];
}

const points = (x: number | null) => (x === null ? '-' : `${(x * 100).toFixed(1)}`);
const verdict = (b: boolean | null) => (b === null ? 'undefined (too few runs)' : b ? 'yes' : 'no');

/** The causal figures (batch --causal; docs/research.md section 1b) in plain words. */
export function causalSummary(c: CausalStats): string[] {
  const L = c.landmarkDay, lm = c.landmark, k = c.knockout, d = k.difference;
  const lost = (['force', 'elite', 'economy', 'patron', 'overwhelm'] as const)
    .map((cause) => { const p = k.lostByCause[cause]; return p === undefined ? null : `${cause} ${p.k}/${p.n}`; }).filter((x) => x !== null);
  return [
    'Does defection make success likelier? (--causal; nonviolent runs; docs/research.md section 1b)',
    `  Landmark: ${lm.runs} runs still undecided at the end of day ${L} (${lm.excluded} decided by then, left out); `
      + `exposed = defected share by day ${L} at least the threshold; outcome after day ${L}:`,
    ...table([['threshold', 'exposed: success', 'no success', 'not exposed: success', 'no success', 'odds ratio', '95% interval', ''],
      ...lm.byThreshold.map((f) => [pct(f.threshold), String(f.table.exposedSuccess), String(f.table.exposedNonSuccess),
        String(f.table.unexposedSuccess), String(f.table.unexposedNonSuccess), ...ratioCells(f.oddsRatio)])], '    '),
    `  Knock-out: the same ${k.runs} runs with no officer allowed to leave duty (loyalty still moves): success ${pct(k.successAsRun.value)} as run, `
      + `${pct(k.successKnockedOut.value)} knocked out; difference ${points(d.value)} points ${interval(d.lo, d.hi, points)}`,
    `    successes that do not happen without defection, by cause: ${lost.join(', ')}`,
    `  Verdict: every landmark odds ratio above 1, its interval too: ${verdict(c.pass.landmark)}; `
      + `the knock-out difference above 0, its interval too: ${verdict(c.pass.knockout)}; both: ${verdict(c.pass.holds)}`,
  ];
}

const signed = (x: number | null) => (x === null ? '-' : `${x > 0 ? '+' : ''}${(x * 100).toFixed(1)}`);
const diffCells = (d: ShareDifference): string[] => [signed(d.value), interval(d.lo, d.hi, signed),
  d.lo === null ? '-' : d.lo > 0 ? 'yes: above 0' : d.hi !== null && d.hi < 0 ? 'no: below 0' : 'no: includes 0'];
const groupCells = (label: string, g: StrategyGroup): string[] => [label, String(g.runs), pct(g.success.value), interval(g.success.lo, g.success.hi, pct),
  pct(g.defection.value), interval(g.defection.lo, g.defection.hi, pct), pct(g.defectedShare.value), interval(g.defectedShare.lo, g.defectedShare.hi, pct)];
const GROUP_HEAD = ['strategy', 'runs', 'success', '95% interval', 'defection occurred', '95% interval', 'mean defected', '95% interval'];
const KIND_LABEL = { marchesOnly: 'marches only', oneTactic: 'one tactic', mix: 'a mix of tactics', other: 'other (named)' } as const;

/** Who counts as a campaign (NAVCO's 1,000 participants), in one line. */
function qualificationLine(st: BatchStats): string {
  const q = st.qualification;
  if (q.representedPopulation === null) return 'Campaigns   every run counts (representedPopulation not stated: no NAVCO threshold)';
  return `Campaigns   runs whose peak crowd stands for at least ${q.minParticipants?.toLocaleString('en-US')} people (NAVCO; the runs stand for a country of `
    + `${q.representedPopulation.toLocaleString('en-US')}): ${q.excluded.k} of ${q.excluded.n} runs excluded (${pct(q.excluded.value)}; ${q.excludedNonviolent} nonviolent); every figure below counts campaigns only`;
}

/** Strategy comparisons (nonviolent campaigns; docs/research.md section 1). */
export function strategySummary(st: BatchStats): string[] {
  const s = st.strategies, b = s.belowMedianPeak;
  const kinds = STRATEGY_KINDS.filter((k) => s.byKind[k].runs > 0);
  if (kinds.length < 2) return [];
  return [
    'Strategies (nonviolent campaigns; differences in points with Newcombe 95% intervals):',
    ...table([GROUP_HEAD, ...kinds.map((k) => groupCells(KIND_LABEL[k], s.byKind[k]))], '  '),
    ...table([['comparison', 'difference', '95% interval', 'more?'],
      ['success: a mix minus marches only', ...diffCells(s.mixVsMarches)]], '  '),
    `  Below the median peak participation (${pct(b.medianPeak)}): strategies aimed at the pillars (${PILLAR_TACTICS.join(', ')}) vs marches only (Chenoweth, Hocking & Marks 2022):`,
    ...table([GROUP_HEAD, groupCells('aimed at the pillars', b.pillarAimed), groupCells('marches only', b.marchesOnly)], '    '),
    ...table([['comparison', 'difference', '95% interval', 'more?'],
      ['success: pillars minus marches', ...diffCells(b.successDifference)], ['defection: pillars minus marches', ...diffCells(b.defectionDifference)],
      ['mean defected share: pillars minus marches', ...diffCells(b.defectedShareDifference)]], '    '),
  ];
}

export function statsSummary(st: BatchStats): string[] {
  const t = st.table, o = st.outcomes, f = st.fallCauses, tg = st.targets;
  const strat = strategySummary(st);
  const lines = [
    `Runs        ${st.runs} (${st.nonviolentRuns} nonviolent); nonviolent outcomes: ${o.success} success `
      + `(by cause: force ${f.force}, elite ${f.elite}, economy ${f.economy}, patron ${f.patron}, overwhelm ${f.overwhelm}), ${o.failure} failure, ${o.stalemate} stalemate`,
    qualificationLine(st),
    '',
    'Research figures (nonviolent runs; 95% intervals: Wilson for shares, Woolf/Katz for ratios):',
    ...figures(st),
    '',
    'Nonviolent runs by defection and outcome:',
    ...table([['', 'success', 'failure or stalemate'], ['defection occurred', String(t.defectionSuccess), String(t.defectionNonSuccess)],
      ['no defection', String(t.noDefectionSuccess), String(t.noDefectionNonSuccess)]], '  '),
    '',
    ...(st.causal !== undefined ? [...causalSummary(st.causal), ''] : []),
    'Discipline (all runs): success of nonviolent vs violent runs (NAVCO: 53% vs 26%):',
    ...table([['runs', 'success', '95% interval', 'count'], ['nonviolent', ...propCells(st.discipline.nonviolent)],
      ['violent', ...propCells(st.discipline.violent)], ['odds ratio', ...ratioCells(st.discipline.oddsRatio)],
      ['nonviolent / violent (risk ratio)', ...ratioCells(st.discipline.riskRatio)]], '  '),
    `  violent successes by cause: ${causeList(st.violentFallCauses)}`,
    '',
    ...(strat.length > 0 ? [...strat, ''] : []),
    'Pivotal pillars (nonviolent successes; a pillar is pivotal when the run held at its day-0 state does not fall):',
    ...table([['pillar', 'pivotal in', '95% interval', 'count'],
      ...(['force', 'elite', 'economy', 'patron'] as const).map((k) => [k, ...propCells(st.pivotal[k])]),
      ['two or more', ...propCells(st.pivotal.twoOrMore)], ['no single pillar', ...propCells(st.pivotal.none)]], '  '),
    '',
    'Median peak participation of nonviolent successes by cause:',
    ...table([['force', 'elite', 'economy', 'patron', 'overwhelm', 'all but overwhelm', 'overwhelm / the rest'],
      [...(['force', 'elite', 'economy', 'patron', 'overwhelm', 'pillars'] as const).map((k) => pct(st.medianPeak[k])), num(st.medianPeak.overwhelmRatio)]], '  '),
    '',
    'Success by peak participation (share of citizens active at the busiest tick; nonviolent runs):',
    ...table([['peak', 'success', '95% interval', 'count'], ...st.participation.map((b) => [b.band, ...propCells(b.success)])], '  '),
    '',
    `What the targets imply (${pct(tg.defectionShareInSuccesses)} of successes with defection, ${ratioName(tg.kind)} ${num(tg.successMultiplier)}):`,
    ...table([['success rate', 'defection occurs', 'success with it', 'success without'],
      impliedRow(`${pct(tg.successRate)} (target)`, tg.successRate, st.implied.atTargetSuccessRate),
      impliedRow(`${pct(st.successRate.value)} (measured)`, st.successRate.value, st.implied.atMeasuredSuccessRate),
      [`${pct(st.successRate.value)} (model)`, pct(st.defectionRate.value), pct(st.successWithDefection.value), pct(st.successWithoutDefection.value)]], '  '),
  ];
  return lines;
}

export function toBatchSummary(r: BatchResult, shard: ShardInfo | null): string {
  return batchSummary(r.batch, r.stats, r.rows.length, r.rows[0] ?? null, shard);
}

/** The summary needs the statistics, the row count and the first row (its replay line): never the rows. */
export function batchSummary(b: BatchInfo, stats: Stats, rows: number, first: Row | null, shard: ShardInfo | null): string {
  const lines = [
    `Batch       ${b.scenario}, seed ${b.seed}, ${b.runs} runs per point × ${b.points} point${b.points > 1 ? 's' : ''} = ${b.total} runs`
      + (shard ? ` (shard ${shard.index}/${shard.count}: ${rows} runs)` : ''),
  ];
  if (b.sampled) lines.push(`Sampled     ${b.sampled.join(', ')}`);
  if (b.sets.length) lines.push(`Set         ${b.sets.map(([k, v]) => `${k}=${v}`).join(' ')}`);
  lines.push(...statsSummary(stats));
  if (stats.points) {
    lines.push('', 'Sweep points (nonviolent runs):');
    const keys = b.sweep.map((a) => a.key);
    lines.push(...table([[...keys, 'runs', 'success', 'defection in successes', 'multiplier', 'interval'],
      ...stats.points.map((p) => [...keys.map((k) => String(p.values[k])), String(p.stats.nonviolentRuns),
        pct(p.stats.successRate.value), pct(p.stats.defectionShareInSuccesses.value), num(p.stats.successMultiplier.value),
        interval(p.stats.successMultiplier.lo, p.stats.successMultiplier.hi, num)])], '  '));
  }
  if (first !== null) {
    const scen = b.scenario === CAMPAIGNS ? CAMPAIGNS_FILE : b.scenario;
    lines.push('', `Replay run ${first.run}: npm run --silent sim -- ${replayArgs(scen, first).map(shellWord).join(' ')}`);
  }
  return lines.join('\n') + '\n';
}

export function formatBatch(r: BatchResult, format: Format, shard: ShardInfo | null): string {
  switch (format) {
    case 'json': return resultJson(r, shard);
    case 'csv': return rowsToCsv(r.rows);
    case 'summary': return toBatchSummary(r, shard);
  }
}
