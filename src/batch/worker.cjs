// Worker bootstrap for src/batch/nodePool.ts: a worker thread starts as plain Node, so it registers
// tsx's require hook (in this thread: no loader thread of its own) and then loads the TypeScript worker.
require('tsx/cjs/api').register();
require('./worker.ts');
