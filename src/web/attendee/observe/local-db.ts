import type { Scorecard, SharedView } from '../../../contract/observations.js';
import { indexedStore } from '../../lib/idb.js';
import type { LocalRecord } from './records.js';

/**
 * What the scorecard keeps on the phone (IndexedDB), so it works without a network after one load:
 * the last scorecard and shared view the server sent (`cards`), and every change not yet confirmed
 * by the server (`records`: the outbox, photo blobs included).
 */
const DB_NAME = 'guanmo-observe';
const CARDS = 'cards';
const RECORDS = 'records';

export type CachedCard = { key: string; card: Scorecard; fetchedAt: string };
export type CachedShared = { key: string; shared: SharedView; fetchedAt: string };

const run = indexedStore(DB_NAME, (db) => {
  if (!db.objectStoreNames.contains(CARDS)) db.createObjectStore(CARDS, { keyPath: 'key' });
  if (!db.objectStoreNames.contains(RECORDS)) {
    const records = db.createObjectStore(RECORDS, { keyPath: 'id' });
    records.createIndex('token', 'token');
  }
});

export const loadCard = (token: string) =>
  run<CachedCard | undefined>(CARDS, 'readonly', (s) => s.get(`card:${token}`));
export const saveCard = (token: string, card: Scorecard) =>
  run(CARDS, 'readwrite', (s) =>
    s.put({ key: `card:${token}`, card, fetchedAt: new Date().toISOString() } satisfies CachedCard),
  );
export const loadShared = (token: string) =>
  run<CachedShared | undefined>(CARDS, 'readonly', (s) => s.get(`shared:${token}`));
export const saveShared = (token: string, shared: SharedView) =>
  run(CARDS, 'readwrite', (s) =>
    s.put({ key: `shared:${token}`, shared, fetchedAt: new Date().toISOString() } satisfies CachedShared),
  );

export const loadRecords = async (token: string) =>
  (await run<LocalRecord[]>(RECORDS, 'readonly', (s) => s.index('token').getAll(token))).sort(
    (a, b) => a.seq - b.seq,
  );
export const getRecord = (id: string) => run<LocalRecord | undefined>(RECORDS, 'readonly', (s) => s.get(id));
export const putRecord = (record: LocalRecord) => run(RECORDS, 'readwrite', (s) => s.put(record));
export const deleteRecord = (id: string) => run(RECORDS, 'readwrite', (s) => s.delete(id));
