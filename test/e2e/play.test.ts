/**
 * Who plays, in a real browser: the start screen; play mode equals `sim --strategy none --a`;
 * watch mode plays the scenario's strategy, announced, and Take over hands control to the player
 * (the link records the history and the tick, and replays the same game); Space plays or pauses
 * and never launches a tactic; the clock never starts by itself; a teacher's tactics= and day=.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultOptions } from '../../src/cli/args';
import { launchChromium, type Browser } from '../../src/cli/browser';
import { runSim } from '../../src/cli/run';
import type { ActionDef } from '../../src/sim';
import { act, closeBriefing, openGame, shot, step, summary } from './helpers';

let browser: Browser;
beforeAll(async () => { browser = await launchChromium({ width: 1366, height: 768 }); });
afterAll(async () => { await browser?.close(); });

function cli(scenario: string, seed: number, ticks: number, actions: ActionDef[], strategy: string) {
  const file = join(mkdtempSync(join(tmpdir(), 'br-e2e-')), 'actions.json');
  writeFileSync(file, JSON.stringify(actions));
  const r = runSim({ ...defaultOptions(), scenario, seed, ticks, actions: file, strategy }, process.cwd());
  return { tick: r.report.ticks, outcome: r.report.outcome, tippingTick: r.report.tippingTick, summary: r.report.summary };
}

describe('the start screen', () => {
  it('opens without scenario=: ready at once, nothing running; games first, then the reference models', async () => {
    const { page, errors } = await openGame(browser.context, '');
    expect(await summary(page)).toEqual({ tick: 0, outcome: null, tippingTick: null, summary: null });
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('br-start-title');
    const games = await page.locator('.br-start .br-cards:not(.br-cards-reference) h4').allTextContents();
    expect(games.slice(0, 3)).toEqual(['Classroom: does discipline hold?', 'Classroom: unmasking, street or screen?', 'Minsk, August to December 2020']);
    expect(await page.locator('.br-cards-reference h4').allTextContents()).toEqual(expect.arrayContaining([expect.stringMatching(/Epstein/), expect.stringMatching(/Granovetter/)]));
    const text = await page.locator('.br-start').innerText();
    expect(text).toMatch(/42 days/);
    expect(text).not.toMatch(/--set|--strategy|npm /);
    await shot(page, 'start-screen');
    await page.click('[data-start="classroom-discipline"]');
    await page.waitForFunction(() => window.breakingRanks!.getState().status === 'ready');
    expect(new URL(page.url()).searchParams.get('scenario')).toBe('classroom-discipline');
    expect(await page.locator('.br-briefing').isVisible()).toBe(true);
    const briefing = await page.locator('.br-briefing').innerText();
    expect(briefing).not.toMatch(/--set|--strategy/);
    expect(briefing).toMatch(/Length: 42 days/);
    expect(await page.locator('.br-briefing [data-variant]').count()).toBeGreaterThan(0);
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('play and watch', () => {
  it("in play mode nothing acts for the movement but the player: the page equals sim --strategy none --a", async () => {
    const { page, errors } = await openGame(browser.context, '?scenario=classroom-unmasking&seed=5');
    await closeBriefing(page);
    await step(page, 40);
    expect(await act(page, 'symbols')).toMatchObject({ ok: true });
    const s = await step(page, 160);
    expect(s).toEqual(cli('classroom-unmasking', 5, 200, [{ tick: 40, tactic: 'symbols' }], 'none'));
    await page.selectOption('#br-events-filter', 'movement'); // the movement's moves, not every officer's
    const feed = await page.locator('.br-events-list').innerText();
    expect(feed).toMatch(/You: launched Symbols/);
    expect(feed).not.toMatch(/History:/);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('watch mode plays the history, announced; Take over copies the moves so far into the link and hands over control', async () => {
    const { page, errors } = await openGame(browser.context, '?scenario=classroom-discipline&seed=2&mode=watch');
    await closeBriefing(page);
    expect(await page.locator('#br-mode').innerText()).toMatch(/Watching/);
    expect(await page.isDisabled('.br-tactic >> nth=0')).toBe(true);
    await step(page, 120);
    expect(await page.locator('#br-mode').innerText()).toMatch(/scripted strategy/); // no history in a classroom game
    await page.selectOption('#br-events-filter', 'movement'); // the scripted moves, not every officer's (they scroll past)
    expect(await page.locator('.br-events-list').innerText()).toMatch(/Scripted: launched/);
    await page.selectOption('#br-events-filter', 'all');
    await shot(page, 'watch-mode');
    await page.click('#br-takeover');
    await page.waitForFunction(() => window.breakingRanks!.getState().strategy === 'none');
    const st = await page.evaluate(() => { const s = window.breakingRanks!.getState(); return { takeover: s.takeover, actions: s.actions }; });
    expect(st.takeover).toBe(120);
    expect(st.actions.length).toBeGreaterThan(0);
    const url = new URL(page.url());
    expect(url.searchParams.get('takeover')).toBe('120');
    expect(url.searchParams.get('mode')).toBeNull();
    expect(await page.locator('#br-mode').innerText()).toMatch(/took over on day 6/);
    expect(await act(page, 'symbols')).toMatchObject({ ok: true });
    const played = await step(page, 100);
    const all = [...st.actions, { tick: 120, tactic: 'symbols' as const }];
    expect(played).toEqual(cli('classroom-discipline', 2, 220, all, 'none'));
    await page.selectOption('#br-events-filter', 'movement');
    const feed = await page.locator('.br-events-list').innerText();
    expect(feed).toMatch(/You: launched Symbols/);
    expect(feed).toMatch(/History: launched/);
    // The link replays the same game.
    const shared = await openGame(browser.context, new URL(page.url()).search);
    expect(await step(shared.page, 220)).toEqual(played);
    await shared.page.close();
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('links and key events', () => {
  it('past what a link holds the page says so and offers the replay file', async () => {
    // A long game (more moves than a link holds), started as a loaded replay would start it.
    const { page, errors } = await openGame(browser.context, '?scenario=classroom-discipline&seed=1');
    await page.evaluate(() => {
      const s = window.breakingRanks!.getState();
      const actions = Array.from({ length: 1200 }, (_, k) => ({ tick: k * 150, tactic: 'symbols' as const }));
      s.start({ scenarioId: s.scenarioId, seed: s.seed, sets: [], actions, strategy: 'none', takeover: null, tactics: null, vs: null });
    });
    await page.evaluate(() => window.breakingRanks!.ready());
    expect(await page.evaluate(() => window.breakingRanks!.getState().actions.length)).toBe(1200);
    await expect.poll(() => page.locator('#link-status').innerText()).toMatch(/too many moves for a link/);
    expect(await page.locator('.br-link-save').isVisible()).toBe(true);
    expect(new URL(page.url()).searchParams.get('a')).toBeNull();
    expect(new URL(page.url()).searchParams.get('ac')).toBeNull();
    expect(page.url().length).toBeLessThanOrEqual(4100);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('a step ends at the horizon, as play does: the page never runs days the game does not have', async () => {
    const { page, errors } = await openGame(browser.context, '?scenario=minsk-2020&seed=3&p.horizonDays=2');
    await closeBriefing(page);
    const s = await step(page, 100); // 2 days are 48 ticks
    expect(s.tick).toBe(48);
    expect(s.outcome).toBe('stalemate');
    expect(errors).toEqual([]);
    await page.close();
  });

  it("play can pause by itself at the scenario's key events", async () => {
    const { page, errors } = await openGame(browser.context, '?scenario=classroom-discipline&seed=1');
    await page.check('#br-pause-events');
    await closeBriefing(page);
    await page.evaluate(() => window.breakingRanks!.getState().setSpeed(2000));
    await page.evaluate(() => window.breakingRanks!.getState().play());
    await page.waitForFunction(() => !window.breakingRanks!.getState().playing && window.breakingRanks!.getState().tick > 0, null, { timeout: 30_000 });
    const s = await page.evaluate(() => window.breakingRanks!.getState());
    // The first key event: riot police start clearing the squares at the start of day 4 (tick 72).
    expect(s.tick).toBe(73);
    expect(s.notice).toMatch(/Paused on day 4: Riot police start clearing the squares/);
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('keys and clock', () => {
  it('Space plays or pauses even on a focused tactic button and never launches it; Enter launches it', async () => {
    const { page, errors } = await openGame(browser.context, '?scenario=classroom-discipline&seed=3');
    await closeBriefing(page);
    await page.focus('.br-tactic >> nth=1');
    await page.keyboard.press('Space');
    await page.waitForFunction(() => window.breakingRanks!.getState().playing);
    await page.keyboard.press('Space');
    await page.waitForFunction(() => !window.breakingRanks!.getState().playing);
    expect(await page.evaluate(() => window.breakingRanks!.getState().actions)).toEqual([]);
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => window.breakingRanks!.getState().actions.length === 1);
    // In a number field Space is the field's.
    await page.click('.br-settings > summary');
    await page.focus('#br-seed');
    await page.keyboard.press('Space');
    await page.waitForTimeout(300);
    expect(await page.evaluate(() => window.breakingRanks!.getState().playing)).toBe(false);
    expect(errors).toEqual([]);
    await page.close();
  });

  it("tactics= offers the intersection with the scenario's; day= opens paused at that day's start with the earlier actions applied", async () => {
    const { page, errors } = await openGame(browser.context, '?scenario=classroom-discipline&seed=3&tactics=symbols,strike,bogus&a=5.symbols,30.disciplineTraining&day=3');
    const s = await page.evaluate(() => window.breakingRanks!.getState());
    expect(s.meta!.tactics.map((t) => t.id)).toEqual(['symbols']);
    expect(s.notice).toMatch(/bogus/);
    expect(s.notice).toMatch(/strike/);
    expect(s.notice).toMatch(/Dropped 1 recorded action/);
    expect(s.tick).toBe(48);
    expect(s.playing).toBe(false);
    expect(await summary(page)).toEqual(cli('classroom-discipline', 3, 48, [{ tick: 5, tactic: 'symbols' }], 'none'));
    expect(await page.locator('#br-status').innerText()).toMatch(/^Day 3 of 42/);
    expect(errors).toEqual([]);
    await page.close();
  });
});
