/** Calibration: objective, criterion, feasibility, Nelder-Mead, the fit on fake and real ensembles, the CLI. */
import { readFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  CausalTally, campaignPriors, campaignScenario, checkPlan, criterion, fitCoefficients, impliedByTargets, infeasibility, levenberg,
  objective, runOne, runsForTargets, schedule, summarize, type Coefficients, type Row, type Targets,
} from '../../src/batch/index';
import { DEFAULT_CALIBRATION, validateCalibration } from '../../src/scenarios/index';
import { parseCalibrateArgs } from '../../src/cli/calibrateArgs';
import { calibrationDoc, formatReport } from '../../src/cli/calibrateFormat';

const targets: Targets = { successRate: 0.53, defectionShareInSuccesses: 0.52, successMultiplier: 46, kind: 'odds' };

let next = 0;
const row = (success: boolean, defection: boolean): Row => ({
  run: next++, seed: 0, outcome: success ? 'success' : 'stalemate', fallCause: success ? 'force' : null, tippingTick: null, tippingDay: null,
  peakParticipation: 0.1, defectedShare: defection ? 0.2 : 0, defectionOccurred: defection, violenceShare: 0, nonviolent: true,
}) as Row;
/** Rows with exactly these cells: a = defection & success, b = defection only, c = success only, d = neither. */
function rows(a: number, b: number, c: number, d: number): Row[] {
  const out: Row[] = [];
  const add = (k: number, s: boolean, def: boolean) => { for (let i = 0; i < k; i++) out.push(row(s, def)); };
  add(a, true, true); add(b, false, true); add(c, true, false); add(d, false, false);
  return out;
}
/** The ensemble the targets imply at n runs (cells rounded), as summarize sees it. */
function impliedStats(s: number, q: number, m: number, n: number, t: Targets = targets) {
  const im = impliedByTargets(Math.min(0.99, s), Math.min(0.99, q), m, 'odds');
  if (im === null) throw new Error('infeasible');
  const d = im.defectionRate, x = im.successWithDefection, y = im.successWithoutDefection;
  const cells = [d * x, d * (1 - x), (1 - d) * y, (1 - d) * (1 - y)].map((p) => Math.round(p * n));
  return summarize(rows(cells[0], cells[1], cells[2], cells[3]), t);
}

describe('objective and criterion', () => {
  // 40·110 / (10·40) = 11; success 80/200 = 0.4; defection in successes 40/80 = 0.5.
  const exact: Targets = { successRate: 0.4, defectionShareInSuccesses: 0.5, successMultiplier: 11, kind: 'odds' };

  it('is zero at the targets and grows away from them', () => {
    expect(objective(summarize(rows(40, 10, 40, 110), exact))).toBeCloseTo(0, 12);
    const near = objective(summarize(rows(42, 10, 40, 108), exact)), far = objective(summarize(rows(60, 10, 40, 90), exact));
    expect(near).toBeGreaterThan(0);
    expect(far).toBeGreaterThan(near);
  });

  it('holds when every target is inside and the ratio interval is narrow; says why not otherwise', () => {
    expect(criterion(impliedStats(0.53, 0.52, 46, 6000)).holds).toBe(true);
    const small = criterion(impliedStats(0.53, 0.52, 46, 800));
    expect(small.holds).toBe(false);
    expect(small.reasons.join('\n')).toMatch(/interval spans a factor .* > 2: about \d+ runs would narrow it/);
    expect(small.runsNeeded).toBeGreaterThan(2500);
    const off = criterion(impliedStats(0.3, 0.52, 46, 6000));
    expect(off.reasons[0]).toMatch(/^success rate 30\.0% .*the target 53\.0% lies above the interval/);
  });

  it('estimates the runs the targets need (thousands at the defaults)', () => {
    const n = runsForTargets(targets)!;
    expect(n).toBeGreaterThan(2500);
    expect(n).toBeLessThan(4000);
    expect(schedule(4000)).toEqual([500, 2000, 4000]);
    expect(schedule(200)).toEqual([200]);
  });

  it('reports targets that cannot hold together, and why', () => {
    expect(infeasibility(targets)).toBeNull();
    // A risk ratio of 46 needs success without defection below 1/46: not at 53% success.
    expect(infeasibility({ ...targets, kind: 'risk' })).toMatch(/risk ratio of 46 cannot hold together: .* success \d+\.\d% with defection/);
    expect(infeasibility({ ...targets, successRate: 1 })).toMatch(/strictly between 0 and 1/);
  });
});

