import { describe, expect, it } from 'vitest';
import { Style } from '../../src/runner/protocol';
import { findAgent, locateAgents, pickOfficer } from '../../src/view/pick';
import { agentsOf } from './fixtures';

const nC = 100, xf = { s: 10, ox: 5, oy: 5 };
const a = agentsOf([
  [1, 1, Style.active, 3],
  [1.2, 1, Style.officerMasked + 4, nC + 7],
  [2, 1, Style.officerUnmasked + 1, nC + 8],
  [1.1, 1.1, Style.resigned, nC + 9],
  [5, 5, Style.joined, nC + 2],
]);

describe('pickOfficer', () => {
  it('returns the nearest drawn officer as an officer index', () => {
    expect(pickOfficer(a, nC, xf, 1 * 10 + 5, 1 * 10 + 5, 10)).toBe(7);
    expect(pickOfficer(a, nC, xf, 2 * 10 + 5 - 1, 15, 10)).toBe(8);
    expect(pickOfficer(a, nC, xf, 55, 55, 10)).toBe(2);
  });

  it('ignores citizens and resigned officers and anything beyond the radius', () => {
    expect(pickOfficer(a, nC, xf, 15, 15, 1)).toBeNull();
    expect(pickOfficer(a, nC, xf, 300, 300, 10)).toBeNull();
  });
});

describe('finding agents', () => {
  it('finds one agent by id', () => {
    expect(findAgent(a, nC + 8)).toBe(2);
    expect(findAgent(a, 999)).toBe(-1);
  });

  it('finds many in one pass', () => {
    const want = new Map<number, number>([[nC + 2, 0], [3, 0], [12345, 0]]);
    locateAgents(a, want);
    expect(Object.fromEntries(want)).toEqual({ [nC + 2]: 4, 3: 0, 12345: -1 });
  });
});
