import { describe, expect, it } from 'vitest';
import { GroupCommit } from './group-commit';

describe('GroupCommit', () => {
  it('commits an idle write at once and batches writes that arrive meanwhile', async () => {
    const batches: number[] = [];
    let size = 0;
    const commit = new GroupCommit(async (body) => {
      size = 0;
      await body();
      batches.push(size);
    });
    const op = (v: number) => async () => (size++, v);
    const results = await Promise.all([1, 2, 3, 4, 5].map((v) => commit.run(op(v))));
    expect(results).toEqual([1, 2, 3, 4, 5]);
    expect(batches).toEqual([1, 4]);
  });

  it('rejects the whole batch when its transaction fails, and keeps going', async () => {
    let fail = true;
    const commit = new GroupCommit(async (body) => {
      await body();
      if (fail) {
        fail = false;
        throw new Error('quota');
      }
    });
    const first = commit.run(async () => 1);
    const second = commit.run(async () => 2);
    await expect(first).rejects.toThrow('quota');
    await expect(second).resolves.toBe(2);
  });
});
