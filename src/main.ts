/**
 * Composition root: reads the URL, builds the panel and runs the model in the page with a
 * simple loop (a few ticks per animation frame). The Web Worker runner, the store and the Phaser
 * view replace the loop in later issues; nothing imports this file.
 */
import './ui/style.css';
import { advance, createState, isFinished, runReport, seriesRow } from './sim';
import { getPreset, PRESET_IDS, resolveParams } from './scenarios';
import { outcomeText, viewOf, type RunReport } from './ui/counts';
import { createPanel, isInteractive } from './ui/panel';
import { parseQuery, withRun, type RunChoice } from './ui/query';
import { t } from './ui/strings';

type SimState = ReturnType<typeof createState>;

/** At most this many ticks per animation frame ... */
const MAX_TICKS_PER_FRAME = 4;
/** ... and no more once this many milliseconds of the frame are spent (large scenarios). */
const FRAME_BUDGET_MS = 10;

const errorText = (e: unknown): string => (e instanceof Error ? e.message : String(e));

function scenarioList(): { id: string; title: string }[] {
  return PRESET_IDS.map((id) => {
    try {
      return { id, title: getPreset(id).title || id };
    } catch {
      return { id, title: id };
    }
  });
}

function main(root: HTMLElement): void {
  const query = parseQuery(window.location.search, PRESET_IDS);
  let run: RunChoice = { scenario: query.scenario, seed: query.seed };
  let state: SimState | null = null;
  let report: RunReport | null = null;
  let playing = false;
  let failed = false; // the model threw: stop until the next restart
  let dirty = true;

  const panel = createPanel(root, {
    scenarios: scenarioList(),
    initial: run,
    onRestart: (next) => start(next),
    onToggle: () => toggle(),
    onStep: () => { playing = false; stepTicks(1); },
  });

  const canRun = (): boolean => state !== null && report === null && !failed;

  function refreshStatus(tick: number | null): void {
    panel.setPlayback(playing, canRun());
    if (tick === null) panel.setStatus('');
    else if (report) panel.setStatus(t('status.finished', { tick, outcome: outcomeText(report.outcome) }));
    else panel.setStatus(playing ? t('status.playing') : t('status.paused', { tick }));
  }

  function start(next: RunChoice): void {
    const notes = query.errors; // the URL's complaints are shown once, with the first run
    query.errors = [];
    run = next;
    playing = false;
    failed = false;
    report = null;
    state = null;
    try {
      const scenario = getPreset(run.scenario);
      state = createState(scenario, resolveParams(scenario, []), run.seed);
      panel.showErrors(notes);
    } catch (e) {
      panel.showErrors([...notes, t('error.startFailed', { scenario: run.scenario, message: errorText(e) })]);
    }
    try {
      window.history.replaceState(null, '', withRun(window.location.search, run));
    } catch {
      // Some hosts (file: pages) refuse to change the address; the run goes on regardless.
    }
    dirty = true;
  }

  /** Advances up to `max` ticks within the frame budget; marks the run finished when decided. */
  function stepTicks(max: number): void {
    if (!state || !canRun()) return;
    const t0 = performance.now();
    try {
      for (let n = 0; n < max && !isFinished(state); n++) {
        advance(state, 1);
        if (performance.now() - t0 > FRAME_BUDGET_MS) break;
      }
      if (isFinished(state)) {
        report = runReport(state);
        playing = false;
      }
    } catch (e) {
      playing = false;
      failed = true;
      panel.showErrors([t('error.stepFailed', { message: errorText(e) })]);
    }
    dirty = true;
  }

  function toggle(): void {
    if (!canRun()) return;
    playing = !playing;
    dirty = true;
  }

  document.addEventListener('keydown', (e) => {
    if (e.key !== ' ' || e.altKey || e.ctrlKey || e.metaKey || isInteractive(e.target)) return;
    e.preventDefault();
    toggle();
  });

  function frame(): void {
    if (playing) stepTicks(MAX_TICKS_PER_FRAME);
    if (dirty) {
      const row = state ? seriesRow(state) : null;
      panel.update(row ? viewOf(row, report) : null);
      refreshStatus(row ? row.tick : null);
      dirty = false;
    }
    window.requestAnimationFrame(frame);
  }

  start(run);
  window.requestAnimationFrame(frame);
}

const root = document.getElementById('app');
if (root) main(root);
