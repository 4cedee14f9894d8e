/**
 * The built page in the system's headless Chromium, for the end-to-end tests and the frame-rate
 * benchmark: build once with Vite, serve the folder with `vite preview` on a free port, and
 * launch Debian's /usr/bin/chromium through playwright-core (never a downloaded browser) with
 * the flags the machines' notes found necessary (without the network ones Chromium hammers the closed
 * network). Node only.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { BrowserContext } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--no-sandbox', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update',
  '--disable-sync', '--disable-dev-shm-usage', '--mute-audio',
  // Keep timers and animation frames running in a page nobody is looking at.
  '--disable-background-timer-throttling', '--disable-renderer-backgrounding', '--disable-backgrounding-occluded-windows',
];

export const hasChromium = (): boolean => existsSync(CHROMIUM);

/** A port nobody listens on right now (for `--strictPort`). */
export function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const srv = createServer();
    srv.once('error', fail);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => ok(port));
    });
  });
}

export interface Served { url: string; close(): Promise<void> }

/** `vite build` of the page into outDir. */
export async function buildPage(outDir: string, root = process.cwd()): Promise<void> {
  const { build } = await import('vite');
  await build({ root, logLevel: 'error', build: { outDir: resolve(outDir), emptyOutDir: true } });
}

/** `vite preview --strictPort` of a built folder on a free port. */
export async function servePage(outDir: string, root = process.cwd()): Promise<Served> {
  const { preview } = await import('vite');
  const port = await freePort();
  const server = await preview({ root, logLevel: 'warn', build: { outDir: resolve(outDir) }, preview: { port, strictPort: true, host: '127.0.0.1', open: false } });
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () => new Promise<void>((ok) => { server.httpServer.close(() => ok()); }),
  };
}

export async function buildAndServe(root = process.cwd(), outDir = join(root, 'dist')): Promise<Served> {
  await buildPage(outDir, root);
  return servePage(outDir, root);
}

export interface Browser { context: BrowserContext; close(): Promise<void> }

/** A persistent context on a fresh profile folder (removed on close). */
export async function launchChromium(viewport = { width: 1280, height: 800 }, extraArgs: string[] = (process.env.BR_CHROMIUM_ARGS ?? '').split(' ').filter(Boolean)): Promise<Browser> {
  const { chromium } = await import('playwright-core');
  const profile = mkdtempSync(join(tmpdir(), 'br-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM, headless: true, args: [...CHROMIUM_ARGS, ...extraArgs], viewport,
  });
  return {
    context,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
