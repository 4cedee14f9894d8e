/**
 * The research panel in a real browser: opened from the Research button, a small campaigns
 * ensemble and a 2-point sweep run in Web Workers while the game plays; progress reaches the
 * end; the CSV download and the JSON's rows are byte for byte what `npm run batch` gives for the
 * same arguments (computed here in Node with runOne; the statistics agree to 12 digits, see
 * expectSameDoc); Cancel stops a batch and keeps no statistics.
 * Screenshots go to test-artifacts/.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { batchResult, resultJson, rowsToCsv, runOne } from '../../src/batch/index';
import { parseBatchArgs } from '../../src/cli/batchArgs';
import { prepareBatch } from '../../src/cli/batchRun';
import { launchChromium, type Browser } from '../../src/cli/browser';
import { openGame, shot } from './helpers';

let browser: Browser;
beforeAll(async () => { browser = await launchChromium(); });
afterAll(async () => { await browser?.close(); });

/** What the CLI prints for these arguments with --format csv and --format json. */
function cli(args: string[]): { csv: string; json: string } {
  const p = prepareBatch(parseBatchArgs(args), process.cwd());
  const rows = Array.from(p.indices, (g) => runOne(p.plan, g));
  return { csv: rowsToCsv(rows), json: resultJson(batchResult(p.info, rows)) };
}

/**
 * The JSON download is byte for byte the CLI's: ratios are rounded to 12 significant digits in
 * src/batch/stats.ts because Math.log/Math.exp may differ in the last bit between engines.
 */
function expectCliJson(text: string, ref: string): void {
  expect(Object.keys(JSON.parse(text) as object)).toEqual(['batch', 'rows', 'stats']);
  expect(text).toBe(ref);
}

async function download(page: Page, selector: string): Promise<{ name: string; text: string }> {
  const [d] = await Promise.all([page.waitForEvent('download'), page.click(selector)]);
  const file = join(mkdtempSync(join(tmpdir(), 'br-research-')), d.suggestedFilename());
  await d.saveAs(file);
  return { name: d.suggestedFilename(), text: readFileSync(file, 'utf8') };
}

const finished = (page: Page) => page.waitForFunction(() => /^Finished/.test(document.querySelector('.br-research-status')?.textContent ?? ''), null, { timeout: 120_000 });

async function openResearch(page: Page): Promise<void> {
  await page.keyboard.press('Escape'); // the briefing
  await page.click('.br-settings > summary'); // Research sits with the settings
  await page.focus('#br-research-toggle');
  await page.keyboard.press('Enter');
  await page.waitForSelector('#br-research:not([hidden])');
  expect(await page.evaluate(() => document.activeElement?.id)).toBe('br-research-title');
}

