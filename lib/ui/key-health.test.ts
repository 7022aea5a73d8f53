import { describe, expect, it } from 'vitest';
import { keyHealthNote, withoutRefusedKeys } from './key-health';

const time = (at: number) => `T${at}`;

describe('keyHealthNote', () => {
  it('says which key the provider refused, when it was last checked and what the provider said', () => {
    expect(keyHealthNote({ name: 'Work', status: 'invalid', statusMessage: 'The provider rejected this key: Incorrect API key provided.', checkedAt: 5, validatedAt: 1 }, time)).toEqual({
      level: 'error',
      text: 'The key “Work” does not work: its provider refused it (last checked T5). It said: The provider rejected this key: Incorrect API key provided.',
    });
  });

  it('falls back to the last validation time, and to no time at all', () => {
    expect(keyHealthNote({ name: 'K', status: 'invalid', validatedAt: 7 }, time)?.text).toBe('The key “K” does not work: its provider refused it (last checked T7).');
    expect(keyHealthNote({ name: 'K', status: 'invalid' }, time)?.text).toBe('The key “K” does not work: its provider refused it.');
  });

  it('warns about a provider that did not answer, and says nothing about a working or unchecked key', () => {
    expect(keyHealthNote({ name: 'K', status: 'unreachable', checkedAt: 3 }, time)).toEqual({ level: 'warn', text: 'The key “K” could not be checked: its provider did not answer (last checked T3).' });
    expect(keyHealthNote({ name: 'K', status: 'valid', checkedAt: 3 }, time)).toBeNull();
    expect(keyHealthNote({ name: 'K', status: 'unverified' }, time)).toBeNull();
  });
});

describe('withoutRefusedKeys', () => {
  it('unticks the models of a refused key only', () => {
    const offers = [{ model: 'a', keyHealth: { status: 'invalid' } }, { model: 'b', keyHealth: { status: 'unreachable' } }, { model: 'c' }];
    expect(withoutRefusedKeys(['a', 'b', 'c'], offers)).toEqual(['b', 'c']);
    expect(withoutRefusedKeys([], offers)).toEqual([]);
  });
});
