import { and, asc, count, eq, inArray, isNotNull, max, type SQL } from 'drizzle-orm';
import {
  type PublicQuestion,
  QA_VISIBLE_STATUSES,
  type QaSort,
  type QaStatus,
  type StaffQuestion,
} from '../../../contract/qa.js';
import type { Ctx } from '../../core/context.js';
import { notFound } from '../../core/errors.js';
import { realtimeEvents } from '../../core/realtime.table.js';
import { registrations } from '../registrations/registrations.table.js';
import { qaQuestions } from './qa.table.js';

export type QuestionRow = typeof qaQuestions.$inferSelect;
export type QuestionWithAuthor = QuestionRow & {
  authorName: string | null;
  authorUnit: string | null;
  mergedCount: number;
};

export const isVisible = (status: QaStatus) => (QA_VISIBLE_STATUSES as readonly string[]).includes(status);

/** Questions of an event with their author (from the registration) and how many were merged in. */
export async function questionsOf(
  ctx: Ctx,
  eventId: string,
  where: SQL[] = [],
): Promise<QuestionWithAuthor[]> {
  const rows = await ctx.db
    .select({ q: qaQuestions, authorName: registrations.name, authorUnit: registrations.unitName })
    .from(qaQuestions)
    .leftJoin(registrations, eq(registrations.id, qaQuestions.registrationId))
    .where(and(eq(qaQuestions.eventId, eventId), ...where))
    .orderBy(asc(qaQuestions.createdAt), asc(qaQuestions.id));
  const merged = await ctx.db
    .select({ id: qaQuestions.mergedIntoId, n: count() })
    .from(qaQuestions)
    .where(and(eq(qaQuestions.eventId, eventId), isNotNull(qaQuestions.mergedIntoId)))
    .groupBy(qaQuestions.mergedIntoId);
  const mergedCount = new Map(merged.map((m) => [m.id, Number(m.n)]));
  return rows.map((r) => ({
    ...r.q,
    authorName: r.authorName,
    authorUnit: r.authorUnit,
    mergedCount: mergedCount.get(r.q.id) ?? 0,
  }));
}

/** One question of the event (404 when it is not one of the event's). */
export async function questionOf(ctx: Ctx, eventId: string, questionId: string) {
  const [row] = await questionsOf(ctx, eventId, [eq(qaQuestions.id, questionId)]);
  if (!row) throw notFound('@entities.qa_question');
  return row;
}

export const visibleOnly = () => inArray(qaQuestions.status, [...QA_VISIBLE_STATUSES]);

/** What anyone may see of a question: never the author of an anonymous one. */
export function presentPublic(q: QuestionWithAuthor): PublicQuestion {
  const showAuthor = !q.anonymous && q.registrationId !== null;
  return {
    id: q.id,
    source: q.source,
    status: q.status,
    text: q.text,
    anonymous: q.anonymous,
    authorName: showAuthor ? q.authorName : null,
    authorUnit: showAuthor ? q.authorUnit : null,
    votes: q.votes,
    pinned: q.pinned,
    answer: q.answeredAt ? q.answer : null,
    answeredBy: q.answeredAt ? q.answeredBy : null,
    answeredAt: q.answeredAt?.toISOString() ?? null,
    createdAt: q.createdAt.toISOString(),
  };
}

export function presentStaff(q: QuestionWithAuthor): StaffQuestion {
  return {
    ...presentPublic(q),
    eventId: q.eventId,
    mergedIntoId: q.mergedIntoId,
    mergedCount: q.mergedCount,
    approvedAt: q.approvedAt?.toISOString() ?? null,
    updatedAt: q.updatedAt.toISOString(),
  };
}

/** Pinned first; then most votes (earlier first on a tie) or newest first. */
export function sortQuestions<T extends { pinned: boolean; votes: number; createdAt: string; id: string }>(
  list: T[],
  sort: QaSort,
): T[] {
  return [...list].sort((a, b) => {
    if (a.pinned !== b.pinned) return a.pinned ? -1 : 1;
    if (sort === 'votes' && a.votes !== b.votes) return b.votes - a.votes;
    const byTime =
      sort === 'votes' ? a.createdAt.localeCompare(b.createdAt) : b.createdAt.localeCompare(a.createdAt);
    return byTime || a.id.localeCompare(b.id);
  });
}

/** The last event id of a realtime channel (0 when none): where a stream opened after a read starts. */
export async function lastEventIdOf(ctx: Ctx, channel: string): Promise<number> {
  const [row] = await ctx.db
    .select({ id: max(realtimeEvents.id) })
    .from(realtimeEvents)
    .where(eq(realtimeEvents.channel, channel));
  return Number(row?.id ?? 0);
}
