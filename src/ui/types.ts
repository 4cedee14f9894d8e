/** What every panel is handed, and what it hands back. */
import type { StoreApi } from 'zustand/vanilla';
import type { AgentBuffers, GameStore, SeriesView } from '../store/types';

export interface PanelDeps {
  store: StoreApi<GameStore>;
  /** The run's series so far (rows appended in place by the runner). */
  getSeries: () => SeriesView;
  /** The latest agent buffers by reference (the view's; panels rarely need them). */
  getAgents: () => AgentBuffers | null;
  /** A comparison's run B (empty while none is open). */
  getSeriesB?: () => SeriesView;
}

/** What the page's address asks of the panels (not of the run). */
export interface PageUi {
  /** `lock=1`: the drawer, seed and scenario are read-only (a convenience, not security). */
  lock: boolean;
  /** Switches the projector theme (and records it in the address). */
  toggleProjector(): boolean;
  projector(): boolean;
}

export interface Panel {
  /** The panel's outermost element, to place in the layout. */
  root: HTMLElement;
  destroy(): void;
}
