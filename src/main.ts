/**
 * Composition root (nothing imports it): the address -> the run to play; the store around the
 * model's worker; the map (src/view) and the panels (src/ui) reading that store; the page shell
 * (address sync, replay file, Space) and the scripting handle window.breakingRanks.
 * The page opens paused at tick 0 and focuses nothing, so Space plays at once.
 */
import './layout.css';
import { createWorkerRunner } from './runner/client';
import { createGameStore, getAgents, getSeries } from './store';
import { parseRunQuery } from './ui/query';
import { createPanels } from './ui/app';
import { createGame } from './view/index';
import { installHandle } from './handle';
import { spaceToggles, wireReplay } from './shell';

function main(): void {
  const { run, errors } = parseRunQuery(window.location.search);
  const store = createGameStore(createWorkerRunner());
  installHandle(store);
  wireReplay(store);
  spaceToggles(store);

  // Panels first: if the map cannot start (no canvas support), the notice and controls still work.
  const panels = document.getElementById('panels');
  if (panels) createPanels(panels, { store, getSeries, getAgents });
  const game = document.getElementById('game');
  if (game) {
    try {
      createGame(game, { store, getAgents });
    } catch (e) {
      store.setState({ notice: `The map could not start: ${e instanceof Error ? e.message : String(e)}` });
    }
  }
  store.getState().start(run, errors);
}

main();
