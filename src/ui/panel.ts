/**
 * The page's one DOM panel for now: run controls (scenario, seed, play/pause, step, restart),
 * a message area and the counts tables. It knows nothing of the model: main.ts hands it
 * display text and callbacks. No element takes focus on load.
 */
import { SECTIONS, type CountsView, type RowId } from './counts';
import { parseSeed, type RunChoice } from './query';
import { t, type StringId } from './strings';

export interface PanelOptions {
  scenarios: readonly { id: string; title: string }[];
  initial: RunChoice;
  onRestart(run: RunChoice): void;
  onToggle(): void;
  onStep(): void;
}
export interface Panel {
  showErrors(messages: readonly string[]): void;
  setStatus(text: string): void;
  /** `enabled` is false when there is nothing to run (finished, failed or not started). */
  setPlayback(playing: boolean, enabled: boolean): void;
  /** Shows `view`, or dashes everywhere when there is no run. */
  update(view: CountsView | null): void;
}

type Attrs = Record<string, string>;
function el<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Attrs = {}, text?: string): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  if (text !== undefined) e.textContent = text;
  return e;
}

const rowLabel = (id: RowId): string => t(`row.${id}` satisfies StringId);

export function createPanel(root: HTMLElement, opts: PanelOptions): Panel {
  root.replaceChildren();
  const header = el('header');
  header.append(el('h1', {}, t('app.title')), el('p', { class: 'tagline' }, t('app.tagline')));

  const errors = el('div', { id: 'errors', class: 'errors', role: 'alert' });
  const status = el('p', { id: 'status', class: 'status', role: 'status', 'aria-live': 'polite' });

  // ---- controls -------------------------------------------------------------------------
  const form = el('form', { class: 'controls', novalidate: '' });
  const fieldset = el('fieldset');
  fieldset.append(el('legend', {}, t('controls.legend')));

  const select = el('select', { id: 'scenario', name: 'scenario' });
  for (const s of opts.scenarios) {
    const option = el('option', { value: s.id }, s.title === s.id ? s.id : `${s.title} (${s.id})`);
    select.append(option);
  }
  select.value = opts.initial.scenario;
  const scenarioField = el('div', { class: 'field' });
  scenarioField.append(el('label', { for: 'scenario' }, t('controls.scenario')), select);

  const seed = el('input', {
    id: 'seed', name: 'seed', type: 'text', inputmode: 'numeric', autocomplete: 'off',
    spellcheck: 'false', 'aria-describedby': 'seed-help seed-error',
  });
  seed.value = String(opts.initial.seed);
  const seedError = el('p', { id: 'seed-error', class: 'field-error', hidden: '' });
  const seedField = el('div', { class: 'field' });
  seedField.append(el('label', { for: 'seed' }, t('controls.seed')), seed,
    el('p', { id: 'seed-help', class: 'help' }, t('controls.seedHelp')), seedError);

  const play = el('button', { type: 'button', id: 'play' }, t('controls.play'));
  const step = el('button', { type: 'button', id: 'step' }, t('controls.step'));
  const restart = el('button', { type: 'submit', id: 'restart' }, t('controls.restart'));
  const buttons = el('div', { class: 'buttons' });
  buttons.append(play, step, restart);

  fieldset.append(scenarioField, seedField, buttons, el('p', { class: 'help' }, t('controls.keys')));
  form.append(fieldset);

  // ---- counts ---------------------------------------------------------------------------
  const cells = new Map<RowId, HTMLTableCellElement>();
  const tables = el('div', { class: 'tables' });
  for (const section of SECTIONS) {
    const table = el('table', { id: `table-${section.id}` });
    table.append(el('caption', {}, t(section.caption)));
    const head = el('thead');
    const hr = el('tr');
    hr.append(el('th', { scope: 'col' }, t('table.measure')), el('th', { scope: 'col' }, t('table.value')));
    head.append(hr);
    const body = el('tbody');
    for (const id of section.rows) {
      const tr = el('tr');
      const td = el('td', { 'data-row': id }, t('value.none'));
      tr.append(el('th', { scope: 'row' }, rowLabel(id)), td);
      body.append(tr);
      cells.set(id, td);
    }
    table.append(head, body);
    tables.append(table);
  }

  root.append(header, errors, form, status, tables);

  // ---- behaviour ------------------------------------------------------------------------
  const readRun = (): RunChoice | null => {
    const value = parseSeed(seed.value);
    const bad = value === null;
    seed.setAttribute('aria-invalid', String(bad));
    seedError.hidden = !bad;
    seedError.textContent = bad ? t('error.seedField') : '';
    return bad ? null : { scenario: select.value, seed: value };
  };
  const restartIfValid = () => {
    const run = readRun();
    if (run) opts.onRestart(run);
    else seed.focus();
  };
  form.addEventListener('submit', (e) => { e.preventDefault(); restartIfValid(); });
  select.addEventListener('change', restartIfValid);
  seed.addEventListener('change', restartIfValid);
  play.addEventListener('click', () => opts.onToggle());
  step.addEventListener('click', () => opts.onStep());

  return {
    showErrors(messages) {
      errors.replaceChildren(...messages.map((m) => el('p', {}, m)));
    },
    setStatus(text) {
      if (status.textContent !== text) status.textContent = text;
    },
    setPlayback(playing, enabled) {
      play.textContent = t(playing ? 'controls.pause' : 'controls.play');
      play.disabled = !enabled;
      step.disabled = !enabled;
    },
    update(view) {
      for (const [id, td] of cells) {
        const text = view ? view[id] : t('value.none');
        if (td.textContent !== text) td.textContent = text;
      }
    },
  };
}

/** True when a key press belongs to the focused control (typing, choosing, pressing a button). */
export function isInteractive(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  return ['INPUT', 'SELECT', 'TEXTAREA', 'BUTTON', 'A', 'SUMMARY'].includes(target.tagName);
}
