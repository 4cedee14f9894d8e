import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  DEFAULT_SEED, MAX_LINK_LENGTH, MAX_SEED, defaultScenarioId, formatActions, parseActions, parseReplay, parseRunQuery, replaySizeError, MAX_REPLAY_BYTES,
  parseSeed, replayJson, runSearch, type RunSpec,
} from '../../src/ui/query';
import { MODEL_VERSION, type ActionDef } from '../../src/sim';
import { AC_TACTICS, packActions, unpackActions } from '../../src/ui/query';
import { runSpec } from '../../src/store/types';

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
    const q = parseRunQuery('');
    expect(q).toMatchObject({ run: runSpec({ scenarioId: defaultScenarioId(), seed: DEFAULT_SEED }), errors: [] });
    expect(q.page).toMatchObject({ hasScenario: false, unknownScenario: false, projector: false, lock: false, day: null });
  });
  it('reads scenario, seed, parameters and actions', () => {
    const q = parseRunQuery('?scenario=minsk-2020&seed=42&p.arrestRate=0.01&p.torus=false&a=3.symbols,3.strike,10.courts');
    expect(q.errors).toEqual([]);
    expect(q.run).toEqual(runSpec({
      scenarioId: 'minsk-2020', seed: 42, sets: [['arrestRate', '0.01'], ['torus', 'false']],
      actions: [{ tick: 3, tactic: 'symbols' }, { tick: 3, tactic: 'strike' }, { tick: 10, tactic: 'courts' }],
    }));
  });
  it('drops each bad part with a message naming it, keeping the rest', () => {
    const q = parseRunQuery('?scenario=nope&seed=-3&p.bogus=1&p.arrestRate=7&p.visionRadius=3&a=x.symbols');
    expect(q.run).toEqual(runSpec({ scenarioId: defaultScenarioId(), seed: DEFAULT_SEED, sets: [['visionRadius', '3']] }));
    expect(q.page.unknownScenario).toBe(true);
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
  const run: RunSpec = runSpec({ scenarioId: 'minsk-2020', seed: 9, sets: [['scale', '0.01']], actions: [{ tick: 5, tactic: 'symbols' }] });
  it('round-trips and keeps unrelated keys', () => {
    const { search, actionsOmitted } = runSearch('?renderer=canvas&seed=1&p.old=2', run);
    expect(actionsOmitted).toBe(false);
    expect(new URLSearchParams(search).get('renderer')).toBe('canvas');
    expect(parseRunQuery(search)).toMatchObject({ run, errors: [] });
  });
  it('round-trips watch mode, a named strategy, a take-over, a teacher\'s tactics and a comparison', () => {
    const full = runSpec({ scenarioId: 'classroom-discipline', seed: 4, strategy: 'scenario', tactics: ['disciplineTraining', 'symbols'],
      vs: { sets: [['disciplineMean', '0.4']], actions: [{ tick: 30, tactic: 'symbols' }], exclude: ['amnestyPledge'] } });
    const { search } = runSearch('', full);
    expect(search).toContain('mode=watch');
    expect(search).toContain('vs.p.disciplineMean=0.4');
    expect(parseRunQuery(search)).toMatchObject({ run: full, errors: [] });
    const took = runSpec({ scenarioId: 'classroom-discipline', seed: 4, takeover: 120, actions: [{ tick: 20, tactic: 'symbols' }] });
    expect(parseRunQuery(runSearch('', took).search).run).toEqual(took);
    expect(parseRunQuery('?scenario=classroom-discipline&mode=watch&strategy=every:symbols').run.strategy).toBe('every:symbols');
    expect(parseRunQuery('?scenario=classroom-discipline&mode=watch&strategy=nope').errors.join(' ')).toMatch(/no strategy "nope"/);
  });
  it('tactics= offers the intersection with the scenario and drops actions outside it, saying so', () => {
    const q = parseRunQuery('?scenario=classroom-discipline&tactics=symbols,bogus,strike&a=3.symbols,5.disciplineTraining');
    expect(q.run.tactics).toEqual(['symbols']);
    expect(q.run.actions).toEqual([{ tick: 3, tactic: 'symbols' }]);
    expect(q.errors.join('\n')).toMatch(/bogus/);
    expect(q.errors.join('\n')).toMatch(/strike/);
    expect(q.errors.join('\n')).toMatch(/Dropped 1 recorded action/);
  });
  it('day= is 1-based and checked against the horizon; projector and lock are read', () => {
    expect(parseRunQuery('?scenario=classroom-discipline&day=3&projector=1&lock=1').page).toMatchObject({ day: 3, projector: true, lock: true, hasScenario: true });
    const bad = parseRunQuery('?scenario=classroom-discipline&day=0');
    expect(bad.page.day).toBeNull();
    expect(bad.errors.join(' ')).toMatch(/day=0/);
  });
  it('packs actions as ac= when shorter (a= is always read); a 342-action Minsk game fits in 2,000 characters', () => {
    const acts: ActionDef[] = Array.from({ length: 342 }, (_, k) => ({ tick: 18 + Math.floor(k / 3) * 24 + (k % 3), tactic: AC_TACTICS[(k * 7) % 11] }));
    const r = runSearch('', runSpec({ scenarioId: 'minsk-2020', seed: 1, actions: acts }));
    expect(r.actionsOmitted).toBe(false);
    expect(r.search).toContain('ac=');
    expect(`http://localhost:5173/${r.search}`.length).toBeLessThanOrEqual(2000);
    expect(parseRunQuery(r.search).run.actions).toEqual(acts);
    expect(unpackActions(packActions(acts)!)).toEqual(acts);
    expect(parseRunQuery('?scenario=minsk-2020&a=3.symbols').run.actions).toEqual([{ tick: 3, tactic: 'symbols' }]);
    expect(unpackActions('!!')).toMatch(/base64url/);
  });
  it('leaves the actions out of a link that would be too long, and says so', () => {
    const many = { ...run, actions: Array.from({ length: 4000 }, (_, k) => ({ tick: k * 1000, tactic: AC_TACTICS[k % 11] })) };
    const r = runSearch('', many);
    expect(r.actionsOmitted).toBe(true);
    expect(r.search.length).toBeLessThanOrEqual(MAX_LINK_LENGTH);
    expect(parseRunQuery(r.search).run.actions).toEqual([]);
    expect(formatActions(many.actions).length).toBeGreaterThan(MAX_LINK_LENGTH);
  });
});

