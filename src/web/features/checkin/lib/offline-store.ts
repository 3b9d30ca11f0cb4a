import type { CheckinListEntry } from '../../../../contract/checkin.js';
import { indexedStore } from '../../../lib/idb.js';
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

const run = indexedStore(DB_NAME, (db) => {
  if (!db.objectStoreNames.contains(LISTS)) db.createObjectStore(LISTS, { keyPath: 'eventId' });
  if (!db.objectStoreNames.contains(QUEUE)) db.createObjectStore(QUEUE, { keyPath: 'nonce' });
});

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
