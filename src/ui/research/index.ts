/** The research panel (ensembles and sweeps in Web Workers): public surface for src/ui/app.ts. */
export { createResearch } from './panel';
export type { ResearchOptions, ResearchPanel } from './panel';
export { defaultWorkerCount } from './pool';
