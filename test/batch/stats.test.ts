/** Ensemble statistics against hand-computed values (docs/research.md section 1). z = 1.959964. */
import { describe, expect, it } from 'vitest';
import { impliedByTargets, oddsRatio, riskRatio, wilson } from '../../src/batch/index';

describe('Wilson 95% interval', () => {
  it('5/10 → [0.2366, 0.7634] (the textbook value)', () => {
    // p = 0.5, z² = 3.841459, denom = 1 + z²/n = 1.384146, centre = (0.5 + 0.192073)/1.384146 = 0.5,
    // half = z·sqrt(0.025 + 0.009604)/1.384146 = 1.959964·0.186020/1.384146 = 0.263407.
    const w = wilson(5, 10);
    expect(w.value).toBe(0.5);
    expect(w.lo).toBeCloseTo(0.236593, 6);
    expect(w.hi).toBeCloseTo(0.763407, 6);
  });

  it('0/10 → [0, 0.2775] and 10/10 → [0.7225, 1]: never outside [0, 1]', () => {
    // p = 0: centre = half = (z²/2n)/denom = 0.192073/1.384146 = 0.138767, so lo = 0, hi = 0.277533.
    const zero = wilson(0, 10), all = wilson(10, 10);
    expect(zero.lo).toBe(0);
    expect(zero.hi).toBeCloseTo(0.277533, 6);
    expect(all.lo).toBeCloseTo(0.722467, 6);
    expect(all.hi).toBeCloseTo(1, 12);
    expect(all.hi!).toBeLessThanOrEqual(1);
  });

  it('0 of n and n of n have exact ends, not the rounding noise of centre − half', () => {
    // centre − half is 5.4e-20 at 0/4000 and 5.6e-17 at 0/3 in floating point; the bound is 0.
    for (const n of [1, 3, 20, 4000]) {
      expect(wilson(0, n).lo).toBe(0);
      expect(wilson(n, n).hi).toBe(1);
    }
    // p = 0, n = 4000: hi = 2·centre = (z²/n)/(1 + z²/n) = 0.00096040/1.00096040 = 0.00095944.
    expect(wilson(0, 4000).hi).toBeCloseTo(0.00095944, 7);
  });

  it('1/3 → [0.0615, 0.7923]', () => {
    const w = wilson(1, 3);
    expect(w.lo).toBeCloseTo(0.061492, 6);
    expect(w.hi).toBeCloseTo(0.792340, 6);
  });

  it('n = 0 is null, not NaN', () => {
    expect(wilson(0, 0)).toEqual({ k: 0, n: 0, value: null, lo: null, hi: null });
  });
});

describe('odds ratio (Woolf) and risk ratio (Katz)', () => {
  it('a table without zero cells: no correction', () => {
    // a=10 b=5 / c=4 d=20. OR = (10·20)/(5·4) = 10; se = sqrt(1/10+1/5+1/4+1/20) = sqrt(0.6) = 0.774597;
    // exp(ln 10 ∓ 1.959964·0.774597) = exp(2.302585 ∓ 1.518182) = [2.1911, 45.639].
    const or = oddsRatio({ a: 10, b: 5, c: 4, d: 20 });
    expect(or.kind).toBe('odds');
    expect(or.corrected).toBe(false);
    expect(or.value).toBeCloseTo(10, 10);
    expect(or.lo).toBeCloseTo(2.19110, 4);
    expect(or.hi).toBeCloseTo(45.6392, 3);
    // RR = (10/15)/(4/24) = 4; se = sqrt(1/10 − 1/15 + 1/4 − 1/24) = sqrt(0.241667) = 0.491596;
    // exp(ln 4 ∓ 0.963510) = [1.5262, 10.4835].
    const rr = riskRatio({ a: 10, b: 5, c: 4, d: 20 });
    expect(rr.kind).toBe('risk');
    expect(rr.corrected).toBe(false);
    expect(rr.value).toBeCloseTo(4, 10);
    expect(rr.lo).toBeCloseTo(1.52620, 4);
    expect(rr.hi).toBeCloseTo(10.4835, 3);
  });

  it('a zero cell adds 0.5 to every cell and says so', () => {
    // a=5 b=0 / c=2 d=8 → 5.5, 0.5, 2.5, 8.5. OR = 5.5·8.5/(0.5·2.5) = 46.75/1.25 = 37.4;
    // se = sqrt(1/5.5 + 1/0.5 + 1/2.5 + 1/8.5) = sqrt(2.699465) = 1.643005 → [1.4940, 936.27].
    const or = oddsRatio({ a: 5, b: 0, c: 2, d: 8 });
    expect(or.corrected).toBe(true);
    expect(or.value).toBeCloseTo(37.4, 10);
    expect(or.lo).toBeCloseTo(1.49397, 4);
    expect(or.hi).toBeCloseTo(936.267, 2);
    // RR = (5.5/6)/(2.5/11) = 0.916667/0.227273 = 4.033333;
    // se = sqrt(1/5.5 − 1/6 + 1/2.5 − 1/11) = sqrt(0.324242) = 0.569423 → [1.3212, 12.3128].
    const rr = riskRatio({ a: 5, b: 0, c: 2, d: 8 });
    expect(rr.corrected).toBe(true);
    expect(rr.value).toBeCloseTo(4.033333, 6);
    expect(rr.lo).toBeCloseTo(1.32121, 4);
    expect(rr.hi).toBeCloseTo(12.3128, 3);
  });

  it('the correction applies to the whole table when the zero is elsewhere (d = 0)', () => {
    // a=3 b=1 / c=2 d=0 → 3.5, 1.5, 2.5, 0.5: OR = 3.5·0.5/(1.5·2.5) = 1.75/3.75 = 0.466667.
    const or = oddsRatio({ a: 3, b: 1, c: 2, d: 0 });
    expect(or.corrected).toBe(true);
    expect(or.value).toBeCloseTo(0.466667, 6);
  });

  it('an empty group or a single outcome gives null, never NaN or Infinity', () => {
    const cases = [
      { a: 0, b: 0, c: 3, d: 7 }, // nobody defected
      { a: 2, b: 3, c: 0, d: 0 }, // everybody defected
      { a: 0, b: 4, c: 0, d: 6 }, // no success at all
      { a: 4, b: 0, c: 6, d: 0 }, // only successes
      { a: 0, b: 0, c: 0, d: 0 },
    ];
    for (const t of cases) {
      for (const r of [oddsRatio(t), riskRatio(t)]) {
        expect(r.value, JSON.stringify(t)).toBeNull();
        expect(r.lo).toBeNull();
        expect(r.hi).toBeNull();
        expect(r.corrected).toBe(false);
      }
    }
  });

  it('values stay finite with several zero cells that still leave both groups and outcomes', () => {
    // a=4 b=0 / c=0 d=6: corrected 4.5·6.5/(0.5·0.5) = 117.
    const or = oddsRatio({ a: 4, b: 0, c: 0, d: 6 });
    expect(or.value).toBeCloseTo(117, 10);
    expect(Number.isFinite(or.hi!)).toBe(true);
  });
});

