/** Dexie writes of the ledger that are off a request's path, group-committed (see {@link Batch}). */
import { Batch } from '../db/batch';

export type Op<T> = () => Promise<T>;

export class GroupCommit {
  private readonly batch: Batch<Op<unknown>, unknown>;

  /** @param transact runs `body` in one read-write transaction; all or nothing. */
  constructor(transact: (body: () => Promise<void>) => Promise<void>) {
    this.batch = new Batch(async (ops) => {
      const results: unknown[] = [];
      await transact(async () => {
        for (const op of ops) results.push(await op());
      });
      return results;
    });
  }

  /** Runs `op` inside a transaction shared with the other writes of its batch. */
  run<T>(op: Op<T>): Promise<T> {
    return this.batch.run(op) as Promise<T>;
  }
}