describe('search', () => {
  it('Levenberg-Marquardt solves a nonlinear system inside a box', async () => {
    const r = await levenberg(async (x) => [x[0] - 0.7, 3 * (x[1] + 0.4), Math.exp(x[2]) - Math.exp(1.2)], [0, 0, 0],
      { step: 1e-4, maxMove: 0.5, lower: [-2, -2, -2], upper: [1, 2, 2], maxEvaluations: 200 });
    expect(r.x[0]).toBeCloseTo(0.7, 3);
    expect(r.x[1]).toBeCloseTo(-0.4, 3);
    expect(r.x[2]).toBeCloseTo(1.2, 3);
  });

  it('with more parameters than residuals it makes the smallest move', async () => {
    // x0 + x1 = 1 and x1 = x2: the solution nearest the start (0,0,0) is (2/3, 1/3, 1/3).
    const r = await levenberg(async (x) => [x[0] + x[1] - 1, x[1] - x[2]], [0, 0, 0],
      { step: 1e-4, maxMove: 2, lower: [-2, -2, -2], upper: [2, 2, 2], maxEvaluations: 50 });
    expect(r.fx).toBeLessThan(1e-8);
    expect(r.x.map((v) => Number(v.toFixed(3)))).toEqual([0.667, 0.333, 0.333]);
  });

  it('fits a fake ensemble with a known optimum until the criterion holds', async () => {
    // success, defection share and odds ratio each depend on one value: optimum (0.51, 0.03, 0.09),
    // from the schema defaults (0.3, 0.015, 0.03) where the search starts.
    const fake = async (c: Coefficients, runs: number) => impliedStats(0.53 * Math.sqrt(c.momentumWeight / 0.51),
      0.52 * (c.momentumLoyaltyWeight / 0.03) ** 0.4, 46 * (c.regimeWeight / 0.09), runs);
    const fit = await fitCoefficients(fake, { runs: 8000 });
    expect(fit.verdict.holds).toBe(true);
    expect(Math.abs(Math.log(fit.coefficients.momentumWeight / 0.51))).toBeLessThan(0.2);
    expect(Math.abs(Math.log(fit.coefficients.momentumLoyaltyWeight / 0.03))).toBeLessThan(0.3);
    expect(Math.abs(Math.log(fit.coefficients.regimeWeight / 0.09))).toBeLessThan(0.35);
  });

  it('moves a tiny real campaigns ensemble toward the targets', async () => {
    const scenario = campaignScenario(), priors = campaignPriors();
    const evaluate = async (coefficients: Coefficients, runs: number) => {
      const plan = checkPlan({ scenarioName: 'campaigns', scenario, seed: 3, runs, strategy: 'scenario', actions: [], sets: [['horizonDays', '20']], sweep: [],
        calibration: { version: 2, note: '', values: coefficients }, priors });
      return summarize(Array.from({ length: runs }, (_, g) => runOne(plan, g)), targets);
    };
    // From the shipped calibration: at the schema defaults a 20-day campaign almost never wins, a flat objective.
    const from = DEFAULT_CALIBRATION.values as Coefficients;
    const start = objective(await evaluate(from, 60));
    const fit = await fitCoefficients(evaluate, { runs: 60, evaluations: [10], start: from });
    expect(fit.evaluations).toBeLessThanOrEqual(10);
    expect(fit.objective).toBeLessThan(start);
    expect(fit.stats.successRate.value!).toBeGreaterThan(0);
  }, 30_000);
});

describe('calibration file and command', () => {
  it('keeps a fit record', () => {
    const c = validateCalibration({ version: 2, values: { momentumWeight: 0.6 }, fit: { runs: 4000 } }, 'cal.json');
    expect(c.fit).toEqual({ runs: 4000 });
    expect(() => validateCalibration({ version: 2, values: {}, fit: 3 }, 'cal.json')).toThrow(/fit must be an object/);
  });

  it('parses its flags', () => {
    expect(parseCalibrateArgs(['--target-success', '0.6', '--target-share=0.5', '--target-multiplier', '20', '--kind', 'risk',
      '--runs', '500', '--seed', '4', '--out', 'c.json', '--from', 'none', '--dry-run'])).toMatchObject({
      targets: { successRate: 0.6, defectionShareInSuccesses: 0.5, successMultiplier: 20, kind: 'risk' }, runs: 500, seed: 4, out: 'c.json',
      from: 'none', dryRun: true });
    expect(parseCalibrateArgs([]).targets).toEqual(targets);
    expect(parseCalibrateArgs([])).toMatchObject({ check: false, validateRuns: null });
    expect(parseCalibrateArgs(['--check', '--validate-runs', '300'])).toMatchObject({ check: true, validateRuns: 300 });
    expect(() => parseCalibrateArgs(['--validate-runs', '5'])).toThrow(/--validate-runs expects an integer from 10/);
    expect(parseCalibrateArgs([])).toMatchObject({ lessonSeeds: null, force: false });
    expect(parseCalibrateArgs(['--lesson-seeds', '4', '--force'])).toMatchObject({ lessonSeeds: 4, force: true });
  });

  const cli = (args: string[]) => {
    const r = spawnSync(process.execPath, ['--import', 'tsx', join(process.cwd(), 'src/cli/calibrate.ts'), ...args],
      { encoding: 'utf8', env: { ...process.env, INIT_CWD: '' }, timeout: 60_000 });
    return { code: r.status, out: r.stdout, err: r.stderr };
  };

  it.each([
    [['--runs', '0'], /--runs expects an integer from 50/],
    [['--kind', 'hazard'], /--kind expects odds\|risk/],
    [['--target-success', '1.5'], /--target-success expects a share strictly between 0 and 1/],
    [['--target-multiplier', 'lots'], /--target-multiplier expects a positive number/],
    [['--frobnicate'], /unknown flag '--frobnicate'/],
    [['--out', 'no/such/dir/c.json'], /cannot write 'no\/such\/dir\/c.json': folder .* does not exist/],
    [['--from', 'nope.json'], /nope.json: calibration file not found/],
    [['--kind', 'risk'], /the targets cannot be met together: .*risk ratio of 46 cannot hold together/],
  ])('rejects %j: exit 2, one line, nothing run', (args, msg) => {
    const r = cli(args);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err.trim().split('\n')).toHaveLength(1);
    expect(r.err).toMatch(msg);
  });
});

