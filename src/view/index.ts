/**
 * The view's public surface: createGame() starts the Phaser map inside `parent`. The view reads
 * the store and the frame's agent buffers and draws; its only write is selectOfficer().
 */
import type { ViewDeps } from './deps';
import { startGame } from './game';
import type { RendererChoice } from './renderer';

export type { ViewDeps } from './deps';
export type { RendererChoice } from './renderer';

export interface GameHandle {
  destroy(): void;
  /** Which renderer was chosen ('canvas' on software WebGL or ?renderer=canvas). */
  readonly renderer: RendererChoice;
}

export function createGame(parent: HTMLElement, deps: ViewDeps): GameHandle {
  const started = startGame(parent, deps);
  return { destroy: () => started.destroy(), renderer: started.renderer };
}