describe('replay file', () => {
  it('round-trips, and says what is wrong with a bad file', () => {
    const run: RunSpec = runSpec({ scenarioId: 'classroom-discipline', seed: 3, sets: [['arrestRate', '0.1']], actions: [{ tick: 7, tactic: 'symbols' }] });
    expect(parseReplay(replayJson(run))).toMatchObject({ run, errors: [] });
    expect(parseReplay('{oops')).toHaveProperty('error');
    expect(parseReplay('[1,2]')).toHaveProperty('error');
  });

  it('refuses a file nested 5,000 levels deep with a message naming the field, not a stack overflow', () => {
    const deep = `{"scenarioId": "epstein-classic", "sets": ${'['.repeat(5000)}${']'.repeat(5000)}}`;
    expect(parseReplay(deep)).toEqual({ error: expect.stringMatching(/field 'sets' nests more than 64 levels deep \(at sets\[0\]\[0\]/) });
  });
});

describe('model version', () => {
  const run: RunSpec = runSpec({ scenarioId: 'classroom-discipline', seed: 3, actions: [{ tick: 7, tactic: 'symbols' }] });
  it('links and replay files carry it; another version opens the same run with one line', () => {
    const { search } = runSearch('', run);
    expect(new URLSearchParams(search).get('v')).toBe(String(MODEL_VERSION));
    expect(JSON.parse(replayJson(run)).modelVersion).toBe(MODEL_VERSION);
    const older = search.replace(`v=${MODEL_VERSION}`, 'v=1');
    expect(parseRunQuery(older)).toMatchObject({ run, errors: [`Made with model 1, this is model ${MODEL_VERSION}: the run may differ.`] });
    const file = JSON.stringify({ ...JSON.parse(replayJson(run)), modelVersion: 1 });
    expect(parseReplay(file)).toMatchObject({ run, errors: [`Made with model 1, this is model ${MODEL_VERSION}: the run may differ.`] });
    expect(parseRunQuery('?scenario=classroom-discipline&seed=3&a=7.symbols').errors).toEqual([]); // no v=: no notice
  });
});

describe('replay file size', () => {
  it('refuses a file larger than 64 MiB before reading it, saying how large it is', () => {
    expect(replaySizeError(5000)).toBeNull();
    expect(replaySizeError(MAX_REPLAY_BYTES)).toBeNull();
    expect(replaySizeError(100e6)).toBe('That file is 100.0 MB: a Breaking Ranks replay is a few kilobytes (at most 67 MB are read).');
  });
});