describe('what the targets imply (docs/research.md section 1)', () => {
  it('53% success, 52% of successes with defection, OR 46 → defection in ~29%, success ~96% with, ~36% without', () => {
    // d = q(1 + (1−q)s(m−1)) / (m(1−q) + q) = 0.52·(1 + 0.48·0.53·45)/(46·0.48 + 0.52) = 6.47296/22.6 = 0.286414;
    // x = qs/d = 0.2756/0.286414 = 0.962244; y = (1−q)s/(1−d) = 0.2544/0.713586 = 0.356510.
    const im = impliedByTargets(0.53, 0.52, 46)!;
    expect(im.defectionRate).toBeCloseTo(0.286414, 5);
    expect(im.successWithDefection).toBeCloseTo(0.962244, 5);
    expect(im.successWithoutDefection).toBeCloseTo(0.356510, 5);
    expect(Math.round(im.defectionRate * 100)).toBe(29);
    expect(Math.round(im.successWithDefection * 100)).toBe(96);
    expect(Math.round(im.successWithoutDefection * 100)).toBe(36);
  });

  it('25% success → defection in ~15%, 88% with, 14% without', () => {
    // d = 0.52·(1 + 0.48·0.25·45)/22.6 = 3.328/22.6 = 0.147257; x = 0.13/0.147257 = 0.882812;
    // y = 0.12/0.852743 = 0.140722.
    const im = impliedByTargets(0.25, 0.52, 46)!;
    expect(Math.round(im.defectionRate * 100)).toBe(15);
    expect(Math.round(im.successWithDefection * 100)).toBe(88);
    expect(Math.round(im.successWithoutDefection * 100)).toBe(14);
  });

  it('the solution reproduces its inputs (odds and risk)', () => {
    for (const [s, q, m] of [[0.53, 0.52, 46], [0.25, 0.52, 46], [0.4, 0.3, 5], [0.1, 0.7, 12]]) {
      const im = impliedByTargets(s, q, m)!;
      const x = im.successWithDefection, y = im.successWithoutDefection, d = im.defectionRate;
      expect(d * x + (1 - d) * y).toBeCloseTo(s, 10); // P(S)
      expect((d * x) / s).toBeCloseTo(q, 10); // P(D|S)
      expect((x / (1 - x)) / (y / (1 - y))).toBeCloseTo(m, 8); // odds ratio
    }
    const rr = impliedByTargets(0.3, 0.52, 4, 'risk')!;
    expect(rr.successWithDefection / rr.successWithoutDefection).toBeCloseTo(4, 10);
  });

  it('impossible combinations are null', () => {
    expect(impliedByTargets(0, 0.52, 46)).toBeNull();
    expect(impliedByTargets(1, 0.52, 46)).toBeNull();
    expect(impliedByTargets(0.5, 0, 46)).toBeNull();
    // Risk ratio 46 with 90% success: P(S|D) would exceed 1.
    expect(impliedByTargets(0.9, 0.52, 46, 'risk')).toBeNull();
  });
});
