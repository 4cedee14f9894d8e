import { describe, expect, it } from 'vitest';
import { SECTIONS } from '../../src/ui/counts';
import { STRINGS, t } from '../../src/ui/strings';

describe('strings', () => {
  it('fills placeholders and leaves unknown ones visible', () => {
    expect(t('status.paused', { tick: 5 })).toBe('Paused at tick 5.');
    expect(t('status.paused')).toContain('{tick}');
  });
  it('has no empty text', () => {
    for (const [id, text] of Object.entries(STRINGS)) expect(text.trim(), id).not.toBe('');
  });
  it('labels every row and caption of the counts table', () => {
    for (const section of SECTIONS) {
      expect(STRINGS).toHaveProperty([section.caption]);
      for (const row of section.rows) expect(STRINGS, row).toHaveProperty([`row.${row}`]);
    }
  });
});
