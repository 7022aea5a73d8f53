/** Data migrations that run inside a version upgrade (schema.ts declares the stores). */
import type { Transaction } from 'dexie';

/** v3: the ledger's pending rows (requests a stopped worker left in flight) move to `inflight`. */
export async function movePendingToInflight(tx: Transaction): Promise<void> {
  const ledger = tx.table('ledger');
  const pending = await ledger.where('status').equals('pending').toArray();
  await tx.table('inflight').bulkAdd(pending);
  await ledger.bulkDelete(pending.map((entry: { id: string }) => entry.id));
}
