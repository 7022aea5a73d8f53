import { describe, expect, it } from 'vitest';
import { keysInOrder, moveInOrder, toggleInOrder } from './fallback-order';

describe('the fallback order', () => {
  it('a key joins at the end and leaves from anywhere', () => {
    expect(toggleInOrder(['a'], 'b')).toEqual(['a', 'b']);
    expect(toggleInOrder(['a', 'b', 'c'], 'b')).toEqual(['a', 'c']);
  });

  it('moves one place, and stays at an end', () => {
    expect(moveInOrder(['a', 'b', 'c'], 'c', -1)).toEqual(['a', 'c', 'b']);
    expect(moveInOrder(['a', 'b', 'c'], 'a', 1)).toEqual(['b', 'a', 'c']);
    expect(moveInOrder(['a', 'b'], 'a', -1)).toEqual(['a', 'b']);
    expect(moveInOrder(['a', 'b'], 'b', 1)).toEqual(['a', 'b']);
    expect(moveInOrder(['a'], 'x', 1)).toEqual(['a']);
  });

  it('lists the ordered keys first, then the rest; a removed key is dropped', () => {
    const keys = [{ id: 'a' }, { id: 'b' }, { id: 'c' }];
    expect(keysInOrder(keys, ['c', 'gone', 'a'])).toEqual([
      { key: { id: 'c' }, place: 0 },
      { key: { id: 'a' }, place: 1 },
      { key: { id: 'b' }, place: null },
    ]);
  });
});
