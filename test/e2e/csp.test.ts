/**
 * The built page's Content-Security-Policy: strict in dist/index.html (scripts, workers and styles
 * from 'self' only, no inline script, no eval), actually enforced, and the game and the research
 * panel run under it without a single violation (see helpers.ts: every test's `errors` includes
 * them). The shipped folder holds no source maps.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, type Browser } from '../../src/cli/browser';
import { openGame, step } from './helpers';

let browser: Browser;
beforeAll(async () => { browser = await launchChromium(); });
afterAll(async () => { await browser?.close(); });

const dist = join(process.cwd(), 'dist');
const files = (dir: string): string[] => readdirSync(dir, { withFileTypes: true }).flatMap((d) => (d.isDirectory() ? files(join(dir, d.name)) : [join(dir, d.name)]));

describe('Content-Security-Policy of the built page', () => {
  it('index.html declares the strict policy and has no inline script; no source maps are shipped', () => {
    const html = readFileSync(join(dist, 'index.html'), 'utf8');
    const policy = /<meta http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1] ?? '';
    const directives = Object.fromEntries(policy.split(';').map((d) => d.trim().split(/\s+/)).map(([k, ...v]) => [k, v.join(' ')]));
    expect(directives).toMatchObject({ 'default-src': "'none'", 'script-src': "'self'", 'worker-src': "'self'", 'style-src': "'self'", 'object-src': "'none'", 'base-uri': "'none'" });
    expect(policy).not.toMatch(/unsafe-inline|unsafe-eval|blob:|\*/);
    // The policy comes before anything it governs.
    expect(html.indexOf('Content-Security-Policy')).toBeLessThan(html.indexOf('<script'));
    for (const tag of html.match(/<script\b[^>]*>/g) ?? []) expect(tag).toMatch(/\ssrc="\.\/assets\/[^"]+\.js"/);
    expect(html).not.toMatch(/<style|\sstyle="|\son[a-z]+="/);
    const all = files(dist);
    expect(all.filter((f) => f.endsWith('.map'))).toEqual([]);
    for (const f of all.filter((x) => x.endsWith('.js'))) expect(readFileSync(f, 'utf8'), f).not.toContain('sourceMappingURL');
  });

  it('is enforced: an inline script and an injected <style> are blocked and reported', async () => {
    const { page, errors } = await openGame(browser.context, '?scenario=epstein-classic&seed=2');
    expect((await step(page, 5)).tick).toBe(5); // the model's worker runs under worker-src 'self'
    expect(errors).toEqual([]);
    const ran = await page.evaluate(() => {
      const w = window as unknown as { inlineRan?: boolean };
      const s = document.createElement('script');
      s.textContent = 'window.inlineRan = true';
      document.body.append(s);
      const st = document.createElement('style');
      st.textContent = 'body { background: red }';
      document.head.append(st);
      return w.inlineRan === true;
    });
    expect(ran).toBe(false);
    await expect.poll(() => errors.filter((e) => e.startsWith('CSP violation:')).length, { timeout: 5000 }).toBeGreaterThanOrEqual(2);
    expect(errors.filter((e) => e.startsWith('CSP violation:')).join('\n')).toMatch(/script-src-elem blocked inline[\s\S]*style-src-elem blocked inline/);
    await page.close();
  });
});
