/**
 * Text that is safe to put in a one-line message on a terminal: control characters (C0, DEL,
 * C1, line and paragraph separators, bidirectional overrides) are shown as escapes (`\x1b`,
 * `\u202e`) so a value cannot move the cursor, recolour the terminal or break the line, and
 * long values are cut with "…" and their full length (`…(1048576 chars)`). Browser-safe.
 */

/** Characters a terminal would act on, or that reorder or split the line around them. */
const UNSAFE = /[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

const escapeChar = (ch: string): string => {
  const c = ch.charCodeAt(0);
  return c <= 0xff ? `\\x${c.toString(16).padStart(2, '0')}` : `\\u${c.toString(16).padStart(4, '0')}`;
};

/** Control characters as `\xHH` / `\uHHHH`; everything else unchanged. */
export const escapeControls = (s: string): string => s.replace(UNSAFE, escapeChar);

/** Longest value (in characters, before escaping) shown whole; longer ones keep their start. */
export const MAX_VALUE_CHARS = 120;
/** Longest error line (in characters, before escaping) before the whole line is cut. */
export const MAX_LINE_CHARS = 1000;

const LONG_WORD = new RegExp(`[^ \\t]{${MAX_VALUE_CHARS + 1},}`, 'g');

/** `s` cut to `keep` characters plus "…(N chars)" when longer than `max`; not escaped. */
export function cut(s: string, max = MAX_VALUE_CHARS, keep = Math.max(1, max - 20)): string {
  if (s.length <= max) return s;
  // Never split a surrogate pair.
  let k = Math.min(keep, s.length);
  const c = s.charCodeAt(k - 1);
  if (c >= 0xd800 && c <= 0xdbff) k--;
  return `${s.slice(0, k)}…(${s.length} chars)`;
}

/** A value for a message: cut when long, then control characters escaped. */
export const safeValue = (s: string, max = MAX_VALUE_CHARS): string => escapeControls(cut(s, max));

/**
 * A whole message made safe for one line on stderr: every run of non-space characters longer
 * than MAX_VALUE_CHARS (a pasted value, a path, a file's content) is cut, the line as a whole is
 * cut at MAX_LINE_CHARS, and control characters (newlines included) are escaped.
 */
export function safeLine(msg: string): string {
  // \S+ runs are split at spaces and tabs only: a newline inside a value is part of the value.
  const words = msg.replace(LONG_WORD, (w) => cut(w, MAX_VALUE_CHARS));
  return escapeControls(cut(words, MAX_LINE_CHARS, MAX_LINE_CHARS - 40));
}
