/** Messages are safe on a terminal: control characters escaped, long values cut with their length. */
import { describe, expect, it } from 'vitest';
import { show } from '../../src/scenarios/check';
import { cut, escapeControls, MAX_LINE_CHARS, safeLine } from '../../src/scenarios/text';

describe('safe message text', () => {
  it('escapes C0, DEL, C1, separators and bidi overrides', () => {
    expect(escapeControls('a\u001b[31mb\u0000\u007f\u009b\n\r\t')).toBe('a\\x1b[31mb\\x00\\x7f\\x9b\\x0a\\x0d\\x09');
    expect(escapeControls('x\u2028y\u202ez\u2066')).toBe('x\\u2028y\\u202ez\\u2066');
    expect(escapeControls('plain é ✓ 😀')).toBe('plain é ✓ 😀');
  });

  it('cuts long values with "…" and their length, never inside a surrogate pair', () => {
    expect(cut('x'.repeat(1_048_576))).toBe(`${'x'.repeat(100)}…(1048576 chars)`);
    expect(cut('short')).toBe('short');
    const emoji = `${'a'.repeat(99)}😀${'b'.repeat(100)}`;
    expect(cut(emoji)).toBe(`${'a'.repeat(99)}…(${emoji.length} chars)`);
  });

  it('makes a whole line safe: one line, long words cut, the line bounded', () => {
    const line = safeLine(`x.json: id '${'A'.repeat(1_048_576)}' must use only a-z\nsecond line\u001b[2J`);
    expect(line).not.toMatch(/[\u0000-\u001f]/);
    expect(line).toContain('…(1048578 chars)'); // the quoted word, quotes included
    expect(line).toContain("must use only a-z\\x0asecond line\\x1b[2J");
    const spaced = safeLine('word '.repeat(100_000));
    expect(spaced.length).toBeLessThan(MAX_LINE_CHARS + 40);
    expect(spaced).toMatch(/…\(500000 chars\)$/);
  });

  it('show() quotes strings, cuts them at 40 characters and escapes control characters', () => {
    expect(show('yes')).toBe('"yes"');
    expect(show('<script>\u001b[31m')).toBe('"<script>\\x1b[31m"');
    expect(show('z'.repeat(5000))).toBe(`"${'z'.repeat(20)}…(5000 chars)"`);
    expect(show([1, 2])).toBe('[1,2]');
    expect(show(['\u001b'])).toBe('["\\u001b"]');
    expect(show(new Array(10_000).fill(0))).toBe('an array');
    expect(show({ a: 1 })).toBe('an object');
    expect(show(undefined)).toBe('nothing');
    expect(show(null)).toBe('null');
    expect(show(2.5)).toBe('2.5');
  });
});
