/** What the view needs from the rest of the page (the composition root supplies it). */
import type { StoreApi } from 'zustand/vanilla';
import type { AgentBuffers } from '../runner/protocol';
import type { GameStore } from '../store/types';

export interface ViewDeps {
  store: StoreApi<GameStore>;
  /** The latest frame's agent buffers, read within the frame (the arrays are reused). */
  getAgents: () => AgentBuffers | null;
}
