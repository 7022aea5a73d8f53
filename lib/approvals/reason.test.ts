import { describe, expect, it } from 'vitest';
import { REASON_MAX_CHARS, sanitizeReason } from './reason';

describe('sanitizeReason', () => {
  it('keeps an ordinary reason as it is', () => {
    expect(sanitizeReason('Summaries of your notes')).toBe('Summaries of your notes');
    expect(sanitizeReason('Résumés, 要約, تلخيص')).toBe('Résumés, 要約, تلخيص');
  });

  it('strips every bidi control, so the text reads as it is', () => {
    const controls = ['\u202A', '\u202B', '\u202C', '\u202D', '\u202E', '\u2066', '\u2067', '\u2068', '\u2069', '\u200E', '\u200F', '\u061C'];
    for (const c of controls) expect(sanitizeReason(`a${c}b`), `U+${c.codePointAt(0)!.toString(16)}`).toBe('ab');
    // Shown as "https://openai.com" by an override, the text is something else.
    expect(sanitizeReason('\u202Emoc.ianepo//:sptth\u202C')).toBe('moc.ianepo//:sptth');
  });

  it('strips invisible characters but keeps the joiners emoji and scripts need', () => {
    expect(sanitizeReason('a\u200Bb\uFEFFc\u{E0041}d\u00ADe')).toBe('abcde');
    expect(sanitizeReason('👩\u200D💻 می\u200Cخواهم')).toBe('👩\u200D💻 می\u200Cخواهم');
  });

  it('puts the reason on one line', () => {
    expect(sanitizeReason('  one\n\ntwo\r\tthree\u2028four\u0000five  ')).toBe('one two three four five');
  });

  it('caps the reason at 200 characters with an ellipsis', () => {
    expect(REASON_MAX_CHARS).toBe(200);
    const capped = sanitizeReason('x'.repeat(500));
    expect(Array.from(capped)).toHaveLength(REASON_MAX_CHARS);
    expect(capped.endsWith('…')).toBe(true);
    expect(sanitizeReason('x'.repeat(REASON_MAX_CHARS))).toBe('x'.repeat(REASON_MAX_CHARS));
    // Counted in characters, not UTF-16 units: an emoji is never cut in half.
    const emoji = sanitizeReason('😀'.repeat(300));
    expect(Array.from(emoji)).toHaveLength(REASON_MAX_CHARS);
    expect(emoji.isWellFormed()).toBe(true);
  });

  it('leaves nothing of a reason that was only controls', () => {
    expect(sanitizeReason('\u202E\u200B\n')).toBe('');
  });
});
