/** npm run params-doc — writes docs/parameters.md, the parameter reference, from the parameter schema. */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PARAMS_DOC_PATH, paramsDocText } from '../src/cli/paramsDoc';

const file = join(import.meta.dirname, '..', PARAMS_DOC_PATH);
writeFileSync(file, paramsDocText());
process.stdout.write(`params-doc: wrote ${file}\n`);
