/** In-flight reservations: what each origin's requests may still cost. */
import type { Nano } from './money';

export class BudgetGate {
  private readonly inflight = new Map<string, Map<string, Nano>>();

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
