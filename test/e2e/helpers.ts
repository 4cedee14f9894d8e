/** Opening the built game in Chromium and talking to window.breakingRanks. */
import { mkdirSync } from 'node:fs';
import type { BrowserContext, Page } from 'playwright-core';
import { inject } from 'vitest';
import type { BreakingRanksHandle } from '../../src/handle';

export const ARTIFACTS = 'test-artifacts';

export interface Opened { page: Page; errors: string[] }

/** Opens `search` and waits until the first frame of the run has arrived. */
export async function openGame(context: BrowserContext, search = ''): Promise<Opened> {
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(`${inject('baseUrl')}${search}`);
  await page.waitForFunction(() => window.breakingRanks !== undefined, null, { timeout: 20_000 });
  await page.evaluate(() => window.breakingRanks!.ready());
  return { page, errors };
}

type Summary = ReturnType<BreakingRanksHandle['summary']>;

export const summary = (page: Page): Promise<Summary> => page.evaluate(() => window.breakingRanks!.summary());

export async function step(page: Page, n: number): Promise<Summary> {
  await page.evaluate((k) => window.breakingRanks!.step(k), n);
  return summary(page);
}

export const act = (page: Page, tactic: string | { tactic: string }) =>
  page.evaluate((t) => window.breakingRanks!.act(t as Parameters<BreakingRanksHandle['act']>[0]), tactic);

export async function shot(page: Page, name: string): Promise<void> {
  mkdirSync(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: `${ARTIFACTS}/${name}.png` });
}
