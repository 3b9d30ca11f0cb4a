import type { CheckinListEntry, CheckinResultCode } from '../../../../contract/checkin.js';

/** What the scanner shows after a scan, online (from the server) or offline (from the cached list). */
export type ScanOutcome = {
  code: CheckinResultCode;
  offline: boolean;
  person: {
    registrationId: string;
    name: string;
    unitName: string;
    position: string | null;
    siteName: string;
    groupName: string | null;
    guideName: string | null;
  } | null;
  /** For already_checked_in: when the first check-in happened and by whom. */
  firstAt: string | null;
  firstBy: string | null;
  /** The check-in to undo (online), or the queued scan's nonce (offline). */
  undo: { checkinId: string } | { nonce: string } | null;
  undoUntil: string | null;
};

/** The token inside what a QR code holds: `<origin>/p/<token>` or the bare token. */
export function passTokenOf(text: string): string {
  return text.replace(/^.*\/p\//, '').trim();
}

const STATUS_CODES: Record<string, CheckinResultCode> = {
  cancelled: 'cancelled',
  waitlisted: 'waitlisted',
  pending: 'pending',
};

/**
 * The offline verdict for one registration of the cached list, by the same rules as the server:
 * wrong site, then status, then whether this person already arrived (per the list or this device).
 */
export function localVerdict(
  entry: CheckinListEntry | undefined,
  eventSiteId: string | null,
  arrivedAt: string | null,
): CheckinResultCode {
  if (!entry) return 'unknown';
  if (eventSiteId && entry.eventSiteId !== eventSiteId) return 'other_site';
  const byStatus = STATUS_CODES[entry.status];
  if (byStatus) return byStatus;
  if (entry.status !== 'confirmed') return 'unknown';
  return arrivedAt ? 'already_checked_in' : 'checked_in';
}

export function personOf(entry: CheckinListEntry): NonNullable<ScanOutcome['person']> {
  return {
    registrationId: entry.registrationId,
    name: entry.name,
    unitName: entry.unitName,
    position: entry.position,
    siteName: entry.siteName,
    groupName: entry.groupName,
    guideName: entry.guideName,
  };
}

/** Names, units or the last four digits of a mobile that match the search box, best first. */
export function searchEntries(entries: CheckinListEntry[], query: string, limit = 20): CheckinListEntry[] {
  const q = query.trim().toLowerCase();
  if (!q) return [];
  const digits = /^\d{1,4}$/.test(q);
  const scored: { entry: CheckinListEntry; score: number }[] = [];
  for (const entry of entries) {
    const name = entry.name.toLowerCase();
    let score = 0;
    if (digits && entry.mobileLast4?.endsWith(q)) score = entry.mobileLast4 === q ? 3 : 1;
    else if (name === q) score = 4;
    else if (name.startsWith(q)) score = 3;
    else if (name.includes(q)) score = 2;
    else if (entry.unitName.toLowerCase().includes(q)) score = 1;
    if (score) scored.push({ entry, score });
  }
  return scored
    .sort((a, b) => b.score - a.score || a.entry.name.localeCompare(b.entry.name, 'zh-CN'))
    .slice(0, limit)
    .map((s) => s.entry);
}
