/**
 * docs/parameters.md, the parameter reference, is what paramsDocText() generates from the
 * parameter schema (npm run params-doc), and lists every parameter once, under its group.
 */
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { anchor, paramGroups, PARAMS_DOC_PATH, paramsDocText } from '../../src/cli/paramsDoc';
import { PARAM_KEYS, PARAM_SPECS } from '../../src/sim/params/schema';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

describe('docs/parameters.md', () => {
  const text = readFileSync(join(ROOT, PARAMS_DOC_PATH), 'utf8');

  it('is the reference paramsDocText() generates from the schema', () => {
    expect(text === paramsDocText(), `${PARAMS_DOC_PATH} is out of date: run npm run params-doc`).toBe(true);
  });

  it('is deterministic', () => {
    expect(paramsDocText()).toBe(paramsDocText());
  });

  it('has one table row per parameter, under the heading of its group', () => {
    const rows = text.split('\n').filter((l) => l.startsWith('| `'));
    expect(rows.map((l) => l.slice(3, l.indexOf('`', 3)))).toEqual(paramGroups().flatMap(([, keys]) => keys));
    expect([...rows.map((l) => l.slice(3, l.indexOf('`', 3)))].sort()).toEqual([...PARAM_KEYS].sort());
    const sections = text.split(/^## /m).slice(1);
    for (const k of PARAM_KEYS) {
      const group = PARAM_SPECS[k].group;
      const section = sections.find((s) => s.startsWith(`${group}\n`));
      expect(section, `a section for group ${group}`).toBeDefined();
      expect(section, k).toContain(`| \`${k}\` | ${PARAM_SPECS[k].kind} |`);
    }
  });

  it('links every group from its list of groups', () => {
    for (const [g] of paramGroups()) expect(text).toContain(`- [${g}](#${anchor(g)})`);
    expect(anchor('channel: backfire')).toBe('channel-backfire');
  });
});
