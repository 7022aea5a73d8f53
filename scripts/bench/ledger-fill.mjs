/**
 * Admission latency against the size of the ledger: fills the wallet's own IndexedDB ledger with
 * realistic settled rows from inside the worker, then times admissions of real chats.
 */

/**
 * Runs in the worker: appends `count` settled rows for other origins, in batches, with ids as the
 * wallet makes them (UUIDv7: time first, lib/ledger/entry-id.ts) for times in the past.
 */
export async function fillLedger({ count, startAt }) {
  const db = await new Promise((resolve, reject) => {
    const req = indexedDB.open('byok');
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
  const BATCH = 20_000;
  for (let done = 0; done < count; done += BATCH) {
    await new Promise((resolve, reject) => {
      const tx = db.transaction('ledger', 'readwrite', { durability: 'relaxed' });
      const store = tx.objectStore('ledger');
      for (let i = done; i < Math.min(count, done + BATCH); i++) {
        const n = startAt + i;
        const at = 1_700_000_000_000 + n * 1000;
        const time = at.toString(16).padStart(12, '0');
        const random = crypto.randomUUID();
        store.put({
          id: `${time.slice(0, 8)}-${time.slice(8)}-7${random.slice(15, 18)}-${random.slice(19)}`,
          at,
          origin: `https://site-${n % 500}.example`,
          kind: 'chat',
          model: 'gpt-4o-mini',
          provider: 'openai',
          status: 'ok',
          inputTokens: 120,
          outputTokens: 300,
          costNano: 198_000,
          reservedNano: 2_500_000,
          inputEstimate: 100,
          durationMs: 850,
          settledAt: 1_700_000_000_850 + n * 1000,
        });
      }
      tx.oncomplete = resolve;
      tx.onerror = () => reject(tx.error);
    });
  }
  db.close();
}

/**
 * Runs in the page: `runs` sequential chats, to be timed by the worker's metrics. `showSpend`:
 * after each answer the app reads its spend (getGrant answers once the settlement committed), so
 * each admission meets an idle wallet; without it each chat follows the last at once and its
 * pending write queues behind the previous settlement's transaction.
 */
export async function chats({ runs, showSpend }) {
  for (let i = 0; i < runs; i++) {
    await window.byok.chat({ messages: [{ role: 'user', content: 'hi' }] });
    if (showSpend) await window.byok.getGrant();
  }
}
