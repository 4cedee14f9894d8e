/**
 * Layout in a real browser: at 1366×768 and 1024×768 the map, the readout, the play controls and
 * the first three tactics lie inside the viewport without scrolling and do not overlap; at half
 * of a 1920-wide screen the game stays usable; the projector view at 1920×1080 shows the map, one
 * large chart and the readout with every visible text at 20 px or more. Screenshots are kept.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, type Browser } from '../../src/cli/browser';
import { box, closeBriefing, inside, openAt, overlap, shot, step, type Box } from './helpers';

let browser: Browser;
beforeAll(async () => { browser = await launchChromium({ width: 1366, height: 768 }); });
afterAll(async () => { await browser?.close(); });

async function parts(page: import('playwright-core').Page): Promise<Record<string, Box>> {
  const out: Record<string, Box> = {};
  const pick = async (name: string, sel: string) => { const b = await box(page, sel); expect(b, name).not.toBeNull(); out[name] = b!; };
  await pick('map', '.br-map-a canvas');
  await pick('readout', '.br-readout');
  await pick('play', '.br-play-row');
  for (let k = 0; k < 3; k++) await pick(`tactic${k + 1}`, `.br-tactic >> nth=${k}`);
  return out;
}

describe('layout', () => {
  for (const [w, h] of [[1366, 768], [1024, 768]] as const) {
    for (const id of ['classroom-discipline', 'minsk-2020']) {
      it(`${id} at ${w}×${h}: map, readout, play controls and three tactics in view, none overlapping`, async () => {
        const { page, errors } = await openAt(browser.context, `?scenario=${id}&seed=1`, w, h);
        await closeBriefing(page);
        await step(page, 30);
        await page.waitForTimeout(300);
        expect(await page.evaluate(() => [window.scrollX, window.scrollY])).toEqual([0, 0]);
        const p = await parts(page);
        for (const [name, b] of Object.entries(p)) expect(inside(b, w, h), `${name} ${JSON.stringify(b)}`).toBe(true);
        const names = Object.keys(p);
        for (let i = 0; i < names.length; i++) for (let j = i + 1; j < names.length; j++)
          expect(overlap(p[names[i]], p[names[j]]), `${names[i]} / ${names[j]}`).toBe(false);
        await shot(page, `layout-${id}-${w}x${h}`);
        expect(errors).toEqual([]);
        await page.close();
      });
    }
  }

  it('at half of a 1920-wide screen (960×1080) the map and the play controls are in view and nothing is cut off sideways', async () => {
    const { page, errors } = await openAt(browser.context, '?scenario=classroom-discipline&seed=1', 960, 1080);
    await closeBriefing(page);
    const map = (await box(page, '.br-map-a canvas'))!, play = (await box(page, '.br-play-row'))!;
    expect(inside(map, 960, 1080)).toBe(true);
    expect(map.width).toBeGreaterThan(600);
    expect(inside(play, 960, 1080)).toBe(true);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(960);
    await page.locator('.br-tactic >> nth=0').scrollIntoViewIfNeeded();
    expect(await page.locator('.br-tactic >> nth=0').isVisible()).toBe(true);
    await shot(page, 'layout-half-960x1080');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('projector at 1920×1080: light theme, the map, one large chart and the readout, every visible text at 20 px or more', async () => {
    const { page, errors } = await openAt(browser.context, '?scenario=minsk-2020&seed=1&projector=1', 1920, 1080);
    await closeBriefing(page);
    await step(page, 40);
    await page.waitForTimeout(500);
    expect(await page.evaluate(() => document.body.classList.contains('br-projector'))).toBe(true);
    for (const sel of ['.br-map-a canvas', '.br-readout', '.br-chart-panel']) expect(await page.locator(sel).first().isVisible(), sel).toBe(true);
    for (const sel of ['.br-tactics', '.br-events']) expect(await page.locator(sel).first().isVisible(), sel).toBe(false);
    const chart = (await box(page, '.br-chart-host'))!;
    expect(chart.width).toBeGreaterThan(900);
    const small = await page.evaluate(() => {
      const out: string[] = [];
      for (const el of document.querySelectorAll<HTMLElement>('body *')) {
        const text = [...el.childNodes].filter((n) => n.nodeType === 3).map((n) => n.textContent ?? '').join('').trim();
        if (!text) continue;
        const r = el.getBoundingClientRect();
        if (r.width <= 1 || r.height <= 1 || el.closest('[hidden], .br-sr-only')) continue;
        const cs = getComputedStyle(el);
        if (cs.visibility === 'hidden' || cs.display === 'none' || Number(cs.opacity) === 0) continue;
        const size = parseFloat(cs.fontSize);
        if (size < 20) out.push(`${el.tagName}.${el.className} "${text.slice(0, 30)}" ${size}px`);
      }
      return out;
    });
    expect(small).toEqual([]);
    const bg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(bg).toBe('rgb(255, 255, 255)');
    await shot(page, 'projector-1920x1080');
    // The button switches it off again.
    await page.click('#br-projector-toggle');
    expect(await page.evaluate(() => document.body.classList.contains('br-projector'))).toBe(false);
    expect(new URL(page.url()).searchParams.get('projector')).toBeNull();
    expect(errors).toEqual([]);
    await page.close();
  });
});
