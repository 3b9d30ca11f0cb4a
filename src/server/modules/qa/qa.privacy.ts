import { eq, inArray } from 'drizzle-orm';
import type { Ctx } from '../../core/context.js';
import { announceQuestion } from './qa.announce.js';
import { isVisible } from './qa.present.js';
import { recountVotes } from './qa.service.js';
import { lockQa } from './qa.settings.js';
import { qaQuestions, qaVotes } from './qa.table.js';

/**
 * PIPL hooks for the registrations module (个人信息导出 / 删除), called with the registration id
 * once the pass is resolved there. No access check: the pass token was the check.
 */

/** The person's questions and upvotes, for the personal data export. */
export async function exportQa(ctx: Ctx, registrationId: string) {
  const questions = await ctx.db
    .select()
    .from(qaQuestions)
    .where(eq(qaQuestions.registrationId, registrationId));
  const votes = await ctx.db.select().from(qaVotes).where(eq(qaVotes.registrationId, registrationId));
  return {
    questions: questions.map((q) => ({
      id: q.id,
      source: q.source,
      text: q.text,
      anonymous: q.anonymous,
      status: q.status,
      answer: q.answeredAt ? q.answer : null,
      createdAt: q.createdAt.toISOString(),
    })),
    votes: votes.map((v) => ({ questionId: v.questionId, at: v.createdAt.toISOString() })),
  };
}

export const ERASED_QUESTION = '（已删除）';

/**
 * Erases the person from the Q&A: their questions lose text and author (the rows stay, so the
 * event's counts do not change; a pending one is hidden) and their votes are removed. Run inside
 * the erasing transaction; every change is published like any other.
 */
export async function eraseQa(ctx: Ctx, registrationId: string) {
  const asked = await ctx.db.select().from(qaQuestions).where(eq(qaQuestions.registrationId, registrationId));
  const votes = await ctx.db.select().from(qaVotes).where(eq(qaVotes.registrationId, registrationId));
  const touchedIds = [...new Set([...asked.map((q) => q.id), ...votes.map((v) => v.questionId)])];
  if (!touchedIds.length) return;
  const touched = await ctx.db.select().from(qaQuestions).where(inArray(qaQuestions.id, touchedIds));
  for (const eventId of new Set(touched.map((q) => q.eventId))) await lockQa(ctx, eventId);
  await ctx.db.delete(qaVotes).where(eq(qaVotes.registrationId, registrationId));
  for (const q of asked) {
    await ctx.db
      .update(qaQuestions)
      .set({
        text: ERASED_QUESTION,
        registrationId: null,
        anonymous: true,
        status: q.status === 'pending' ? 'hidden' : q.status,
        updatedAt: ctx.clock.now(),
      })
      .where(eq(qaQuestions.id, q.id));
  }
  for (const q of touched) {
    await recountVotes(ctx, q.id);
    await announceQuestion(ctx, q.eventId, q.id, isVisible(q.status));
  }
}
