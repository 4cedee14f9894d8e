import { describe, expect, it } from 'vitest';
import { statement, statementText } from '../../src/batch/statement';
import { impliedByTargets } from '../../src/batch/stats';

describe('the multiplier stated in words', () => {
  it('at the targets: 96% with, 36% without, odds 46 times higher, 2.7 times as likely', () => {
    const im = impliedByTargets(0.53, 0.52, 46, 'odds')!;
    const s = statement(im.successWithDefection, im.successWithoutDefection)!;
    expect(s.oddsRatio).toBeCloseTo(46, 6);
    expect(s.riskRatio).toBeCloseTo(0.9622429 / 0.3565093, 5);
    expect(statementText(s)).toBe('success 96% with defection, 36% without: the odds are 46 times higher (2.7 times as likely)');
  });

  it('by hand: x = 0.8, y = 0.5 gives odds (4 / 1) = 4.0 and risk 1.6', () => {
    expect(statementText(statement(0.8, 0.5)!)).toBe('success 80% with defection, 50% without: the odds are 4.0 times higher (1.6 times as likely)');
  });

  it('says nothing where a ratio is undefined', () => {
    expect(statement(null, 0.5)).toBeNull();
    expect(statement(1, 0.5)).toBeNull();
    expect(statement(0.5, 0)).toBeNull();
  });
});
