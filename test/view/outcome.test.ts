import { describe, expect, it } from 'vitest';
import { bannerText, dateOfTick } from '../../src/view/outcome';
import { formatDateTime, vt } from '../../src/view/strings';

const meta = { startDate: '2020-08-09', ticksPerDay: 24 };

describe('outcome banner', () => {
  it('names the fall, its route and the dates', () => {
    const b = bannerText({ outcome: 'success', fallCause: 'elite', tippingTick: 24 * 36 + 18, date: '2020-09-16T06:00' }, meta);
    expect(b?.kind).toBe('success');
    expect(b?.title).toBe(vt('banner.success'));
    expect(b?.lines).toEqual([vt('banner.route.elite'), 'Tipping point: 14 September 2020, 18:00', 'Decided: 16 September 2020, 06:00']);
  });

  it('says when the movement was crushed', () => {
    const b = bannerText({ outcome: 'failure', fallCause: null, tippingTick: null, date: '2020-10-01T00:00' }, meta);
    expect(b?.title).toBe(vt('banner.failure'));
    expect(b?.lines[0]).toBe(vt('banner.failure.why'));
  });

  it('shows nothing while the run is undecided', () => {
    expect(bannerText({ outcome: null, fallCause: null, tippingTick: null, date: '' }, meta)).toBeNull();
  });
});

describe('dates', () => {
  it('formats calendar times for people', () => {
    expect(formatDateTime('2020-08-09T18:00')).toBe('9 August 2020, 18:00');
    expect(formatDateTime('2020-12-01')).toBe('1 December 2020');
    expect(formatDateTime('soon')).toBe('soon');
    expect(dateOfTick('2020-08-09', 24, 30)).toBe('10 August 2020, 06:00');
    expect(dateOfTick('bad', 24, 30)).toBeNull();
  });
});
