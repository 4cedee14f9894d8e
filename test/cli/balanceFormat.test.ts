/** The balance table's wording of values and bounds. */
import { describe, expect, it } from 'vitest';
import { boundText, quantityText } from '../../src/cli/balanceFormat';

describe('balance table text', () => {
  it('shares in percent, relative ones in points, effects signed', () => {
    expect(quantityText('success', 0.125)).toBe('12.5%');
    expect(quantityText('success', -0.15, true)).toBe('−15.0 pts');
    expect(quantityText('effect', 0.0234)).toBe('+0.023');
    expect(quantityText('effectRelative', -0.031)).toBe('−3.1%');
    expect(quantityText('medianTippingDay', 17)).toBe('day 17');
    expect(quantityText('detentions', 25995)).toBe('25,995');
    expect(quantityText('success', null)).toBe('—');
  });

  it('bounds', () => {
    expect(boundText('success', { min: 0.5, max: 0.9 }, null)).toBe('50.0% to 90.0%');
    expect(boundText('success', { max: -0.15 }, 'best')).toBe('≤ −15.0 pts vs best');
    expect(boundText('stalemate', { min: 0.5, strict: true }, null)).toBe('> 50.0%');
    expect(boundText('effect', { min: 0.02, sign: 'positive', excludesZero: true }, null)).toBe('≥ +0.020, interval > 0');
  });
});
