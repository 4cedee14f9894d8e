/**
 * The parameter drawer, generated from PARAM_SPECS: one collapsible section per group (the loyalty
 * channels together), one control per parameter with its label, help and range. Numbers get a
 * slider and a field, booleans a checkbox, choices a list, lists a text field. A value is checked
 * before the store restarts the run with it; a bad one is explained beside the field.
 */
import type { ParamKey } from '../sim';
import { runOfState, type GameState } from '../store/types';
import { parseSeedText } from './controls';
import { button, el, setText, uniqueId, watch } from './dom';
import { fmtNum } from './format';
import { checkParam, eventNotes, paramSections, playerLayers, playerValues, shownOrigin, specFor, valueText, type ParamGroup } from './paramModel';
import { t } from './strings';
import type { Panel, PanelDeps } from './types';

interface Control { key: ParamKey; row: HTMLElement; set(text: string): void; focused(): boolean; error: HTMLElement; inputs: HTMLElement[] }

export function createParams({ store }: PanelDeps): Panel & { open(): void; close(): void; isOpen(): boolean } {
  const controls = new Map<ParamKey, Control>();
  const summaries = new Map<string, { counter: HTMLElement; keys: ParamKey[] }>();
  const closeBtn = button('×', () => hide(), { class: 'br-close', 'aria-label': t('params.close'), title: t('params.close') });
  const reset = button(t('params.reset'), () => {
    const s = store.getState();
    s.start({ ...runOfState(s), sets: [] });
  }, { class: 'br-secondary', title: t('params.resetHelp') });

  const seed = el('input', { id: 'br-param-seed', type: 'text', inputmode: 'numeric', autocomplete: 'off', size: 12, 'aria-describedby': 'br-param-seed-err' });
  const seedErr = el('p', { id: 'br-param-seed-err', class: 'br-error', hidden: true });
  seed.addEventListener('change', () => {
    const v = parseSeedText(seed.value);
    showError(seed, seedErr, v === null ? t('error.seedField') : null);
    const s = store.getState();
    if (v !== null && v !== s.seed) s.start({ ...runOfState(s), seed: v, actions: [], takeover: null });
  });

  const sections = el('div', { class: 'br-param-sections' });
  for (const sec of paramSections()) {
    const counter = el('span', { class: 'br-changed-count' });
    const details = el('details', { class: 'br-param-section', 'data-section': sec.id }, el('summary', {}, sec.title, ' ', counter));
    const keys: ParamKey[] = [];
    for (const g of sec.groups) {
      const box = sec.groups.length > 1 ? el('fieldset', { class: 'br-param-group' }, el('legend', {}, g.title)) : details;
      // Internal coefficients fold away under "Advanced" (the command line reaches them all the same).
      const advanced = g.keys.filter((k) => specFor(k).advanced);
      for (const key of g.keys) { if (!specFor(key).advanced) box.append(buildControl(key, g)); keys.push(key); }
      if (advanced.length > 0) {
        const fold = el('details', { class: 'br-param-advanced' }, el('summary', {}, t('params.advanced', { n: advanced.length })));
        for (const key of advanced) fold.append(buildControl(key, g));
        box.append(fold);
      }
      if (box !== details) details.append(box);
    }
    summaries.set(sec.id, { counter, keys });
    sections.append(details);
  }

  const root = el('aside', { class: 'br-drawer br-params', id: 'br-params', 'aria-labelledby': 'br-params-title', hidden: true },
    el('div', { class: 'br-panel-head' }, el('h2', { id: 'br-params-title' }, t('params.title')), closeBtn),
    el('p', { class: 'br-note' }, t('params.note')),
    el('div', { class: 'br-inline' }, el('div', { class: 'br-field' }, el('label', { for: 'br-param-seed' }, t('controls.seed')), seed, seedErr), reset),
    sections);

  function showError(input: HTMLElement, box: HTMLElement, message: string | null): void {
    input.setAttribute('aria-invalid', String(message !== null));
    box.hidden = message === null;
    setText(box, message ?? '');
  }

  function commit(key: ParamKey, text: string, input: HTMLElement, errBox: HTMLElement): void {
    const checked = checkParam(key, text);
    if (!checked.ok) return showError(input, errBox, checked.error);
    showError(input, errBox, null);
    const s = store.getState();
    const values = playerValues(s.scenarioId, s.sets, s.meta?.params ?? null);
    if (values && valueText(values[key]).replace(/\s/g, '') === checked.text.replace(/\s/g, '')) return; // unchanged
    try { s.setParam(key, checked.text); } catch (e) { showError(input, errBox, t('params.err.other', { message: String(e) })); }
  }

  function buildControl(key: ParamKey, _g: ParamGroup): HTMLElement {
    const spec = specFor(key);
    const id = uniqueId(`br-p-${key}`);
    const helpId = `${id}-help`, errId = `${id}-err`;
    const unit = 'unit' in spec && spec.unit ? ` (${spec.unit})` : '';
    const error = el('p', { id: errId, class: 'br-error', hidden: true });
    const range = 'min' in spec ? ` ${t('params.range', { min: fmtNum(spec.min, spec.step < 1 ? 2 : 0), max: fmtNum(spec.max, spec.step < 1 ? 2 : 0) })}.` : '';
    const help = el('p', { id: helpId, class: 'br-help' }, spec.help + (spec.type === 'list' ? ` ${t('params.listHelp')}` : '') + range);
    const described = `${helpId} ${errId}`;
    const label = el('label', { for: id, id: `${id}-label` }, spec.label + unit, el('span', { class: 'br-changed', hidden: true }, t('params.changed')),
      el('span', { class: 'br-origin', 'data-origin': '' }));
    const row = el('div', { class: 'br-param', 'data-key': key, title: spec.help });
    // What the scenario's own events do to this value (filled in by refresh, per scenario).
    help.append(el('span', { class: 'br-event-note', hidden: true }));
    let set: (text: string) => void;
    let inputs: HTMLElement[];
    if (spec.type === 'boolean') {
      const box = el('input', { type: 'checkbox', id, 'aria-describedby': described });
      box.addEventListener('change', () => commit(key, String(box.checked), box, error));
      set = (text) => { box.checked = text === 'true'; };
      inputs = [box];
      row.append(el('div', { class: 'br-check' }, box, label), help, error);
    } else if (spec.type === 'enum') {
      const sel = el('select', { id, 'aria-describedby': described }, ...spec.options.map((o) => el('option', { value: o }, o)));
      sel.addEventListener('change', () => commit(key, sel.value, sel, error));
      set = (text) => { sel.value = text; };
      inputs = [sel];
      row.append(label, sel, help, error);
    } else {
      const field = el('input', { id, type: 'text', inputmode: spec.type === 'list' ? 'text' : 'decimal', autocomplete: 'off',
        spellcheck: 'false', 'aria-describedby': described, class: spec.type === 'list' ? 'br-list-field' : 'br-num-field' });
      field.addEventListener('change', () => commit(key, field.value, field, error));
      inputs = [field];
      if (spec.type === 'list') {
        set = (text) => { field.value = text; };
        row.append(label, field, help, error);
      } else {
        const slider = el('input', { type: 'range', min: spec.min, max: spec.max, step: spec.step, 'aria-labelledby': `${id}-label`, 'aria-describedby': described });
        slider.addEventListener('input', () => { field.value = slider.value; });
        slider.addEventListener('change', () => commit(key, slider.value, field, error));
        // A typed value moves the slider too (as far as its range goes), as the player types and when it is committed.
        const follow = () => { const v = Number(field.value.trim()); if (field.value.trim() !== '' && Number.isFinite(v)) slider.value = String(v); };
        field.addEventListener('input', follow);
        field.addEventListener('change', follow);
        set = (text) => { field.value = text; slider.value = text; };
        inputs.push(slider);
        row.append(label, el('div', { class: 'br-slider' }, slider, field), help, error);
      }
    }
    const control: Control = { key, row, set, error, inputs, focused: () => inputs.includes(document.activeElement as HTMLElement) };
    controls.set(key, control);
    return row;
  }

  // The events' notes depend on the scenario alone: built once per scenario, not on every refresh.
  let notesFor: string | null = null, notes = new Map<string, string>();
  function refresh(s: GameState): void {
    if (document.activeElement !== seed) { seed.value = String(s.seed); showError(seed, seedErr, null); }
    const layers = playerLayers(s.scenarioId, s.sets, s.meta?.params ?? null);
    const values = layers?.values ?? null;
    const changed = new Set(s.sets.map(([k]) => k));
    if (notesFor !== s.scenarioId) { notes = eventNotes(s.scenarioId); notesFor = s.scenarioId; }
    for (const c of controls.values()) {
      if (values && !c.focused()) { c.set(valueText(values[c.key])); showError(c.inputs[0], c.error, null); }
      const origin = layers ? shownOrigin(c.key, layers.origin, s.eventParams) : null;
      const tag = c.row.querySelector<HTMLElement>('.br-origin');
      if (tag) { tag.dataset.origin = origin ?? ''; setText(tag, origin ? t(`params.origin.${origin}` as 'params.origin.default') : ''); }
      const note = c.row.querySelector<HTMLElement>('.br-event-note');
      if (note) { const text = notes.get(c.key) ?? null; note.hidden = text === null; setText(note, text === null ? '' : ` ${text}`); }
      const mark = c.row.querySelector<HTMLElement>('.br-changed');
      if (mark) mark.hidden = !changed.has(c.key);
      c.row.classList.toggle('br-is-changed', changed.has(c.key));
    }
    for (const { counter, keys } of summaries.values()) {
      const n = keys.filter((k) => changed.has(k)).length;
      setText(counter, n > 0 ? t('params.changedCount', { n }) : '');
    }
  }

  function show(): void { root.hidden = false; }
  function hide(): void { root.hidden = true; }
  const unsub = watch(store, (s) => [s.scenarioId, s.seed, s.sets, s.meta, s.eventParams] as const, (_v, s) => refresh(s));
  return { root, open: show, close: hide, isOpen: () => !root.hidden, destroy() { unsub(); root.remove(); } };
}
