// @vitest-environment jsdom
/**
 * The research results as text and tables: figures beside targets with their intervals, the
 * 0.5-correction flag, undefined (null) figures and wide intervals explained, the targets'
 * arithmetic (docs/research.md section 1: ~29%, ~96%, ~36% at 53% success), and the sweep's per-point table.
 */
import { describe, expect, it } from 'vitest';
import { batchResult, CausalTally, summarize, type BatchInfo, type CausalFields, type Row, type Targets } from '../../src/batch/index';
import { causalSection, renderResults, statsTable } from '../../src/ui/research/results';
import { causalView, countsLine, impliedRows, pointRows, qualificationLine, statedFigures, statNotes, statRows, strategyView } from '../../src/ui/research/statsModel';

const TARGETS: Targets = { successRate: 0.53, defectionShareInSuccesses: 0.52, successMultiplier: 46, kind: 'odds' };

let run = 0;
function row(defection: boolean, success: boolean, nonviolent = true, point?: number): Row {
  const r: Record<string, unknown> = { run: run++ };
  if (point !== undefined) r.point = point;
  Object.assign(r, { seed: 1, outcome: success ? 'success' : 'failure', fallCause: success ? 'force' : null, tippingTick: null, tippingDay: null,
    peakParticipation: 0.2, defectedShare: defection ? 0.2 : 0, defectionOccurred: defection, violenceShare: nonviolent ? 0 : 0.5, nonviolent });
  return r as Row;
}
/** a defection+success, b defection+non-success, c no defection+success, d neither. */
const rows = (a: number, b: number, c: number, d: number, point?: number): Row[] => [
  ...Array.from({ length: a }, () => row(true, true, true, point)), ...Array.from({ length: b }, () => row(true, false, true, point)),
  ...Array.from({ length: c }, () => row(false, true, true, point)), ...Array.from({ length: d }, () => row(false, false, true, point)),
];

describe('statRows', () => {
  it('lists the three targeted figures first, with measured value, interval, count, target and verdict', () => {
    const st = summarize([...rows(6, 4, 3, 7), row(false, true, false), row(false, false, false)], TARGETS);
    const r = statRows(st);
    expect(r.map((x) => x.id)).toEqual(['successRate', 'defectionShareInSuccesses', 'successMultiplier', 'defectionRate',
      'successWithDefection', 'successWithoutDefection', 'riskRatio']);
    expect(r[0]).toMatchObject({ measured: '45.0%', count: '9 / 20', target: '53.0%', inside: 'yes', insideState: true });
    expect(r[0].interval).toMatch(/^\d+\.\d% – \d+\.\d%$/);
    expect(r[1]).toMatchObject({ measured: '66.7%', count: '6 / 9', target: '52.0%' });
    expect(r[2]).toMatchObject({ label: 'Success multiplier (odds ratio)', measured: '3.50', target: '46.0', inside: 'no', insideState: false, corrected: false });
    expect(r[3]).toMatchObject({ measured: '50.0%', target: '', inside: '' });
    expect(countsLine(st)).toBe('22 runs, 20 nonviolent. Nonviolent outcomes: 9 success (by cause: force 9, elite 0, economy 0, patron 0, overwhelm 0), 11 failure, 0 stalemate.');
  });

  it('flags the 0.5 correction when a cell is zero, and says so in the notes', () => {
    const st = summarize(rows(3, 0, 2, 5), TARGETS);
    const mult = statRows(st)[2];
    expect(mult.corrected).toBe(true);
    expect(mult.count).toBe('+0.5 in every cell');
    expect(statNotes(st).some((n) => n.includes('0.5 was added to every cell'))).toBe(true);
  });

  it('explains undefined figures (null) instead of printing numbers', () => {
    const st = summarize(rows(0, 0, 4, 6), TARGETS); // nobody defected: no ratio, no P(S|D)
    const r = statRows(st);
    expect(r[2]).toMatchObject({ measured: '—', interval: '—', defined: false, inside: '—', insideState: null });
    expect(r.find((x) => x.id === 'successWithDefection')).toMatchObject({ measured: '—', count: '0 / 0', defined: false });
    const notes = statNotes(st);
    expect(notes[0]).toMatch(/^Not defined here: Success multiplier \(odds ratio\), Success with defection, \(risk ratio\)/);
  });

  it('notes wide intervals in small ensembles, not in large ones', () => {
    expect(statNotes(summarize(rows(2, 1, 1, 2), TARGETS)).some((n) => n.startsWith('Wide intervals: Success rate'))).toBe(true);
    expect(statNotes(summarize(rows(300, 100, 200, 400), TARGETS)).some((n) => n.startsWith('Wide intervals'))).toBe(false);
  });
});

