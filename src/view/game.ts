/**
 * The game factory, kept apart from the DOM entry (main.ts): picks the renderer, fits the game to
 * its container and registers the scenes (Boot -> City).
 */
import * as Phaser from 'phaser';
import type { ViewDeps } from './deps';
import { PALETTE } from './palette';
import { cssHex } from './color';
import { chooseRenderer, probeGpu, type RendererChoice } from './renderer';
import { Boot } from './scenes/Boot';
import { City } from './scenes/City';

export interface StartedGame {
  game: Phaser.Game;
  renderer: RendererChoice;
  destroy(): void;
}

export function startGame(parent: HTMLElement, deps: ViewDeps, search: string = window.location.search): StartedGame {
  const renderer = chooseRenderer(search, probeGpu());
  const game = new Phaser.Game({
    type: renderer === 'canvas' ? Phaser.CANVAS : Phaser.WEBGL,
    parent,
    backgroundColor: cssHex(PALETTE.background),
    banner: false,
    // Fill the container and follow it when the window (or the page layout) changes size.
    scale: {
      mode: Phaser.Scale.RESIZE,
      width: Math.max(1, parent.clientWidth),
      height: Math.max(1, parent.clientHeight),
    },
    // No MSAA: ruinous under software GL and useless for a pixel buffer.
    render: { antialias: false, antialiasGL: false, roundPixels: true, powerPreference: 'high-performance' },
    // Pan, zoom and picking use DOM events on the canvas (controls.ts); Phaser's input stays off.
    input: { keyboard: false, mouse: false, touch: false, gamepad: false },
    audio: { noAudio: true },
    scene: [new Boot(), new City(deps)],
  });
  // The window's resize event misses layout changes (a panel folding): watch the container too.
  // Phaser's refresh() does not always shrink the canvas inside a flex item (two maps side by
  // side): size it to the container explicitly.
  const fit = (): void => {
    const w = Math.max(1, parent.clientWidth), h = Math.max(1, parent.clientHeight);
    if (game.scale.width !== w || game.scale.height !== h) game.scale.resize(w, h); else game.scale.refresh();
  };
  const observer = typeof ResizeObserver === 'function' ? new ResizeObserver(fit) : null;
  observer?.observe(parent);
  return {
    game,
    renderer,
    destroy(): void {
      observer?.disconnect();
      game.destroy(true);
    },
  };
}
