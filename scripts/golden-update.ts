/** npm run golden:update — rewrites test/golden/*.json after an intended change to the model. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { GOLDEN_CASES, goldenTrace } from '../src/cli/golden';

const dir = join(import.meta.dirname, '..', 'test', 'golden');
mkdirSync(dir, { recursive: true });
for (const c of GOLDEN_CASES) {
  const file = join(dir, `${c.name}.json`);
  writeFileSync(file, `${JSON.stringify(goldenTrace(c, process.cwd()), null, 1)}\n`);
  process.stdout.write(`golden: wrote ${file}\n`);
}
