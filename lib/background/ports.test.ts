/**
 * The delta batcher: what a streamed call sends while it runs, what rides on its answer, and
 * when the answer may leave out the text the deltas already carried.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import fc from 'fast-check';
import { DeltaBatcher } from './ports';

function batcher() {
  const sent: string[] = [];
  return { sent, batch: new DeltaBatcher((text) => sent.push(text)) };
}

describe('DeltaBatcher while streaming', () => {
  beforeEach(() => void vi.useFakeTimers());
  afterEach(() => void vi.useRealTimers());

  it('sends the first text at once, then at most one message per 16 ms', () => {
    const { sent, batch } = batcher();
    batch.push('a');
    expect(sent).toEqual(['a']);
    batch.push('b');
    batch.push('c');
    expect(sent).toEqual(['a']);
    vi.advanceTimersByTime(16);
    expect(sent).toEqual(['a', 'bc']);
  });

  it('rest() hands over the unsent text and cancels the pending send', () => {
    const { sent, batch } = batcher();
    batch.push('a');
    batch.push('b');
    expect(batch.rest()).toEqual({ delta: 'b' });
    vi.advanceTimersByTime(100);
    expect(sent).toEqual(['a']);
    expect(batch.rest()).toEqual({});
  });

  it('whatever the pieces and their timing, the deltas and the rest are the text, in order', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.string({ minLength: 1 }), fc.nat(40))), (steps) => {
        const { sent, batch } = batcher();
        for (const [piece, waitMs] of steps) {
          batch.push(piece);
          vi.advanceTimersByTime(waitMs);
        }
        const { delta = '' } = batch.rest();
        expect(sent.every((text) => text !== '')).toBe(true);
        expect(sent.join('') + delta).toBe(steps.map(([piece]) => piece).join(''));
      }),
    );
  });
});

describe('DeltaBatcher when its timer cannot run', () => {
  afterEach(() => void vi.restoreAllMocks());

  it('sends on the next piece once 16 ms have passed (a worker whose reads run as microtasks)', () => {
    let now = 1_000;
    vi.spyOn(performance, 'now').mockImplementation(() => now);
    const { sent, batch } = batcher();
    batch.push('a');
    batch.push('b');
    now += 15;
    batch.push('c');
    expect(sent).toEqual(['a']);
    now += 1;
    batch.push('d');
    expect(sent).toEqual(['a', 'bcd']);
    expect(batch.rest()).toEqual({});
  });
});

describe('DeltaBatcher.answer', () => {
  it('leaves out a text that is exactly what streamed, keeping the rest of the value', () => {
    const { batch } = batcher();
    batch.push('Hello, ');
    batch.push('world');
    expect(batch.answer({ text: 'Hello, world', model: 'm', costUsd: 0.1 })).toEqual({ value: { model: 'm', costUsd: 0.1 }, textStreamed: true });
  });

  it('recognises the streamed text however it was batched; a text of its length that differs anywhere goes whole', () => {
    vi.useFakeTimers();
    try {
      fc.assert(
        fc.property(fc.array(fc.tuple(fc.string({ minLength: 1 }), fc.nat(40)), { minLength: 1 }), fc.nat(), (steps, where) => {
          const { batch } = batcher();
          for (const [piece, waitMs] of steps) {
            batch.push(piece);
            vi.advanceTimersByTime(waitMs);
          }
          const text = steps.map(([piece]) => piece).join('');
          const at = where % text.length;
          const other = `${text.slice(0, at)}${text[at] === 'x' ? 'y' : 'x'}${text.slice(at + 1)}`;
          expect(batch.answer({ text: other, n: 1 })).toEqual({ value: { text: other, n: 1 } });
          expect(batch.answer({ text, n: 1 })).toEqual({ value: { n: 1 }, textStreamed: true });
        }),
      );
    } finally {
      vi.useRealTimers();
    }
  });

  it.each([
    ['a text that differs from what streamed', 'Hello, world', { text: 'Hello' }],
    ['an empty text, when nothing streamed', '', { text: '' }],
    ['a value without text', 'Hello, world', { vector: [1, 2] }],
    ['a text that is not a string', 'Hello, world', { text: ['Hello, world'] }],
    ['null', 'Hello, world', null],
    ['an array', 'Hello, world', ['Hello, world']],
  ])('sends %s whole', (_what, streamed, value) => {
    const { batch } = batcher();
    if (streamed) batch.push(streamed);
    expect(batch.answer(value)).toEqual({ value });
  });
});
