/**
 * The game in a real browser (headless system Chromium): it loads paused and clean, runs,
 * answers tactics, inspects officers, reproduces a shared link, survives a bad one, and agrees
 * with the command line. Screenshots go to test-artifacts/.
 */
import { MODEL_VERSION } from '../../src/sim';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultOptions } from '../../src/cli/args';
import { launchChromium, type Browser } from '../../src/cli/browser';
import { runSim } from '../../src/cli/run';
import type { ActionDef } from '../../src/sim';
import { act, openGame, shot, step, summary } from './helpers';
import { parseRunQuery } from '../../src/ui/query';

let browser: Browser;
beforeAll(async () => { browser = await launchChromium(); });
afterAll(async () => { await browser?.close(); });

/** `sim --strategy none` (the page's play mode) unless told otherwise. */
function cli(scenario: string, seed: number, ticks: number, sets: Array<[string, string]> = [], actions: ActionDef[] = [], strategy = 'none') {
  let file: string | null = null;
  if (actions.length > 0) {
    file = join(mkdtempSync(join(tmpdir(), 'br-e2e-')), 'actions.json');
    writeFileSync(file, JSON.stringify(actions));
  }
  const r = runSim({ ...defaultOptions(), scenario, seed, ticks, sets, actions: file, strategy }, process.cwd());
  return { summary: { tick: r.report.ticks, outcome: r.report.outcome, tippingTick: r.report.tippingTick, summary: r.report.summary }, series: r.series };
}

