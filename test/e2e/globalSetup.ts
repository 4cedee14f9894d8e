/**
 * Builds the page once and serves dist/ for every end-to-end test file (vitest globalSetup,
 * only when E2E is set: see vite.config.ts). Tests read the address with inject('baseUrl').
 */
import type { TestProject } from 'vitest/node';
import { buildAndServe, hasChromium } from '../../src/cli/browser';

declare module 'vitest' {
  export interface ProvidedContext { baseUrl: string }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  if (!hasChromium()) throw new Error('E2E is set but /usr/bin/chromium is missing: apt-get install -y chromium');
  const served = await buildAndServe();
  project.provide('baseUrl', served.url);
  return () => served.close();
}
