/**
 * Comparing two runs in a real browser: a compare link reproduces both runs (A as the player's
 * game, B with vs.p / vs.a / vs.x on the same seed) tick for tick with the command line;
 * compareSummary() is synchronous and null without a B; the player's live moves go to both
 * except the kinds B never plays; step(n) leaves both at the same tick; the dialog opens a B.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultOptions } from '../../src/cli/args';
import { launchChromium, type Browser } from '../../src/cli/browser';
import { runSim } from '../../src/cli/run';
import type { ActionDef } from '../../src/sim';
import { act, closeBriefing, openGame, shot, step } from './helpers';

let browser: Browser;
beforeAll(async () => { browser = await launchChromium({ width: 1366, height: 768 }); });
afterAll(async () => { await browser?.close(); });

function cli(ticks: number, sets: Array<[string, string]>, actions: ActionDef[]) {
  const file = join(mkdtempSync(join(tmpdir(), 'br-e2e-')), 'actions.json');
  writeFileSync(file, JSON.stringify(actions));
  const r = runSim({ ...defaultOptions(), scenario: 'classroom-discipline', seed: 4, ticks, sets, actions: file, strategy: 'none' }, process.cwd());
  return { tick: r.report.ticks, outcome: r.report.outcome, tippingTick: r.report.tippingTick, summary: r.report.summary };
}

describe('compare runs', () => {
  it('a compare link reproduces both runs and compareSummary(); live moves go to both except vs.x', async () => {
    const search = '?scenario=classroom-discipline&seed=4&p.violenceRate=0.05&a=20.symbols,30.disciplineTraining&vs.p.disciplineMean=0.4&vs.a=60.amnestyPledge&vs.x=disciplineTraining';
    const { page, errors } = await openGame(browser.context, search);
    const at0 = await page.evaluate(() => window.breakingRanks!.compareSummary());
    expect(at0).not.toBeNull();
    expect(at0!.a.tick).toBe(0);
    await closeBriefing(page);
    await step(page, 150);
    const c = await page.evaluate(() => window.breakingRanks!.compareSummary())!;
    const aActs: ActionDef[] = [{ tick: 20, tactic: 'symbols' }, { tick: 30, tactic: 'disciplineTraining' }];
    const bActs: ActionDef[] = [{ tick: 20, tactic: 'symbols' }, { tick: 60, tactic: 'amnestyPledge' }];
    expect(c!.a).toEqual(cli(150, [['violenceRate', '0.05']], aActs));
    expect(c!.b).toEqual(cli(150, [['violenceRate', '0.05'], ['disciplineMean', '0.4']], bActs));
    expect(c!.a).toEqual(await page.evaluate(() => window.breakingRanks!.summary()));
    // Live moves: to both, except the kinds B never plays.
    expect(await act(page, 'symbols')).toMatchObject({ ok: true });
    expect(await act(page, 'disciplineTraining')).toMatchObject({ ok: true });
    await step(page, 50);
    const d = await page.evaluate(() => window.breakingRanks!.compareSummary())!;
    expect(d!.a.tick).toBe(200);
    expect(d!.b.tick).toBe(200);
    expect(d!.a).toEqual(cli(200, [['violenceRate', '0.05']], [...aActs, { tick: 150, tactic: 'symbols' }, { tick: 150, tactic: 'disciplineTraining' }]));
    expect(d!.b).toEqual(cli(200, [['violenceRate', '0.05'], ['disciplineMean', '0.4']], [...bActs.slice(0, 2), { tick: 150, tactic: 'symbols' }]));
    // Both maps, the overlaid chart and the difference readout are shown.
    expect(await page.locator('#game canvas').count()).toBe(2);
    expect(await page.locator('#br-compare-readout').isVisible()).toBe(true);
    expect(await page.locator('#br-compare-readout').innerText()).toMatch(/Force defected/);
    const link = new URL(page.url());
    expect(link.searchParams.get('vs.p.disciplineMean')).toBe('0.4');
    expect(link.searchParams.get('vs.x')).toBe('disciplineTraining');
    await page.waitForTimeout(400);
    await shot(page, 'compare-1366');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('without a B compareSummary() is null; the dialog opens one caught up to the current tick', async () => {
    const { page, errors } = await openGame(browser.context, '?scenario=classroom-discipline&seed=4');
    expect(await page.evaluate(() => window.breakingRanks!.compareSummary())).toBeNull();
    await closeBriefing(page);
    await step(page, 30);
    await page.click('#br-compare-toggle');
    await page.waitForFunction(() => document.activeElement?.id === 'br-compare-key');
    await page.selectOption('#br-compare-key', 'disciplineMean');
    await page.fill('#br-compare-value', '0.4');
    await page.click('#br-compare-open');
    await page.waitForFunction(() => window.breakingRanks!.compareSummary()?.b.summary != null);
    await step(page, 20);
    const c = await page.evaluate(() => window.breakingRanks!.compareSummary())!;
    expect(c!.b).toEqual(cli(50, [['disciplineMean', '0.4']], []));
    expect(await page.evaluate(() => window.breakingRanks!.seriesB().length)).toBe(51);
    expect(new URL(page.url()).searchParams.get('vs.p.disciplineMean')).toBe('0.4');
    expect(errors).toEqual([]);
    await page.close();
  });
});
