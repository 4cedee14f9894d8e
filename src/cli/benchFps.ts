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

export async function measureFps(agentsOnMap: number): Promise<number | null> {
  if (!hasChromium()) { log('fps: /usr/bin/chromium is missing (apt-get install -y chromium)'); return null; }
  let served: Awaited<ReturnType<typeof servePage>> | null = null;
  let browser: Awaited<ReturnType<typeof launchChromium>> | null = null;
  try {
    log(`fps: minsk-2020 with ${agentsOnMap.toLocaleString('en')} agents on the map ...`);
    served = await servePage(await buildOnce());
    browser = await launchChromium({ width: 1280, height: 800 });
    const page = await browser.context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto(`${served.url}?scenario=minsk-2020&seed=1&p.scale=${scaleFor(agentsOnMap)}`);
    await page.waitForFunction(() => window.breakingRanks !== undefined, null, { timeout: 60_000 });
    await page.evaluate(() => window.breakingRanks!.ready());
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
