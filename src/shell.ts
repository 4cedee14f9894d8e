/**
 * The page around the game: the address kept in step with the run (so a copied link replays
 * it), the replay file for runs whose actions do not fit in a link, and Space for play/pause.
 * The header's buttons are plain DOM in index.html; panels and map live in their own modules.
 */
import { runOfState, type GameStoreApi, type RunSpec } from './store';
import { parseReplay, replayJson, replaySizeError, runSearch } from './ui/query';

import { t } from './ui/strings';

const runOf = (s: RunSpec): RunSpec => runOfState(s);

/** history.replaceState on every start, parameter change and action. */
export function syncAddress(store: GameStoreApi, onOmitted: (omitted: boolean) => void): () => void {
  let first = true;
  const write = (): void => {
    const s = store.getState();
    const p = new URLSearchParams(window.location.search);
    // `day=` opens a game at a day once; the address of the game being played no longer says it.
    if (!first) p.delete('day');
    first = false;
    let search: string;
    if (s.scenarioId === '') {
      // The start screen: the address names no game.
      for (const k of [...p.keys()]) if (k !== 'projector' && k !== 'lock' && k !== 'renderer') p.delete(k);
      search = p.toString() ? `?${p.toString()}` : '';
      onOmitted(false);
    } else {
      const r = runSearch(`?${p.toString()}`, runOf(s));
      search = r.search;
      onOmitted(r.actionsOmitted);
    }
    if (search === window.location.search) return;
    try {
      window.history.replaceState(null, '', `${window.location.pathname}${search}${window.location.hash}`);
    } catch {
      // file: pages and some sandboxes refuse; the game goes on and "Save replay" still works.
    }
  };
  write();
  return store.subscribe((s) => [s.scenarioId, s.seed, s.sets, s.actions, s.strategy, s.takeover, s.tactics, s.vs] as const, write,
    { equalityFn: (a, b) => a.every((x, i) => x === b[i]) });
}

/** Wires #save-replay, #load-replay (a button opening a hidden file input) and #link-status. */
export function wireReplay(store: GameStoreApi): () => void {
  const save = document.getElementById('save-replay');
  const load = document.getElementById('load-replay');
  const file = document.getElementById('replay-file') as HTMLInputElement | null;
  const status = document.getElementById('link-status');
  // Past what a link holds, the page says so and offers the replay file right there.
  const saveHere = document.createElement('button');
  saveHere.type = 'button';
  saveHere.className = 'br-link-save';
  saveHere.textContent = t('link.saveReplay');
  saveHere.hidden = true;
  const statusText = document.createElement('span');
  status?.append(statusText, ' ', saveHere);
  const setStatus = (text: string): void => {
    if (statusText.textContent !== text) statusText.textContent = text;
    saveHere.hidden = text === '';
  };

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
    const big = replaySizeError(f.size); // a huge file is refused before it is read into memory
    if (big !== null) { store.setState({ notice: big }); return; }
    const parsed = parseReplay(await f.text());
    if ('error' in parsed) { store.setState({ notice: parsed.error }); return; }
    if (parsed.unknownScenario) { store.getState().showStart(parsed.errors.join(' ')); return; }
    store.getState().start(parsed.run, parsed.errors);
  };
  save?.addEventListener('click', onSave);
  saveHere.addEventListener('click', onSave);
  load?.addEventListener('click', onLoad);
  file?.addEventListener('change', onFile);
  const unsync = syncAddress(store, (omitted) => setStatus(omitted ? t('link.tooLong') : ''));
  return () => {
    unsync();
    save?.removeEventListener('click', onSave);
    load?.removeEventListener('click', onLoad);
    file?.removeEventListener('change', onFile);
  };
}

/**
 * True when Space belongs to the focused control: text, number, slider, checkbox and select
 * controls (and anything editable). Buttons are not among them: there Space still plays or
 * pauses, and never presses the button (a tactic takes Enter).
 */
export function keepsSpace(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable || target.tagName === 'TEXTAREA' || target.tagName === 'SELECT') return true;
  if (target.tagName !== 'INPUT') return false;
  return !['button', 'submit', 'reset', 'image', 'file', 'color'].includes((target as HTMLInputElement).type);
}

/** Space plays or pauses, unless a text, number, slider, checkbox or select control has focus. */
export function spaceToggles(store: GameStoreApi): () => void {
  const isSpace = (e: KeyboardEvent) => e.key === ' ' && !e.altKey && !e.ctrlKey && !e.metaKey;
  const onKey = (e: KeyboardEvent): void => {
    if (!isSpace(e) || keepsSpace(e.target)) return;
    // In a dialog other than the game's (the start screen, the list of keys), Space is the button's.
    const t = e.target instanceof HTMLElement ? e.target : null;
    if (t && t.closest('.br-start, .br-modal') && t.tagName === 'BUTTON') return;
    e.preventDefault();
    if (e.repeat) return;
    const s = store.getState();
    if (s.status === 'ready') s.toggle();
  };
  // A button activates on Space's keyup: stop that too, so Space never launches a tactic.
  const onUp = (e: KeyboardEvent): void => {
    if (!isSpace(e) || keepsSpace(e.target)) return;
    const t = e.target instanceof HTMLElement ? e.target : null;
    if (t && t.closest('.br-start, .br-modal') && t.tagName === 'BUTTON') return;
    e.preventDefault();
  };
  window.addEventListener('keydown', onKey);
  window.addEventListener('keyup', onUp);
  return () => { window.removeEventListener('keydown', onKey); window.removeEventListener('keyup', onUp); };
}

/** The projector theme: a class on <body>, recorded in the address as projector=1. */
export function projectorToggle(initial: boolean): { toggle(): boolean; on(): boolean } {
  let on = initial;
  const apply = (): void => {
    document.body.classList.toggle('br-projector', on);
    const p = new URLSearchParams(window.location.search);
    if (on) p.set('projector', '1'); else p.delete('projector');
    const search = p.toString() ? `?${p.toString()}` : '';
    if (search !== window.location.search) {
      try { window.history.replaceState(null, '', `${window.location.pathname}${search}${window.location.hash}`); } catch { /* file: pages */ }
    }
    window.dispatchEvent(new Event('resize'));
  };
  apply();
  return { toggle() { on = !on; apply(); return on; }, on: () => on };
}
