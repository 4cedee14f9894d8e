/**
 * The page around the game: the address kept in step with the run (so a copied link replays
 * it), the replay file for runs whose actions do not fit in a link, and Space for play/pause.
 * The header's buttons are plain DOM in index.html; panels and map live in their own modules.
 */
import type { GameStoreApi, RunSpec } from './store';
import { parseReplay, replayJson, runSearch } from './ui/query';

/** Learner-facing text of the page shell (to move into src/ui/strings.ts by id). */
const SHELL_STRINGS = {
  linkShort: 'Too many actions for a link: the address keeps the scenario, seed and settings; use "Save replay" to keep the whole game.',
} as const;

const runOf = (s: RunSpec): RunSpec => ({ scenarioId: s.scenarioId, seed: s.seed, sets: s.sets, actions: s.actions });

/** history.replaceState on every start, parameter change and action. */
export function syncAddress(store: GameStoreApi, onOmitted: (omitted: boolean) => void): () => void {
  const write = (): void => {
    const s = store.getState();
    if (s.scenarioId === '') return;
    const { search, actionsOmitted } = runSearch(window.location.search, runOf(s));
    onOmitted(actionsOmitted);
    if (search === window.location.search) return;
    try {
      window.history.replaceState(null, '', `${window.location.pathname}${search}${window.location.hash}`);
    } catch {
      // file: pages and some sandboxes refuse; the game goes on and "Save replay" still works.
    }
  };
  write();
  return store.subscribe((s) => [s.scenarioId, s.seed, s.sets, s.actions] as const, write,
    { equalityFn: (a, b) => a.every((x, i) => x === b[i]) });
}

/** Wires #save-replay, #load-replay (a button opening a hidden file input) and #link-status. */
export function wireReplay(store: GameStoreApi): () => void {
  const save = document.getElementById('save-replay');
  const load = document.getElementById('load-replay');
  const file = document.getElementById('replay-file') as HTMLInputElement | null;
  const status = document.getElementById('link-status');
  const setStatus = (text: string): void => { if (status && status.textContent !== text) status.textContent = text; };

  const onSave = (): void => {
    const s = store.getState();
    const blob = new Blob([replayJson(runOf(s))], { type: 'application/json' });
    const a = document.createElement('a');
    a.href = URL.createObjectURL(blob);
    a.download = `breaking-ranks-${s.scenarioId}-seed${s.seed}-tick${s.tick}.json`;
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
  };
  const onLoad = (): void => file?.click();
  const onFile = async (): Promise<void> => {
    const f = file?.files?.[0];
    if (!f || !file) return;
    file.value = ''; // the same file can be chosen again
    const parsed = parseReplay(await f.text());
    if ('error' in parsed) { store.setState({ notice: parsed.error }); return; }
    store.getState().start(parsed.run, parsed.errors);
  };
  save?.addEventListener('click', onSave);
  load?.addEventListener('click', onLoad);
  file?.addEventListener('change', onFile);
  const unsync = syncAddress(store, (omitted) => setStatus(omitted ? SHELL_STRINGS.linkShort : ''));
  return () => {
    unsync();
    save?.removeEventListener('click', onSave);
    load?.removeEventListener('click', onLoad);
    file?.removeEventListener('change', onFile);
  };
}

/** True when a key press belongs to the focused control (typing, choosing, pressing a button). */
export function isInteractive(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  return ['INPUT', 'SELECT', 'TEXTAREA', 'BUTTON', 'A', 'SUMMARY'].includes(target.tagName);
}

/** Space plays or pauses, unless a control has focus (then Space is that control's). */
export function spaceToggles(store: GameStoreApi): () => void {
  const onKey = (e: KeyboardEvent): void => {
    if (e.key !== ' ' || e.altKey || e.ctrlKey || e.metaKey || e.repeat || isInteractive(e.target)) return;
    e.preventDefault();
    store.getState().toggle();
  };
  window.addEventListener('keydown', onKey);
  return () => window.removeEventListener('keydown', onKey);
}
