/**
 * A tiny IndexedDB helper shared by the scanner (staff app) and the scorecard (attendee bundle):
 * the database opens once, and every request runs in its own transaction, resolving only once
 * that transaction has committed (so "saved" means saved).
 */
export function indexedStore(name: string, upgrade: (db: IDBDatabase) => void) {
  let opening: Promise<IDBDatabase> | null = null;

  const open = () => {
    opening ??= new Promise((resolve, reject) => {
      const req = indexedDB.open(name, 1);
      req.onupgradeneeded = () => upgrade(req.result);
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => {
        opening = null;
        reject(req.error);
      };
    });
    return opening;
  };

  return async function run<T>(
    store: string,
    mode: IDBTransactionMode,
    act: (s: IDBObjectStore) => IDBRequest<T>,
  ): Promise<T> {
    const db = await open();
    return new Promise<T>((resolve, reject) => {
      const tx = db.transaction(store, mode);
      const req = act(tx.objectStore(store));
      tx.oncomplete = () => resolve(req.result);
      tx.onerror = () => reject(tx.error);
      tx.onabort = () => reject(tx.error);
    });
  };
}
