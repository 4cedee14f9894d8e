/**
 * The DOM panels around the map. `root` receives the side column: notices, run controls, the
 * "now" numbers, the officer inspector and the tactics. Charts and the event feed go to the page's
 * #charts region when there is one (else into root); the briefing and debrief are laid over the
 * map (#game's grid area) when the page has one; the parameter drawer and the key list float
 * above everything. Panels read the store by selector and call its actions; nothing here
 * imports Phaser.
 */
import './style.css';
import type { StoreApi } from 'zustand/vanilla';
import type { AgentBuffers, GameStore, SeriesView } from '../store/types';
import { createBriefing } from './briefing';
import { createCharts } from './charts';
import { createControls, markParamsOpen, markResearchOpen } from './controls';
import { createDebrief } from './debrief';
import { el, throttledLoop, watch } from './dom';
import { createEvents } from './events';
import { createInspector } from './inspector';
import { createKeys } from './keys';
import { createNotice } from './notice';
import { createParams } from './params';
import { createReadout } from './readout';
import { createResearch, type ResearchOptions } from './research/index';
import { createTactics } from './tactics';
import type { PageUi, PanelDeps } from './types';
import { createCompareDialog, createCompareReadout } from './compare';
import { createMapText } from './mapText';
import { createStart } from './start';
import { createTimeline } from './timeline';
import { t } from './strings';

/** Charts and the readout are redrawn at most this often (the series grows every frame). */
export const REDRAW_HZ = 10;

export function createPanels(root: HTMLElement, deps: { store: StoreApi<GameStore>; getSeries: () => SeriesView; getAgents: () => AgentBuffers | null;
  getSeriesB?: () => SeriesView; research?: ResearchOptions; ui?: Partial<PageUi> }): { destroy(): void } {
  const d: PanelDeps = deps;
  const ui: PageUi = { lock: false, toggleProjector: () => false, projector: () => false, ...deps.ui };
  const { store } = d;
  const doc = root.ownerDocument;
  const chartsSlot = doc.getElementById('charts');
  const game = doc.getElementById('game');
  const overlaySlot = game?.parentElement && !root.contains(game) ? game.parentElement : root;

  const notice = createNotice(d);
  const compareDialog = createCompareDialog(d);
  const compareReadout = createCompareReadout(d);
  const briefing = createBriefing(d, { compare: (vs) => void store.getState().setCompare(vs) });
  const start = createStart(d);
  const timeline = createTimeline(d);
  const mapText = createMapText(d);
  const debrief = createDebrief(d);
  const params = createParams(d);
  const readout = createReadout(d);
  const tactics = createTactics(d);
  const inspector = createInspector(d);
  const charts = createCharts(d);
  const events = createEvents(d);
  const research = createResearch({ ...deps.research, onBusy: (label) => controls.researchBusy(label), store });
  if (ui.lock) {
    // A teacher's link: the drawer shows the values but does not change them (a convenience, not security).
    for (const x of params.root.querySelectorAll<HTMLInputElement | HTMLSelectElement | HTMLButtonElement>('input, select, button:not(.br-close)')) {
      x.disabled = true;
      x.title = t('controls.locked');
    }
  }

  const toggleParams = (open = params.isOpen() ? false : true): void => {
    if (open) {
      if (research.isOpen()) toggleResearch(false);
      params.open();
      params.root.querySelector<HTMLElement>('h2')?.focus();
    } else if (params.isOpen()) {
      params.close();
      doc.getElementById('br-params-toggle')?.focus();
    }
    markParamsOpen(root, params.isOpen());
  };
  params.root.querySelector('h2')?.setAttribute('tabindex', '-1');
  params.root.querySelector('.br-close')?.addEventListener('click', () => markParamsOpen(root, false));

  // The research drawer takes the parameter drawer's place (both sit on the right).
  const toggleResearch = (open = !research.isOpen()): void => {
    if (open) {
      if (params.isOpen()) toggleParams(false);
      research.open();
      research.root.querySelector<HTMLElement>('h2')?.focus();
    } else if (research.isOpen()) {
      research.close();
      doc.getElementById('br-research-toggle')?.focus();
    }
    markResearchOpen(root, research.isOpen());
  };
  research.root.querySelector('.br-close')?.addEventListener('click', () => {
    markResearchOpen(root, false);
    doc.getElementById('br-research-toggle')?.focus();
  });

  const keys = createKeys({
    step: () => {
      const s = store.getState();
      if (s.status === 'ready' && s.outcome === null) void s.step(1);
    },
    speed: (dir) => controls.speedUp(dir),
    escape: () => {
      if (params.isOpen()) { toggleParams(false); return true; }
      if (research.isOpen()) { toggleResearch(false); return true; }
      if (store.getState().selectedOfficer !== null) { store.getState().selectOfficer(null); return true; }
      if (compareDialog.isOpen()) { compareDialog.close(); return true; }
      if (debrief.isOpen()) { debrief.close(); return true; }
      if (briefing.isOpen()) { briefing.close(); return true; }
      return false;
    },
  });

  const controls = createControls(d, {
    openBriefing: () => { debrief.close(); briefing.open(); },
    openDebrief: () => { briefing.close(); debrief.open(); },
    toggleParams: () => toggleParams(),
    toggleHelp: () => keys.toggle(),
    toggleResearch: () => toggleResearch(),
    openCompare: () => { briefing.close(); debrief.close(); compareDialog.open(); },
    toggleProjector: () => { controls.setProjector(ui.toggleProjector()); },
    locked: ui.lock,
  });
  controls.setProjector(ui.projector());

  root.classList.add('br-ui');
  controls.root.append(timeline.root);
  root.append(notice.root, controls.root, readout.root, compareReadout.root, tactics.root, inspector.root);
  const lower = el('div', { class: 'br-lower' }, charts.root, events.root);
  (chartsSlot && !root.contains(chartsSlot) ? chartsSlot : root).append(lower);
  overlaySlot.classList.add('br-has-overlays');
  if (game) { game.append(mapText.root); game.setAttribute('aria-describedby', 'br-map-text'); } else root.append(mapText.root);
  doc.body.append(briefing.root, debrief.root, compareDialog.root, params.root, research.root, keys.root, start.root);

  // Bring the inspector into view when an officer is picked (the side column may be scrolled).
  const unsubSelect = watch(store, (s) => s.selectedOfficer, (id) => {
    if (id !== null && typeof inspector.root.scrollIntoView === 'function') inspector.root.scrollIntoView({ block: 'start', behavior: 'smooth' });
  });

  const stopLoop = throttledLoop(REDRAW_HZ, () => { charts.draw(); readout.draw(); compareReadout.draw(); });

  const parts = [notice, briefing, debrief, params, research, readout, tactics, inspector, charts, events, controls, keys, start, timeline, mapText, compareDialog, compareReadout];
  return {
    destroy() {
      stopLoop();
      unsubSelect();
      for (const p of parts) p.destroy();
      lower.remove();
      root.classList.remove('br-ui');
      overlaySlot.classList.remove('br-has-overlays');
    },
  };
}
