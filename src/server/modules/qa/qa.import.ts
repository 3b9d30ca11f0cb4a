import { and, asc, eq, inArray, isNotNull, isNull, ne } from 'drizzle-orm';
import type { ImportInput, ImportResult, QaImportSource } from '../../../contract/qa.js';
import type { Ctx } from '../../core/context.js';
import { recordAudit } from '../audit/audit.service.js';
import { loadEvent } from '../events/events.guard.js';
import { sentToQa } from '../observations/observations.staff.js';
import { registrations } from '../registrations/registrations.table.js';
import { templateDimensions, templateQuestions } from '../templates/templates.table.js';
import { announceQuestion } from './qa.announce.js';
import { PREPARED_QUESTIONS } from './qa.prepared.js';
import { staffWrite } from './qa.staff.js';
import { qaQuestions } from './qa.table.js';

type Candidate = { sourceRef: string; text: string; registrationId: string | null };

/** The seed's common questions, then the guiding questions of each dimension of the template. */
async function preparedCandidates(ctx: Ctx, eventId: string): Promise<Candidate[]> {
  const event = await loadEvent(ctx, eventId);
  const seed = PREPARED_QUESTIONS.map((text, i) => ({ sourceRef: `seed:${i}`, text, registrationId: null }));
  if (!event.templateVersionId) return seed;
  const guiding = await ctx.db
    .select({ id: templateQuestions.id, text: templateQuestions.text })
    .from(templateQuestions)
    .innerJoin(templateDimensions, eq(templateDimensions.id, templateQuestions.dimensionId))
    .where(and(eq(templateQuestions.versionId, event.templateVersionId), isNull(templateQuestions.pointId)))
    .orderBy(asc(templateDimensions.position), asc(templateQuestions.position));
  return [
    ...seed,
    ...guiding.map((q) => ({ sourceRef: `template-question:${q.id}`, text: q.text, registrationId: null })),
  ];
}

/** "Questions for the host" given at registration (not of cancelled or erased registrations). */
async function registrationCandidates(ctx: Ctx, eventId: string): Promise<Candidate[]> {
  const rows = await ctx.db
    .select({ id: registrations.id, questions: registrations.questions })
    .from(registrations)
    .where(
      and(
        eq(registrations.eventId, eventId),
        ne(registrations.status, 'cancelled'),
        isNull(registrations.anonymizedAt),
        isNotNull(registrations.questions),
      ),
    )
    .orderBy(asc(registrations.createdAt));
  return rows
    .filter((r) => r.questions?.trim())
    .map((r) => ({ sourceRef: `registration:${r.id}`, text: r.questions!.trim(), registrationId: r.id }));
}

/** Notes and guiding-question answers attendees sent to the Q&A (an answer keeps its question). */
async function observationCandidates(ctx: Ctx, eventId: string): Promise<Candidate[]> {
  const { notes, answers } = await sentToQa(ctx, eventId);
  const questionIds = [...new Set(answers.map((a) => a.questionId))];
  const guiding = questionIds.length
    ? await ctx.db
        .select({ id: templateQuestions.id, text: templateQuestions.text })
        .from(templateQuestions)
        .where(inArray(templateQuestions.id, questionIds))
    : [];
  const guidingText = new Map(guiding.map((q) => [q.id, q.text]));
  return [
    ...notes
      .filter((n) => n.text.trim())
      .map((n) => ({ sourceRef: `note:${n.noteId}`, text: n.text.trim(), registrationId: n.registrationId })),
    ...answers.map((a) => {
      const question = guidingText.get(a.questionId);
      return {
        sourceRef: `answer:${a.observationId}:${a.questionId}`,
        text: question ? `${question}——${a.text.trim()}` : a.text.trim(),
        registrationId: a.registrationId,
      };
    }),
  ];
}

const CANDIDATES: Record<QaImportSource, (ctx: Ctx, eventId: string) => Promise<Candidate[]>> = {
  prepared: preparedCandidates,
  registration: registrationCandidates,
  observation: observationCandidates,
};

/**
 * `POST /events/:id/qa/import`: brings the chosen sources into the event's Q&A, each item once
 * (keyed by what it came from, so a repeat imports only what is new). Imported questions wait as
 * `pending` for staff to approve the ones they want shown.
 */
export async function importQuestions(ctx: Ctx, eventId: string, input: ImportInput): Promise<ImportResult> {
  return staffWrite(ctx, eventId, async (tx) => {
    const created = { prepared: 0, registration: 0, observation: 0 };
    // A millisecond apart, so "newest first" keeps the order of the source list.
    let at = tx.clock.now().getTime();
    for (const source of new Set(input.sources)) {
      for (const candidate of await CANDIDATES[source](tx, eventId)) {
        const now = new Date(at++);
        const [row] = await tx.db
          .insert(qaQuestions)
          .values({ eventId, source, status: 'pending', ...candidate, createdAt: now, updatedAt: now })
          .onConflictDoNothing()
          .returning({ id: qaQuestions.id });
        if (!row) continue;
        created[source] += 1;
        await announceQuestion(tx, eventId, row.id, false);
      }
    }
    await recordAudit(tx, { action: 'qa.import', entityType: 'event', entityId: eventId, after: created });
    return { created };
  });
}
