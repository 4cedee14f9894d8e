/**
 * The timeline: a scrubber over the days played. Going back restores the run at the start of
 * that day (a snapshot in the worker, plus at most a few days of exact replay) and the player
 * branches from there: their moves after it are dropped.
 */
import { button, el, setText, watch } from './dom';
import { dayOf, dayStartTick } from './format';
import { t } from './strings';
import type { Panel, PanelDeps } from './types';

export function createTimeline({ store }: PanelDeps): Panel {
  const slider = el('input', { type: 'range', id: 'br-timeline', min: 1, max: 1, step: 1, value: 1, 'aria-describedby': 'br-timeline-help' });
  const value = el('output', { for: 'br-timeline', class: 'br-timeline-value' });
  const go = button(t('timeline.go'), () => void seek(), { class: 'br-secondary', id: 'br-timeline-go' });
  const help = el('p', { id: 'br-timeline-help', class: 'br-sr-only' }, t('timeline.help'));
  const root = el('div', { class: 'br-timeline', title: t('timeline.help') },
    el('label', { for: 'br-timeline' }, t('timeline.label')), slider, value, go, help);
  let touched = false;

  const played = (): number => {
    const s = store.getState();
    return s.meta ? dayOf(s.tick, s.meta.ticksPerDay) + 1 : 1;
  };
  const show = (): void => {
    setText(value, t('timeline.value', { day: slider.value, played: played() }));
    go.disabled = Number(slider.value) >= played() && store.getState().tick === dayStartTick(played(), store.getState().meta?.ticksPerDay ?? 1);
  };
  async function seek(): Promise<void> {
    const s = store.getState();
    if (!s.meta) return;
    const day = Number(slider.value);
    await s.seek(dayStartTick(day, s.meta.ticksPerDay));
    touched = false;
    store.setState({ notice: t('timeline.went', { day }) });
  }
  slider.addEventListener('input', () => { touched = true; show(); });
  slider.addEventListener('keydown', (e) => { if (e.key === 'Enter') { e.preventDefault(); void seek(); } });

  const unsub = watch(store, (s) => [s.tick, s.meta, s.status] as const, ([tick, meta, status]) => {
    root.hidden = status !== 'ready' || !meta;
    if (!meta) return;
    const n = dayOf(tick, meta.ticksPerDay) + 1;
    slider.max = String(n);
    if (!touched || Number(slider.value) > n) slider.value = String(n);
    slider.disabled = n <= 1 && tick === 0;
    show();
  });
  return { root, destroy() { unsub(); root.remove(); } };
}
