/**
 * One config for the dev server, the production build and Vitest.
 * No telemetry and no CDN: everything is bundled from node_modules.
 */
import { defineConfig } from 'vitest/config';

/** End-to-end tests (test/e2e, playwright-core + system Chromium) run only when E2E is set. */
const e2e = Boolean(process.env.E2E);

export default defineConfig({
  // Relative asset paths: the built folder runs from any directory or static host.
  base: './',
  build: {
    // Phaser's chunk alone is ~1.4 MB.
    chunkSizeWarningLimit: 2500,
    sourcemap: true,
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
