import { and, count, eq, or, sql } from 'drizzle-orm';
import {
  type AskInput,
  type PassBoard,
  type PassQuestion,
  QA_LIMITS,
  type QaSort,
  qaPublicChannel,
  type VoteResult,
} from '../../../contract/qa.js';
import { type Ctx, inTransaction } from '../../core/context.js';
import { conflict, notFound } from '../../core/errors.js';
import { announceQuestion } from './qa.announce.js';
import { askRefusal, qaPass, voteRefusal } from './qa.pass.js';
import {
  isVisible,
  lastEventIdOf,
  presentPublic,
  type QuestionWithAuthor,
  questionsOf,
  sortQuestions,
  visibleOnly,
} from './qa.present.js';
import { lockQa, settingsOf } from './qa.settings.js';
import { qaQuestions, qaVotes } from './qa.table.js';

const forPass = (q: QuestionWithAuthor, registrationId: string, voted: Set<string>): PassQuestion => ({
  ...presentPublic(q),
  mine: q.registrationId === registrationId,
  votedByMe: voted.has(q.id),
});

/** `GET /passes/:token/qa`: the visible questions and the attendee's own pending ones. */
export async function passBoard(ctx: Ctx, token: string, sort: QaSort): Promise<PassBoard> {
  const pass = await qaPass(ctx, token);
  const settings = await settingsOf(ctx, pass.event.id);
  const lastEventId = await lastEventIdOf(ctx, qaPublicChannel(pass.event.id));
  const questions = await questionsOf(ctx, pass.event.id, [
    or(visibleOnly(), and(eq(qaQuestions.registrationId, pass.reg.id), eq(qaQuestions.status, 'pending')))!,
  ]);
  const votes = await ctx.db
    .select({ questionId: qaVotes.questionId })
    .from(qaVotes)
    .where(eq(qaVotes.registrationId, pass.reg.id));
  const voted = new Set(votes.map((v) => v.questionId));
  const refusal = askRefusal(pass, settings);
  return {
    event: { id: pass.event.id, slug: pass.event.slug, theme: pass.event.theme, status: pass.event.status },
    preModeration: settings.preModeration,
    open: settings.open,
    canAsk: refusal === null,
    refusal: refusal?.code ?? null,
    lastEventId,
    questions: sortQuestions(
      questions.map((q) => forPass(q, pass.reg.id, voted)),
      sort,
    ),
  };
}

/**
 * `POST /passes/:token/qa/questions`: a live question, `pending` under pre-moderation, else shown at
 * once. With a `clientId` a retry answers the question stored the first time (even once asking has
 * closed meanwhile).
 */
export async function ask(ctx: Ctx, token: string, input: AskInput): Promise<PassQuestion> {
  return inTransaction(ctx, async (tx) => {
    const pass = await qaPass(tx, token);
    const settings = await lockQa(tx, pass.event.id);
    if (input.clientId) {
      const [existing] = await tx.db.select().from(qaQuestions).where(eq(qaQuestions.id, input.clientId));
      if (existing && existing.registrationId !== pass.reg.id) throw conflict('qa.client_id_taken');
      if (existing) {
        const [stored] = await questionsOf(tx, pass.event.id, [eq(qaQuestions.id, existing.id)]);
        return forPass(stored, pass.reg.id, new Set());
      }
    }
    const refusal = askRefusal(pass, settings);
    if (refusal) throw refusal;
    const [{ asked }] = await tx.db
      .select({ asked: count() })
      .from(qaQuestions)
      .where(and(eq(qaQuestions.registrationId, pass.reg.id), eq(qaQuestions.source, 'live')));
    if (Number(asked) >= QA_LIMITS.questionsPerPass)
      throw conflict('qa.too_many_questions', { max: QA_LIMITS.questionsPerPass });
    const now = tx.clock.now();
    const status = settings.preModeration ? 'pending' : 'approved';
    const [row] = await tx.db
      .insert(qaQuestions)
      .values({
        ...(input.clientId ? { id: input.clientId } : {}),
        eventId: pass.event.id,
        source: 'live',
        registrationId: pass.reg.id,
        text: input.text,
        anonymous: input.anonymous,
        status,
        approvedAt: status === 'approved' ? now : null,
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    const question = await announceQuestion(tx, pass.event.id, row.id, false);
    return forPass(question, pass.reg.id, new Set());
  });
}

/** Recounts a question's votes from qa_votes (inside the event's Q&A lock). */
export async function recountVotes(ctx: Ctx, questionId: string) {
  await ctx.db
    .update(qaQuestions)
    .set({
      votes: sql`(select count(*) from ${qaVotes} where ${qaVotes.questionId} = ${questionId})`,
      updatedAt: ctx.clock.now(),
    })
    .where(eq(qaQuestions.id, questionId));
}

/**
 * `POST|DELETE /passes/:token/qa/questions/:questionId/vote`: one vote per pass and question
 * (unique in the database); voting twice or withdrawing twice changes nothing.
 */
export async function setVote(ctx: Ctx, token: string, questionId: string, on: boolean): Promise<VoteResult> {
  return inTransaction(ctx, async (tx) => {
    const pass = await qaPass(tx, token);
    const refusal = voteRefusal(pass);
    if (refusal) throw refusal;
    await lockQa(tx, pass.event.id);
    const [question] = await tx.db
      .select()
      .from(qaQuestions)
      .where(and(eq(qaQuestions.id, questionId), eq(qaQuestions.eventId, pass.event.id)));
    if (!question || !isVisible(question.status)) throw notFound('@entities.qa_question');
    const changed = on
      ? await tx.db
          .insert(qaVotes)
          .values({ questionId, registrationId: pass.reg.id, createdAt: tx.clock.now() })
          .onConflictDoNothing()
          .returning()
      : await tx.db
          .delete(qaVotes)
          .where(and(eq(qaVotes.questionId, questionId), eq(qaVotes.registrationId, pass.reg.id)))
          .returning();
    if (!changed.length) return { questionId, votes: question.votes, votedByMe: on };
    await recountVotes(tx, questionId);
    const updated = await announceQuestion(tx, pass.event.id, questionId, true);
    return { questionId, votes: updated.votes, votedByMe: on };
  });
}
