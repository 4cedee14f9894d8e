/** The lessons file: validation, patterns, and every verdict on fixed figures. */
import { describe, expect, it } from 'vitest';
import defaultLessons from '../../src/scenarios/lessons.json';
import {
  evaluateRisk, evaluateTarget, policyPattern, validateLessons, type PolicyFigures, type PresetFigures, type TargetLesson,
} from '../../src/balance/lessons';

const P = (success: number | null, extra: Partial<PolicyFigures> = {}): PolicyFigures => ({
  runs: 40, success, stalemate: success === null ? null : 1 - success, failure: 0, defectedShare: 0.1, resources: 1, cohesion: 0.9,
  detentions: 1000, medianTippingDay: null, ...extra,
});
const figures: Record<string, PresetFigures> = {
  a: {
    policies: {
      nothing: P(0.05), best: P(0.7), 'best-delayed': P(0.45), 'alone:symbols': P(0.2), 'alone:strike': P(0.4),
      'once:symbols': P(0.3), 'once:symbols@3': P(0.5), 'pair:symbols+strike': P(0.55), rotation: P(0.45),
      'best-without:symbols': P(0.5), 'best-without:strike': P(0.6), 'best-without:courts': P(0.2),
      'best-reordered:reverse': P(0.6),
    },
    effects: {
      symbols: { quantity: 'defectedShare', n: 40, mean: 0.03, lo: 0.01, hi: 0.05, nothingMean: 0.1, relative: { mean: null, lo: null, hi: null } },
      strike: { quantity: 'resources', n: 40, mean: -0.05, lo: -0.09, hi: 0.01, nothingMean: 1, relative: { mean: -0.05, lo: -0.09, hi: 0.01 } },
    },
  },
  b: { policies: { nothing: P(0.2), best: P(0.8), 'best-reordered:reverse': P(0.55), 'best-reordered:swap12': P(0.75) }, effects: {} },
};
const lesson = (over: Partial<TargetLesson>): TargetLesson => ({
  kind: 'target', id: 'x', presets: ['a'], policy: 'nothing', quantity: 'success', bound: { max: 0.1 }, relativeTo: null,
  quantifier: 'all', scope: 'preset', why: 'w', ...over,
});
const one = (l: TargetLesson) => evaluateTarget(l, figures);

describe('validateLessons', () => {
  it('accepts the shipped file: targets for the classroom presets and minsk-2020, the classroom risks', () => {
    const l = validateLessons(defaultLessons);
    expect(l.risks.map((r) => [r.id, r.preset, r.tactic])).toEqual([['publication-backlash', 'classroom-unmasking', 'massPublication']]);
    expect(l.targets.length).toBeGreaterThanOrEqual(20);
    expect(new Set(l.targets.flatMap((t) => t.presets))).toEqual(new Set(['classroom-discipline', 'classroom-unmasking', 'minsk-2020']));
    expect(l.targets.find((t) => t.id === 'two-tactics-pivotal')).toMatchObject({ quantifier: { atLeast: 2 }, relativeTo: 'best', bound: { max: -0.15 } });
  });

  const base = { version: 1, targets: [{ id: 'a', preset: 'p', policy: 'nothing', quantity: 'success', bound: { max: 0.1 }, why: 'w' }], risks: [] };
  const risk = { kind: 'risk', id: 'r', preset: 'p', tactic: 'massPublication', condition: [['maskedShare', 0.3]], add: [{ day: 2, tactic: 'massPublication' }], bound: { min: 0.1 }, why: 'w' };
  it.each([
    ['an unknown field', { ...base, targets: [{ ...base.targets[0], colour: 1 }] }, /targets\[0\]: unknown field 'colour'/],
    ['an unknown quantity', { ...base, targets: [{ ...base.targets[0], quantity: 'joy' }] }, /quantity 'joy' is not one of/],
    ['an effect of a non-alone policy', { ...base, targets: [{ ...base.targets[0], quantity: 'effect', bound: { min: 0.02 } }] }, /needs policy alone:<tactic>/],
    ['excludesZero without a sign', { ...base, targets: [{ ...base.targets[0], policy: 'alone:symbols', quantity: 'effect', bound: { min: 0.02, excludesZero: true } }] }, /needs a sign/],
    ['excludesZero on a share', { ...base, targets: [{ ...base.targets[0], bound: { max: 0.1, sign: 'positive', excludesZero: true } }] }, /applies to effects only/],
    ['an empty bound', { ...base, targets: [{ ...base.targets[0], bound: {} }] }, /needs min, max or sign/],
    ['min above max', { ...base, targets: [{ ...base.targets[0], bound: { min: 0.9, max: 0.5 } }] }, /min 0.9 exceeds max 0.5/],
    ['a bad quantifier', { ...base, targets: [{ ...base.targets[0], quantifier: { atLeast: 0 } }] }, /atLeast must be a positive integer/],
    ['a duplicate id', { ...base, targets: [base.targets[0], base.targets[0]] }, /lesson id 'a' is used twice/],
    ['a risk condition on a mechanism key', { ...base, risks: [{ ...risk, condition: [['backfireWeight', 0.1]] }] }, /'backfireWeight' is a mechanism parameter; a condition is a situation/],
    ['a risk condition out of range', { ...base, risks: [{ ...risk, condition: [['maskedShare', 3]] }] }, /risks\[0\]\.condition\[0\]: .*maskedShare/],
    ['a risk without added actions', { ...base, risks: [{ ...risk, add: [] }] }, /add must be a non-empty list/],
    ['a risk bound outside [0, 1]', { ...base, risks: [{ ...risk, bound: { min: 2 } }] }, /bound\.min must lie in \[0, 1\]/],
    ['a wrong version', { ...base, version: 2 }, /version must be 1/],
    ['a historical quantity without a figure', { ...base, targets: [{ ...base.targets[0], policy: 'history', quantity: 'historical', bound: { band: true } }] }, /a figure is given with quantity 'historical', and only then/],
    ['a figure on another quantity', { ...base, targets: [{ ...base.targets[0], figure: 'k' }] }, /a figure is given with quantity 'historical', and only then/],
    ['a historical figure under another policy', { ...base, targets: [{ ...base.targets[0], quantity: 'historical', figure: 'k', bound: { band: true } }] }, /read under policy 'history'/],
    ['a band with min', { ...base, targets: [{ ...base.targets[0], policy: 'history', quantity: 'historical', figure: 'k', bound: { band: true, min: 1 } }] }, /give band or min\/max, not both/],
    ['a band on a share', { ...base, targets: [{ ...base.targets[0], bound: { band: true } }] }, /unknown field 'band'/],
  ])('refuses %s', (_n, raw, msg) => {
    expect(() => validateLessons(raw, 'f.json')).toThrow(msg);
  });

  it('accepts a risk entry', () => {
    expect(validateLessons({ ...base, risks: [risk] }).risks[0]).toEqual({ ...risk, condition: [['maskedShare', 0.3]], bound: { min: 0.1 } });
  });
});

