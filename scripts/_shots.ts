// scratch: npx tsx scripts/_shots.ts "<search>" name W H steps ["<js>"]   (needs dist/ from npx vite build)
import { preview } from 'vite';
import { chromium } from 'playwright-core';
import { mkdirSync } from 'node:fs';
const [search, name, W, H, steps, js] = process.argv.slice(2);
const server = await preview({ logLevel: 'warn', preview: { port: 4199, strictPort: true, host: '127.0.0.1' } });
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
const page = await browser.newPage({ viewport: { width: Number(W), height: Number(H) } });
page.on('pageerror', (e) => console.error('pageerror', String(e)));
page.on('console', (m) => { if (m.type() === 'error') console.error('console', m.text()); });
await page.goto(`http://127.0.0.1:4199/${search}`);
await page.waitForFunction(() => (window as any).breakingRanks !== undefined, null, { timeout: 30000 });
await page.evaluate(() => (window as any).breakingRanks.ready());
if (Number(steps) > 0) await page.evaluate((k) => (window as any).breakingRanks.step(k), Number(steps));
if (js) { await page.evaluate(js); await page.waitForTimeout(800); }
await page.waitForTimeout(800);
mkdirSync('test-artifacts', { recursive: true });
await page.screenshot({ path: `test-artifacts/${name}.png` });
console.log(JSON.stringify(await page.evaluate(() => (window as any).breakingRanks.summary())).slice(0, 300));
await browser.close(); server.httpServer.close(); process.exit(0);
