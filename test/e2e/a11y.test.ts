/**
 * Accessibility in a real browser: axe-core (injected as a string into a page that enforces the
 * built page's Content-Security-Policy; any securitypolicyviolation fails the test, as in every
 * browser test) finds no serious or critical violation on the start screen, the game, the
 * debrief, the comparison and the research panel. Dialogs take the focus and give it back; the
 * map has a text description that follows the days, and every chart a data table.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, type Browser } from '../../src/cli/browser';
import { act, closeBriefing, openGame, step } from './helpers';

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

let browser: Browser;
beforeAll(async () => { browser = await launchChromium({ width: 1366, height: 768 }); });
afterAll(async () => { await browser?.close(); });

/** Serious and critical violations, one line each ("rule: target"). */
async function axe(page: Page): Promise<string[]> {
  if (!(await page.evaluate('typeof window.axe !== "undefined"'))) await page.evaluate(AXE);
  const result = await page.evaluate<Array<{ id: string; impact: string; nodes: Array<{ target: string[] }> }>>(
    `window.axe.run(document, { resultTypes: ['violations'] }).then((r) => r.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.map((n) => ({ target: n.target })) })))`);
  return result.filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .flatMap((v) => v.nodes.slice(0, 5).map((n) => `${v.id} (${v.impact}): ${n.target.join(' ')}`));
}

describe('accessibility (axe-core, no serious or critical violations)', () => {
  it('start screen', async () => {
    const { page, errors } = await openGame(browser.context, '');
    expect(await axe(page)).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('game (briefing dialog, then the game with its map text and chart tables)', async () => {
    const { page, errors } = await openGame(browser.context, '?scenario=classroom-discipline&seed=3');
    await page.waitForFunction(() => document.activeElement?.id === 'br-briefing-start');
    expect(await axe(page)).toEqual([]);
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => document.activeElement?.classList.contains('br-play'));
    await step(page, 50);
    const text = await page.locator('#br-map-text').textContent();
    expect(text).toMatch(/^Day 2: /);
    expect(text).toMatch(/Staffing: /);
    expect(await page.evaluate(() => document.getElementById('game')!.getAttribute('aria-describedby'))).toBe('br-map-text');
    await page.click('#br-chart-participation .br-chart-table > summary');
    // The table is filled on the next drawn frame.
    await page.waitForFunction(() => document.querySelectorAll('#br-chart-participation .br-chart-table tbody tr').length >= 3, null, { timeout: 10_000 });
    expect(await axe(page)).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('debrief and comparison', async () => {
    const { page, errors } = await openGame(browser.context, '?scenario=classroom-discipline&seed=3&p.horizonDays=3&vs.p.disciplineMean=0.4');
    await closeBriefing(page);
    await act(page, 'symbols');
    await step(page, 72);
    await page.waitForSelector('.br-debrief:not([hidden])');
    expect(await axe(page)).toEqual([]);
    await page.keyboard.press('Escape');
    expect(await axe(page)).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('research panel', async () => {
    const { page, errors } = await openGame(browser.context, '?scenario=classroom-discipline&seed=3');
    await closeBriefing(page);
    await page.click('.br-settings > summary');
    await page.click('#br-research-toggle');
    await page.waitForSelector('#br-research:not([hidden])');
    expect(await axe(page)).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });
});
