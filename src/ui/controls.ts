/**
 * The run controls on top: scenario, seed, play/pause, step, speed, restart, and the buttons that
 * open the briefing, the debrief, the parameter drawer and the list of keys. No field takes focus
 * on load. A new scenario starts clean; a new seed or Restart keeps the parameter changes but not
 * the tactics (the debrief offers the exact replay).
 */
import { PRESET_IDS, getPreset } from '../scenarios';
import { button, el, setText, watch } from './dom';
import { clock, dayOf, fmtNum, weekdayDate } from './format';
import { t, tMaybe } from './strings';
import { runOfState, runSpec, type GameStore } from '../store/types';
import type { Panel, PanelDeps } from './types';

export const MAX_SEED = 0xffffffff;

/** A seed typed by a person: a decimal whole number 0..2^32-1, or null. */
export function parseSeedText(text: string): number | null {
  const s = text.trim();
  if (!/^\d{1,10}$/.test(s)) return null;
  const n = Number(s);
  return n <= MAX_SEED ? n : null;
}

/** Speeds offered, in ticks per second: a few days a second on hourly scenarios, ticks otherwise. */
export function speedPresets(ticksPerDay: number): number[] {
  if (ticksPerDay >= 4) return [0.25, 0.5, 1, 2, 5, 10].map((d) => Math.max(1, Math.round(d * ticksPerDay)));
  return [1, 2, 5, 10, 20, 50];
}

export function speedLabel(tps: number, ticksPerDay: number): string {
  if (ticksPerDay < 4) return t('controls.speedOptionTicks', { n: tps });
  const days = tps / ticksPerDay;
  return days === 1 ? t('controls.speedOptionOne') : t('controls.speedOption', { days: fmtNum(days, days < 1 ? 2 : 0) });
}

export function scenarioChoices(): { id: string; title: string }[] {
  return PRESET_IDS.map((id) => {
    try { return { id, title: getPreset(id).title || id }; } catch { return { id, title: id }; }
  });
}

/** The same scenario, seed and parameters from day 0, without the player's tactics. */
export function startFresh(s: GameStore): void {
  s.start({ ...runOfState(s), actions: [], takeover: null, strategy: s.takeover !== null ? 'none' : s.strategy });
}

export interface ControlsHooks {
  openBriefing(): void;
  openDebrief(): void;
  toggleParams(): void;
  toggleHelp(): void;
  toggleResearch(): void;
  openCompare(): void;
  toggleProjector(): void;
  /** A teacher's `lock=1`: scenario and seed read-only. */
  locked: boolean;
}

/** The line that says who acts for the movement: the player, history, or a named strategy. */
export function modeText(s: Pick<GameStore, 'strategy' | 'takeover' | 'meta'>): string {
  if (s.strategy === 'scenario') return s.meta && s.meta.historical === null ? t('mode.watchScripted') : t('mode.watchHistory');
  if (s.strategy !== 'none') return t('mode.watchNamed', { name: s.strategy });
  if (s.takeover !== null && s.meta) return t('mode.tookOver', { day: dayOf(s.takeover, s.meta.ticksPerDay) + 1 });
  return t('mode.play');
}