describe('the game page', () => {
  it('loads paused at tick 0 (no autoplay), without console errors, the briefing holding the focus', async () => {
    const { page, errors } = await openGame(browser.context, '?scenario=classroom-discipline&seed=3');
    await page.waitForFunction(() => document.activeElement?.id === 'br-briefing-start');
    await page.waitForTimeout(1500); // nothing moves by itself
    const s = await page.evaluate(() => {
      const st = window.breakingRanks!.getState();
      return { tick: st.tick, playing: st.playing, status: st.status, strategy: st.strategy };
    });
    expect(s).toEqual({ tick: 0, playing: false, status: 'ready', strategy: 'none' });
    expect(await page.locator('#game canvas').count()).toBeGreaterThan(0);
    await page.waitForTimeout(300);
    await shot(page, 'load-classroom');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('runs: stepping changes the counts; Space plays and pauses', async () => {
    const { page, errors } = await openGame(browser.context, '?scenario=classroom-discipline&seed=3');
    const before = await page.evaluate(() => window.breakingRanks!.getState().tick);
    const after = await step(page, 44); // into the first evening's march
    expect(before).toBe(0);
    expect(after.tick).toBe(44);
    expect(after.summary!.peakActive).toBeGreaterThan(0);
    const rows = await page.evaluate(() => window.breakingRanks!.getState().tick);
    expect(rows).toBe(44);
    await page.keyboard.press('Escape'); // closes the briefing dialog; the focus goes back to the page
    await page.keyboard.press('Space');
    await page.waitForFunction(() => window.breakingRanks!.getState().tick >= 50, null, { timeout: 10_000 });
    expect(await page.evaluate(() => window.breakingRanks!.getState().playing)).toBe(true);
    await page.keyboard.press('Space');
    await page.waitForFunction(() => !window.breakingRanks!.getState().playing);
    await page.waitForTimeout(300);
    await shot(page, 'running-classroom');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('a tactic changes the course, and the shared link (parameters and actions) replays it exactly', async () => {
    const search = '?scenario=classroom-discipline&seed=11&p.violenceRate=0.08';
    const plain = await openGame(browser.context, search);
    const without = await step(plain.page, 300);
    await plain.page.close();

    const played = await openGame(browser.context, search);
    expect(await act(played.page, 'disciplineTraining')).toMatchObject({ ok: true });
    await step(played.page, 150);
    expect(await act(played.page, { tactic: 'symbols' })).toMatchObject({ ok: true });
    const withActs = await step(played.page, 150);
    expect(withActs.summary).not.toEqual(without.summary);
    const link = new URL(played.page.url());
    expect(link.searchParams.get('p.violenceRate')).toBe('0.08');
    // The moves as a= or packed as ac=, whichever is shorter: either reads back the same.
    expect(parseRunQuery(link.search).run.actions).toEqual([{ tick: 0, tactic: 'disciplineTraining' }, { tick: 150, tactic: 'symbols' }]);
    await played.page.close();

    const shared = await openGame(browser.context, link.search);
    expect(await summary(shared.page)).toMatchObject({ tick: 0 });
    expect(await step(shared.page, 300)).toEqual(withActs);
    expect(shared.errors).toEqual([]);
    await shared.page.close();
  });

  it('saves a replay file and loads it into another page', async () => {
    const first = await openGame(browser.context, '?scenario=minsk-2020&seed=4&p.scale=0.005');
    await step(first.page, 20);
    expect(await act(first.page, 'strike')).toMatchObject({ ok: true });
    const played = await step(first.page, 30);
    const [download] = await Promise.all([first.page.waitForEvent('download'), first.page.click('#save-replay')]);
    const file = join(mkdtempSync(join(tmpdir(), 'br-replay-')), 'replay.json');
    await download.saveAs(file);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({
      modelVersion: MODEL_VERSION, scenarioId: 'minsk-2020', seed: 4, sets: [['scale', '0.005']], actions: [{ tick: 20, tactic: 'strike' }],
      strategy: 'none', takeover: null, tactics: null, vs: null,
    });
    await first.page.close();

    const second = await openGame(browser.context, '?scenario=epstein-classic');
    await second.page.setInputFiles('#replay-file', file);
    await second.page.waitForFunction(() => window.breakingRanks!.getState().scenarioId === 'minsk-2020');
    await second.page.evaluate(() => window.breakingRanks!.ready());
    expect(await step(second.page, 50)).toEqual(played);
    expect(second.errors).toEqual([]);
    await second.page.close();
  });

  it('opens the officer inspector', async () => {
    const { page, errors } = await openGame(browser.context, '?scenario=classroom-unmasking&seed=2');
    await step(page, 30);
    await page.evaluate(() => window.breakingRanks!.getState().selectOfficer(5));
    await page.waitForFunction(() => window.breakingRanks!.getState().inspected?.officer === 5);
    await step(page, 3);
    const d = await page.evaluate(() => window.breakingRanks!.getState().inspected!);
    expect(d.history.length).toBeGreaterThanOrEqual(4);
    expect(d.history[d.history.length - 1].tick).toBe(33);
    expect(Object.keys(d.channels)).toContain('backfire');
    await page.waitForTimeout(300);
    await shot(page, 'inspector');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('a malformed link shows what was wrong; an unknown scenario opens the start screen with the message', async () => {
    const { page } = await openGame(browser.context, '?scenario=atlantis&seed=banana&p.nope=1&p.arrestRate=99&a=never');
    const s = await page.evaluate(() => window.breakingRanks!.getState());
    expect(s.status).toBe('start');
    expect(await page.locator('.br-start').isVisible()).toBe(true);
    for (const word of ['atlantis', 'banana', 'nope', 'arrestRate', 'never']) expect(s.notice).toContain(word);
    const bad = await openGame(browser.context, '?scenario=classroom-discipline&seed=banana&p.nope=1&a=never');
    const b = await bad.page.evaluate(() => window.breakingRanks!.getState());
    expect(b).toMatchObject({ status: 'ready', scenarioId: 'classroom-discipline', seed: 1, sets: [], actions: [] });
    for (const word of ['banana', 'nope', 'never']) expect(b.notice).toContain(word);
    await bad.page.close();
    await expect.poll(() => page.locator('body').innerText(), { timeout: 5000 }).toContain('atlantis');
    await page.waitForTimeout(300);
    await shot(page, 'bad-link');
    await page.close();
  });
});

describe('page and command line agree', () => {
  for (const [scenario, seed] of [['classroom-discipline', 3], ['epstein-classic', 1]] as const) {
    it(`${scenario} seed ${seed} at tick 300: same summary, same trace tick by tick`, async () => {
      const { page, errors } = await openGame(browser.context, `?scenario=${scenario}&seed=${seed}`);
      const fromPage = await step(page, 300);
      const fromCli = cli(scenario, seed, 300);
      expect(fromPage).toEqual(fromCli.summary);
      expect(await page.evaluate(() => window.breakingRanks!.series())).toEqual(fromCli.series);
      expect(errors).toEqual([]);
      await page.close();
    });
  }
});
