// Worker bootstrap for src/batch/nodePool.ts: a worker thread starts as plain Node, so it registers
// tsx's loader first and then imports the TypeScript worker (works under `npm run`, tsx and vitest).
import { register } from 'tsx/esm/api';

register();
await import('./worker.ts');
