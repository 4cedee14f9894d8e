// @vitest-environment jsdom
/**
 * The research drawer in jsdom with fake workers running the real job loop: opened from the
 * Research button (keyboard: focus moves in, Escape closes, focus returns), invalid fields
 * refused before any worker starts, a batch runs to the CLI's rows with progress and exports
 * the CLI's CSV and JSON bytes, and Cancel terminates the workers and keeps no statistics.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { resultJson, rowsToCsv, runOne } from '../../src/batch/index';
import { runJob, type WebJobReply, type WebJobRequest } from '../../src/batch/webWorker';
import type { BatchPlan } from '../../src/batch/index';
import { createPanels } from '../../src/ui/app';
import { createResearch, type ResearchPanel } from '../../src/ui/research/index';
import type { WorkerLike } from '../../src/ui/research/pool';
import { etaMs, fmtDuration } from '../../src/ui/research/progress';
import { createFake } from './fakeStore';

class FakeWorker implements WorkerLike {
  static all: FakeWorker[] = [];
  onmessage: WorkerLike['onmessage'] = null;
  onerror: WorkerLike['onerror'] = null;
  terminated = false;
  plan: BatchPlan | null = null;
  constructor(private readonly silent: boolean) { FakeWorker.all.push(this); }
  postMessage(req: WebJobRequest): void {
    if (req.plan) this.plan = req.plan;
    if (this.silent) return;
    setTimeout(() => {
      const out: WebJobReply[] = [];
      runJob(this.plan!, req, (r) => out.push(structuredClone(r)));
      for (const r of out) if (!this.terminated) this.onmessage?.({ data: r });
    }, 1);
  }
  terminate(): void { this.terminated = true; }
}

const change = (id: string, value: string): void => {
  const x = document.getElementById(id) as HTMLInputElement | HTMLSelectElement;
  x.value = value;
  x.dispatchEvent(new Event('change', { bubbles: true }));
};
const click = (id: string): void => (document.getElementById(id) as HTMLButtonElement).click();
/** jsdom's Blob has no text(): read it the old way. */
const blobText = (b: Blob): Promise<string> => new Promise((ok) => {
  const fr = new FileReader();
  fr.onload = () => ok(fr.result as string);
  fr.readAsText(b);
});
const text = (sel: string): string => document.querySelector(sel)?.textContent ?? '';

let panel: ResearchPanel | null = null;
beforeEach(() => { FakeWorker.all = []; });
afterEach(() => { panel?.destroy(); panel = null; document.body.replaceChildren(); vi.restoreAllMocks(); });

function open(silent = false): ResearchPanel {
  panel = createResearch({ workers: 2, createWorker: () => new FakeWorker(silent) });
  document.body.append(panel.root);
  panel.open();
  return panel;
}

