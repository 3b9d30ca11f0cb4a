import { useCallback, useEffect, useRef, useState } from 'react';
import type { CheckinListEntry, ScanResult } from '../../../../contract/checkin.js';
import { ApiError } from '../../../app/api.js';
import { getCheckinList, postScan, postScanBatch, type ScanRequest, undoCheckin } from '../api.js';
import { deviceId, newNonce, sha256Hex } from '../lib/device.js';
import { localVerdict, passTokenOf, personOf, type ScanOutcome } from '../lib/local-match.js';
import { dropQueued, enqueueScan, loadList, queuedScans, saveList } from '../lib/offline-store.js';

const UNDO_MS = 60_000;
const SYNC_EVERY_MS = 10_000;
const REFRESH_EVERY_MS = 60_000;
const BATCH = 200;

export type ScanTarget = { token: string } | { registrationId: string };

/** No answer from the server at all (offline, or a gateway that cannot reach it). */
export function isNetworkFailure(error: unknown): boolean {
  if (error instanceof ApiError) return error.status === 0 || error.status >= 502;
  return error instanceof TypeError;
}

function fromServer(result: ScanResult): ScanOutcome {
  const reg = result.registration;
  return {
    code: result.code,
    offline: false,
    person: reg
      ? {
          registrationId: reg.id,
          name: reg.name,
          unitName: reg.unitName,
          position: reg.position,
          siteName: reg.siteName,
          groupName: reg.groupName,
          guideName: reg.guideName,
        }
      : null,
    firstAt: result.code === 'already_checked_in' ? (result.checkin?.at ?? null) : null,
    firstBy: result.code === 'already_checked_in' ? (result.checkin?.byName ?? null) : null,
    undo: result.code === 'checked_in' && result.checkin ? { checkinId: result.checkin.id } : null,
    undoUntil: result.undoUntil,
  };
}

/**
 * One check-in station (a phone at the gate): the event's list cached on the device, scans sent to
 * the server when it answers and matched against the cached list when it does not, an upload queue
 * for those offline scans (idempotent by nonce), and undo.
 */
