/**
 * The research form's fields: scenario (the presets and 'campaigns'), runs per point, seed, an
 * optional sweep of one schema parameter (from / to / step), the three targets and the kind of
 * multiplier. Each field has a visible label and its error beside it (aria-invalid,
 * aria-describedby); the line below says how many runs that makes and the same batch's command.
 */
import { PARAM_SPECS, type ParamKey } from '../../sim';
import { CAMPAIGNS } from '../../batch/index';
import { scenarioChoices } from '../controls';
import { el, setText } from '../dom';
import { specFor } from '../paramModel';
import { t } from '../strings';
import {
  TARGET_KEYS, checkForm, commandLine, defaultForm, scenarioValue, sweepChoices, sweepDefaults, targetDefaults,
  type FieldId, type FormCheck, type ResearchForm,
} from './form';

const input = (id: string, attrs: Record<string, string | number> = {}) => el('input', { id, type: 'text', autocomplete: 'off', spellcheck: 'false',
  'aria-describedby': `${id}-err`, ...attrs });

export interface FormView {
  root: HTMLElement;
  /** The open game: its scenario, its parameter changes and its strategy become the defaults. */
  setGame(scenarioId: string, sets: Array<[string, string]>, strategy: string): void;
  read(): ResearchForm;
  /** Checks the fields and shows (or clears) every error; returns the check. */
  check(): FormCheck;
  setDisabled(disabled: boolean): void;
}

