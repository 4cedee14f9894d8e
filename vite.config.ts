/**
 * One config for the dev server, the production build and Vitest.
 * No telemetry and no CDN: everything is bundled from node_modules.
 */
import { existsSync } from 'node:fs';
import type { Plugin } from 'vite';
import { defineConfig } from 'vitest/config';

/**
 * index.html carries the page's Content-Security-Policy, and the built page keeps it exactly. The
 * dev server (npm start) only works with two additions, so it serves a relaxed copy: Vite injects
 * each CSS file as a <style> element from JavaScript (style-src 'unsafe-inline'), and its hot
 * reload talks over a WebSocket (connect-src ws:). Scripts stay 'self' in both.
 */
function devServerCsp(): Plugin {
  return {
    name: 'breaking-ranks:dev-csp',
    apply: 'serve',
    transformIndexHtml: (html) => html
      .replace("style-src 'self'", "style-src 'self' 'unsafe-inline'")
      .replace("connect-src 'self'", "connect-src 'self' ws: wss:"),
  };
}

/**
 * End-to-end tests (test/e2e: playwright-core driving the system Chromium, never a downloaded
 * one) run whenever that Chromium is installed; E2E=1 insists on them, E2E=0 skips them.
 */
const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const e2e = process.env.E2E ? process.env.E2E !== '0' : existsSync(chromium);
if (!e2e && process.env.VITEST && !process.env.E2E)
  console.warn(`browser tests skipped: no Chromium at ${chromium} (Debian: apt-get install -y chromium)`);

export default defineConfig({
  // Relative asset paths: the built folder runs from any directory or static host.
  base: './',
  plugins: [devServerCsp()],
  build: {
    // Phaser's chunk alone is ~1.4 MB.
    chunkSizeWarningLimit: 2500,
    // No source maps in the shipped folder (the dev server has its own).
    sourcemap: false,
  },
  worker: {
    format: 'es',
  },
  test: {
    environment: 'node',
    include: ['test/**/*.test.ts'],
    exclude: e2e ? ['**/node_modules/**'] : ['**/node_modules/**', 'test/e2e/**'],
    // Builds the page once and serves it for the browser tests.
    globalSetup: e2e ? ['test/e2e/globalSetup.ts'] : [],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});