describe('the research drawer', () => {
  it('refuses invalid fields beside them and starts no worker', () => {
    open();
    change('br-research-runs', '0');
    expect(document.getElementById('br-research-runs')!.getAttribute('aria-invalid')).toBe('true');
    expect(document.getElementById('br-research-runs-err')!.hidden).toBe(false);
    change('br-research-sweep', 'legitimacy');
    expect((document.getElementById('br-research-from') as HTMLInputElement).value).not.toBe('');
    change('br-research-step', '-1');
    expect(text('#br-research-sweep-err')).toMatch(/step must be positive/);
    click('br-research-run');
    expect(FakeWorker.all).toHaveLength(0);
    expect(document.activeElement?.getAttribute('aria-invalid')).toBe('true');
  });

  it('runs a small ensemble: progress to done, the CLI rows, CSV and JSON downloads', async () => {
    const p = open();
    change('br-research-runs', '3');
    change('br-research-seed', '7');
    expect(text('.br-research-total')).toBe('3 runs on 2 workers');
    expect(text('.br-research-command')).toBe('npm run --silent batch -- --scenario campaigns --strategy scenario --runs 3 --seed 7 --format json');
    click('br-research-run');
    expect(p.running()).toBe(true);
    expect((document.getElementById('br-research-cancel') as HTMLButtonElement).disabled).toBe(false);
    expect((document.getElementById('br-research-run') as HTMLButtonElement).disabled).toBe(true);
    await vi.waitFor(() => expect(text('.br-research-status')).toMatch(/^Finished: 3 runs/), { timeout: 10_000 });
    const bar = document.getElementById('br-research-progress') as HTMLProgressElement;
    expect([bar.value, bar.max]).toEqual([3, 3]);
    expect(text('.br-research-progress-text')).toBe('3 of 3 runs');
    const r = p.result()!;
    const plan = FakeWorker.all[0].plan!;
    expect([plan.scenarioName, plan.seed, plan.runs]).toEqual(['campaigns', 7, 3]);
    expect(r.rows).toEqual([0, 1, 2].map((g) => runOne(plan, g)));
    expect(FakeWorker.all.every((w) => w.terminated)).toBe(true);
    expect(document.querySelectorAll('.br-research-stats tbody tr')).toHaveLength(7);

    const blobs: Blob[] = [];
    vi.spyOn(URL, 'createObjectURL').mockImplementation((b) => { blobs.push(b as Blob); return `blob:${blobs.length}`; });
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => {});
    const names: string[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) { names.push(this.download); });
    (document.querySelector('.br-research-csv') as HTMLButtonElement).click();
    (document.querySelector('.br-research-json') as HTMLButtonElement).click();
    expect(names).toEqual(['breaking-ranks-campaigns-seed7-runs3.csv', 'breaking-ranks-campaigns-seed7-runs3.json']);
    expect(await blobText(blobs[0])).toBe(rowsToCsv(r.rows));
    expect(await blobText(blobs[1])).toBe(resultJson(r));
    expect(blobs.map((b) => b.type)).toEqual(['text/csv', 'application/json']);
  });

  it('the causal check: a labelled checkbox, off by default; on, the batch is --causal and the results say what it shows', async () => {
    const p = open();
    const box = document.getElementById('br-research-causal') as HTMLInputElement;
    expect([box.type, box.checked, box.disabled]).toEqual(['checkbox', false, false]);
    expect(document.querySelector('label[for="br-research-causal"]')!.textContent).toBe(' Causal check (doubles the runs)');
    expect(document.getElementById(box.getAttribute('aria-describedby')!)!.textContent).toMatch(/noted on day 10/);
    change('br-research-runs', '3');
    box.checked = true;
    box.dispatchEvent(new Event('change', { bubbles: true }));
    expect(text('.br-research-command')).toBe('npm run --silent batch -- --scenario campaigns --strategy scenario --runs 3 --seed 1 --causal --format json');
    click('br-research-run');
    expect(box.disabled).toBe(true); // no change while it runs
    await vi.waitFor(() => expect(text('.br-research-status')).toMatch(/^Finished: 3 runs/), { timeout: 20_000 });
    const plan = FakeWorker.all[0].plan!;
    expect(plan.causal).toBe(true);
    expect(p.result()!.rows).toEqual([0, 1, 2].map((g) => runOne(plan, g)));
    expect(p.result()!.stats.causal).toBeDefined();
    expect(text('.br-research-causal h4')).toBe('Does defection make success likelier? (causal check)');
    expect(text('.br-research-causal')).toMatch(/Runs still undecided on day 10/);
    expect(text('.br-research-causal')).toMatch(/With no officer allowed to leave duty|No nonviolent run/);
  });

  it('Cancel terminates the workers and keeps no statistics', async () => {
    const p = open(true);
    change('br-research-runs', '50');
    click('br-research-run');
    expect(FakeWorker.all).toHaveLength(2);
    click('br-research-cancel');
    await vi.waitFor(() => expect(p.running()).toBe(false));
    expect(text('.br-research-status')).toBe('Cancelled after 0 of 50 runs. No statistics are kept from a partial batch.');
    expect(text('.br-research-progress-text')).toBe('0 of 50 runs · partial');
    expect(FakeWorker.all.every((w) => w.terminated)).toBe(true);
    expect(document.querySelector('.br-research-results')).toBeNull();
    expect(p.result()).toBeNull();
    expect((document.getElementById('br-research-run') as HTMLButtonElement).disabled).toBe(false);
  });
});

describe('the Research button', () => {
  it('opens the drawer with focus inside, Escape closes it and returns focus', () => {
    document.body.innerHTML = '<main id="app"><section id="game"></section><aside id="panels"></aside><section id="charts"></section></main>';
    const fake = createFake();
    const ui = createPanels(document.getElementById('panels')!, { store: fake.store, getSeries: () => fake.series, getAgents: () => null,
      research: { workers: 1, createWorker: () => new FakeWorker(true) } });
    const btn = document.getElementById('br-research-toggle') as HTMLButtonElement;
    const drawer = document.getElementById('br-research')!;
    expect(btn.textContent).toBe('Research');
    expect(drawer.hidden).toBe(true);
    btn.click();
    expect(drawer.hidden).toBe(false);
    expect(btn.getAttribute('aria-expanded')).toBe('true');
    expect(document.activeElement).toBe(document.getElementById('br-research-title'));
    document.body.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, cancelable: true }));
    expect(drawer.hidden).toBe(true);
    expect(btn.getAttribute('aria-expanded')).toBe('false');
    expect(document.activeElement).toBe(btn);
    // A running batch shows its progress on the button.
    btn.click();
    click('br-research-run');
    expect(btn.textContent).toBe('Research 0%');
    click('br-research-cancel');
    ui.destroy();
  });
});

describe('progress', () => {
  it('estimates the time left from the rate so far, once there is one', () => {
    expect(etaMs(0, 100, 5000)).toBeNull();
    expect(etaMs(10, 100, 200)).toBeNull(); // too early to quote
    expect(etaMs(25, 100, 1000)).toBe(3000);
    expect(etaMs(100, 100, 4000)).toBe(0);
  });

  it('says durations the way people read them', () => {
    expect([400, 8000, 42_000, 200_000, 3_900_000].map(fmtDuration)).toEqual(['0.4 s', '8.0 s', '42 s', '3 min 20 s', '1 h 5 min']);
  });
});
