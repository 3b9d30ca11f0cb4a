import { describe, expect, it } from 'vitest';
import type { QaStatus } from '../../../contract/qa.js';
import { formatClock } from './format.js';
import {
  applyEvent,
  applySnapshot,
  countByStatus,
  currentQuestion,
  queueAfter,
  removeQuestion,
  sortQuestions,
  upsertQuestion,
} from './questions.js';

type Q = { id: string; pinned: boolean; votes: number; createdAt: string; status: QaStatus; mine?: boolean };
const q = (id: string, votes: number, minute: number, extra: Partial<Q> = {}): Q => ({
  id,
  votes,
  pinned: false,
  status: 'approved',
  createdAt: `2026-12-18T02:${String(minute).padStart(2, '0')}:00.000Z`,
  ...extra,
});

describe('Q&A list logic', () => {
  it('sorts pinned first, then by votes (earlier first on a tie) or newest first', () => {
    const list = [q('a', 1, 1), q('b', 5, 2), q('c', 5, 0), q('d', 0, 3, { pinned: true })];
    expect(sortQuestions(list, 'votes').map((x) => x.id)).toEqual(['d', 'c', 'b', 'a']);
    expect(sortQuestions(list, 'time').map((x) => x.id)).toEqual(['d', 'b', 'a', 'c']);
    expect(list.map((x) => x.id)).toEqual(['a', 'b', 'c', 'd']);
  });

  it('upserts: replaces an existing question keeping fields the payload lacks, adds a new one', () => {
    const list = [q('a', 1, 1, { mine: true })];
    const updated = upsertQuestion(list, { ...q('a', 4, 1) }, (p) => ({ ...p, mine: false }));
    expect(updated).toEqual([{ ...q('a', 4, 1), mine: true }]);
    const added = upsertQuestion(list, q('b', 0, 2), (p) => ({ ...p, mine: false }));
    expect(added.map((x) => [x.id, x.mine])).toEqual([
      ['a', true],
      ['b', false],
    ]);
    expect(removeQuestion(added, 'a').map((x) => x.id)).toEqual(['b']);
  });

  it('puts the pinned question on the screen, else the open one with most votes, never a hidden one', () => {
    const open = [q('a', 2, 1), q('b', 7, 2), q('h', 99, 0, { status: 'hidden' })];
    expect(currentQuestion(open)?.id).toBe('b');
    expect(queueAfter(open, currentQuestion(open)).map((x) => x.id)).toEqual(['a']);
    const pinned = [...open, q('p', 0, 3, { pinned: true, status: 'answered' })];
    expect(currentQuestion(pinned)?.id).toBe('p');
    expect(queueAfter(pinned, currentQuestion(pinned)).map((x) => x.id)).toEqual(['b', 'a']);
    expect(currentQuestion([q('x', 3, 1, { status: 'answered' }), q('y', 1, 1, { status: 'pending' })])).toBe(
      null,
    );
  });

  it('orders snapshots and stream events by event id', () => {
    const snapshot = { lastEventId: 10, questions: [q('a', 1, 1)] };
    const shown = applySnapshot(null, snapshot);
    // an event the snapshot already contains changes nothing
    expect(applyEvent(shown, 9, () => [])).toBe(shown);
    const after = applyEvent(shown, 12, (list) => upsertQuestion(list, q('b', 0, 2), (p) => p));
    expect(after).toEqual({ lastEventId: 12, questions: [q('a', 1, 1), q('b', 0, 2)] });
    // a reload read before event 12 is stale; one read after it replaces the list
    expect(applySnapshot(after, { lastEventId: 11, questions: [] })).toBe(after);
    expect(applySnapshot(after, { lastEventId: 13, questions: [] })).toEqual({
      lastEventId: 13,
      questions: [],
    });
    expect(applyEvent(null, 5, () => [])).toBe(null);
  });

  it('counts by status', () => {
    const counts = countByStatus([q('a', 0, 0), q('b', 0, 0, { status: 'pending' }), q('c', 0, 0)]);
    expect(counts).toEqual({ pending: 1, approved: 2, answered: 0, hidden: 0, merged: 0 });
  });

  it('formats times in China time, with the day when it is not today', () => {
    const now = new Date('2026-12-18T08:00:00Z');
    expect(formatClock('2026-12-18T02:05:00Z', now)).toBe('10:05');
    expect(formatClock('2026-12-17T02:05:00Z', now)).toBe('12-17 10:05');
    expect(formatClock('not a date', now)).toBe('');
  });
});
