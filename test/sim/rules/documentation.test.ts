/**
 * Documentation of abuses by insiders (src/sim/rules/documentation.ts), once per day: an officer with
 * abuses not yet on record has them put on record with probability
 *   1 - exp(-documentRatePerDay x insiders in his unit / unit size)   (stream documentation)
 * World: 4 officers in units of 2 (officers 0, 1 in unit 0; 2, 3 in unit 1); 1 insider in unit 0:
 * share 1/2. Rate 2 ln 2: 1 - exp(-ln 2) = 1/2; rate 4 ln 2: 1 - 1/4 = 3/4.
 */
import { describe, expect, it } from 'vitest';
import { documentationDay } from '../../../src/sim/rules/documentation';
import { feed, tinyWorld } from './world';

const LN2 = Math.LN2;

function world(rate: number) {
  const s = tinyWorld({ officerCount: 4, nationalForce: 4, unitSize: 2, documentRatePerDay: rate });
  s.o.abuses.set([3, 0, 2, 2]); s.o.documented.set([1, 0, 0, 2]);
  s.units.insiders[0] = 1; s.units.insiders[1] = 0;
  return s;
}

describe('documentationDay', () => {
  it('officer 0 (3 abuses, 1 on record, an insider in his unit): a draw below 1/2 puts all 3 on record', () => {
    const s = world(2 * LN2);
    const d = feed(s, 'documentation', [0.49]); // officer 1: nothing to document; 2: no insider in unit 1; 3: all on record
    documentationDay(s);
    expect(d.used()).toBe(1);
    expect(Array.from(s.o.documented)).toEqual([3, 0, 0, 2]);
  });

  it('a draw at 1/2 does not; at rate 4 ln 2 the chance is 3/4 and 0.7 does', () => {
    let s = world(2 * LN2);
    feed(s, 'documentation', [0.5]);
    documentationDay(s);
    expect(s.o.documented[0]).toBe(1);
    s = world(4 * LN2);
    feed(s, 'documentation', [0.7]);
    documentationDay(s);
    expect(s.o.documented[0]).toBe(3);
  });

  it('more insiders, more records: 2 of 2 at rate 2 ln 2: 1 - exp(-2 ln 2) = 3/4', () => {
    const s = world(2 * LN2);
    s.units.insiders[0] = 2;
    feed(s, 'documentation', [0.7]);
    documentationDay(s);
    expect(s.o.documented[0]).toBe(3);
  });

  it('rate 0: no draw at all', () => {
    const s = world(0);
    const d = feed(s, 'documentation', []);
    documentationDay(s);
    expect(d.used()).toBe(0);
    expect(Array.from(s.o.documented)).toEqual([1, 0, 0, 2]);
  });
});
