/**
 * The research drawer: the form, Run and Cancel, the progress bar and the results. A batch runs
 * in Web Workers (pool.ts) while the game goes on; closing the drawer does not stop it (the
 * Research button shows how far it is). Cancel terminates the workers and keeps no statistics
 * of the partial batch. The page's rows and JSON are the CLI's for the same plan.
 */
import './research.css';
import type { StoreApi } from 'zustand/vanilla';
import { batchInfo, batchResult, type BatchResult } from '../../batch/index';
import type { GameStore } from '../../store/types';
import { button, el, setText } from '../dom';
import { fmtPct } from '../format';
import { t } from '../strings';
import { fileBase } from './form';
import { createFormView } from './formView';
import { BatchCancelled, defaultWorkerCount, runPool, type PoolRun, type WorkerLike } from './pool';
import { createProgress, fmtDuration } from './progress';
import { renderResults, type Results } from './results';

export interface ResearchOptions {
  workers?: number;
  createWorker?: () => WorkerLike;
  /** Told the batch's progress (a short label) while one runs, and null when it ends. */
  onBusy?: (label: string | null) => void;
  /** The game's store: the open scenario, its parameter changes and strategy become the form's defaults. */
  store?: StoreApi<GameStore>;
  now?: () => number;
}

export interface ResearchPanel {
  root: HTMLElement;
  open(): void;
  close(): void;
  isOpen(): boolean;
  running(): boolean;
  /** The last finished batch (tests, scripts). */
  result(): BatchResult | null;
  destroy(): void;
}

export function createResearch(opts: ResearchOptions = {}): ResearchPanel {
  const workers = opts.workers ?? defaultWorkerCount();
  const now = opts.now ?? (() => performance.now());
  const form = createFormView(workers);
  const progress = createProgress();
  const status = el('p', { class: 'br-research-status', role: 'status' });
  const slot = el('div', { class: 'br-research-slot' });
  const closeBtn = button('×', () => hide(), { class: 'br-close', 'aria-label': t('research.close'), title: t('research.close') });
  const runBtn = button(t('research.run'), () => void run(), { class: 'br-primary br-research-run', id: 'br-research-run' });
  const cancelBtn = button(t('research.cancel'), () => pool?.cancel(), { class: 'br-secondary br-research-cancel', id: 'br-research-cancel', disabled: true });

  // Head and foot stay put; the body (form, then results) scrolls: Run, Cancel and the progress are always in view.
  const body = el('div', { class: 'br-research-body' }, el('p', { class: 'br-note' }, t('research.intro')), form.root, slot);
  const root = el('aside', { class: 'br-drawer br-research', id: 'br-research', 'aria-labelledby': 'br-research-title', hidden: true },
    el('div', { class: 'br-panel-head br-research-head' }, el('h2', { id: 'br-research-title', tabindex: -1 }, t('research.title')), closeBtn),
    body,
    el('div', { class: 'br-research-foot' }, el('div', { class: 'br-inline br-research-actions' }, runBtn, cancelBtn, progress.root), status));

  let pool: PoolRun | null = null;
  let results: Results | null = null;
  let last: BatchResult | null = null;

  function setRunning(on: boolean): void {
    // The button about to be disabled may hold the focus: hand it to the other one.
    const moveTo = document.activeElement === (on ? runBtn : cancelBtn) ? (on ? cancelBtn : runBtn) : null;
    form.setDisabled(on);
    runBtn.disabled = on;
    cancelBtn.disabled = !on;
    root.classList.toggle('br-research-running', on);
    moveTo?.focus();
  }

  async function run(): Promise<void> {
    if (pool) return;
    const c = form.check();
    if (!c.ok) {
      root.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
      return;
    }
    results?.destroy();
    results = null;
    last = null;
    const info = batchInfo(c.plan, c.kind);
    const indices = Array.from({ length: c.total }, (_, g) => g);
    const t0 = now();
    setRunning(true);
    progress.start(c.total, t0);
    setText(status, t('research.started', { total: c.total }));
    opts.onBusy?.(fmtPct(0, 0));
    const current = runPool(c.plan, indices, {
      workers, createWorker: opts.createWorker,
      onProgress: (done) => { progress.update(done, now()); opts.onBusy?.(fmtPct(progress.fraction(), 0)); },
    });
    pool = current;
    try {
      const rows = await current.result;
      last = batchResult(info, rows);
      progress.update(c.total, now());
      progress.stop(null);
      setText(status, t('research.finished', { total: c.total, time: fmtDuration(now() - t0) }));
      results = renderResults(last, fileBase(c.plan));
      slot.append(results.root);
      if (!root.hidden && typeof results.root.scrollIntoView === 'function') results.root.scrollIntoView({ block: 'start' });
    } catch (e) {
      progress.stop(t('research.partialLabel'));
      setText(status, e instanceof BatchCancelled ? t('research.cancelled', { done: e.done, total: e.total })
        : t('research.failed', { message: e instanceof Error ? e.message : String(e) }));
    } finally {
      pool = null;
      setRunning(false);
      opts.onBusy?.(null);
    }
  }

  function show(): void {
    const s = opts.store?.getState();
    if (s && s.scenarioId && !pool) form.setGame(s.scenarioId, s.sets, s.strategy);
    root.hidden = false;
  }
  function hide(): void { root.hidden = true; }

  return {
    root,
    open: show,
    close: hide,
    isOpen: () => !root.hidden,
    running: () => pool !== null,
    result: () => last,
    destroy() { pool?.cancel(); results?.destroy(); root.remove(); },
  };
}
