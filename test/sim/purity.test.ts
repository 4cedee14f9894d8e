/**
 * The simulation core is pure TypeScript (ARCHITECTURE.md): no clock, no ambient randomness, no
 * timers, no DOM or UI libraries. Every file under src/sim is scanned; the only import allowed from
 * outside src/sim is 'seedrandom' (the seeded streams of rng.ts).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const SIM_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../../src/sim');

const FORBIDDEN: Array<[string, RegExp]> = [
  ['Math.random', /\bMath\s*\.\s*random\b/],
  ['Date.now', /\bDate\s*\.\s*now\b/],
  ['performance.now', /\bperformance\s*\.\s*now\b/],
  ['new Date', /\bnew\s+Date\b/],
  ['setTimeout', /\bsetTimeout\b/],
  ['setInterval', /\bsetInterval\b/],
];

const ALLOWED_PACKAGES = new Set(['seedrandom']);

/** Every module specifier in the text: static imports/exports, `import type`, dynamic import(), require(). */
function moduleSpecifiers(text: string): string[] {
  const out: string[] = [];
  const patterns = [
    /\b(?:import|export)\s+(?:type\s+)?(?:[\w*${}\s,]+?\s+from\s+)?['"]([^'"]+)['"]/g,
    /\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)/g,
    /\brequire\s*\(\s*['"]([^'"]+)['"]\s*\)/g,
  ];
  for (const re of patterns) for (const m of text.matchAll(re)) out.push(m[1]);
  return out;
}

/** Strips comments so a doc comment that *mentions* Math.random or a package is not flagged. */
function stripComments(text: string): string {
  return text.replace(/\/\*[\s\S]*?\*\//g, ' ').replace(/(^|[^:'"`\\])\/\/.*$/gm, '$1');
}

/** Problems in one file's text; an empty list means the file is pure. */
function scanSource(text: string, file = '<text>'): string[] {
  const problems: string[] = [];
  const code = stripComments(text);
  const name = file === '<text>' ? file : relative(SIM_DIR, file);
  for (const [what, re] of FORBIDDEN) if (re.test(code)) problems.push(`${name}: uses ${what}`);
  for (const spec of moduleSpecifiers(code)) {
    const relativePath = spec.startsWith('./') || spec.startsWith('../');
    if (!relativePath && !ALLOWED_PACKAGES.has(spec)) problems.push(`${name}: imports '${spec}'`);
    if (relativePath) {
      // A relative import must stay inside src/sim (no reaching into the UI or src/scenarios).
      const target = resolve(dirname(file), spec);
      if (file !== '<text>' && !(target === SIM_DIR || target.startsWith(SIM_DIR + sep)))
        problems.push(`${name}: imports '${spec}' from outside src/sim`);
    }
  }
  return problems;
}

function listFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...listFiles(p));
    else out.push(p);
  }
  return out;
}

describe('the scanner itself', () => {
  it('flags each forbidden call', () => {
    expect(scanSource('const x = Math.random();')).toHaveLength(1);
    expect(scanSource('const t = Date.now();')).toHaveLength(1);
    expect(scanSource('const t = performance.now();')).toHaveLength(1);
    expect(scanSource('const d = new Date(0);')).toHaveLength(1);
    expect(scanSource('setTimeout(() => 1, 0);')).toHaveLength(1);
    expect(scanSource('const h = setInterval(f, 10);')).toHaveLength(1);
  });
  it('flags package imports other than seedrandom, in every import form', () => {
    expect(scanSource("import Phaser from 'phaser';")).toEqual(["<text>: imports 'phaser'"]);
    expect(scanSource("import { create } from 'zustand';")).toHaveLength(1);
    expect(scanSource("import type { Foo } from 'zustand';")).toHaveLength(1);
    expect(scanSource("import 'phaser';")).toHaveLength(1);
    expect(scanSource("export * from 'phaser';")).toHaveLength(1);
    expect(scanSource("const m = await import('node:fs');")).toHaveLength(1);
    expect(scanSource("const fs = require('fs');")).toHaveLength(1);
    expect(scanSource("import {\n  a,\n  b,\n} from 'zustand';")).toHaveLength(1);
  });
  it('accepts relative imports, seedrandom and mentions in comments', () => {
    expect(scanSource("import seedrandom from 'seedrandom';\nimport { x } from './state';\nimport type { P } from '../params/schema';")).toEqual([]);
    expect(scanSource('/** never Math.random or Date.now here */\n// nor setTimeout\nconst a = 1;')).toEqual([]);
    expect(scanSource('const randomly = 1; const updateNow = 2;')).toEqual([]);
  });
});

describe('src/sim is pure', () => {
  const files = listFiles(SIM_DIR);
  it('has source files to scan', () => {
    expect(files.length).toBeGreaterThan(10);
    expect(files.some((f) => f.endsWith(`${sep}advance.ts`))).toBe(true);
  });
  it('contains no clock, ambient randomness, timers or non-relative imports but seedrandom', () => {
    const problems = files.flatMap((f) => scanSource(readFileSync(f, 'utf8'), f));
    expect(problems).toEqual([]);
  });
  it('flags a relative import that leaves src/sim', () => {
    const file = join(SIM_DIR, 'rules', 'x.ts');
    expect(scanSource("import { getPreset } from '../../scenarios';", file)).toEqual([
      "rules/x.ts: imports '../../scenarios' from outside src/sim",
    ]);
    expect(scanSource("import { CHANNELS } from '../state';", file)).toEqual([]);
  });
});
