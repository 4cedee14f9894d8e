/**
 * Composition root (nothing imports it): the address -> the run to play (or the start screen);
 * the store around the model's worker; the map (src/view) — two maps side by side while a
 * comparison's run B is open — and the panels (src/ui) reading that store; the page shell
 * (address sync, replay file, Space, projector) and the scripting handle window.breakingRanks.
 * The page opens paused: the clock starts when the player says so.
 */
import './layout.css';
import { createStore } from 'zustand/vanilla';
import { createWorkerRunner } from './runner/client';
import { createGameStore, getAgents, getAgentsB, getSeries, getSeriesB, type GameStore, type GameStoreApi } from './store';
import { parseRunQuery } from './ui/query';
import { createPanels } from './ui/app';
import { changesText } from './ui/compare';
import { t } from './ui/strings';
import { createGame, type GameHandle } from './view/index';
import { installHandle } from './handle';
import { projectorToggle, spaceToggles, wireReplay } from './shell';
import { resolveParams, getPreset } from './scenarios';

/** B's map reads a mirror of the store: B's meta, events and outcome in A's places. */
function mirrorB(store: GameStoreApi): GameStoreApi {
  const pick = (s: GameStore): GameStore => ({
    ...s, meta: s.compare?.meta ?? null, status: s.compare?.meta ? s.status : 'loading', events: s.compare?.events ?? [],
    outcome: s.compare?.outcome ?? null, fallCause: s.compare?.fallCause ?? null, tippingTick: s.compare?.tippingTick ?? null,
    selectedOfficer: null, inspected: null, selectOfficer: () => {},
  });
  const mirror = createStore<GameStore>()(() => pick(store.getState())) as unknown as GameStoreApi;
  store.subscribe((s) => mirror.setState(pick(s), true));
  return mirror;
}

function main(): void {
  const { run, errors, page } = parseRunQuery(window.location.search);
  const store = createGameStore(createWorkerRunner());
  installHandle(store);
  wireReplay(store);
  spaceToggles(store);
  const projector = projectorToggle(page.projector);

  const game = document.getElementById('game');
  const mapA = document.createElement('div');
  mapA.className = 'br-map br-map-a';
  const labelA = document.createElement('p');
  labelA.className = 'br-map-label';
  labelA.hidden = true;
  labelA.textContent = t('compare.labelA');
  mapA.append(labelA);
  game?.append(mapA);

  // Panels first: if the map cannot start (no canvas support), the notice and controls still work.
  const panels = document.getElementById('panels');
  if (panels) createPanels(panels, { store, getSeries, getAgents, getSeriesB, ui: { lock: page.lock, toggleProjector: projector.toggle, projector: projector.on } });
  if (game) {
    let handleA: GameHandle | null = null;
    const startA = (): void => {
      handleA?.destroy();
      handleA = null;
      try {
        handleA = createGame(mapA, { store, getAgents });
      } catch (e) {
        store.setState({ notice: `The map could not start: ${e instanceof Error ? e.message : String(e)}` });
      }
    };
    startA();
    // The comparison's map: made when a run B opens, removed when it closes.
    let b: { handle: GameHandle | null; el: HTMLElement } | null = null;
    const mirror = mirrorB(store);
    store.subscribe((s) => s.compare !== null && s.compare.meta !== null, (open) => {
      game.classList.toggle('br-comparing', open);
      document.body.classList.toggle('br-comparing', open);
      labelA.hidden = !open;
      if (open && !b) {
        const el = document.createElement('div');
        el.className = 'br-map br-map-b';
        const label = document.createElement('p');
        label.className = 'br-map-label';
        label.textContent = t('compare.labelB', { changes: store.getState().vs ? changesText(store.getState().vs!) : '' });
        el.append(label);
        game.append(el);
        let handle: GameHandle | null = null;
        try { handle = createGame(el, { store: mirror, getAgents: getAgentsB }); } catch { handle = null; }
        b = { handle, el };
        startA(); // A's map is made again at its new width (the canvas does not shrink by itself)
      } else if (!open && b) {
        b.handle?.destroy();
        b.el.remove();
        b = null;
        startA();
      }
    }, { fireImmediately: false });
    store.subscribe((s) => s.vs, (vs) => {
      const label = game.querySelector('.br-map-b .br-map-label');
      if (label && vs) label.textContent = t('compare.labelB', { changes: changesText(vs) });
    });
  }
  if (!page.hasScenario || page.unknownScenario) store.getState().showStart(errors.length ? errors.join(' ') : null);
  else {
    const tpd = 24 / resolveParams(getPreset(run.scenarioId), run.sets).hoursPerTick;
    store.getState().start(run, errors, { startTick: page.day === null ? 0 : (page.day - 1) * tpd });
  }
}

main();