describe('the research panel', () => {
  it('runs a campaigns ensemble while the game plays; progress reaches the end; CSV and JSON equal the CLI', async () => {
    const { page, errors } = await openGame(browser.context, '?scenario=classroom-discipline&seed=3');
    await openResearch(page);
    await page.selectOption('#br-research-scenario', 'campaigns'); // the research world is one choice; the open game is the default
    await page.fill('#br-research-runs', '6');
    await page.fill('#br-research-seed', '1');
    await page.dispatchEvent('#br-research-seed', 'change');
    expect(await page.textContent('.br-research-command')).toBe('npm run --silent batch -- --scenario campaigns --strategy scenario --runs 6 --seed 1 --format json');

    await page.evaluate(() => window.breakingRanks!.getState().setSpeed(24));
    await page.evaluate(() => { if (!window.breakingRanks!.getState().playing) window.breakingRanks!.getState().toggle(); });
    const tick0 = await page.evaluate(() => window.breakingRanks!.getState().tick);
    await page.click('#br-research-run');
    expect(await page.isDisabled('#br-research-run')).toBe(true);
    await finished(page);
    const tick1 = await page.evaluate(() => window.breakingRanks!.getState().tick);
    expect(tick1).toBeGreaterThan(tick0); // the game went on during the batch
    await page.evaluate(() => { if (window.breakingRanks!.getState().playing) window.breakingRanks!.getState().toggle(); });

    const bar = await page.$eval('#br-research-progress', (p) => [(p as HTMLProgressElement).value, (p as HTMLProgressElement).max]);
    expect(bar).toEqual([6, 6]);
    expect(await page.textContent('.br-research-progress-text')).toBe('6 of 6 runs');
    expect(await page.textContent('#br-research-toggle')).toBe('Research');
    expect(await page.locator('.br-research-stats tbody tr').count()).toBe(7);

    const ref = cli(['--scenario', 'campaigns', '--runs', '6', '--seed', '1']);
    const csv = await download(page, '.br-research-csv');
    expect(csv.name).toBe('breaking-ranks-campaigns-seed1-runs6.csv');
    expect(csv.text).toBe(ref.csv);
    const json = await download(page, '.br-research-json');
    expect(json.name).toBe('breaking-ranks-campaigns-seed1-runs6.json');
    expectCliJson(json.text, ref.json);

    await page.$eval('#br-research-results-title', (h) => h.scrollIntoView({ block: 'start' }));
    await page.waitForTimeout(200);
    await shot(page, 'research-ensemble');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('runs a sweep of 2 points × 3 runs and charts it; the JSON equals the CLI', async () => {
    const { page, errors } = await openGame(browser.context, '?scenario=classroom-discipline&seed=3');
    await openResearch(page);
    await page.selectOption('#br-research-scenario', 'campaigns');
    await page.fill('#br-research-runs', '3');
    await page.selectOption('#br-research-sweep', 'legitimacy');
    await page.fill('#br-research-from', '0.4');
    await page.fill('#br-research-to', '0.8');
    await page.fill('#br-research-step', '0.4');
    await page.dispatchEvent('#br-research-step', 'change');
    expect(await page.textContent('.br-research-total')).toMatch(/^2 points × 3 runs = 6 runs on (1 worker|\d+ workers)$/);
    await page.click('#br-research-run');
    await finished(page);
    expect(await page.locator('.br-research-points tbody tr').count()).toBe(2);
    await page.waitForSelector('.br-research-chart-host canvas');

    const ref = cli(['--scenario', 'campaigns', '--runs', '3', '--seed', '1', '--sweep', 'legitimacy=0.4:0.8:0.4']);
    const json = await download(page, '.br-research-json');
    expect(json.name).toBe('breaking-ranks-campaigns-seed1-runs3-sweep-legitimacy.json');
    expectCliJson(json.text, ref.json);

    await page.$eval('#br-research-results-title', (h) => h.scrollIntoView({ block: 'start' }));
    await page.waitForTimeout(300);
    await shot(page, 'research-sweep');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('the causal check, toggled from the keyboard: the JSON is `batch --causal`, the figures sit beside the 2×2 table', async () => {
    const { page, errors } = await openGame(browser.context, '?scenario=classroom-discipline&seed=3');
    await openResearch(page);
    await page.selectOption('#br-research-scenario', 'campaigns');
    await page.fill('#br-research-runs', '4');
    await page.dispatchEvent('#br-research-runs', 'change');
    expect(await page.isChecked('#br-research-causal')).toBe(false);
    await page.focus('#br-research-causal');
    await page.keyboard.press('Space');
    expect(await page.isChecked('#br-research-causal')).toBe(true);
    expect(await page.evaluate(() => window.breakingRanks!.getState().playing)).toBe(false); // Space toggled the box, not the game
    expect(await page.textContent('.br-research-command')).toBe('npm run --silent batch -- --scenario campaigns --strategy scenario --runs 4 --seed 1 --causal --format json');
    await page.click('#br-research-run');
    await finished(page);
    expect(await page.textContent('.br-research-causal h4')).toBe('Does defection make success likelier? (causal check)');
    expect(await page.locator('.br-research-causal-table tbody tr').count()).toBe(3);
    const json = await download(page, '.br-research-json');
    expect(json.name).toBe('breaking-ranks-campaigns-seed1-runs4-causal.json');
    expectCliJson(json.text, cli(['--scenario', 'campaigns', '--runs', '4', '--seed', '1', '--causal']).json);
    await page.$eval('.br-research-causal', (h) => h.scrollIntoView({ block: 'start' }));
    await shot(page, 'research-causal');
    expect(errors).toEqual([]);
    await page.close();
  });

  it("runs the open game with the drawer's parameters by default, shows the command with --strategy and every --set, and sweeps two parameters as a heat map", async () => {
    const { page, errors } = await openGame(browser.context, '?scenario=epstein-classic&seed=3&p.officerCount=60&p.visionRadius=6');
    await openResearch(page);
    expect(await page.inputValue('#br-research-scenario')).toBe('epstein-classic');
    expect(await page.textContent('.br-research-command'))
      .toBe('npm run --silent batch -- --scenario epstein-classic --strategy none --runs 100 --seed 1 --set officerCount=60 --set visionRadius=6 --format json');
    await page.fill('#br-research-runs', '1');
    await page.selectOption('#br-research-sweep', 'legitimacy');
    await page.fill('#br-research-from', '0.7');
    await page.fill('#br-research-to', '0.8');
    await page.fill('#br-research-step', '0.1');
    await page.selectOption('#br-research-sweep2', 'arrestK');
    await page.fill('#br-research-from2', '1');
    await page.fill('#br-research-to2', '2');
    await page.fill('#br-research-step2', '1');
    await page.dispatchEvent('#br-research-step2', 'change');
    const args = ['--scenario', 'epstein-classic', '--strategy', 'none', '--runs', '1', '--seed', '1', '--set', 'officerCount=60', '--set', 'visionRadius=6',
      '--sweep', 'legitimacy=0.7:0.8:0.1', '--sweep', 'arrestK=1:2:1'];
    expect(await page.textContent('.br-research-command')).toBe(`npm run --silent batch -- ${args.join(' ')} --format json`);
    await page.click('#br-research-run');
    await finished(page);
    expect(await page.locator('#br-research-heatmap tbody tr').count()).toBe(2);
    expect(await page.locator('#br-research-heatmap tbody td').count()).toBe(4);
    const json = await download(page, '.br-research-json');
    expectCliJson(json.text, cli(args).json);
    await page.$eval('#br-research-heatmap', (h) => h.scrollIntoView({ block: 'start' }));
    await shot(page, 'research-heatmap');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('Cancel stops a batch and keeps no statistics; the form is usable again', async () => {
    const { page, errors } = await openGame(browser.context, '?scenario=classroom-discipline&seed=3');
    await openResearch(page);
    await page.selectOption('#br-research-scenario', 'campaigns');
    await page.fill('#br-research-runs', '400');
    await page.click('#br-research-run');
    await page.waitForFunction(() => Number((document.getElementById('br-research-progress') as HTMLProgressElement).value) >= 1, null, { timeout: 30_000 });
    // Closing the drawer does not stop the batch; the button shows how far it is.
    await page.keyboard.press('Escape');
    await page.waitForSelector('#br-research', { state: 'hidden' });
    expect(await page.textContent('#br-research-toggle')).toMatch(/^Research \d+%$/);
    await shot(page, 'research-running-closed');
    await page.click('#br-research-toggle');
    expect(await page.evaluate(() => document.querySelector('#br-research-progress')!.closest('[hidden]'))).toBeNull();
    await page.click('#br-research-cancel');
    await page.waitForFunction(() => /^Cancelled after \d+ of 400 runs/.test(document.querySelector('.br-research-status')?.textContent ?? ''));
    expect(await page.locator('.br-research-results').count()).toBe(0);
    expect(await page.textContent('.br-research-progress-text')).toMatch(/of 400 runs · partial$/);
    expect(await page.isDisabled('#br-research-run')).toBe(false);
    expect(await page.isDisabled('#br-research-runs')).toBe(false);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('br-research-run');
    expect(await page.textContent('#br-research-toggle')).toBe('Research');
    await page.evaluate(() => document.querySelector('.br-research-body')!.scrollTo(0, 0));
    await shot(page, 'research-cancelled');
    expect(errors).toEqual([]);
    await page.close();
  });
});