export function useCheckinStation(eventId: string, eventSiteId: string | null) {
  const [entries, setEntries] = useState<CheckinListEntry[]>([]);
  const [listAt, setListAt] = useState<string | null>(null);
  const [queued, setQueued] = useState(0);
  const [online, setOnline] = useState(() => navigator.onLine);
  const [syncing, setSyncing] = useState(false);
  const [syncError, setSyncError] = useState<string | null>(null);
  const [lastSynced, setLastSynced] = useState<{ count: number; at: number } | null>(null);
  const entriesRef = useRef(entries);
  entriesRef.current = entries;
  const syncingRef = useRef(false);

  const storeEntries = useCallback(
    async (next: CheckinListEntry[], fetchedAt?: string) => {
      entriesRef.current = next;
      setEntries(next);
      if (fetchedAt) setListAt(fetchedAt);
      const at = fetchedAt ?? (await loadList(eventId))?.fetchedAt ?? new Date().toISOString();
      await saveList({ eventId, entries: next, fetchedAt: at });
    },
    [eventId],
  );

  const markArrived = useCallback(
    (registrationId: string, at: string | null) => {
      const next = entriesRef.current.map((e) =>
        e.registrationId === registrationId ? { ...e, checkedInAt: at } : e,
      );
      void storeEntries(next);
    },
    [storeEntries],
  );

  const countQueue = useCallback(async () => {
    const items = await queuedScans(eventId);
    setQueued(items.length);
    return items;
  }, [eventId]);

  /** Uploads the offline queue; scans stay queued until the server has taken them. */
  const sync = useCallback(async () => {
    if (syncingRef.current) return;
    const items = await countQueue();
    if (!items.length) return;
    syncingRef.current = true;
    setSyncing(true);
    try {
      for (let i = 0; i < items.length; i += BATCH) {
        const chunk = items.slice(i, i + BATCH);
        await postScanBatch(
          eventId,
          chunk.map((q) => q.scan),
        );
        await dropQueued(chunk.map((q) => q.nonce));
      }
      setOnline(true);
      setSyncError(null);
      setLastSynced({ count: items.length, at: Date.now() });
    } catch (error) {
      if (isNetworkFailure(error)) setOnline(false);
      else setSyncError(error instanceof Error ? error.message : String(error));
    } finally {
      syncingRef.current = false;
      setSyncing(false);
      await countQueue();
    }
  }, [eventId, countQueue]);

  /** Fetches the list again (after uploading the queue), keeping this device's queued arrivals. */
  const refresh = useCallback(async () => {
    await sync();
    try {
      const fresh = await getCheckinList(eventId);
      setOnline(true);
      const pending = await queuedScans(eventId);
      const queuedAt = new Map(pending.map((q) => [q.scan.registrationId, q.scan.scannedAt ?? q.queuedAt]));
      const merged = fresh.map((e) =>
        !e.checkedInAt && queuedAt.has(e.registrationId)
          ? { ...e, checkedInAt: queuedAt.get(e.registrationId) ?? null }
          : e,
      );
      await storeEntries(merged, new Date().toISOString());
    } catch (error) {
      if (isNetworkFailure(error)) setOnline(false);
    }
  }, [eventId, sync, storeEntries]);

  useEffect(() => {
    let alive = true;
    void loadList(eventId).then((cached) => {
      if (!alive || !cached) return;
      if (!entriesRef.current.length) {
        entriesRef.current = cached.entries;
        setEntries(cached.entries);
        setListAt(cached.fetchedAt);
      }
    });
    void countQueue();
    void refresh();
    const goOnline = () => {
      setOnline(true);
      void refresh();
    };
    const goOffline = () => setOnline(false);
    window.addEventListener('online', goOnline);
    window.addEventListener('offline', goOffline);
    const syncTimer = setInterval(() => navigator.onLine && void sync(), SYNC_EVERY_MS);
    const refreshTimer = setInterval(() => navigator.onLine && void refresh(), REFRESH_EVERY_MS);
    return () => {
      alive = false;
      window.removeEventListener('online', goOnline);
      window.removeEventListener('offline', goOffline);
      clearInterval(syncTimer);
      clearInterval(refreshTimer);
    };
  }, [eventId, countQueue, refresh, sync]);

  const scanOffline = useCallback(
    async (base: ScanRequest, target: ScanTarget): Promise<ScanOutcome> => {
      const list = entriesRef.current;
      let entry: CheckinListEntry | undefined;
      if ('registrationId' in target) entry = list.find((e) => e.registrationId === target.registrationId);
      else {
        const hash = await sha256Hex(passTokenOf(target.token));
        entry = list.find((e) => e.tokenHash === hash);
      }
      const code = localVerdict(entry, eventSiteId, entry?.checkedInAt ?? null);
      const outcome: ScanOutcome = {
        code,
        offline: true,
        person: entry ? personOf(entry) : null,
        firstAt: code === 'already_checked_in' ? (entry?.checkedInAt ?? null) : null,
        firstBy: null,
        undo: null,
        undoUntil: null,
      };
      if (code === 'checked_in' && entry) {
        const scan: ScanRequest = { ...base, registrationId: entry.registrationId };
        await enqueueScan({
          nonce: base.nonce,
          eventId,
          scan,
          name: entry.name,
          queuedAt: new Date().toISOString(),
        });
        markArrived(entry.registrationId, base.scannedAt ?? new Date().toISOString());
        await countQueue();
        outcome.undo = { nonce: base.nonce };
        outcome.undoUntil = new Date(Date.now() + UNDO_MS).toISOString();
      }
      return outcome;
    },
    [eventId, eventSiteId, markArrived, countQueue],
  );

  /** One scan: to the server when it answers, else matched on the device and queued. */
  const scan = useCallback(
    async (target: ScanTarget, method: ScanRequest['method']): Promise<ScanOutcome> => {
      const base: ScanRequest = {
        nonce: newNonce(),
        eventSiteId,
        method,
        scannedAt: new Date().toISOString(),
        deviceId: deviceId(),
      };
      if (navigator.onLine) {
        try {
          const result = await postScan(eventId, { ...base, ...target });
          setOnline(true);
          if (result.registration && result.checkin) markArrived(result.registration.id, result.checkin.at);
          return fromServer(result);
        } catch (error) {
          if (!isNetworkFailure(error)) throw error;
          setOnline(false);
        }
      }
      return scanOffline(base, target);
    },
    [eventId, eventSiteId, markArrived, scanOffline],
  );

  const undo = useCallback(
    async (outcome: ScanOutcome) => {
      if (!outcome.undo) return;
      if ('checkinId' in outcome.undo) await undoCheckin(eventId, outcome.undo.checkinId);
      else {
        await dropQueued([outcome.undo.nonce]);
        await countQueue();
      }
      if (outcome.person) markArrived(outcome.person.registrationId, null);
    },
    [eventId, markArrived, countQueue],
  );

  return { entries, listAt, queued, online, syncing, syncError, lastSynced, scan, undo, sync, refresh };
}
