import { describe, expect, it } from 'vitest';
import { Batch } from './batch';

describe('Batch', () => {
  it('processes an idle item at once and batches the items that arrive meanwhile, in order', async () => {
    const batches: number[][] = [];
    const batch = new Batch(async (items: number[]) => {
      batches.push(items);
      await new Promise((resolve) => setTimeout(resolve, 0));
      return items.map((n) => n * 10);
    });
    const results = await Promise.all([1, 2, 3, 4].map((n) => batch.run(n)));
    expect(results).toEqual([10, 20, 30, 40]);
    expect(batches).toEqual([[1], [2, 3, 4]]);
  });

  it('rejects every item of a batch that failed, and goes on with the next', async () => {
    let fail = true;
    const batch = new Batch(async (items: string[]) => {
      await Promise.resolve();
      if (fail) {
        fail = false;
        throw new Error('quota');
      }
      return items;
    });
    const first = batch.run('a');
    const second = batch.run('b');
    await expect(first).rejects.toThrow('quota');
    await expect(second).resolves.toBe('b');
  });
});
