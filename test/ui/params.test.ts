// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { PARAM_KEYS, PARAM_SPECS } from '../../src/sim';
import { checkParam, paramSections, playerLayers, shownOrigin } from '../../src/ui/paramModel';
import { DEFAULT_CALIBRATION, getPreset } from '../../src/scenarios';
import { runSpec } from '../../src/store/types';
import { createParams } from '../../src/ui/params';
import { createFake, fakeMeta } from './fakeStore';

const mount = (fake = createFake()) => {
  const panel = createParams({ store: fake.store, getSeries: () => fake.series, getAgents: () => null });
  document.body.append(panel.root);
  return { fake, panel, root: panel.root };
};
const field = (root: HTMLElement, key: string) => root.querySelector<HTMLInputElement>(`[data-key="${key}"] input[type="text"], [data-key="${key}"] select, [data-key="${key}"] input[type="checkbox"]`)!;
const change = (input: HTMLInputElement | HTMLSelectElement, value: string) => {
  input.value = value;
  input.dispatchEvent(new Event('change', { bubbles: true }));
};

afterEach(() => { document.body.replaceChildren(); });

describe('parameter panel', () => {
  it('builds exactly one control per parameter of the schema, grouped with the channels together', () => {
    const { root } = mount();
    const rows = [...root.querySelectorAll<HTMLElement>('.br-param')];
    expect(rows.map((r) => r.dataset.key).sort()).toEqual([...PARAM_KEYS].sort());
    for (const key of PARAM_KEYS) {
      const spec = PARAM_SPECS[key];
      const row = root.querySelector(`[data-key="${key}"]`)!;
      const input = field(root, key);
      expect(input, key).not.toBeNull();
      // labelled and described
      expect(root.querySelector(`label[for="${input.id}"]`)?.textContent, key).toContain(spec.label);
      expect(input.getAttribute('aria-describedby'), key).toMatch(/help/);
      if (spec.type === 'number' || spec.type === 'integer') expect(row.querySelector('input[type="range"]'), key).not.toBeNull();
      if (spec.type === 'boolean') expect(input.type).toBe('checkbox');
      if (spec.type === 'enum') expect(input.tagName).toBe('SELECT');
    }
    const sections = paramSections();
    const channels = sections.find((s) => s.id === 'channels')!;
    expect(channels.groups.length).toBe(8);
    expect(sections.filter((s) => s.groups.some((g) => g.id.startsWith('channel: '))).length).toBe(1);
    expect(root.querySelectorAll('details.br-param-section').length).toBe(sections.length);
  });

  it('shows the run\'s values', () => {
    const { root, fake } = mount();
    expect(field(root, 'legitimacy').value).toBe(String(fake.store.getState().meta!.params.legitimacy));
    expect(field(root, 'gridWidth').value).toBe('80');
  });

  it('rejects out-of-range, non-integer and non-numeric input inline without calling the store', () => {
    const { root, fake } = mount();
    for (const [key, bad] of [['legitimacy', '1.5'], ['legitimacy', '-0.1'], ['gridWidth', '10.5'], ['gridWidth', '3'], ['arrestK', 'abc'], ['defectionThresholdList', '0.1, x']] as const) {
      const input = field(root, key);
      change(input, bad);
      expect(input.getAttribute('aria-invalid'), `${key}=${bad}`).toBe('true');
      const err = root.querySelector<HTMLElement>(`[data-key="${key}"] .br-error`)!;
      expect(err.hidden).toBe(false);
      expect(err.textContent).not.toBe('');
    }
    expect(fake.calls.filter((c) => c.name === 'setParam')).toEqual([]);
  });

  it('passes a valid value to setParam and clears the error', () => {
    const { root, fake } = mount();
    const input = field(root, 'legitimacy');
    change(input, '2');
    change(input, '0.42');
    expect(input.getAttribute('aria-invalid')).toBe('false');
    const box = field(root, 'torus');
    box.checked = true; box.dispatchEvent(new Event('change'));
    change(field(root, 'visionShape'), 'euclidean');
    change(field(root, 'defectionThresholdList'), '0.1, 0.2,0.3');
    expect(fake.calls.filter((c) => c.name === 'setParam').map((c) => c.args)).toEqual([
      ['legitimacy', '0.42'], ['torus', 'true'], ['visionShape', 'euclidean'], ['defectionThresholdList', '0.1,0.2,0.3']]);
  });

  it('a typed value moves its slider, as typed and when committed; the slider moves the field', () => {
    const { root } = mount();
    const input = field(root, 'legitimacy');
    const slider = input.closest('.br-slider')!.querySelector<HTMLInputElement>('input[type="range"]')!;
    input.value = '0.37';
    input.dispatchEvent(new Event('input'));
    expect(Number(slider.value)).toBeCloseTo(0.37, 2);
    change(input, '0.61');
    expect(Number(slider.value)).toBeCloseTo(0.61, 2);
    slider.value = '0.25';
    slider.dispatchEvent(new Event('input'));
    expect(input.value).toBe('0.25');
  });

  it('checkParam agrees with the schema bounds', () => {
    expect(checkParam('legitimacy', '1')).toEqual({ ok: true, text: '1' });
    expect(checkParam('legitimacy', '1.0001').ok).toBe(false);
    expect(checkParam('collapseDays', '2.5').ok).toBe(false);
    expect(checkParam('defectionThresholdList', '').ok).toBe(true);
    expect(checkParam('visionShape', 'hexagon').ok).toBe(false);
  });

  it('marks changed parameters and resets to the scenario defaults', () => {
    const { root, fake } = mount(createFake({ sets: [['legitimacy', '0.3']] }));
    expect(root.querySelector('[data-key="legitimacy"]')!.classList.contains('br-is-changed')).toBe(true);
    expect(field(root, 'legitimacy').value).toBe('0.3');
    [...root.querySelectorAll('button')].find((b) => b.textContent === 'Reset to scenario defaults')!.click();
    expect(fake.calls.at(-1)).toEqual({ name: 'start', args: [runSpec({ scenarioId: 'classroom-discipline', seed: 1 })] });
  });
});

