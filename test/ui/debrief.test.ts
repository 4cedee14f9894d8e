// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { debriefOf, momentumTurn, topChannels } from '../../src/ui/debriefModel';
import { fmtFigure, renderDebrief } from '../../src/ui/debrief';
import type { SimEvent } from '../../src/sim';
import { createFake, fakeMeta, fakeRow } from './fakeStore';

/** A run summary: a small stalemate, with the fields a test cares about overridden. */
const summaryOf = (over: Record<string, number>) => ({ peakActive: 10, peakActiveTick: 0, peakParticipation: 0.1, defectedShare: 0.2, defectionOccurred: true,
  detentions: 1, deaths: 0, injuries: 0, abuses: 0, unmaskings: 0, resignations: 0, contacts: 0, purged: 0, publications: 0, perceived: 0, eliteCohesion: 1,
  regimeResources: 1, patronSupport: 0, violenceShare: 0, nonviolent: true, momentum: 0, staffing: {}, hiddenLoyaltyShift: 0, ...over });

const totals = { backfire: -3.2, threat: 1.5, exposure: -0.4, offers: -1.1, peers: -2.0, momentum: -0.05, accountability: 0, regime: 4.1 };

describe('debrief', () => {
  it('picks the channels that pushed officers most toward leaving, and those that held them', () => {
    const f = topChannels(totals, []);
    expect(f.source).toBe('totals');
    expect(f.leaving.map((r) => r.channel)).toEqual(['backfire', 'peers', 'offers']);
    expect(f.staying.map((r) => r.channel)).toEqual(['regime', 'threat']);
  });

  it('falls back to counting the officers who left by their main channel', () => {
    const ev = (kind: string, channel?: SimEvent['channel']): SimEvent => ({ tick: 1, kind, officer: 1, channel });
    const f = topChannels(null, [ev('resign', 'peers'), ev('shirk', 'peers'), ev('join', 'backfire'), ev('unmasking', 'exposure'), ev('resign')]);
    expect(f.source).toBe('events');
    expect(f.leaving).toEqual([{ channel: 'peers', value: -2 }, { channel: 'backfire', value: -1 }]);
    expect(topChannels(null, []).source).toBe('none');
  });

  it('finds the day momentum turned', () => {
    const meta = fakeMeta();
    const rows = [0.1, 0.3, 0.55, 0.7, 0.45, 0.2].map((m, k) => fakeRow(k * 24, meta, m));
    expect(momentumTurn(rows)).toEqual({ kind: 'fell', upTick: 48, tick: 96 });
    expect(momentumTurn(rows.slice(0, 4))).toEqual({ kind: 'rose', tick: 48 });
    expect(momentumTurn(rows.slice(0, 2))).toEqual({ kind: 'peak', tick: 24, value: 0.3 });
  });

  it('explains the outcome with the tipping day, history and hints', () => {
    const fake = createFake({ outcome: 'stalemate', channelTotals: totals });
    const s = fake.store.getState();
    const meta = { ...s.meta!, historical: { detained: { label: 'Detained in the first days', source: 'op-ed', unit: null, historical: 6700, band: [5000, 10000] as [number, number] } } };
    const d = debriefOf({ ...s, meta, historical: { detained: 5321 }, tippingTick: 240 }, fake.series.rows)!;
    expect(d.headline).toBe('Stalemate at the horizon');
    expect(d.why).toContain('day 42');
    expect(d.tipping).toBe('Tipping point: day 11 (11 September 2025).');
    expect(d.channels.leaving[0].channel).toBe('backfire');
    expect(d.history).toEqual([{ label: 'Detained in the first days', source: 'op-ed', unit: null, historical: 6700, band: [5000, 10000], model: 5321, inBand: true }]);
    // Below the band: flagged, not hidden.
    expect(debriefOf({ ...s, meta, historical: { detained: 4999 } }, fake.series.rows)!.history[0].inBand).toBe(false);
    // Before its date the model has no value: neither within nor outside.
    expect(debriefOf({ ...s, meta, historical: { detained: null } }, fake.series.rows)!.history[0].inBand).toBeNull();
    expect(d.hints[0]).toBe(s.meta!.briefing.try);
    // classroom-discipline offers neither strikes nor elite appeals: the hint does not send the player to them.
    expect(d.hints).toContain("The regime's pay and propaganda held its officers, and no tactic offered here reaches them: bring officers over sooner, and keep them coming, faster than the regime pulls them back.");
    const withStrikes = { ...meta, tactics: [...meta.tactics, { id: 'strike' as const, label: 'Strikes', effect: '', cost: 8 }] };
    expect(debriefOf({ ...s, meta: withStrikes, historical: { detained: 5321 } }, fake.series.rows)!.hints)
      .toContain("The regime's pay and propaganda held its officers: strikes drain its budget; appeals split its elite.");
    const html = renderDebrief(d).map((e) => e.textContent).join('\n');
    expect(html).toContain('6,700');
    expect(html).toContain('5,321');
    expect(html).toContain('backfire');
    expect(debriefOf({ ...s, outcome: null }, [])).toBeNull();
  });

  it('names the fall route', () => {
    const fake = createFake({ outcome: 'success', fallCause: 'force' });
    const d = debriefOf(fake.store.getState(), fake.series.rows)!;
    expect(d.headline).toBe('The regime fell: not enough loyal force');
    expect(d.why).toContain('60%');
  });

  it('reveals the hidden situation only where the scenario has one, with its sign', () => {
    const fake = createFake({ outcome: 'stalemate' });
    const s = fake.store.getState();
    const summary = summaryOf({ hiddenLoyaltyShift: 0.031 });
    const hidden = (d: ReturnType<typeof debriefOf>) => d!.numbers.find(([k]) => k === 'What you could not know')?.[1];
    const known = { ...s.meta!, params: { ...s.meta!.params, hiddenLoyaltySd: 0 } };
    expect(hidden(debriefOf({ ...s, meta: known, summary }, fake.series.rows))).toBeUndefined(); // nothing was hidden
    const meta = { ...s.meta!, params: { ...s.meta!.params, hiddenLoyaltySd: 0.04 } };
    expect(hidden(debriefOf({ ...s, meta, summary }, fake.series.rows))).toBe(
      'The force started more loyal than the briefing let you know: every officer +0.031 on the loyalty scale (runs differ by about 0.04 either way).');
    expect(hidden(debriefOf({ ...s, meta, summary: { ...summary, hiddenLoyaltyShift: -0.02 } }, fake.series.rows))).toMatch(/^The force started less loyal .* every officer [−-]0\.020 /);
    // A draw within a quarter of the spread is not news: no "less loyal" for −0.003.
    expect(hidden(debriefOf({ ...s, meta, summary: { ...summary, hiddenLoyaltyShift: -0.003 } }, fake.series.rows))).toMatch(/^The force was about as loyal as the briefing let you know: every officer [−-]0\.003 /);
  });

  it('below scale 1 gives counts as agents and the people they stand for, and says why rare events differ from the history table', () => {
    const fake = createFake({ outcome: 'stalemate' });
    const s = fake.store.getState();
    const summary = summaryOf({ peakActive: 4609, peakParticipation: 0.23, defectedShare: 0.057, detentions: 1555, deaths: 0.46, injuries: 227, abuses: 122.1, unmaskings: 98, resignations: 74 });
    const at = (scale: number) => debriefOf({ ...s, meta: { ...s.meta!, params: { ...s.meta!.params, scale, hiddenLoyaltySd: 0 } }, summary }, fake.series.rows)!;
    const small = at(0.02);
    const value = (d: ReturnType<typeof at>, k: string) => d.numbers.find(([key]) => key === k)?.[1];
    // 1,555 agents at scale 0.02: 1,555 / 0.02 = 77,750 people; 4,609 / 0.02 = 230,450.
    expect(value(small, 'Detentions')).toBe('1,555 agents ≈ 77,750 people');
    expect(value(small, 'Most protesting at once')).toBe('4,609 agents ≈ 230,450 people (23.0%)');
    // An expected count keeps its fraction: 0.46 agents x 50 = 23 people, 122.1 x 50 = 6,105 (from 100 agents on, whole numbers).
    expect(value(small, 'Deaths')).toBe('0.46 agents ≈ 23 people');
    expect(value(small, 'Documented abuses')).toBe('122 agents ≈ 6,105 people');
    expect(small.numbersNote).toContain('each agent stands for 50 people');
    const html = renderDebrief(small).map((e) => e.textContent).join('\n');
    expect(html).toContain('Deaths and abuses are expected counts');
    const full = at(1);
    expect(value(full, 'Detentions')).toBe('1,555');
    expect(value(full, 'Deaths')).toBe('0.46');
    expect(full.numbersNote).toBe('');
  });
});

describe('fmtFigure beside a band', () => {
  it('prints enough decimals that the value agrees with within/outside', () => {
    expect(fmtFigure(-19.96, 'percent', [-38, -20])).toBe('−19.96%');
    expect(fmtFigure(-19.96, 'percent')).toBe('−20.0%');
    expect(fmtFigure(0.52, 'ratio', [0, 0.5])).toBe('0.52 ratio');
    expect(fmtFigure(0.46, 'ratio', [0, 0.5])).toBe('0.5 ratio');
    expect(fmtFigure(0.421, 'share', [0.42, 0.62])).toBe('42%');
    expect(fmtFigure(0.4196, 'share', [0.42, 0.62])).toBe('41.96%');
  });
});
