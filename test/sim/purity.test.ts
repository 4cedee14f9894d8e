/**
 * The simulation core is pure TypeScript (docs/model.md section 2): no clock, no ambient randomness, no
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

/**
 * Module-level mutable state: every run's state must live in its SimState (so runs are
 * independent and can be snapshot and restored). At the top level of a module (brace depth 0) a
 * `let` or `var`, or a `const` bound to a constructed object (`new ...`: a Map, a typed array, a
 * WeakMap) or to an array or object literal that is not `as const` or frozen, is flagged.
 * Classes, functions and `as const` data tables are fine.
 */
function moduleState(text: string, name = '<text>'): string[] {
  const code = stripComments(text).replace(/'(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*"|`(?:[^`\\]|\\.)*`/g, "''");
  const out: string[] = [];
  let depth = 0, start = 0;
  const statements: string[] = [];
  for (let i = 0; i < code.length; i++) {
    const ch = code[i];
    if (ch === '{' || ch === '(' || ch === '[') depth++;
    else if (ch === '}' || ch === ')' || ch === ']') { depth--; if (depth === 0 && ch === '}' && /^\s*(export\s+)?(async\s+)?(function|class|interface|enum|namespace)\b/.test(code.slice(start, i))) { statements.push(code.slice(start, i + 1)); start = i + 1; } }
    else if (ch === ';' && depth === 0) { statements.push(code.slice(start, i + 1)); start = i + 1; }
  }
  for (const st of statements) {
    const t = st.trim();
    if (/^(export\s+)?(let|var)\b/.test(t)) out.push(`${name}: module-level ${t.split(/\s+/).slice(0, 3).join(' ')}`);
    const m = /^(?:export\s+)?const\s+([\w$]+)\s*(?::[^=]+)?=\s*([\s\S]*)$/.exec(t);
    if (!m) continue;
    const init = m[2].trim();
    const frozen = /\bas const\s*(satisfies[\s\S]*)?;?$/.test(init) || /^Object\.freeze\(/.test(init);
    if (/^new\s/.test(init)) out.push(`${name}: module-level const ${m[1]} = new ...`);
    else if (/^[[{]/.test(init) && !frozen) out.push(`${name}: module-level mutable const ${m[1]}`);
  }
  return out;
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

describe('the module-state scanner', () => {
  it('flags top-level let, var, constructed objects and unfrozen literals', () => {
    expect(moduleState('let cache = 1;')).toHaveLength(1);
    expect(moduleState('export let x = 2;')).toHaveLength(1);
    expect(moduleState('var y;')).toHaveLength(1);
    expect(moduleState('const seen = new WeakSet<object>();')).toHaveLength(1);
    expect(moduleState('const buf = new Float64Array(0);')).toHaveLength(1);
    expect(moduleState('const list: number[] = [];')).toHaveLength(1);
    expect(moduleState('export const table = { a: 1 };')).toHaveLength(1);
  });
  it('accepts functions, classes, frozen tables and state inside functions', () => {
    expect(moduleState('export const T = { a: 1 } as const;\nconst K = [1, 2] as const satisfies readonly number[];')).toEqual([]);
    expect(moduleState('function f() { let x = 1; const m = new Map(); return x + m.size; }\nclass C { private u = 0; }')).toEqual([]);
    expect(moduleState("const LIMIT = 8;\nconst f = (x: number) => { const a = []; return a; };\nexport const S = Object.freeze({ a: 1 });")).toEqual([]);
    expect(moduleState("const msg = 'let x = 1; new Map()';")).toEqual([]);
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
  it('keeps no state at module level (everything a run depends on lives in its SimState)', () => {
    const problems = files.flatMap((f) => moduleState(readFileSync(f, 'utf8'), relative(SIM_DIR, f)));
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
