/**
 * Raw IndexedDB for the two writes on a request's path (the pending entry, the settlement):
 * a transaction is committed as soon as its last request is issued (`IDBTransaction.commit()`),
 * one round trip to the storage process fewer than a Dexie transaction, which waits for each
 * answer and then for the auto-commit.
 */

export function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

/** Resolves when `tx` commits; rejects with its error when it aborts. */
export function completion(tx: IDBTransaction): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onabort = () => reject(tx.error ?? new DOMException('The transaction was aborted', 'AbortError'));
  });
}

/** Adds `rows` to `store` in one transaction. */
export function addRows(db: IDBDatabase, store: string, rows: readonly unknown[]): Promise<void> {
  const tx = db.transaction(store, 'readwrite');
  const done = completion(tx);
  const objects = tx.objectStore(store);
  for (const row of rows) objects.add(row);
  tx.commit();
  return done;
}
