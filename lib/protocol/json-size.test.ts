/**
 * Sizing a structured-clone message against a limit without serializing it: a lower bound of its
 * JSON length, never past the limit, whatever its shape.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { jsonSizeExceeds } from './json-size';

/** `value` as an array (or object) whose element reads are counted. */
function counted<T extends object>(value: T): { value: T; reads: () => number } {
  let reads = 0;
  const proxy = new Proxy(value, {
    get(target, key, receiver) {
      if (typeof key === 'string' && key !== 'length') reads++;
      return Reflect.get(target, key, receiver) as unknown;
    },
  });
  return { value: proxy, reads: () => reads };
}

describe('jsonSizeExceeds', () => {
  it('never refuses a JSON value within the limit: its count is at most its JSON length', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.nat(64), (value, slack) => {
        const length = JSON.stringify(value).length;
        expect(jsonSizeExceeds(value, length + slack)).toBe(false);
      }),
      { numRuns: 2_000 },
    );
  });

  it('refuses a JSON value of mostly strings once the limit is under its characters', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ maxLength: 200 }), { maxLength: 50 }), (strings) => {
        const characters = strings.reduce((n, s) => n + s.length + 2, 0);
        if (characters > 0) expect(jsonSizeExceeds(strings, characters - 1)).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('sizes one huge string from its length, without reading it', () => {
    const huge = 'x'.repeat(50_000_000);
    const started = performance.now();
    expect(jsonSizeExceeds({ t: 'req', id: 1, method: 'chat', params: { messages: [{ role: 'user', content: huge }] } }, 4096)).toBe(true);
    expect(performance.now() - started).toBeLessThan(50);
  });

  it('stops at the limit on many small parts that add up, reading no further', () => {
    const parts = counted(Array.from({ length: 1_000_000 }, () => ({ type: 'text', text: 'hi' })));
    expect(jsonSizeExceeds({ messages: [{ role: 'user', content: parts.value }] }, 10_000)).toBe(true);
    expect(parts.reads()).toBeLessThan(10_000);
    const numbers = counted(Array.from({ length: 1_000_000 }, () => 0));
    expect(jsonSizeExceeds(numbers.value, 100_000)).toBe(true);
    expect(numbers.reads()).toBeLessThan(100_000);
  });

  it('sizes a sparse array from its length before visiting a slot', () => {
    const sparse = counted(new Array<unknown>(1_000_000_000));
    expect(jsonSizeExceeds(sparse.value, 32 * 1024 * 1024)).toBe(true);
    expect(sparse.reads()).toBe(0);
  });

  it('walks a nesting deeper than the call stack allows, and a cycle, and stops', () => {
    let deep: unknown = 1;
    for (let i = 0; i < 200_000; i++) deep = { a: deep };
    expect(jsonSizeExceeds(deep, 1_000)).toBe(true);
    expect(jsonSizeExceeds(deep, 2_000_000)).toBe(false);
    let nested: unknown = [];
    for (let i = 0; i < 200_000; i++) nested = [nested];
    expect(jsonSizeExceeds(nested, 100_000)).toBe(true);
    const cycle: Record<string, unknown> = { t: 'req' };
    cycle.self = cycle;
    expect(jsonSizeExceeds(cycle, 1_000_000)).toBe(true);
    const ring: unknown[] = [];
    ring.push(ring);
    expect(jsonSizeExceeds(ring, 1_000_000)).toBe(true);
  });

  it('counts what values JSON does not have hold: wrapped strings, buffers, maps, sets, errors, patterns', () => {
    const limit = 100_000;
    const big = 'x'.repeat(limit);
    for (const value of [
      new String(big),
      new Uint8Array(limit + 1),
      new ArrayBuffer(limit + 1),
      new Map([['k', big]]),
      new Map(Array.from({ length: limit }, (_, i) => [i, i])),
      new Set([big]),
      new Error(big),
      new RegExp(big),
      new Blob([big, 'x']),
    ]) {
      expect(jsonSizeExceeds({ params: value }, limit), Object.prototype.toString.call(value)).toBe(true);
    }
    for (const value of [new String('hi'), new Uint8Array(4), new Map([['t', 'req']]), new Set([1]), new Date(0), new Error('no'), /x/]) {
      expect(jsonSizeExceeds({ params: value }, 4096)).toBe(false);
    }
  });

  it('sizes what a message holds in keys too', () => {
    expect(jsonSizeExceeds({ ['k'.repeat(5000)]: 1 }, 4096)).toBe(true);
    const many = Object.fromEntries(Array.from({ length: 2000 }, (_, i) => [`k${i}`, null]));
    expect(jsonSizeExceeds(many, 4096)).toBe(true);
  });
});
