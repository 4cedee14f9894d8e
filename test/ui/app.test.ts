// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { createPanels } from '../../src/ui/app';
import { runSpec } from '../../src/store/types';
import { createFake } from './fakeStore';

const key = (k: string, target: EventTarget = document.body) =>
  target.dispatchEvent(new KeyboardEvent('keydown', { key: k, bubbles: true, cancelable: true }));

let current: { destroy(): void } | null = null;

function page() {
  document.body.innerHTML = '<main id="app"><section id="game"></section><aside id="panels"></aside><section id="charts"></section></main>';
  const fake = createFake();
  const ui = createPanels(document.getElementById('panels')!, { store: fake.store, getSeries: () => fake.series, getAgents: () => null });
  current = ui;
  return { fake, ui };
}

afterEach(() => { current?.destroy(); current = null; document.body.replaceChildren(); });

describe('createPanels', () => {
  it('lays the panels out around the map; the briefing is a dialog that takes the focus', async () => {
    page();
    // (that it takes the focus is checked in the browser: test/e2e/a11y.test.ts)
    const panels = document.getElementById('panels')!;
    for (const sel of ['.br-controls', '.br-tactics', '.br-inspector', '.br-notice']) expect(panels.querySelector(sel), sel).not.toBeNull();
    expect(document.querySelector('#charts .br-chart-panel')).not.toBeNull();
    expect(document.querySelector('#charts .br-events')).not.toBeNull();
    expect(document.querySelector('body > .br-briefing')!.getAttribute('role')).toBe('dialog');
    expect(document.querySelector('body > .br-briefing')!.hasAttribute('hidden')).toBe(false); // shown at start
    expect(document.querySelector('body > .br-params')!.hasAttribute('hidden')).toBe(true);
  });

  it('binds ".", ">" and "?" but leaves Space to the page shell', () => {
    const { fake } = page();
    key('.');
    key('>');
    key(' ');
    expect(fake.calls.map((c) => c.name)).toEqual(['step', 'setSpeed']);
    expect(fake.store.getState().speed).toBeGreaterThan(24);
    key('?');
    expect(document.querySelector('.br-modal')!.hasAttribute('hidden')).toBe(false);
    key('Escape');
    expect(document.querySelector('.br-modal')!.hasAttribute('hidden')).toBe(true);
  });

  it('ignores shortcuts typed into a field', () => {
    const { fake } = page();
    key('.', document.getElementById('br-seed')!);
    expect(fake.calls).toEqual([]);
  });

  it('Escape closes the inspector first, then the briefing', () => {
    const { fake } = page();
    fake.store.getState().selectOfficer(7);
    expect(document.querySelector('#br-inspector h2')!.textContent).toBe('Officer 7');
    key('Escape');
    expect(fake.store.getState().selectedOfficer).toBeNull();
    key('Escape');
    expect(document.querySelector('.br-briefing')!.hasAttribute('hidden')).toBe(true);
  });

  it('shows and dismisses a notice, and opens the debrief when the run is decided', () => {
    const { fake } = page();
    fake.store.setState({ notice: 'That link had a bad seed.' });
    expect(document.querySelector('.br-notice-text')!.textContent).toBe('That link had a bad seed.');
    [...document.querySelectorAll<HTMLButtonElement>('.br-notice button')][0].click();
    expect(fake.store.getState().notice).toBeNull();
    fake.store.setState({ outcome: 'failure', summary: null });
    const debrief = document.querySelector('.br-debrief')!;
    expect(debrief.hasAttribute('hidden')).toBe(false);
    expect(debrief.textContent).toContain('The movement faded');
    expect(document.querySelector('.br-debrief-wrap [role="status"]')!.textContent).toBe('Run over: The movement faded.');
  });

  it('Restart starts the same run from day 0 without the player\'s tactics', () => {
    const { fake } = page();
    fake.store.setState({ sets: [['legitimacy', '0.4']], actions: [{ tick: 5, tactic: 'symbols' }] });
    [...document.querySelectorAll<HTMLButtonElement>('.br-controls button')].find((b) => b.textContent === 'Restart')!.click();
    expect(fake.calls.at(-1)).toEqual({ name: 'start', args: [runSpec({ scenarioId: 'classroom-discipline', seed: 1, sets: [['legitimacy', '0.4']] })] });
  });

  it('destroy removes what it added', () => {
    const { ui } = page();
    ui.destroy();
    current = null;
    expect(document.querySelector('.br-controls, .br-chart-panel, .br-params, .br-modal, .br-briefing')).toBeNull();
  });
});
