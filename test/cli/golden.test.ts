/**
 * Golden traces: each stored run must come out identical, bit for bit in its JSON. If this
 * fails after an intended model change, run `npm run golden:update` and review the diff.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { GOLDEN_CASES, goldenTrace } from '../../src/cli/golden';

describe('golden traces', () => {
  for (const c of GOLDEN_CASES) {
    it(`${c.name} matches test/golden/${c.name}.json`, () => {
      const stored = JSON.parse(readFileSync(join(__dirname, '..', 'golden', `${c.name}.json`), 'utf8'));
      const now = goldenTrace(c, process.cwd());
      expect(now).toEqual(stored);
    });
  }
});
