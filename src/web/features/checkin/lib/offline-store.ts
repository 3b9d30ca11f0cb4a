import type { CheckinListEntry } from '../../../../contract/checkin.js';
import type { ScanRequest } from '../api.js';

/**
 * What a scanner keeps on the device (IndexedDB), so the gate keeps working without a network:
 * the event's check-in list and the scans waiting to be uploaded.
 */
export type CachedList = { eventId: string; entries: CheckinListEntry[]; fetchedAt: string };
export type QueuedScan = {
  nonce: string;
  eventId: string;
  scan: ScanRequest;
  name: string;
  queuedAt: string;
};

const DB_NAME = 'guanmo-checkin';
const LISTS = 'lists';
const QUEUE = 'queue';

let opening: Promise<IDBDatabase> | null = null;

function open(): Promise<IDBDatabase> {
  opening ??= new Promise((resolve, reject) => {
    const req = indexedDB.open(DB_NAME, 1);
    req.onupgradeneeded = () => {
      const db = req.result;
      if (!db.objectStoreNames.contains(LISTS)) db.createObjectStore(LISTS, { keyPath: 'eventId' });
      if (!db.objectStoreNames.contains(QUEUE)) db.createObjectStore(QUEUE, { keyPath: 'nonce' });
    };
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => {
      opening = null;
      reject(req.error);
    };
  });
  return opening;
}

/** Runs one request in its own transaction and resolves when the transaction is done. */
async function run<T>(store: string, mode: IDBTransactionMode, act: (s: IDBObjectStore) => IDBRequest<T>) {
  const db = await open();
  return new Promise<T>((resolve, reject) => {
    const tx = db.transaction(store, mode);
    const req = act(tx.objectStore(store));
    tx.oncomplete = () => resolve(req.result);
    tx.onerror = () => reject(tx.error);
    tx.onabort = () => reject(tx.error);
  });
}

export const loadList = (eventId: string) =>
  run<CachedList | undefined>(LISTS, 'readonly', (s) => s.get(eventId));
export const saveList = (list: CachedList) => run(LISTS, 'readwrite', (s) => s.put(list));

export async function queuedScans(eventId: string): Promise<QueuedScan[]> {
  const all = await run<QueuedScan[]>(QUEUE, 'readonly', (s) => s.getAll());
  return all.filter((q) => q.eventId === eventId).sort((a, b) => a.queuedAt.localeCompare(b.queuedAt));
}
export const enqueueScan = (item: QueuedScan) => run(QUEUE, 'readwrite', (s) => s.put(item));
export async function dropQueued(nonces: string[]) {
  for (const nonce of nonces) await run(QUEUE, 'readwrite', (s) => s.delete(nonce));
}
