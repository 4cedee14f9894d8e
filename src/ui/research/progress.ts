/**
 * The batch's progress: a native <progress> bar (runs done of total, announced by screen
 * readers as a progress bar), the count and the time left, estimated from the rate so far.
 */
import { el, setText } from '../dom';
import { fmtInt } from '../format';
import { t } from '../strings';

/** "0.4 s", "8.0 s", "42 s", "3 min 20 s", "1 h 5 min". */
export function fmtDuration(ms: number): string {
  if (ms < 9950) return `${(Math.max(0, ms) / 1000).toFixed(1)} s`;
  const s = Math.round(ms / 1000);
  if (s < 60) return `${s} s`;
  if (s < 3600) return `${Math.floor(s / 60)} min${s % 60 ? ` ${s % 60} s` : ''}`;
  const m = Math.round(s / 60);
  return `${Math.floor(m / 60)} h${m % 60 ? ` ${m % 60} min` : ''}`;
}

/** Milliseconds left at the rate so far; null until there is a rate worth quoting. */
export function etaMs(done: number, total: number, elapsedMs: number): number | null {
  if (done <= 0 || elapsedMs < 500) return null;
  return ((total - done) * elapsedMs) / done;
}

export interface Progress {
  root: HTMLElement;
  start(total: number, now: number): void;
  update(done: number, now: number): void;
  /** Leaves the bar where it stopped, with `label` after the count. */
  stop(label: string | null): void;
  fraction(): number;
}

export function createProgress(): Progress {
  const bar = el('progress', { id: 'br-research-progress', max: 1, value: 0 });
  const text = el('p', { class: 'br-research-progress-text' });
  const root = el('div', { class: 'br-research-progress', hidden: true },
    el('label', { for: bar.id, class: 'br-sr-only' }, t('research.progress')), bar, text);
  let total = 0, t0 = 0, done = 0;
  const count = () => t('research.progressText', { done: fmtInt(done), total: fmtInt(total) });
  return {
    root,
    start(n, now) {
      total = n; t0 = now; done = 0;
      bar.max = Math.max(1, n);
      bar.value = 0;
      root.hidden = false;
      setText(text, `${count()} · ${t('research.etaUnknown')}`);
    },
    update(d, now) {
      done = d;
      bar.value = d;
      const left = etaMs(d, total, now - t0);
      setText(text, `${count()} · ${left === null ? t('research.etaUnknown') : t('research.eta', { time: fmtDuration(left) })}`);
    },
    stop(label) { setText(text, label ? `${count()} · ${label}` : count()); },
    fraction: () => (total > 0 ? done / total : 0),
  };
}
