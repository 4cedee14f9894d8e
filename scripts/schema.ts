/** npm run schema — writes docs/scenario.schema.json, the JSON Schema editors check scenario files with. */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SCHEMA_PATH, scenarioJsonSchemaText } from '../src/scenarios/jsonSchema';

const file = join(import.meta.dirname, '..', SCHEMA_PATH);
writeFileSync(file, scenarioJsonSchemaText());
process.stdout.write(`schema: wrote ${file}\n`);
