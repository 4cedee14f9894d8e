/**
 * Node-only scenario loading (CLI, scripts, tests): a preset id, or a JSON file relative to
 * baseDir. Kept out of index.ts so the browser bundle never pulls in node:fs.
 */
import { readFileSync } from 'node:fs';
import { resolve, sep } from 'node:path';
import type { ScenarioData } from '../sim/scenarioData';
import { ScenarioError } from './check';
import { getPreset } from './presets';
import { validateScenario } from './validate';

/** A file path rather than a preset id: ends in .json or names a folder. */
export const isScenarioPath = (s: string): boolean => s.endsWith('.json') || s.includes('/') || s.includes(sep);

/** "line L, column C" for a character offset, since parsers report only the offset. */
function lineCol(text: string, pos: number): string {
  const before = text.slice(0, pos).split('\n');
  return `line ${before.length}, column ${before[before.length - 1].length + 1}`;
}

/** Parses JSON text, turning a syntax error into one line with its position. */
export function parseJson(text: string, source: string): unknown {
  try {
    return JSON.parse(text);
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e);
    const m = /position (\d+)/.exec(msg);
    const pos = m ? Number(m[1]) : /end of JSON input/.test(msg) ? text.length : -1;
    throw new ScenarioError(`${source}: malformed JSON${pos >= 0 ? ` at ${lineCol(text, pos)}` : ''}: ${msg}`);
  }
}

export function loadScenario(idOrPath: string, baseDir: string): ScenarioData {
  if (!isScenarioPath(idOrPath)) return getPreset(idOrPath);
  const file = resolve(baseDir, idOrPath);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new ScenarioError(code === 'ENOENT' ? `${idOrPath}: scenario file not found (looked for ${file})`
      : `${idOrPath}: cannot read scenario file: ${(e as Error).message}`);
  }
  return validateScenario(parseJson(text, idOrPath), idOrPath);
}