describe('calibrate --check: the current calibration on three seeds it was not fitted on', () => {
  it('measures each seed (seed + 1, + 2, + 3), names what is outside its band and writes nothing', () => {
    const file = join(process.cwd(), 'src/scenarios/calibration.json');
    const before = readFileSync(file, 'utf8');
    const r = spawnSync(process.execPath, ['--import', 'tsx', join(process.cwd(), 'src/cli/calibrate.ts'), '--check', '--validate-runs', '12', '--seed', '40', '--workers', '1'],
      { encoding: 'utf8', env: { ...process.env, INIT_CWD: '' }, timeout: 120_000 });
    expect([0, 3]).toContain(r.status);
    const seeds = r.stdout.split('\n').filter((l) => /^  seed /.test(l));
    expect(seeds.map((l) => l.match(/^  seed (\d+)/)?.[1])).toEqual(['41', '42', '43']);
    for (const l of seeds) expect(l).toMatch(/\d+ runs \((\d+) nonviolent\): success [\d.]+%.*P\(defection \| success\) [\d.-]+%?.*odds ratio/);
    expect(r.stdout).toMatch(/12 nonviolent runs each wanted/);
    if (r.status === 3) expect(r.stdout).toMatch(/OUTSIDE[\s\S]*the binding target/);
    else expect(r.stdout).toMatch(/every band holds on every seed/);
    expect(readFileSync(file, 'utf8')).toBe(before);
  });
});

describe('the causal figures in the calibration report (reported, never fitted)', () => {
  const st = summarize(rows(40, 10, 40, 110), targets);
  const t = new CausalTally(10);
  // Undecided on day 10: exposed 30 successes and 10 not, unexposed 10 and 50; knocked out, 20 successes are lost.
  const add = (n: number, share: number, outcome: string, ko: boolean) => {
    for (let i = 0; i < n; i++) t.add({ nonviolent: true, outcome, fallCause: outcome === 'success' ? 'force' : null, landmarkUndecided: true, landmarkDefectedShare: share, knockoutSuccess: ko });
  };
  add(30, 0.2, 'success', false); add(10, 0.2, 'failure', false); add(10, 0, 'success', true); add(50, 0, 'failure', false);
  const fit = (causal: boolean) => ({ coefficients: { momentumWeight: 0.3 }, stats: causal ? { ...st, causal: t.figures() } : st, objective: 1,
    verdict: criterion(st), evaluations: 1, atBound: [] });

  it('prints them and records them in fit.achieved.causal; without them neither changes', () => {
    const report = formatReport(fit(true), 200, 1);
    expect(report).toMatch(/causal figures at these values \(reported, not fitted; docs\/research\.md section 1b\), landmark day 10: 100 runs undecided then, 0 left out/);
    expect(report).toMatch(/landmark odds ratio, defected ≥ 5\.0% by day 10: 15\.0 \[/);
    expect(report).toMatch(/knock-out \(no officer may leave duty\): success 40\.0% → 10\.0%, difference 30\.0 points \[/);
    expect(report).toMatch(/landmark ratios above 1: yes; knock-out difference above 0: yes; both: yes/);
    const doc = JSON.parse(calibrationDoc(fit(true), targets, 200, 1));
    expect(doc.fit.achieved.causal).toMatchObject({ landmarkDay: 10, pass: { landmark: true, knockout: true, holds: true },
      knockout: { runs: 100, difference: { value: 0.3, n: 100 } } });
    expect(doc.fit.achieved.causal.landmark.byThreshold.map((f: { oddsRatio: { value: number } }) => f.oddsRatio.value)).toEqual([15, 15, 15]);
    expect(formatReport(fit(false), 200, 1)).not.toMatch(/causal/);
    expect(JSON.parse(calibrationDoc(fit(false), targets, 200, 1)).fit.achieved.causal).toBeUndefined();
  });
});
