/** Opening the built game in Chromium and talking to window.breakingRanks. */
import { mkdirSync } from 'node:fs';
import type { BrowserContext, Page } from 'playwright-core';
import { inject } from 'vitest';
import type { BreakingRanksHandle } from '../../src/handle';

export const ARTIFACTS = 'test-artifacts';

export interface Opened { page: Page; errors: string[] }

/**
 * Opens `search` and waits until the first frame of the run has arrived. `errors` collects console
 * errors, uncaught exceptions and every `securitypolicyviolation` the page sees (listened for
 * before any of the page's own scripts run), so a test that expects no errors also expects the
 * Content-Security-Policy to have blocked nothing.
 */
export async function openGame(context: BrowserContext, search = ''): Promise<Opened> {
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.exposeBinding('__brCspViolation', (_source, text: string) => { errors.push(`CSP violation: ${text}`); });
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      (window as unknown as { __brCspViolation(t: string): void }).__brCspViolation(`${e.effectiveDirective} blocked ${e.blockedURI || '(inline)'} at ${e.sourceFile}:${e.lineNumber}`);
    });
  });
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

/** Opens the page at a given window size (a fresh page, the same context). */
export async function openAt(context: BrowserContext, search: string, width: number, height: number): Promise<Opened> {
  const o = await openGame(context, search);
  await o.page.setViewportSize({ width, height });
  await o.page.waitForTimeout(300);
  return o;
}

/** Closes the briefing dialog if it is open. */
export async function closeBriefing(page: Page): Promise<void> {
  if (await page.locator('.br-briefing').isVisible()) await page.keyboard.press('Escape');
  await page.waitForSelector('.br-briefing', { state: 'hidden' });
}

/** The bounding box of an element, in viewport pixels (null when it is not displayed). */
export const box = (page: Page, selector: string) => page.locator(selector).first().boundingBox();

export interface Box { x: number; y: number; width: number; height: number }
export const inside = (b: Box, w: number, h: number): boolean => b.x >= 0 && b.y >= 0 && b.x + b.width <= w + 0.5 && b.y + b.height <= h + 0.5;
export const overlap = (a: Box, b: Box): boolean => a.x < b.x + b.width - 0.5 && b.x < a.x + a.width - 0.5 && a.y < b.y + b.height - 0.5 && b.y < a.y + a.height - 0.5;
