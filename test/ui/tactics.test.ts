// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { createTactics, tacticLevel } from '../../src/ui/tactics';
import { createFake } from './fakeStore';

const mount = (fake = createFake()) => {
  const panel = createTactics({ store: fake.store, getSeries: () => fake.series, getAgents: () => null });
  document.body.append(panel.root);
  const btn = (id: string) => panel.root.querySelector<HTMLButtonElement>(`button[data-tactic="${id}"]`)!;
  return { fake, root: panel.root, btn };
};
const flush = () => new Promise((r) => setTimeout(r, 0));

afterEach(() => { document.body.replaceChildren(); });

describe('tactics panel', () => {
  it('offers the scenario\'s tactics with their costs', () => {
    const { root } = mount();
    const ids = [...root.querySelectorAll<HTMLButtonElement>('button[data-tactic]')].map((b) => b.dataset.tactic);
    expect(ids).toEqual(['disciplineTraining', 'symbols', 'amnestyPledge', 'defectorOutreach']);
    expect(root.querySelector('button[data-tactic="amnestyPledge"] .br-cost')!.textContent).toBe('4 pts');
  });

  it('disables the tactics the movement cannot afford, with the reason', () => {
    const { btn, fake } = mount(createFake({ capacity: 2.5 }));
    expect(btn('symbols').disabled).toBe(false); // cost 2
    for (const id of ['disciplineTraining', 'amnestyPledge', 'defectorOutreach']) expect(btn(id).disabled, id).toBe(true);
    const why = document.getElementById(btn('amnestyPledge').getAttribute('aria-describedby')!.split(' ')[1])!;
    expect(why.textContent).toContain('Needs 4 points');
    fake.store.setState({ capacity: 4 });
    expect(btn('amnestyPledge').disabled).toBe(false);
    expect(why.textContent).toBe('');
  });

  it('disables every tactic once the run is over', () => {
    const { root, fake } = mount(createFake({ capacity: 30 }));
    fake.store.setState({ outcome: 'stalemate' });
    expect([...root.querySelectorAll<HTMLButtonElement>('button[data-tactic]')].every((b) => b.disabled)).toBe(true);
  });

  it('calls act and shows the result, ok or refused', async () => {
    const { btn, fake, root } = mount(createFake({ capacity: 10 }));
    btn('symbols').click();
    await flush();
    expect(fake.calls.filter((c) => c.name === 'act').map((c) => c.args[0])).toEqual(['symbols']);
    expect(root.querySelector('.br-tactic-result')!.textContent).toBe('Launched: Symbols (white clothes, flowers).');
    fake.actResult = { ok: false, message: 'not enough capacity' };
    btn('symbols').click();
    await flush();
    expect(root.querySelector('.br-tactic-result')!.textContent).toBe('Refused: not enough capacity');
  });

  it('shows levels and capacity', () => {
    const { root } = mount();
    const row = root.querySelector('button[data-tactic="disciplineTraining"]')!.closest('li')!;
    expect(row.querySelector('.br-level-text')!.textContent).toBe('Level 50%');
    expect(root.querySelector('.br-cap-value')!.textContent).toBe('4.0 points (+3 a day, up to 9)');
    expect(tacticLevel({ symbols: 0.3 }, 'symbols')).toBe(0.3);
    expect(tacticLevel({ publication: 0.7 }, 'massPublication')).toBe(0.7);
    expect(tacticLevel({}, 'strike')).toBe(0);
  });
});
