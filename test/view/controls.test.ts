import { describe, expect, it } from 'vitest';
import { isTypingTarget, keyAction, wheelFactor } from '../../src/view/controls';

const key = (k: string, code = '', mods: Partial<{ ctrlKey: boolean; metaKey: boolean; altKey: boolean }> = {}) =>
  ({ key: k, code, ctrlKey: false, metaKey: false, altKey: false, ...mods });

describe('keys', () => {
  it('maps arrows, + / -, 0 and L', () => {
    expect(keyAction(key('ArrowLeft'))).toBe('left');
    expect(keyAction(key('+'))).toBe('in');
    expect(keyAction(key('='))).toBe('in');
    expect(keyAction(key('-'))).toBe('out');
    expect(keyAction(key('Unidentified', 'NumpadAdd'))).toBe('in');
    expect(keyAction(key('0'))).toBe('reset');
    expect(keyAction(key('l'))).toBe('legend');
    expect(keyAction(key(' '))).toBeNull();
  });

  it('leaves browser shortcuts alone (Ctrl + zooms the page)', () => {
    expect(keyAction(key('+', '', { ctrlKey: true }))).toBeNull();
    expect(keyAction(key('0', '', { metaKey: true }))).toBeNull();
  });

  it('leaves keys typed into form fields alone', () => {
    const el = (tag: string, attrs: Record<string, string> = {}, editable = false, inDialog = false) =>
      ({ tagName: tag.toUpperCase(), isContentEditable: editable, getAttribute: (k: string) => attrs[k] ?? null, closest: () => (inDialog ? {} : null) }) as unknown as EventTarget;
    expect(isTypingTarget(el('input'))).toBe(true);
    expect(isTypingTarget(el('select'))).toBe(true);
    expect(isTypingTarget(el('div', { role: 'slider' }))).toBe(true);
    expect(isTypingTarget(el('div', {}, true))).toBe(true);
    expect(isTypingTarget(el('button', {}, false, true))).toBe(true);
    expect(isTypingTarget(el('canvas'))).toBe(false);
    expect(isTypingTarget(null)).toBe(false);
  });
});

describe('wheel', () => {
  it('zooms in on wheel up, out on wheel down, within limits', () => {
    expect(wheelFactor(-100, 0)).toBeGreaterThan(1);
    expect(wheelFactor(100, 0)).toBeLessThan(1);
    expect(wheelFactor(3, 1)).toBeCloseTo(wheelFactor(48, 0));
    expect(wheelFactor(1e6, 0)).toBe(0.5);
  });
});
