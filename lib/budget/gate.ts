/**
 * In-flight reservations and the per-origin critical section of admission. Admission must see
 * every reservation made before it, so each origin's admissions run one after another.
 */
import type { Nano } from './money';

export class BudgetGate {
  private readonly inflight = new Map<string, Map<string, Nano>>();
  private readonly tails = new Map<string, Promise<unknown>>();

  /** Runs `fn` alone among the calls for the same `origin`, in call order. */
  withLock<T>(origin: string, fn: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(origin) ?? Promise.resolve();
    const run = previous.then(fn, fn);
    const tail = run.catch(() => undefined);
    this.tails.set(origin, tail);
    void tail.then(() => {
      if (this.tails.get(origin) === tail) this.tails.delete(origin);
    });
    return run;
  }

  /** What the origin's in-flight requests may still cost. */
  heldNano(origin: string): Nano {
    let total = 0;
    for (const nano of this.inflight.get(origin)?.values() ?? []) total += nano;
    return total;
  }

  hold(origin: string, id: string, nano: Nano): void {
    let held = this.inflight.get(origin);
    if (!held) this.inflight.set(origin, (held = new Map()));
    held.set(id, nano);
  }

  release(origin: string, id: string): void {
    const held = this.inflight.get(origin);
    if (!held) return;
    held.delete(id);
    if (held.size === 0) this.inflight.delete(origin);
  }

  /** Ids of every reservation held now (for recovery and tests). */
  heldIds(): string[] {
    return [...this.inflight.values()].flatMap((held) => [...held.keys()]);
  }
}
