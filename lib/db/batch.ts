/**
 * Group commit: items that arrive while a batch is being written are queued and then written
 * together in the next one. An idle wallet writes at once (no added latency); a busy one turns a
 * hundred small transactions, which IndexedDB would run one after another, into a few.
 */
export class Batch<I, O> {
  private queue: { item: I; resolve(value: O): void; reject(error: unknown): void }[] = [];
  private running = false;

  /** @param process writes a batch in one transaction (all or nothing), one result per item. */
  constructor(private readonly process: (items: I[]) => Promise<O[]>) {}

  /** Resolves with `item`'s result once its batch commits; rejects if the batch rolled back. */
  run(item: I): Promise<O> {
    return new Promise<O>((resolve, reject) => {
      this.queue.push({ item, resolve, reject });
      if (!this.running) void this.flush();
    });
  }

  private async flush(): Promise<void> {
    this.running = true;
    while (this.queue.length > 0) {
      const batch = this.queue;
      this.queue = [];
      try {
        const results = await this.process(batch.map((queued) => queued.item));
        batch.forEach((queued, i) => queued.resolve(results[i] as O));
      } catch (error) {
        // The transaction rolled back: none of the batch was written.
        for (const queued of batch) queued.reject(error);
      }
    }
    this.running = false;
  }
}