describe('impliedRows', () => {
  it("shows the targets' arithmetic, docs/research.md section 1 at the target success rate, at the measured one, and as measured", () => {
    const st = summarize(rows(6, 4, 3, 7), TARGETS);
    const [atTarget, atMeasured, measured] = impliedRows(st);
    expect(atTarget).toEqual({ label: 'Targets at success rate 53.0%', pD: '28.6%', pSD: '96.2%', pSnD: '35.7%' });
    expect(atMeasured.label).toBe('Targets at success rate 45.0%');
    expect(measured).toEqual({ label: 'This ensemble (measured)', pD: '50.0%', pSD: '60.0%', pSnD: '30.0%' });
  });
});

const info = (sweep: BatchInfo['sweep'], runs: number): BatchInfo => ({ modelVersion: 2, scenario: 'campaigns', strategy: 'scenario', actions: [], seed: 1, runs, points: sweep[0]?.values.length ?? 1,
  total: runs * (sweep[0]?.values.length ?? 1), sets: [], sweep, sampled: null, targets: TARGETS, fingerprint: 'x' });

describe('the tables', () => {
  it('statsTable: one row per figure, row headers, verdicts marked', () => {
    const tbl = statsTable(batchResult(info([], 20), rows(6, 4, 3, 7)));
    expect([...tbl.querySelectorAll('thead th')].map((th) => th.textContent)).toEqual(['Figure', 'Measured', '95% interval', 'Count', 'Target', 'Target inside?']);
    const trs = [...tbl.querySelectorAll('tbody tr')];
    expect(trs.map((tr) => tr.getAttribute('data-stat'))).toEqual(['successRate', 'defectionShareInSuccesses', 'successMultiplier', 'defectionRate',
      'successWithDefection', 'successWithoutDefection', 'riskRatio']);
    expect(trs[0].querySelector('th[scope="row"]')!.textContent).toBe('Success rate');
    expect(trs[0].querySelector('.br-inside')!.textContent).toBe('yes');
    expect(trs[2].querySelector('.br-outside')!.textContent).toBe('no');
  });

  it('renderResults of a sweep: a chart figure and one table row per point, plus export buttons', () => {
    const all = [...rows(5, 1, 2, 2, 0), ...rows(1, 1, 1, 7, 1)];
    const r = batchResult(info([{ key: 'legitimacy', values: [0.4, 0.8] }], 10), all);
    const points = pointRows(r.stats.points!, 'legitimacy');
    expect(points.map((p) => [p.value, p.success, p.count])).toEqual([['0.4', '70.0%', '7 / 10'], ['0.8', '20.0%', '2 / 10']]);
    const view = renderResults(r, 'breaking-ranks-campaigns-seed1-runs10-sweep-legitimacy');
    document.body.append(view.root);
    expect(view.root.querySelector('figure.br-research-chart')).not.toBeNull();
    expect(view.root.querySelectorAll('.br-research-points tbody tr')).toHaveLength(2);
    expect(view.root.querySelector('.br-research-csv')!.textContent).toBe('Download CSV');
    expect(view.root.querySelector('.br-research-json')!.textContent).toBe('Download JSON');
    expect(view.root.textContent).toContain('2 points × 10 runs');
    view.destroy();
  });
});

describe('statedFigures', () => {
  it('states the multiplier as odds, with the risk ratio beside it, at the targets and as measured', () => {
    const st = summarize(rows(8, 2, 5, 5), TARGETS);
    expect(statedFigures(st)).toEqual([
      'The research figure in words: success 96% with defection, 36% without: the odds are 46 times higher (2.7 times as likely).',
      'This ensemble: success 80% with defection, 50% without: the odds are 4.0 times higher (1.6 times as likely).',
    ]);
  });
});