export function createFormView(workers: number): FormView {
  const workersText = workers === 1 ? t('research.workerOne') : t('research.workers', { n: workers });
  const errs = new Map<FieldId, HTMLElement>();
  const inputs = new Map<FieldId, HTMLElement>();
  const errBox = (id: string, field: FieldId): HTMLElement => {
    const box = el('p', { id: `${id}-err`, class: 'br-error', hidden: true, 'data-error': field });
    errs.set(field, box);
    return box;
  };
  const field = (id: string, label: string, control: HTMLElement, fid: FieldId, help?: string, cls = ''): HTMLElement => {
    inputs.set(fid, control);
    return el('div', { class: `br-field ${cls}`.trim() }, el('label', { for: id }, label), control, help ? el('p', { class: 'br-help' }, help) : null, errBox(id, fid));
  };

  const init = defaultForm(CAMPAIGNS);
  let game: { scenarioId: string; sets: Array<[string, string]>; strategy: string } = { scenarioId: '', sets: [], strategy: 'scenario' };
  let scenarioTouched = false;
  const scenario = el('select', { id: 'br-research-scenario', 'aria-describedby': 'br-research-scenario-err' },
    el('option', { value: CAMPAIGNS }, t('research.campaigns')),
    ...scenarioChoices().map((s) => el('option', { value: s.id }, s.title)));
  const runs = input('br-research-runs', { inputmode: 'numeric', size: 8, value: init.runs });
  const seed = input('br-research-seed', { inputmode: 'numeric', size: 12, value: init.seed });

  const sweep = el('select', { id: 'br-research-sweep', 'aria-describedby': 'br-research-sweep-err' }, el('option', { value: '' }, t('research.sweepNone')),
    ...sweepChoices().map((g) => el('optgroup', { label: g.title }, ...g.keys.map((k) => el('option', { value: k }, specFor(k).label)))));
  const from = input('br-research-from', { inputmode: 'decimal', size: 8 });
  const to = input('br-research-to', { inputmode: 'decimal', size: 8 });
  const step = input('br-research-step', { inputmode: 'decimal', size: 8 });
  const axis = el('div', { class: 'br-inline br-research-axis', hidden: true },
    ...([['from', from], ['to', to], ['step', step]] as const).map(([k, box]) =>
      el('div', { class: 'br-field' }, el('label', { for: box.id }, t(`research.${k}`)), box)));
  const sweep2 = el('select', { id: 'br-research-sweep2' }, el('option', { value: '' }, t('research.sweepNone')),
    ...sweepChoices().map((g) => el('optgroup', { label: g.title }, ...g.keys.map((k) => el('option', { value: k }, specFor(k).label)))));
  const from2 = input('br-research-from2', { inputmode: 'decimal', size: 8 });
  const to2 = input('br-research-to2', { inputmode: 'decimal', size: 8 });
  const step2 = input('br-research-step2', { inputmode: 'decimal', size: 8 });
  const axis2 = el('div', { class: 'br-inline br-research-axis', hidden: true },
    ...([['from', from2], ['to', to2], ['step', step2]] as const).map(([k, box]) =>
      el('div', { class: 'br-field' }, el('label', { for: box.id }, `${t(`research.${k}`)} (2)`), box)));
  const gameNote = el('p', { class: 'br-help', id: 'br-research-game' });
  const sweep2Field = el('div', { class: 'br-field', hidden: true }, el('label', { for: sweep2.id }, t('research.sweep2')), sweep2);

  const targets = new Map<string, HTMLInputElement>();
  const targetFields = TARGET_KEYS.map((k) => {
    const box = input(`br-research-${k}`, { inputmode: 'decimal', size: 8, value: init.targets[k] });
    targets.set(k, box);
    return field(box.id, specFor(k).label, box, k);
  });
  const kind = el('select', { id: 'br-research-kind' }, el('option', { value: 'odds' }, t('research.kindOdds')), el('option', { value: 'risk' }, t('research.kindRisk')));
  // The causal check: a native checkbox (Tab to it, Space toggles it), its help tied to it.
  const causal = el('input', { type: 'checkbox', id: 'br-research-causal', 'aria-describedby': 'br-research-causal-help' }) as HTMLInputElement;
  const causalField = el('div', { class: 'br-field br-research-causal-field' },
    el('label', { class: 'br-check', for: causal.id }, causal, ' ', t('research.causal')),
    el('p', { class: 'br-help', id: 'br-research-causal-help' }, t('research.causalHelp', { day: Number(PARAM_SPECS.landmarkDay.default) })));

  const total = el('p', { class: 'br-research-total', 'aria-live': 'polite' });
  const command = el('code', { class: 'br-research-command' });
  const formErr = errBox('br-research-form', 'form');

  const root = el('div', { class: 'br-research-form' },
    el('fieldset', { class: 'br-research-set' }, el('legend', {}, t('research.setup')),
      el('div', { class: 'br-research-grid' },
        field(scenario.id, t('research.scenario'), scenario, 'scenario', t('research.scenarioHelpGame'), 'br-research-wide'),
        field(runs.id, t('research.runs'), runs, 'runs', t('research.runsHelp')),
        field(seed.id, t('research.seed'), seed, 'seed', t('research.seedHelp'))),
      gameNote,
      el('div', { class: 'br-field' }, el('label', { for: sweep.id }, t('research.sweep')), sweep), axis, sweep2Field, axis2, errBox('br-research-sweep', 'sweep'),
      causalField),
    el('fieldset', { class: 'br-research-set' }, el('legend', {}, t('research.targets')),
      el('p', { class: 'br-help' }, t('research.targetsHelp')),
      el('div', { class: 'br-research-grid br-research-targets' }, ...targetFields, el('div', { class: 'br-field' }, el('label', { for: kind.id }, t('research.kind')), kind))),
    total, formErr,
    el('details', { class: 'br-research-cli' }, el('summary', {}, t('research.command')), command));
  inputs.set('sweep', from);
  inputs.set('form', scenario);

  function read(): ResearchForm {
    const tg = {} as ResearchForm['targets'];
    for (const k of TARGET_KEYS) tg[k] = targets.get(k)!.value;
    const own = scenario.value === game.scenarioId;
    return { scenario: scenario.value, runs: runs.value, seed: seed.value, sweepKey: sweep.value, from: from.value, to: to.value, step: step.value,
      sweepKey2: sweep.value === '' ? '' : sweep2.value, from2: from2.value, to2: to2.value, step2: step2.value,
      sets: own ? game.sets : [], strategy: own ? game.strategy : 'scenario',
      targets: tg, kind: kind.value === 'risk' ? 'risk' : 'odds', causal: causal.checked };
  }

  function show(c: FormCheck): void {
    const errors = c.ok ? {} : c.errors;
    for (const [fid, box] of errs) {
      const msg = errors[fid] ?? null;
      box.hidden = msg === null;
      setText(box, msg ?? '');
      const target = fid === 'sweep' ? [from, to, step] : fid === 'form' ? [] : [inputs.get(fid)!];
      for (const x of target) x.setAttribute('aria-invalid', String(msg !== null));
    }
    if (c.ok) {
      setText(total, c.points > 1 ? t('research.total', { points: c.points, runs: c.plan.runs, total: c.total, workers: workersText })
        : t('research.totalOne', { total: c.total, workers: workersText }));
      setText(command, commandLine(c.args));
    } else setText(total, '');
  }

  const check = (): FormCheck => { const c = checkForm(read()); show(c); return c; };

  scenario.addEventListener('change', () => {
    scenarioTouched = true;
    const d = targetDefaults(scenario.value);
    for (const k of TARGET_KEYS) targets.get(k)!.value = d[k];
    if (sweep.value !== '') fillAxis();
    check();
  });
  function fillAxis(): void {
    axis.hidden = sweep.value === '';
    if (sweep.value === '') return;
    const d = sweepDefaults(sweep.value as ParamKey, scenarioValue(scenario.value, sweep.value as ParamKey));
    from.value = d.from; to.value = d.to; step.value = d.step;
  }
  function fillAxis2(): void {
    sweep2Field.hidden = sweep.value === '';
    axis2.hidden = sweep.value === '' || sweep2.value === '';
    if (axis2.hidden) return;
    const d = sweepDefaults(sweep2.value as ParamKey, scenarioValue(scenario.value, sweep2.value as ParamKey));
    from2.value = d.from; to2.value = d.to; step2.value = d.step;
  }
  function noteGame(): void {
    const own = scenario.value === game.scenarioId;
    setText(gameNote, own ? t('research.gameNote', { n: game.sets.length, strategy: game.strategy }) : '');
  }
  sweep.addEventListener('change', () => { fillAxis(); fillAxis2(); check(); });
  sweep2.addEventListener('change', () => { fillAxis2(); check(); });
  scenario.addEventListener('change', () => { if (sweep2.value !== '') fillAxis2(); noteGame(); check(); });
  for (const x of [runs, seed, from, to, step, from2, to2, step2, kind, causal, ...targets.values()]) x.addEventListener('change', () => check());
  check();

  return {
    root, read, check,
    setGame(scenarioId, sets, strategy) {
      game = { scenarioId, sets: sets.map(([k, v]) => [k, v]), strategy };
      if (!scenarioTouched && scenarioId && [...scenario.options].some((o) => o.value === scenarioId) && scenario.value !== scenarioId) {
        scenario.value = scenarioId;
        const d = targetDefaults(scenarioId);
        for (const k of TARGET_KEYS) targets.get(k)!.value = d[k];
        if (sweep.value !== '') fillAxis();
        if (sweep2.value !== '') fillAxis2();
      }
      noteGame();
      check();
    },
    setDisabled(disabled) {
      for (const x of root.querySelectorAll<HTMLInputElement | HTMLSelectElement>('input, select')) x.disabled = disabled;
    },
  };
}
