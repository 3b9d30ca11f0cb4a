import type { PublicQuestion, QaSort, QaStatus } from '../../../contract/qa.js';

/**
 * Pure list logic shared by the staff board, the presenter screen and the attendee page (no React,
 * no antd: the light attendee bundle imports it too). Mirrors the server's order (qa.present.ts).
 */
type Sortable = Pick<PublicQuestion, 'id' | 'pinned' | 'votes' | 'createdAt'>;

/** Pinned first; then most votes (earlier first on a tie) or newest first. */
export function sortQuestions<T extends Sortable>(list: readonly T[], sort: QaSort): T[] {
  return [...list].sort((a, b) => {
    if (a.pinned !== b.pinned) return a.pinned ? -1 : 1;
    if (sort === 'votes' && a.votes !== b.votes) return b.votes - a.votes;
    const byTime =
      sort === 'votes' ? a.createdAt.localeCompare(b.createdAt) : b.createdAt.localeCompare(a.createdAt);
    return byTime || a.id.localeCompare(b.id);
  });
}

/**
 * Puts a question's new state into the list; `fresh` makes the list item for a question not yet in
 * it (the attendee page adds `mine` / `votedByMe`, which the stream does not carry; an existing item
 * keeps its own).
 */
export function upsertQuestion<T extends { id: string }, P extends { id: string }>(
  list: readonly T[],
  next: P,
  fresh: (payload: P) => T,
): T[] {
  const index = list.findIndex((q) => q.id === next.id);
  if (index < 0) return [...list, fresh(next)];
  const copy = [...list];
  copy[index] = { ...list[index], ...next };
  return copy;
}

export const removeQuestion = <T extends { id: string }>(list: readonly T[], id: string): T[] =>
  list.filter((q) => q.id !== id);

/** What the big screen shows large: the pinned question, else the open one with the most votes. */
export function currentQuestion<T extends Sortable & { status: QaStatus }>(list: readonly T[]): T | null {
  const sorted = sortQuestions(
    list.filter((q) => q.status === 'approved' || q.status === 'answered'),
    'votes',
  );
  return sorted.find((q) => q.pinned) ?? sorted.find((q) => q.status === 'approved') ?? null;
}

/** The screen's queue: open questions after the current one, by votes. */
export function queueAfter<T extends Sortable & { status: QaStatus }>(
  list: readonly T[],
  current: T | null,
): T[] {
  return sortQuestions(
    list.filter((q) => q.status === 'approved' && q.id !== current?.id),
    'votes',
  );
}

export type StatusCounts = Record<QaStatus, number>;

export function countByStatus(list: readonly { status: QaStatus }[]): StatusCounts {
  const counts: StatusCounts = { pending: 0, approved: 0, answered: 0, hidden: 0, merged: 0 };
  for (const q of list) counts[q.status] += 1;
  return counts;
}

/**
 * A list kept live: a snapshot (GET, read at `lastEventId`) plus the stream events after it. SSE
 * ids grow with time, so they order snapshots and events: an event already in the snapshot is
 * skipped, and a snapshot older than what the list shows (a reload answered after newer events
 * arrived) is not applied.
 */
export type LiveList<T> = { lastEventId: number; questions: T[] };

export const applySnapshot = <T>(shown: LiveList<T> | null, snapshot: LiveList<T>): LiveList<T> =>
  shown && snapshot.lastEventId < shown.lastEventId ? shown : snapshot;

export function applyEvent<T>(
  shown: LiveList<T> | null,
  eventId: number,
  change: (questions: T[]) => T[],
): LiveList<T> | null {
  if (!shown || eventId <= shown.lastEventId) return shown;
  return { lastEventId: eventId, questions: change(shown.questions) };
}
