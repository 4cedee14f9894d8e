import { describe, expect, it } from 'vitest';
import type { SimEvent } from '../../src/sim';
import { EVENT_LOOKS, firstUnseen, Labels, lookOf, mapPlaces, Pulses } from '../../src/view/events';

const ev = (tick: number, kind: string): SimEvent => ({ tick, kind });

describe('event looks', () => {
  it('labels the events that matter and places officer events at the officer', () => {
    for (const k of ['resign-noisy', 'walkout', 'join', 'unmasking']) {
      expect(lookOf(k)?.label).toBeTruthy();
      expect(lookOf(k)?.where).toBe('officer');
    }
    expect(lookOf('death')?.where).toBe('district');
    expect(lookOf('shirk')?.label).toBeNull();
    expect(lookOf('outcome')).toBeNull();
    for (const l of Object.values(EVENT_LOOKS)) expect(l.ttl).toBeGreaterThan(0);
  });
});

describe('firstUnseen', () => {
  const a = ev(1, 'shirk'), b = ev(2, 'join'), c = ev(3, 'walkout');
  it('starts after the last event handled', () => {
    expect(firstUnseen([a, b, c], b)).toBe(2);
    expect(firstUnseen([a, b, c], c)).toBe(3);
  });
  it('treats everything as new at the start or once the last one scrolled out of the capped list', () => {
    expect(firstUnseen([a, b], null)).toBe(0);
    expect(firstUnseen([b, c], a)).toBe(0);
  });
});

describe('Pulses', () => {
  it('replaces the oldest when full and ages each pulse', () => {
    const p = new Pulses(2), look = EVENT_LOOKS.join;
    p.add(1, 1, 0, look); p.add(2, 2, 100, look); p.add(3, 3, 200, look);
    expect([p.x[0], p.x[1]]).toEqual([3, 2]);
    expect(p.progress(0, 200 + look.ttl / 2)).toBeCloseTo(0.5);
    p.clear();
    expect(p.progress(0, 200)).toBeGreaterThanOrEqual(1);
  });
});

describe('Labels', () => {
  it('skips a label that would overlap a live one, and limits labels of one kind', () => {
    const l = new Labels(8, 2);
    expect(l.add('walkout', 'Unit walks out', 10, 10, 0, 3000, 0, 5, 2)).toBeGreaterThanOrEqual(0);
    expect(l.add('join', 'Officer joins', 11, 10, 10, 3000, 0, 5, 2)).toBe(-1);
    expect(l.add('walkout', 'Unit walks out', 50, 50, 10, 3000, 0, 5, 2)).toBeGreaterThanOrEqual(0);
    expect(l.add('walkout', 'Unit walks out', 90, 90, 10, 3000, 0, 5, 2)).toBe(-1);
    expect(l.add('walkout', 'Unit walks out', 90, 90, 5000, 3000, 0, 5, 2)).toBeGreaterThanOrEqual(0);
  });
});

describe('mapPlaces', () => {
  it('puts district centres and stations in cells, with the map centre as fallbacks', () => {
    const grid = { w: 100, h: 50 };
    const p = mapPlaces(grid, { districts: [{ id: 'a', rect: [0, 0, 0.5, 1] }], stations: [{ at: [0.1, 0.2] }] }, ['a']);
    expect(p.centres.get('a')).toEqual([25, 25]);
    expect(p.stations).toEqual([[10, 10]]);
    const none = mapPlaces(grid, null, ['city']);
    expect(none.centres.get('city')).toEqual([50, 25]);
    expect(none.stations).toEqual([[50, 25]]);
  });
});