export function createControls({ store }: PanelDeps, hooks: ControlsHooks): Panel & { speedUp(dir: 1 | -1): void; researchBusy(label: string | null): void; setProjector(on: boolean): void } {
  const root = el('header', { class: 'br-controls', 'aria-label': t('controls.legend') });
  // The page's header may already carry the title (index.html); then the controls do not repeat it.
  const title = document.querySelector('h1') ? null : el('h1', { class: 'br-ctl-title' }, t('app.title'));

  const scenario = el('select', { id: 'br-scenario', name: 'scenario' });
  for (const s of scenarioChoices()) scenario.append(el('option', { value: s.id }, s.title));
  const scenarioField = el('div', { class: 'br-field' }, el('label', { for: 'br-scenario' }, t('controls.scenario')), scenario);

  const seed = el('input', { id: 'br-seed', name: 'seed', type: 'text', inputmode: 'numeric', autocomplete: 'off',
    spellcheck: 'false', size: 10, title: t('controls.seedHelp'), 'aria-describedby': 'br-seed-error' });
  const seedError = el('p', { id: 'br-seed-error', class: 'br-error', hidden: true });
  const dice = button(t('controls.randomSeed'), () => restartWithSeed(Math.floor(Math.random() * MAX_SEED)),
    { class: 'br-secondary', title: t('controls.randomSeedHelp') });
  const seedField = el('div', { class: 'br-field' }, el('label', { for: 'br-seed' }, t('controls.seed')),
    el('div', { class: 'br-inline' }, seed, dice), seedError);

  const play = button(t('controls.play'), () => store.getState().toggle(), { class: 'br-primary br-play', 'aria-keyshortcuts': 'Space' });
  const step = button(t('controls.step'), () => void store.getState().step(1), { title: t('controls.stepHelp'), 'aria-keyshortcuts': '.' });
  const stepDay = button(t('controls.stepDay'), () => {
    const m = store.getState().meta;
    void store.getState().step(m ? m.ticksPerDay : 1);
  }, { title: t('controls.stepDayHelp') });
  const speed = el('select', { id: 'br-speed', name: 'speed', title: t('controls.speedHelp'), 'aria-keyshortcuts': '> <' });
  speed.addEventListener('change', () => store.getState().setSpeed(Number(speed.value)));
  const speedField = el('div', { class: 'br-field br-speed' }, el('label', { for: 'br-speed', class: 'br-sr-only' }, t('controls.speed')), speed);
  const restart = button(t('controls.restart'), () => startFresh(store.getState()), { class: 'br-secondary', title: t('controls.restartHelp') });

  const status = el('p', { class: 'br-status', id: 'br-status' });
  const mode = el('p', { class: 'br-mode', id: 'br-mode' });
  const takeOver = button(t('mode.takeOver'), () => void store.getState().takeOver(),
    { class: 'br-primary br-takeover', id: 'br-takeover', title: t('mode.takeOverHelp'), hidden: true });
  const home = button(t('start.back'), () => store.getState().showStart(), { class: 'br-secondary', title: t('start.backHelp'), id: 'br-home' });
  const compare = button(t('controls.compare'), () => hooks.openCompare(), { class: 'br-secondary', id: 'br-compare-toggle', title: t('controls.compareHelp') });
  const projector = button(t('controls.projector'), () => hooks.toggleProjector(),
    { class: 'br-secondary', id: 'br-projector-toggle', title: t('controls.projectorHelp'), 'aria-pressed': 'false' });
  const briefing = button(t('controls.briefing'), () => hooks.openBriefing(), { class: 'br-secondary' });
  const debrief = button(t('controls.debrief'), () => hooks.openDebrief(), { class: 'br-secondary', hidden: true });
  const params = button(t('controls.params'), () => hooks.toggleParams(),
    { class: 'br-secondary', 'aria-controls': 'br-params', 'aria-expanded': 'false', id: 'br-params-toggle' });
  const research = button(t('controls.research'), () => hooks.toggleResearch(),
    { class: 'br-secondary', 'aria-controls': 'br-research', 'aria-expanded': 'false', id: 'br-research-toggle', title: t('controls.researchHelp') });
  const help = button(t('controls.help'), () => hooks.toggleHelp(),
    { class: 'br-secondary br-help-btn', 'aria-keyshortcuts': '?', 'aria-label': t('controls.helpLabel'), title: t('controls.helpLabel') });

  if (hooks.locked) {
    scenario.disabled = true;
    seed.readOnly = true;
    dice.disabled = true;
    for (const x of [scenario, seed, dice]) x.title = t('controls.locked');
  }
  const settings = el('details', { class: 'br-settings' }, el('summary', {}, t('controls.more')),
    el('div', { class: 'br-row' }, scenarioField, seedField), el('div', { class: 'br-row' }, restart, research));
  // The projector switch sits in the page's header, where it stays in view in the projector theme too.
  const headerTools = document.querySelector('.br-header-tools');
  if (headerTools) headerTools.prepend(projector); else settings.append(projector);
  root.append(
    el('div', { class: 'br-row br-play-row' }, title ?? '', play, step, stepDay, speedField),
    status,
    el('div', { class: 'br-row br-mode-row' }, mode, takeOver),
    el('div', { class: 'br-row br-tools' }, home, briefing, debrief, compare, params, help),
    settings,
  );

  // ---- behaviour ---------------------------------------------------------------------------
  function restartWithSeed(value: number): void {
    const s = store.getState();
    seed.value = String(value);
    s.start({ ...runOfState(s), seed: value, actions: [], takeover: null });
  }
  scenario.addEventListener('change', () => {
    const s = store.getState();
    s.start(runSpec({ scenarioId: scenario.value, seed: s.seed, strategy: s.strategy === 'none' ? 'none' : 'scenario' }));
  });
  seed.addEventListener('change', () => {
    const value = parseSeedText(seed.value);
    seed.setAttribute('aria-invalid', String(value === null));
    seedError.hidden = value !== null;
    seedError.textContent = value === null ? t('error.seedField') : '';
    if (value !== null && value !== store.getState().seed) restartWithSeed(value);
  });

  const unsubs = [
    watch(store, (s) => [s.scenarioId, s.seed] as const, ([id, value]) => {
      if (![...scenario.options].some((o) => o.value === id)) scenario.append(el('option', { value: id }, id));
      scenario.value = id;
      if (document.activeElement !== seed) { seed.value = String(value); seed.removeAttribute('aria-invalid'); seedError.hidden = true; }
    }),
    watch(store, (s) => [s.speed, s.meta?.ticksPerDay ?? 1] as const, ([tps, tpd]) => {
      const presets = speedPresets(tpd);
      if (!presets.includes(tps)) presets.push(tps);
      presets.sort((a, b) => a - b);
      speed.replaceChildren(...presets.map((p) => el('option', { value: p }, speedLabel(p, tpd))));
      speed.value = String(tps);
    }),
    watch(store, (s) => [s.strategy, s.takeover, s.meta, s.status] as const, (_v, s) => {
      setText(mode, s.status === 'ready' || s.meta ? modeText(s) : '');
      takeOver.hidden = !(s.status === 'ready' && s.strategy !== 'none');
      mode.classList.toggle('br-watching', s.strategy !== 'none');
    }),
    watch(store, (s) => [s.playing, s.status, s.outcome, s.compare?.outcome ?? null, s.compare !== null] as const, ([playing, st, outcome, outB, hasB]) => {
      const canRun = st === 'ready' && (outcome === null || (hasB && outB === null));
      setText(play, t(playing ? 'controls.pause' : 'controls.play'));
      play.setAttribute('aria-pressed', String(playing));
      play.disabled = !canRun;
      step.disabled = !canRun;
      stepDay.disabled = !canRun;
      debrief.hidden = outcome === null;
    }),
    watch(store, (s) => [s.tick, s.status, s.meta, s.outcome] as const, ([tick, st, meta, outcome]) => {
      if (st === 'loading' || !meta) return setText(status, t(st === 'error' ? 'controls.statusError' : 'controls.statusLoading'));
      const day = dayOf(tick, meta.ticksPerDay);
      const days = Number(meta.params.horizonDays);
      let text = t('controls.statusDay', { day: Math.min(day + 1, days), days, date: weekdayDate(meta.startDate, day), time: clock(tick, meta.ticksPerDay) });
      if (outcome) text += ` · ${t('controls.finished', { outcome: tMaybe(`outcome.${outcome}`, outcome) })}`;
      setText(status, text);
    }),
  ];

  return {
    root,
    speedUp(dir) {
      const opts = [...speed.options].map((o) => Number(o.value));
      const k = opts.indexOf(store.getState().speed);
      const next = opts[Math.max(0, Math.min(opts.length - 1, (k < 0 ? 0 : k) + dir))];
      if (next !== undefined && next !== store.getState().speed) store.getState().setSpeed(next);
    },
    /** The Research button shows a running batch's progress ("Research 45%"). */
    setProjector(on: boolean) { projector.setAttribute('aria-pressed', String(on)); },
    researchBusy(label) { setText(research, label === null ? t('controls.research') : t('controls.researchBusy', { pct: label })); },
    destroy() { unsubs.forEach((u) => u()); root.remove(); },
  };
}

/** Keeps the parameter-drawer button's aria-expanded in step with the drawer. */
export function markParamsOpen(root: HTMLElement, open: boolean): void {
  root.querySelector('#br-params-toggle')?.setAttribute('aria-expanded', String(open));
}

/** The same for the research drawer's button. */
export function markResearchOpen(root: HTMLElement, open: boolean): void {
  root.querySelector('#br-research-toggle')?.setAttribute('aria-expanded', String(open));
}
