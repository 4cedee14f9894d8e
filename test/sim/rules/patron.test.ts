/**
 * The patron (src/sim/rules/patron.ts), once per day:
 *   support -= patronWithdrawPerDay x max(0, perceived - patronDoubtThreshold),   kept >= 0
 * Below half of its starting support the patron has withdrawn: an event, and the elite loses
 * patronLossEliteShock of its cohesion (once). holdPatron keeps the support.
 * World: externalSupport 0.5, patronWithdrawPerDay 0.1, patronDoubtThreshold 0.5, shock 0.3.
 */
import { describe, expect, it } from 'vitest';
import type { Params } from '../../../src/sim';
import { patronDay, patronSupportNext } from '../../../src/sim/rules/patron';
import { tinyWorld } from './world';

const world = (over: Partial<Params> = {}) =>
  tinyWorld({ externalSupport: 0.5, patronWithdrawPerDay: 0.1, patronDoubtThreshold: 0.5, patronLossEliteShock: 0.3, eliteCohesion: 1, ...over });

describe('patron support', () => {
  it('perceived 0.75: 0.5 - 0.1 x (0.75 - 0.5) = 0.475; at or below the threshold 0.5 nothing changes', () => {
    const s = world();
    s.perceived = 0.75;
    expect(patronSupportNext(s)).toBeCloseTo(0.475, 12);
    s.perceived = 0.5;
    expect(patronSupportNext(s)).toBe(0.5);
    s.perceived = 0.2;
    expect(patronSupportNext(s)).toBe(0.5);
    s.perceived = 1; s.params.patronWithdrawPerDay = 0.4; // 0.5 - 0.4 x 0.5 = 0.3
    expect(patronSupportNext(s)).toBeCloseTo(0.3, 12);
    s.regime.patronSupport = 0.1; // 0.1 - 0.2 kept at 0
    expect(patronSupportNext(s)).toBe(0);
  });

  it('falling below 0.25 (half of 0.5) withdraws it: 0.26 - 0.1 x 0.5 = 0.21; the elite loses 0.3 (0.8 -> 0.5), once', () => {
    const s = world();
    s.regime.patronSupport = 0.26; s.regime.eliteCohesion = 0.8; s.perceived = 1;
    patronDay(s);
    expect(s.regime.patronSupport).toBeCloseTo(0.21, 12);
    expect(s.regime.patronWithdrawn).toBe(true);
    expect(s.regime.eliteCohesion).toBeCloseTo(0.5, 12);
    expect(s.eventLog.map((e) => e.kind)).toEqual(['patron-withdraws']);
    patronDay(s); // 0.21 - 0.05 = 0.16: no second shock
    expect(s.regime.patronSupport).toBeCloseTo(0.16, 12);
    expect(s.regime.eliteCohesion).toBeCloseTo(0.5, 12);
    expect(s.eventLog.length).toBe(1);
  });

  it('0.3 - 0.05 = 0.25 is not below 0.25: not withdrawn', () => {
    const s = world();
    s.regime.patronSupport = 0.3; s.perceived = 1;
    patronDay(s);
    expect(s.regime.patronSupport).toBeCloseTo(0.25, 12);
    expect(s.regime.patronWithdrawn).toBe(false);
  });

  it('holdElite keeps the cohesion through the withdrawal; holdPatron keeps the support; no patron (externalSupport 0) never withdraws', () => {
    let s = world({ holdElite: true });
    s.regime.patronSupport = 0.26; s.regime.eliteCohesion = 0.8; s.perceived = 1;
    patronDay(s);
    expect(s.regime.patronWithdrawn).toBe(true);
    expect(s.regime.eliteCohesion).toBe(0.8);
    s = world({ holdPatron: true });
    s.regime.patronSupport = 0.26; s.perceived = 1;
    patronDay(s);
    expect(s.regime.patronSupport).toBe(0.26);
    expect(s.regime.patronWithdrawn).toBe(false);
    s = world({ externalSupport: 0 });
    s.perceived = 1;
    patronDay(s);
    expect(s.regime.patronSupport).toBe(0);
    expect(s.regime.patronWithdrawn).toBe(false);
  });
});
