import { and, eq, sql } from 'drizzle-orm';
import type { AnswerInput, MergeInput, QaModerationAction, StaffQuestion } from '../../../contract/qa.js';
import type { Ctx } from '../../core/context.js';
import { conflict, invalid } from '../../core/errors.js';
import { recordAudit } from '../audit/audit.service.js';
import { announceQuestion } from './qa.announce.js';
import { isVisible, presentStaff, type QuestionWithAuthor, questionOf } from './qa.present.js';
import { recountVotes } from './qa.service.js';
import { staffWrite } from './qa.staff.js';
import { qaQuestions, qaVotes } from './qa.table.js';

type Change = Partial<typeof qaQuestions.$inferInsert>;

/** What an action changes on the question; null when it is already so (a repeat is a no-op). */
function changeFor(q: QuestionWithAuthor, action: QaModerationAction, now: Date): Change | null {
  if (q.status === 'merged') throw conflict('qa.question_merged');
  switch (action) {
    case 'approve':
      return q.status === 'pending' || q.status === 'hidden'
        ? { status: 'approved', approvedAt: q.approvedAt ?? now }
        : null;
    case 'hide':
      return q.status === 'hidden' ? null : { status: 'hidden', pinned: false };
    case 'pin':
      if (!isVisible(q.status)) throw conflict('qa.not_visible');
      return q.pinned ? null : { pinned: true };
    case 'unpin':
      return q.pinned ? { pinned: false } : null;
    case 'reopen':
      return q.status === 'answered'
        ? { status: 'approved', answer: null, answeredBy: null, answeredAt: null }
        : null;
  }
}

async function apply(tx: Ctx, q: QuestionWithAuthor, change: Change, action: string) {
  await tx.db
    .update(qaQuestions)
    .set({ ...change, updatedAt: tx.clock.now() })
    .where(eq(qaQuestions.id, q.id));
  await recordAudit(tx, {
    action: `qa.${action}`,
    entityType: 'qa_question',
    entityId: q.id,
    before: { status: q.status, pinned: q.pinned },
    after: change,
  });
  return announceQuestion(tx, q.eventId, q.id, isVisible(q.status));
}

/** Unpins the event's pinned question, if any (at most one is pinned: a unique index says so). */
async function unpinOthers(tx: Ctx, eventId: string, keepId: string) {
  const [pinned] = await tx.db
    .select({ id: qaQuestions.id })
    .from(qaQuestions)
    .where(and(eq(qaQuestions.eventId, eventId), eq(qaQuestions.pinned, true)));
  if (!pinned || pinned.id === keepId) return;
  await apply(tx, await questionOf(tx, eventId, pinned.id), { pinned: false }, 'unpin');
}

/** `POST /events/:id/qa/questions/:questionId/approve|hide|pin|unpin|reopen` */
export async function moderate(
  ctx: Ctx,
  eventId: string,
  questionId: string,
  action: QaModerationAction,
): Promise<StaffQuestion> {
  return staffWrite(ctx, eventId, async (tx) => {
    const q = await questionOf(tx, eventId, questionId);
    const change = changeFor(q, action, tx.clock.now());
    if (!change) return presentStaff(q);
    if (action === 'pin') await unpinOthers(tx, eventId, questionId);
    return presentStaff(await apply(tx, q, change, action));
  });
}

/** `POST …/answer`: answered, with the answer and who gave it; it leaves the pin (the screen moves on). */
export async function answerQuestion(
  ctx: Ctx,
  eventId: string,
  questionId: string,
  input: AnswerInput,
): Promise<StaffQuestion> {
  return staffWrite(ctx, eventId, async (tx) => {
    const q = await questionOf(tx, eventId, questionId);
    if (q.status === 'merged') throw conflict('qa.question_merged');
    if (q.status === 'hidden') throw conflict('qa.question_hidden');
    const now = tx.clock.now();
    const change: Change = {
      status: 'answered',
      answer: input.answer || null,
      answeredBy: input.answeredBy || null,
      answeredAt: now,
      approvedAt: q.approvedAt ?? now,
      pinned: false,
    };
    return presentStaff(await apply(tx, q, change, 'answer'));
  });
}

/**
 * `POST …/merge`: the question is a duplicate of the target. Its votes move to the target — a pass
 * that voted for both counts once — and it becomes `merged`, pointing at the target (questions
 * merged into it before now point at the target too).
 */
export async function mergeQuestion(
  ctx: Ctx,
  eventId: string,
  questionId: string,
  input: MergeInput,
): Promise<StaffQuestion> {
  if (input.targetId === questionId) throw invalid('qa.merge_into_itself');
  return staffWrite(ctx, eventId, async (tx) => {
    const source = await questionOf(tx, eventId, questionId);
    const target = await questionOf(tx, eventId, input.targetId);
    if (source.status === 'merged') throw conflict('qa.question_merged');
    if (target.status === 'merged' || target.status === 'hidden')
      throw conflict('qa.merge_target_unavailable');
    await tx.db.execute(sql`
      insert into ${qaVotes} (question_id, registration_id, created_at)
      select ${target.id}, registration_id, created_at from ${qaVotes} where question_id = ${source.id}
      on conflict do nothing`);
    await tx.db.delete(qaVotes).where(eq(qaVotes.questionId, source.id));
    await tx.db
      .update(qaQuestions)
      .set({ mergedIntoId: target.id, updatedAt: tx.clock.now() })
      .where(eq(qaQuestions.mergedIntoId, source.id));
    await recountVotes(tx, target.id);
    await apply(tx, source, { status: 'merged', mergedIntoId: target.id, pinned: false, votes: 0 }, 'merge');
    return presentStaff(await announceQuestion(tx, eventId, target.id, isVisible(target.status)));
  });
}
