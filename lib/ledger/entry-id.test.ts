import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { entryId } from './entry-id';

const UUID_V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('entryId', () => {
  it('is a version-7 UUID whose first 48 bits are the time in milliseconds', () => {
    const id = entryId(0x0190_1234_5678, (b) => b.fill(0xff));
    expect(id).toMatch(UUID_V7);
    expect(id).toBe('01901234-5678-7fff-bfff-ffffffffffff');
  });

  it('sorts as its time does, whatever the random bits', () => {
    const time = fc.integer({ min: 0, max: 2 ** 48 - 1 });
    const bytes = fc.uint8Array({ minLength: 16, maxLength: 16 });
    fc.assert(
      fc.property(time, time, bytes, bytes, (t1, t2, r1, r2) => {
        fc.pre(t1 !== t2);
        const a = entryId(t1, (b) => b.set(r1));
        const b = entryId(t2, (b) => b.set(r2));
        expect(a).toMatch(UUID_V7);
        expect(a < b).toBe(t1 < t2);
      }),
    );
  });

  it('differs between calls in the same millisecond', () => {
    const ids = new Set(Array.from({ length: 1000 }, () => entryId(1_763_900_000_000)));
    expect(ids.size).toBe(1000);
  });
});