describe('policy patterns', () => {
  it('* is one or more characters other than @', () => {
    const once = policyPattern('once:*');
    expect(['once:symbols', 'once:symbols@3'].map((s) => once.test(s))).toEqual([true, false]);
    expect(policyPattern('once:*@*').test('once:symbols@3')).toBe(true);
    expect(policyPattern('pair:*').test('pair:symbols+strike')).toBe(true);
    expect(policyPattern('best').test('best-delayed')).toBe(false);
    expect(policyPattern('alone:*').test('alone:')).toBe(false);
  });
});

describe('evaluateTarget', () => {
  it('historical: the mean model value under history against the figure\'s band, or an explicit bound', () => {
    const hist: Record<string, PresetFigures> = { m: { policies: { history: P(0) }, effects: {}, historical: {
      dismissals: { historical: 300, band: [300, 900], model: 223 }, staffing: { historical: -18, band: [-24, -12], model: -13 },
      bandless: { historical: 5, band: null, model: 4 } } } };
    const h = (figure: string, bound: TargetLesson['bound'] = { band: true }) =>
      evaluateTarget(lesson({ presets: ['m'], policy: 'history', quantity: 'historical', figure, bound }), hist)[0];
    expect(h('dismissals')).toMatchObject({ status: 'fail', value: 223, bound: { min: 300, max: 900 }, quantity: 'historical:dismissals' });
    expect(h('staffing')).toMatchObject({ status: 'pass', value: -13, bound: { min: -24, max: -12 } });
    expect(h('dismissals', { min: 200 })).toMatchObject({ status: 'pass', bound: { min: 200 } });
    // No band to judge by, or no such figure: not applicable, never a silent pass.
    expect(h('bandless').status).toBe('n/a');
    expect(h('nope').status).toBe('n/a');
  });

  it('a bound on one policy', () => {
    expect(one(lesson({}))).toMatchObject([{ status: 'pass', pass: true, value: 0.05, policy: 'nothing', preset: 'a' }]);
    expect(one(lesson({ bound: { min: 0.5, max: 0.9 }, policy: 'best-delayed' }))[0]).toMatchObject({ status: 'fail', value: 0.45 });
  });

  it('all: every item must pass, the worst is reported', () => {
    const r = one(lesson({ policy: 'alone:*', bound: { max: 1 / 3 } }))[0];
    expect(r).toMatchObject({ status: 'fail', value: 0.4, policy: 'alone:strike' });
    expect(r.items.map((i) => [i.policy, i.pass])).toEqual([['alone:symbols', true], ['alone:strike', false]]);
    // once:* is once:symbols only (not the start days): 0.3 <= 1/3.
    expect(one(lesson({ policy: 'once:*', bound: { max: 1 / 3 } }))[0]).toMatchObject({ status: 'pass', value: 0.3 });
  });

  it('relativeTo: the difference with a policy of the same preset; tolerance for 0.55 - 0.7', () => {
    // 0.55 - 0.7 = -0.15000000000000002 and 0.45 - 0.6 would be -0.1499999...: both meet max -0.15.
    expect(one(lesson({ policy: 'pair:*', relativeTo: 'best', bound: { max: -0.15 } }))[0]).toMatchObject({ status: 'pass', policy: 'pair:symbols+strike' });
    expect(one(lesson({ policy: 'rotation', relativeTo: 'best', bound: { max: -0.2 } }))[0]).toMatchObject({ status: 'pass' });
    expect(one(lesson({ policy: 'rotation', relativeTo: 'best', bound: { max: -0.3 } }))[0]).toMatchObject({ status: 'fail' });
    expect(one(lesson({ policy: 'rotation', relativeTo: 'nosuch', bound: { max: -0.3 } }))[0]).toMatchObject({ status: 'n/a', pass: null });
  });

  it('atLeast n: the n-th best item decides', () => {
    // best-without: -0.2 (symbols), -0.1 (strike), -0.5 (courts); pivotal = <= -0.15: symbols and courts.
    const l = lesson({ policy: 'best-without:*', relativeTo: 'best', bound: { max: -0.15 }, quantifier: { atLeast: 2 } });
    const r = one(l)[0];
    expect(r.status).toBe('pass');
    expect(r.policy).toBe('best-without:symbols');
    expect(r.value).toBeCloseTo(-0.2, 12);
    expect(one({ ...l, quantifier: { atLeast: 3 } })[0]).toMatchObject({ status: 'fail', policy: 'best-without:strike' });
  });

  it('scope all: one verdict over every preset (any: some reordering somewhere)', () => {
    const l = lesson({ presets: ['a', 'b', 'absent'], policy: 'best-reordered:*', relativeTo: 'best', bound: { max: -0.2 }, quantifier: 'any', scope: 'all' });
    const r = one(l);
    expect(r).toHaveLength(1);
    // a: 0.6 - 0.7 = -0.1; b: 0.55 - 0.8 = -0.25 (passes), 0.75 - 0.8 = -0.05.
    expect(r[0]).toMatchObject({ status: 'pass', preset: ['a', 'b'], policy: 'best-reordered:reverse' });
    expect(r[0].items.map((i) => i.preset)).toEqual(['a', 'b', 'b']);
    expect(r[0].value).toBeCloseTo(-0.25, 12);
    // scope preset: one verdict each, presets the report did not run are left out.
    expect(one({ ...l, scope: 'preset' }).map((x) => [x.preset, x.status])).toEqual([['a', 'fail'], ['b', 'pass']]);
  });

  it('strict bounds', () => {
    expect(one(lesson({ quantity: 'stalemate', bound: { min: 0.95, strict: true } }))[0]).toMatchObject({ status: 'fail', value: 0.95 });
    expect(one(lesson({ quantity: 'stalemate', bound: { min: 0.95 } }))[0]).toMatchObject({ status: 'pass' });
  });

  it('effects: the point estimate against min or max, and the interval on the documented side of 0', () => {
    const up = lesson({ policy: 'alone:symbols', quantity: 'effect', bound: { min: 0.02, sign: 'positive', excludesZero: true } });
    expect(one(up)[0]).toMatchObject({ status: 'pass', value: 0.03 });
    expect(one({ ...up, bound: { min: 0.04, sign: 'positive', excludesZero: true } })[0]).toMatchObject({ status: 'fail' });
    // strike: -5% of the nothing value, but the interval [-9%, +1%] includes 0.
    const down = lesson({ policy: 'alone:strike', quantity: 'effectRelative', bound: { max: -0.02, sign: 'negative', excludesZero: true } });
    expect(one(down)[0]).toMatchObject({ status: 'fail', value: -0.05 });
    expect(one({ ...down, bound: { max: -0.02, sign: 'negative' } })[0]).toMatchObject({ status: 'pass' });
    // A tactic the preset does not offer: no alone:<t> policy, so n/a.
    expect(one(lesson({ policy: 'alone:courts', quantity: 'effect', bound: { min: 0.02 } }))[0]).toMatchObject({ status: 'n/a' });
  });

  it('a null value fails', () => {
    expect(one(lesson({ quantity: 'medianTippingDay', bound: { max: 20 } }))[0]).toMatchObject({ status: 'fail', value: null });
  });
});

describe('evaluateRisk', () => {
  const r = validateLessons({ version: 1, targets: [], risks: [{ kind: 'risk', id: 'r', preset: 'a', tactic: 'massPublication', condition: [['maskedShare', 0.3]], add: [{ day: 2, tactic: 'massPublication' }], bound: { min: 0.1 }, why: 'w' }] }).risks[0];
  it('passes when success drops by at least bound.min', () => {
    expect(evaluateRisk(r, 0.6, 0.45)).toMatchObject({ status: 'pass', kind: 'risk', quantity: 'successDrop' });
    expect(evaluateRisk(r, 0.6, 0.45).value).toBeCloseTo(0.15, 12);
    expect(evaluateRisk(r, 0.6, 0.55)).toMatchObject({ status: 'fail' });
    expect(evaluateRisk(r, 0.6, 0.5)).toMatchObject({ status: 'pass' });
    expect(evaluateRisk(r, null, 0.5)).toMatchObject({ status: 'n/a', pass: null });
  });
});
