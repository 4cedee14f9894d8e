/**
 * Frames per second of the page in headless Chromium (1280x800) while minsk-2020 plays at the
 * default speed, scaled (p.scale) so that a given number of agents is on the map. Frames are
 * counted with requestAnimationFrame over FPS_WINDOW_MS after WARMUP_MS of play. Under
 * SwiftShader this is the floor: a real GPU is faster (measured: software WebGL tops out near 25 fps, a 2D canvas near 60). Null when there is no
 * Chromium or the page cannot run; the reason goes to stderr.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getPreset } from '../scenarios';
import { safeLine } from '../scenarios/text';
import { buildPage, hasChromium, launchChromium, servePage } from './browser';

const WARMUP_MS = 2500;
const FPS_WINDOW_MS = 5000;
/** Progress and failures on stderr, made safe like every error line (a failure quotes its cause). */
const log = (msg: string) => process.stderr.write(`bench: ${safeLine(msg)}\n`);

/** One build per process, shared by every measurement. */
let built: Promise<string> | null = null;
function buildOnce(): Promise<string> {
  if (!built) {
    const dir = mkdtempSync(join(tmpdir(), 'br-bench-'));
    process.on('exit', () => rmSync(dir, { recursive: true, force: true }));
    built = buildPage(dir).then(() => dir);
  }
  return built;
}

/** The minsk-2020 scale that puts `agents` citizens and officers on the map. */
export function scaleFor(agents: number): string {
  const p = getPreset('minsk-2020').params;
  return (agents / (Number(p.citizenCount) + Number(p.officerCount))).toPrecision(6);
}

/**
 * Frames per second with a comparison open: two maps side by side (A and B, `agentsPerMap`
 * each), both runs playing in lock-step at the default speed.
 */
export const measureCompareFps = (agentsPerMap: number): Promise<number | null> =>
  measureFps(agentsPerMap, '&vs.p.disciplineMean=0.95', 2);

/**
 * Milliseconds from asking the page to go back to a day (the timeline) to the page being there:
 * classroom-discipline at its classroom scale, played to day 30, then back to a day drawn at
 * random (a fixed sequence); the median of 5. Null without Chromium.
 */
export async function measureSeekMs(): Promise<number | null> {
  if (!hasChromium()) { log('seek: /usr/bin/chromium is missing (apt-get install -y chromium)'); return null; }
  let served: Awaited<ReturnType<typeof servePage>> | null = null;
  let browser: Awaited<ReturnType<typeof launchChromium>> | null = null;
  try {
    log('timeline: classroom-discipline to day 30, then back to random days ...');
    served = await servePage(await buildOnce());
    browser = await launchChromium({ width: 1280, height: 800 });
    const page = await browser.context.newPage();
    await page.goto(`${served.url}?scenario=classroom-discipline&seed=1`);
    await page.waitForFunction(() => window.breakingRanks !== undefined, null, { timeout: 60_000 });
    await page.evaluate(() => window.breakingRanks!.ready());
    const days = [17, 4, 26, 9, 22];
    const times: number[] = [];
    for (const day of days) {
      await page.evaluate('(async () => { const b = window.breakingRanks; await b.step(30 * 24 - b.getState().tick); })()');
      times.push(await page.evaluate<number>(`(async () => { const t = performance.now(); await window.breakingRanks.seek(${day}); return performance.now() - t; })()`));
    }
    log(`timeline: ${times.map((t) => t.toFixed(0)).join(', ')} ms`);
    const s = [...times].sort((a, b) => a - b);
    return Math.round(s[s.length >> 1]);
  } catch (e) {
    log(`timelineSeekMs could not be measured: ${(e as Error).message.split('\n')[0]}`);
    return null;
  } finally {
    await browser?.close();
    await served?.close();
  }
}

export async function measureFps(agentsOnMap: number, extra = '', maps = 1): Promise<number | null> {
  if (!hasChromium()) { log('fps: /usr/bin/chromium is missing (apt-get install -y chromium)'); return null; }
  let served: Awaited<ReturnType<typeof servePage>> | null = null;
  let browser: Awaited<ReturnType<typeof launchChromium>> | null = null;
  try {
    log(`fps: minsk-2020 with ${agentsOnMap.toLocaleString('en')} agents on ${maps === 1 ? 'the map' : `each of ${maps} maps`} ...`);
    served = await servePage(await buildOnce());
    browser = await launchChromium({ width: 1280, height: 800 });
    const page = await browser.context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto(`${served.url}?scenario=minsk-2020&seed=1&p.scale=${scaleFor(agentsOnMap)}${extra}`);
    await page.waitForFunction(() => window.breakingRanks !== undefined, null, { timeout: 60_000 });
    await page.evaluate(() => window.breakingRanks!.ready());
    if (maps > 1) await page.waitForFunction(`document.querySelectorAll('#game canvas').length >= ${maps}`, null, { timeout: 60_000 });
    await page.evaluate('document.querySelector(".br-briefing .br-close")?.click()');
    await page.evaluate(() => window.breakingRanks!.getState().play());
    await page.waitForTimeout(WARMUP_MS);
    // A string, not a function: tsx's compiled functions call a helper (__name) the page lacks.
    const fps = await page.evaluate<number>(`new Promise((done) => {
      let frames = 0;
      const t0 = performance.now();
      const tick = (t) => {
        frames++;
        if (t - t0 < ${FPS_WINDOW_MS}) requestAnimationFrame(tick); else done((frames * 1000) / (t - t0));
      };
      requestAnimationFrame(tick);
    })`);
    const st = await page.evaluate<{ tick: number; drawn: number }>('({ tick: window.breakingRanks.getState().tick, drawn: window.breakingRanks.drawn() })');
    log(`fps: ${fps.toFixed(1)} fps; ${st.drawn} agents drawn; reached tick ${st.tick}${errors.length ? `; page errors: ${errors.join(' | ')}` : ''}`);
    return errors.length > 0 ? null : Math.round(fps * 10) / 10;
  } catch (e) {
    log(`fps could not be measured: ${(e as Error).message.split('\n')[0]}`);
    return null;
  } finally {
    await browser?.close();
    await served?.close();
  }
}
