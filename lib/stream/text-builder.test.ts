import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { TextBuilder } from './text-builder';

describe('TextBuilder', () => {
  it('holds exactly the pieces appended, in order, whatever their number', () => {
    fc.assert(
      fc.property(fc.array(fc.string(), { maxLength: 300 }), (pieces) => {
        const text = new TextBuilder();
        for (const piece of pieces) text.append(piece);
        expect(text.length).toBe(pieces.join('').length);
        expect(text.toString()).toBe(pieces.join(''));
      }),
    );
  });

  it('take() hands over what it holds and starts again empty', () => {
    const text = new TextBuilder();
    for (let i = 0; i < 100; i++) text.append(`${i} `);
    const first = text.take();
    expect(first).toBe(Array.from({ length: 100 }, (_, i) => `${i} `).join(''));
    expect(text.length).toBe(0);
    text.append('next');
    expect(text.take()).toBe('next');
    expect(text.toString()).toBe('');
  });
});