describe('what the drawer shows: the values that run, and where each comes from', () => {
  it('has the calibration, the scenario, the player and events as origins', () => {
    const l = playerLayers('classroom-unmasking', [['arrestRate', '0.2']], null);
    expect(l).not.toBeNull();
    const key = Object.keys(DEFAULT_CALIBRATION.values)[0];
    expect(l?.values[key]).toBe(DEFAULT_CALIBRATION.values[key as keyof typeof DEFAULT_CALIBRATION.values]); // calibrated value runs and shows
    expect(shownOrigin(key, l?.origin ?? {}, [])).toBe('calibration');
    // Any key the scenario itself sets (the presets are being retuned: not a fixed name).
    const own = Object.keys(getPreset('classroom-unmasking').params).find((k) => k !== 'arrestRate' && !(k in DEFAULT_CALIBRATION.values))!;
    expect(shownOrigin(own, l?.origin ?? {}, [])).toBe('scenario');
    expect([l?.values.arrestRate, shownOrigin('arrestRate', l?.origin ?? {}, [])]).toEqual([0.2, 'set']);
    expect(shownOrigin('arrestK', l?.origin ?? {}, [])).toBe('default');
    expect(shownOrigin('arrestRate', l?.origin ?? {}, ['arrestRate'])).toBe('event');
  });
});

describe('a value the scenario\'s events replace', () => {
  it('says under the control when an event of the scenario changes it, and says nothing for the others', () => {
    const { root } = mount(createFake({ meta: fakeMeta('minsk-2020'), scenarioId: 'minsk-2020' }));
    const note = (key: string) => root.querySelector<HTMLElement>(`[data-key="${key}"] .br-event-note`)!;
    expect(note('abuseProbability').hidden).toBe(false);
    expect(note('abuseProbability').textContent).toMatch(/on 9 Aug \(day 1\) an event sets it to 0\.28; later events change it again\. A value set here holds only until then\./);
    expect(note('violenceRate').hidden).toBe(true);
  });
});
