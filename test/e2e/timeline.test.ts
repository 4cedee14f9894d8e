/**
 * The timeline in a real browser: back to a day of the run so far, the state equals a fresh run
 * to that day (the player's later moves dropped), and the game branches from there.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, type Browser } from '../../src/cli/browser';
import { parseRunQuery } from '../../src/ui/query';
import { act, closeBriefing, openGame, step, summary } from './helpers';

let browser: Browser;
beforeAll(async () => { browser = await launchChromium({ width: 1366, height: 768 }); });
afterAll(async () => { await browser?.close(); });

describe('timeline', () => {
  it('the sought state equals a fresh run to that day; the scrubber does the same', async () => {
    const { page, errors } = await openGame(browser.context, '?scenario=classroom-discipline&seed=6');
    await closeBriefing(page);
    await step(page, 30);
    expect(await act(page, 'symbols')).toMatchObject({ ok: true });
    await step(page, 60);
    expect(await act(page, 'disciplineTraining')).toMatchObject({ ok: true });
    await step(page, 60);
    await page.evaluate(() => window.breakingRanks!.seek(3));
    const sought = await summary(page);
    expect(sought.tick).toBe(48);
    expect(await page.evaluate(() => window.breakingRanks!.getState().actions)).toEqual([{ tick: 30, tactic: 'symbols' }]);
    expect(await page.evaluate(() => window.breakingRanks!.series().length)).toBe(49);
    expect(parseRunQuery(new URL(page.url()).search).run.actions).toEqual([{ tick: 30, tactic: 'symbols' }]);
    const fresh = await openGame(browser.context, '?scenario=classroom-discipline&seed=6&a=30.symbols');
    expect(await step(fresh.page, 48)).toEqual(sought);
    expect(await fresh.page.evaluate(() => window.breakingRanks!.series())).toEqual(await page.evaluate(() => window.breakingRanks!.series()));
    // It goes on the same way as the fresh run.
    expect(await step(page, 40)).toEqual(await step(fresh.page, 40));
    await fresh.page.close();
    // The scrubber: to day 2.
    await page.fill('#br-timeline', '2');
    await page.click('#br-timeline-go');
    await page.waitForFunction(() => window.breakingRanks!.getState().tick === 24);
    expect(errors).toEqual([]);
    await page.close();
  });
});
