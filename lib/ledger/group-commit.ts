/**
 * Group commit: writes that arrive while a transaction is running are queued and then committed
 * together in the next one. An idle wallet writes at once (no added latency); a busy one turns
 * a hundred small transactions, which IndexedDB would run one after another, into a few.
 */
export type Op<T> = () => Promise<T>;

interface Queued {
  op: Op<unknown>;
  resolve(value: unknown): void;
  reject(error: unknown): void;
}

export class GroupCommit {
  private queue: Queued[] = [];
  private running = false;

  /** @param transact runs `body` in one read-write transaction; all or nothing. */
  constructor(private readonly transact: (body: () => Promise<void>) => Promise<void>) {}

  /** Runs `op` inside a transaction shared with the other writes of its batch. */
  run<T>(op: Op<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.queue.push({ op, resolve: resolve as (v: unknown) => void, reject });
      if (!this.running) void this.flush();
    });
  }

  private async flush(): Promise<void> {
    this.running = true;
    while (this.queue.length > 0) {
      const batch = this.queue;
      this.queue = [];
      const results: unknown[] = [];
      try {
        await this.transact(async () => {
          for (const item of batch) results.push(await item.op());
        });
        batch.forEach((item, i) => item.resolve(results[i]));
      } catch (error) {
        // The transaction rolled back: none of the batch was written.
        for (const item of batch) item.reject(error);
      }
    }
    this.running = false;
  }
}
