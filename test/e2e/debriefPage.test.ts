/**
 * The debrief in a real browser: it replays the game without each of the player's choices (in
 * a worker of its own) and its sentences match the command line's re-runs; it fits the screen
 * at 1366×768, takes the focus and gives it back, and prints on one or two A4 pages.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultOptions } from '../../src/cli/args';
import { launchChromium, type Browser } from '../../src/cli/browser';
import { runSim } from '../../src/cli/run';
import type { ActionDef } from '../../src/sim';
import { act, box, closeBriefing, inside, openGame, shot, step } from './helpers';

let browser: Browser;
beforeAll(async () => { browser = await launchChromium({ width: 1366, height: 768 }); });
afterAll(async () => { await browser?.close(); });

const SETS: Array<[string, string]> = [['horizonDays', '5']];

function rerun(actions: ActionDef[]) {
  const file = join(mkdtempSync(join(tmpdir(), 'br-e2e-')), 'actions.json');
  writeFileSync(file, JSON.stringify(actions));
  const r = runSim({ ...defaultOptions(), scenario: 'classroom-discipline', seed: 8, sets: SETS, actions: file, strategy: 'none' }, process.cwd()).report;
  return { outcome: r.outcome, tippingTick: r.tippingTick, defectedShare: r.summary.defectedShare };
}

describe('the debrief', () => {
  it("says what the player's own choices changed, as the re-runs do; fits 1366×768; prints on at most two A4 pages", async () => {
    const { page, errors } = await openGame(browser.context, '?scenario=classroom-discipline&seed=8&p.horizonDays=5');
    await closeBriefing(page);
    // Three points a day: one move a day (symbols cost 2, training 3).
    await step(page, 18);
    expect(await act(page, 'symbols')).toMatchObject({ ok: true });
    await step(page, 24);
    expect(await act(page, 'disciplineTraining')).toMatchObject({ ok: true });
    await step(page, 24);
    expect(await act(page, 'symbols')).toMatchObject({ ok: true });
    await step(page, 5 * 24 - 66);
    await page.waitForFunction(() => window.breakingRanks!.getState().outcome !== null);
    await page.waitForSelector('.br-debrief:not([hidden])');
    await page.waitForFunction(() => document.activeElement?.id === 'br-debrief-title');
    await page.waitForFunction(() => window.breakingRanks!.getState().counterfactuals.status === 'done', null, { timeout: 120_000 });
    const st = await page.evaluate(() => window.breakingRanks!.getState());
    const cf = st.counterfactuals.status === 'done' ? st.counterfactuals.results : [];
    expect(cf.map((c) => c.tactic).sort()).toEqual(['disciplineTraining', 'symbols']);
    const all = st.actions;
    for (const c of cf) {
      const ref = rerun(all.filter((a) => a.tactic !== c.tactic));
      expect({ outcome: c.outcome, tippingTick: c.tippingTick, defectedShare: c.defectedShare }).toEqual(ref);
    }
    const sentences = await page.locator('.br-choices li').allInnerTexts();
    expect(sentences).toHaveLength(2);
    const sym = sentences.find((x) => x.startsWith('Without your symbols'))!;
    expect(sym).toMatch(/2 times, first on day 1/);
    const fellA = st.outcome === 'success';
    const c = cf.find((x) => x.tactic === 'symbols')!;
    if (fellA && c.outcome === 'success') expect(sym).toContain(`day ${Math.floor(c.tippingTick! / 24) + 1}`);
    else if (!fellA && c.outcome !== 'success') expect(sym).toMatch(/the outcome would have been the same|would not have fallen/);
    // Fits the screen.
    const b = await box(page, '.br-debrief');
    expect(b && inside(b, 1366, 768)).toBe(true);
    await shot(page, 'debrief-1366');
    // Prints on one or two A4 pages.
    await page.emulateMedia({ media: 'print' });
    const pdf = await page.pdf({ format: 'A4' });
    const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
    expect(pages).toBeGreaterThanOrEqual(1);
    expect(pages).toBeLessThanOrEqual(2);
    await page.emulateMedia({ media: 'screen' });
    // Closing gives the focus back.
    await page.keyboard.press('Escape');
    await page.waitForSelector('.br-debrief', { state: 'hidden' });
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('BUTTON');
    expect(errors).toEqual([]);
    await page.close();
  });
});
