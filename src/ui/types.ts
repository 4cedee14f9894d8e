/** What every panel is handed, and what it hands back. */
import type { StoreApi } from 'zustand/vanilla';
import type { AgentBuffers, GameStore, SeriesView } from '../store/types';

export interface PanelDeps {
  store: StoreApi<GameStore>;
  /** The run's series so far (rows appended in place by the runner). */
  getSeries: () => SeriesView;
  /** The latest agent buffers by reference (the view's; panels rarely need them). */
  getAgents: () => AgentBuffers | null;
}

export interface Panel {
  /** The panel's outermost element, to place in the layout. */
  root: HTMLElement;
  destroy(): void;
}
