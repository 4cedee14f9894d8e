import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultOptions, type CliOptions } from '../../src/cli/args';
import { CliError } from '../../src/cli/errors';
import { formatResult, toCsv } from '../../src/cli/format';
import { runSim, userDir } from '../../src/cli/run';
import { ParamError } from '../../src/sim/index';
import { getPreset, ScenarioError } from '../../src/scenarios/index';

const opts = (o: Partial<CliOptions>): CliOptions => ({ ...defaultOptions(), scenario: 'granovetter-riot', ...o });
const here = process.cwd();

describe('runSim', () => {
  it('without --ticks stops on the tick the outcome is decided, keeping every row', () => {
    const r = runSim(opts({}), here);
    expect(r.report.outcome).not.toBeNull();
    expect(r.report.ticks).toBe(r.report.decidedTick);
    expect(r.series.map((x) => x.tick)).toEqual(Array.from({ length: r.report.ticks + 1 }, (_, k) => k));
  });

  it('with --ticks runs exactly that many, past the decision', () => {
    const r = runSim(opts({ ticks: 230 }), here);
    expect(r.report.ticks).toBe(230);
    expect(r.report.outcome).toBe('stalemate');
    expect(r.report.decidedTick).toBe(200); // the preset's horizon: fixed when first decided
  });

  it('--every keeps tick 0, each multiple and the final tick', () => {
    expect(runSim(opts({ ticks: 23, every: 5 }), here).series.map((x) => x.tick)).toEqual([0, 5, 10, 15, 20, 23]);
    expect(runSim(opts({ ticks: 20, every: 5 }), here).series.map((x) => x.tick)).toEqual([0, 5, 10, 15, 20]);
    expect(runSim(opts({ ticks: 0 }), here).series.map((x) => x.tick)).toEqual([0]);
  });

  it('chunked and single-step runs agree (same seed, same rows)', () => {
    const a = runSim(opts({ scenario: 'epstein-classic', ticks: 40, every: 10 }), here);
    const b = runSim(opts({ scenario: 'epstein-classic', ticks: 40, every: 1 }), here);
    expect(b.series.filter((x) => x.tick % 10 === 0)).toEqual(a.series);
    expect(b.report).toEqual(a.report);
  });

  it('applies --set and reports every resolved parameter', () => {
    const r = runSim(opts({ ticks: 1, sets: [['legitimacy', '0.3']], seed: 9 }), here);
    expect(r.report.params.legitimacy).toBe(0.3);
    expect(r.report.seed).toBe(9);
    expect(Object.keys(r.report.params).length).toBeGreaterThan(50);
  });

  it('raises the schema and scenario errors', () => {
    expect(() => runSim(opts({ sets: [['foo', '1']] }), here)).toThrow(/unknown parameter 'foo'/);
    expect(() => runSim(opts({ sets: [['legitimacy', '2']] }), here)).toThrow(ParamError);
    expect(() => runSim(opts({ scenario: 'nope' }), here)).toThrow(ScenarioError);
    expect(() => runSim(opts({ scenario: 'missing.json' }), here)).toThrow(/not found/);
  });

  it('loads --actions into the strategy and --calibration none/file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sim-run-'));
    writeFileSync(join(dir, 'act.json'), JSON.stringify([{ tick: 2, tactic: 'symbols' }]));
    const r = runSim(opts({ scenario: 'epstein-classic', ticks: 3, actions: 'act.json' }), dir);
    expect(r.events.some((e) => e.tick === 2 && e.kind.startsWith('tactic'))).toBe(true);
    writeFileSync(join(dir, 'bad.json'), JSON.stringify([{ tick: 2, tactic: 'teleport' }]));
    expect(() => runSim(opts({ actions: 'bad.json' }), dir)).toThrow(CliError);
    // granovetter-riot does not set momentumWeight: the calibration's value runs, and --set's above it.
    writeFileSync(join(dir, 'cal.json'), JSON.stringify({ version: 2, values: { momentumWeight: 0.9 } }));
    expect(runSim(opts({ ticks: 1, calibration: 'cal.json' }), dir).report.params.momentumWeight).toBe(0.9);
    expect(runSim(opts({ ticks: 1, calibration: 'cal.json', sets: [['momentumWeight', '0.7']] }), dir).report.params.momentumWeight).toBe(0.7);
    expect(runSim(opts({ ticks: 1, calibration: 'none' }), dir).report.params.momentumWeight).toBe(0.3);
    writeFileSync(join(dir, 'cal1.json'), JSON.stringify({ version: 1, coefficients: { momentumWeight: 2 } }));
    expect(() => runSim(opts({ ticks: 1, calibration: 'cal1.json' }), dir)).toThrow('holds multipliers, not values: refit with npm run calibrate');
    writeFileSync(join(dir, 'cal2.json'), JSON.stringify({ version: 2, values: { nope: 2 } }));
    expect(() => runSim(opts({ ticks: 1, calibration: 'cal2.json' }), dir)).toThrow(ScenarioError);
  });

  it('prefers INIT_CWD for relative paths', () => {
    expect(userDir({ INIT_CWD: '/somewhere' })).toBe('/somewhere');
    expect(userDir({})).toBe(process.cwd());
  });
});

describe('format', () => {
  const r = runSim(opts({ ticks: 12, every: 4 }), here);

  it('json is one object with the report keys and the series', () => {
    const o = JSON.parse(formatResult(r, { format: 'json', events: false }));
    for (const k of ['scenario', 'seed', 'params', 'outcome', 'fallCause', 'tippingTick', 'tippingDay', 'tippingDate', 'ticks', 'summary', 'historical', 'series'])
      expect(o, k).toHaveProperty(k);
    expect(o.events).toBeUndefined();
    expect(o.series).toHaveLength(4);
    expect(JSON.parse(formatResult(r, { format: 'json', events: true })).events).toEqual(r.events);
  });

  it('csv flattens rows under dotted names', () => {
    const lines = toCsv(r.series).trimEnd().split('\n');
    const header = lines[0].split(',');
    expect(header.slice(0, 3)).toEqual(['tick', 'date', 'citizens.quiet']);
    for (const k of ['officers.on_duty', 'officers.joined', 'meanLoyalty', 'loyaltyHistogram.0', 'loyaltyHistogram.9'])
      expect(header).toContain(k);
    expect(header.some((h) => h.startsWith('staffing.'))).toBe(true);
    expect(lines).toHaveLength(1 + 4);
    expect(lines.every((l) => l.split(',').length === header.length)).toBe(true);
  });

  it('summary names the outcome and is the same on every run', () => {
    const text = formatResult(r, { format: 'summary', events: false });
    expect(text).toMatch(/^Scenario +granovetter-riot \(seed 1\)/);
    expect(text).toMatch(/Outcome/);
    expect(formatResult(runSim(opts({ ticks: 12, every: 4 }), here), { format: 'summary', events: false })).toBe(text);
  });

  it('summary of a scenario with historical figures prints the comparison table', () => {
    const m = runSim(opts({ scenario: 'minsk-2020', ticks: 24, every: 24, sets: [['scale', '0.002']] }), here);
    expect(formatResult(m, { format: 'summary', events: false })).toMatch(/Historical comparison[\s\S]*source value/);
  });
});
