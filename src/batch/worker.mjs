// Worker bootstrap for src/batch/nodePool.ts: a worker thread starts as plain Node, so it registers
// tsx's ES-module loader and then imports the TypeScript worker as an ES module. Not tsx's CommonJS
// hook: its output reaches every imported function through a getter on the module's exports, which
// made each run in a worker thread some 40% slower than the same run in the main thread (campaigns:
// 8.9 against 16.6 runs a second in one thread, 2 December 2026).
import { register } from 'tsx/esm/api';

register();
await import('./worker.ts');