describe('the causal check', () => {
  /** n nonviolent runs still undecided on the landmark day with this defected share then, this outcome and knock-out. */
  const runs = (n: number, share: number, outcome: string, ko: boolean, cause: string | null = outcome === 'success' ? 'force' : null): CausalFields[] =>
    Array.from({ length: n }, () => ({ nonviolent: true, outcome, fallCause: cause, landmarkUndecided: true, landmarkDefectedShare: share, knockoutSuccess: ko }));
  const figures = (xs: CausalFields[]) => { const t = new CausalTally(10); for (const x of xs) t.add(x); return t.figures(); };
  // At 5% and above: 8 successes, 2 not; below: 2 and 8. Knocked out, the exposed successes all fail: 10 of 20 succeed as run, 2 knocked out.
  const FIG = figures([...runs(8, 0.2, 'success', false), ...runs(2, 0.2, 'failure', false), ...runs(2, 0, 'success', true, 'overwhelm'), ...runs(8, 0, 'failure', false)]);

  it('says the landmark odds ratio at 5% and the knock-out difference in words, with their intervals', () => {
    const v = causalView(FIG);
    expect(v.lines[0]).toMatch(/^Runs still undecided on day 10 \(20 runs; 0 decided by then are left out\): where at least 5% of officers had defected by then, the odds of success were 16\.0 times as high \[\d+\.\d+–\d+\.?\d*\]\.$/);
    expect(v.lines[1]).toMatch(/^With no officer allowed to leave duty, success falls from 50\.0% to 10\.0% \(difference \+40\.0 points \[\+\d+\.\d, \+\d+\.\d\]\)\.$/);
    expect(v.lines[2]).toBe('Successes that do not happen without defection, by how the regime fell: force 8 / 8, overwhelm 0 / 2.');
    expect(v.rows.map((r) => [r.threshold, r.exposed, r.unexposed, r.odds])).toEqual([['≥ 2%', '8 / 10', '2 / 10', '16.0'], ['≥ 5%', '8 / 10', '2 / 10', '16.0'], ['≥ 10%', '8 / 10', '2 / 10', '16.0']]);
    expect(v.verdict).toMatch(/^Both checks say defection makes success likelier here/);
  });

  it('says when it does not show, and when there are too few runs to tell', () => {
    const none = figures([...runs(5, 0.2, 'success', true), ...runs(5, 0.2, 'failure', false)]); // everybody exposed: no comparison
    expect(causalView(none).lines[0]).toMatch(/too few runs on one side/);
    expect(causalView(none).lines[1]).toMatch(/success stays at 50\.0%/);
    expect(causalView(none).verdict).toMatch(/^The checks do not show .*knock-out difference/);
    expect(causalView(figures([])).verdict).toMatch(/^Too few runs/);
  });

  it('sits beside the 2×2 table when the batch has it, with its own table', () => {
    const el = causalSection(FIG);
    expect(el.querySelector('h4')!.textContent).toBe('Does defection make success likelier? (causal check)');
    expect([...el.querySelectorAll('thead th')].map((th) => th.textContent)).toEqual(['Defected by day 10', 'Exposed: success / runs', 'Not exposed: success / runs', 'Odds ratio', '95% interval']);
    const withCausal = batchResult({ ...info([], 20), causal: { landmarkDay: 10 } }, rows(6, 4, 3, 7));
    const view = renderResults(withCausal, 'x');
    expect(view.root.querySelector('.br-research-2x2 + .br-research-causal')).not.toBeNull();
    view.destroy();
    const plain = renderResults(batchResult(info([], 20), rows(6, 4, 3, 7)), 'x');
    expect(plain.root.querySelector('.br-research-causal')).toBeNull();
    plain.destroy();
  });
});

describe('campaigns and strategies in the research panel', () => {
  const strat = (rs: Row[], strategy: string, peak = 0.2) => rs.map((r) => ({ ...r, strategy, peakParticipation: peak }) as Row);
  it('names the NAVCO threshold and the runs it left out, only when the scenario states its country', () => {
    const campaign = { minParticipants: 1000, representedPopulation: 10_000_000, citizensShareOfPopulation: 0.1 };
    const rs = [...rows(2, 1, 1, 1), ...strat(rows(0, 0, 0, 1), 'none', 0.0005)]; // one run's peak stands for 500 people
    expect(qualificationLine(summarize(rs, { ...TARGETS, campaign }))).toBe(
      'Campaigns only (NAVCO: a peak crowd that stands for at least 1,000 people, in a country of 10,000,000): 1 of 6 runs (16.7%) never reached it and are left out of every figure.');
    expect(qualificationLine(summarize(rs, TARGETS))).toBeNull();
  });
  it('shows success and defection by kind of strategy and the two comparisons; nothing when one kind ran', () => {
    // Marches only: 1 of 4 won; a mix: 3 of 4 won.
    const rs = [...strat(rows(1, 0, 0, 3), 'none'), ...strat(rows(3, 1, 0, 0), 'every:strike+symbols')];
    const v = strategyView(summarize(rs, TARGETS))!;
    expect(v.rows.map((r) => r.slice(0, 2))).toEqual([['Marches only', '4'], ['A mix of tactics', '4']]);
    expect(v.rows[1][2]).toMatch(/^75\.0% \[/);
    expect(v.lines[0]).toMatch(/^A mix minus marches only, success: \+50\.0 points \[/);
    expect(strategyView(summarize(strat(rows(1, 1, 1, 1), 'none'), TARGETS))).toBeNull();
    const root = renderResults(batchResult({ targets: TARGETS, sweep: [], points: 1, runs: 8, total: 8, scenario: 'campaigns', seed: 1 } as unknown as BatchInfo, rs), 'x').root;
    expect(root.querySelector('.br-research-strategy-table')?.textContent).toContain('Marches only');
  });
});
