import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  DEFAULT_SEED, MAX_LINK_LENGTH, MAX_SEED, defaultScenarioId, formatActions, parseActions, parseReplay, parseRunQuery,
  parseSeed, replayJson, runSearch, type RunSpec,
} from '../../src/ui/query';
import { MODEL_VERSION } from '../../src/sim';

describe('parseSeed', () => {
  it('accepts every uint32 written in decimal', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: MAX_SEED }), (n) => parseSeed(String(n)) === n));
  });
  it('rejects anything else', () => {
    for (const s of ['', ' ', '-1', '1.5', '1e3', '0x10', 'abc', '4294967296', '99999999999', '12a']) expect(parseSeed(s), s).toBeNull();
  });
});

describe('parseRunQuery', () => {
  it('uses the defaults when the URL says nothing', () => {
    expect(parseRunQuery('')).toEqual({ run: { scenarioId: defaultScenarioId(), seed: DEFAULT_SEED, sets: [], actions: [] }, errors: [] });
  });
  it('reads scenario, seed, parameters and actions', () => {
    const q = parseRunQuery('?scenario=minsk-2020&seed=42&p.arrestRate=0.01&p.torus=false&a=3.symbols,3.strike,10.courts');
    expect(q.errors).toEqual([]);
    expect(q.run).toEqual({
      scenarioId: 'minsk-2020', seed: 42, sets: [['arrestRate', '0.01'], ['torus', 'false']],
      actions: [{ tick: 3, tactic: 'symbols' }, { tick: 3, tactic: 'strike' }, { tick: 10, tactic: 'courts' }],
    });
  });
  it('drops each bad part with a message naming it, keeping the rest', () => {
    const q = parseRunQuery('?scenario=nope&seed=-3&p.bogus=1&p.arrestRate=7&p.visionRadius=3&a=x.symbols');
    expect(q.run).toEqual({ scenarioId: defaultScenarioId(), seed: DEFAULT_SEED, sets: [['visionRadius', '3']], actions: [] });
    expect(q.errors).toHaveLength(5);
    for (const word of ['"nope"', '"-3"', 'bogus', 'arrestRate', 'x.symbols']) expect(q.errors.join('\n')).toContain(word);
  });
  it('drops settings that do not fit together, and tactics a scenario does not offer', () => {
    const q = parseRunQuery('?scenario=epstein-classic&p.detentionMinDays=9&p.detentionMaxDays=2');
    expect(q.run.sets).toEqual([]);
    expect(q.errors).toHaveLength(1);
    expect(parseActions('5.fly')).toMatch(/not a tactic/);
  });
});

describe('runSearch', () => {
  const run: RunSpec = { scenarioId: 'minsk-2020', seed: 9, sets: [['scale', '0.01']], actions: [{ tick: 5, tactic: 'symbols' }] };
  it('round-trips and keeps unrelated keys', () => {
    const { search, actionsOmitted } = runSearch('?renderer=canvas&seed=1&p.old=2', run);
    expect(actionsOmitted).toBe(false);
    expect(new URLSearchParams(search).get('renderer')).toBe('canvas');
    expect(parseRunQuery(search)).toEqual({ run, errors: [] });
  });
  it('leaves the actions out of a link that would be too long', () => {
    const many = { ...run, actions: Array.from({ length: 400 }, (_, k) => ({ tick: k, tactic: 'symbols' as const })) };
    const r = runSearch('', many);
    expect(r.actionsOmitted).toBe(true);
    expect(r.search.length).toBeLessThanOrEqual(MAX_LINK_LENGTH);
    expect(parseRunQuery(r.search).run.actions).toEqual([]);
    expect(formatActions(many.actions).length).toBeGreaterThan(MAX_LINK_LENGTH);
  });
});

describe('replay file', () => {
  it('round-trips, and says what is wrong with a bad file', () => {
    const run: RunSpec = { scenarioId: 'classroom-discipline', seed: 3, sets: [['arrestRate', '0.1']], actions: [{ tick: 7, tactic: 'symbols' }] };
    expect(parseReplay(replayJson(run))).toEqual({ run, errors: [] });
    expect(parseReplay('{oops')).toHaveProperty('error');
    expect(parseReplay('[1,2]')).toHaveProperty('error');
  });

  it('refuses a file nested 5,000 levels deep with a message naming the field, not a stack overflow', () => {
    const deep = `{"scenarioId": "epstein-classic", "sets": ${'['.repeat(5000)}${']'.repeat(5000)}}`;
    expect(parseReplay(deep)).toEqual({ error: expect.stringMatching(/field 'sets' nests more than 64 levels deep \(at sets\[0\]\[0\]/) });
  });
});

describe('model version', () => {
  const run: RunSpec = { scenarioId: 'classroom-discipline', seed: 3, sets: [], actions: [{ tick: 7, tactic: 'symbols' }] };
  it('links and replay files carry it; another version opens the same run with one line', () => {
    const { search } = runSearch('', run);
    expect(new URLSearchParams(search).get('v')).toBe(String(MODEL_VERSION));
    expect(JSON.parse(replayJson(run)).modelVersion).toBe(MODEL_VERSION);
    const older = search.replace(`v=${MODEL_VERSION}`, 'v=1');
    expect(parseRunQuery(older)).toEqual({ run, errors: [`Made with model 1, this is model ${MODEL_VERSION}: the run may differ.`] });
    const file = JSON.stringify({ ...JSON.parse(replayJson(run)), modelVersion: 1 });
    expect(parseReplay(file)).toEqual({ run, errors: [`Made with model 1, this is model ${MODEL_VERSION}: the run may differ.`] });
    expect(parseRunQuery('?scenario=classroom-discipline&seed=3&a=7.symbols').errors).toEqual([]); // no v=: no notice
  });
});
