import { eq } from 'drizzle-orm';
import type { Ctx } from '../../core/context.js';
import { allQuestions } from './surveys.results.js';
import { surveyInvitations, surveyResponses, surveys } from './surveys.table.js';

/**
 * PIPL hooks for the registrations module (个人信息导出 / 删除), called with the registration id
 * once the pass is resolved there. No access check: the pass token was the check.
 *
 * - Export includes the person's own response even when the survey is anonymous: anonymity
 *   hides answers from staff, not from the person, and the stored link (needed for one response
 *   per pass and for editing) makes the response personal data the person has a right to see.
 * - Erase at the person's request always deletes the response and the invitation record (the
 *   results change accordingly).
 * - The retention job keeps numbers and choices (no longer tied to anyone once the registration
 *   is anonymised) but removes free-text answers, which may name people — as the observations
 *   module keeps bare scores and erases notes.
 */

/** The person's survey response, for the personal data export (null when they did not answer). */
export async function exportSurveyResponse(ctx: Ctx, registrationId: string) {
  const [row] = await ctx.db
    .select({ response: surveyResponses, title: surveys.definition })
    .from(surveyResponses)
    .innerJoin(surveys, eq(surveys.id, surveyResponses.surveyId))
    .where(eq(surveyResponses.registrationId, registrationId));
  if (!row) return null;
  return {
    title: row.title.title,
    answers: row.response.answers,
    submittedAt: row.response.submittedAt.toISOString(),
    updatedAt: row.response.updatedAt.toISOString(),
  };
}

/** Deletes the person's response and invitation (inside the erasing transaction). */
export async function eraseSurveyResponse(ctx: Ctx, registrationId: string) {
  await ctx.db.delete(surveyResponses).where(eq(surveyResponses.registrationId, registrationId));
  await ctx.db.delete(surveyInvitations).where(eq(surveyInvitations.registrationId, registrationId));
}

/** The retention job's variant: drops free-text answers, keeps the rest (see above). */
export async function stripSurveyTexts(ctx: Ctx, registrationId: string) {
  const rows = await ctx.db
    .select({ response: surveyResponses, definition: surveys.definition })
    .from(surveyResponses)
    .innerJoin(surveys, eq(surveys.id, surveyResponses.surveyId))
    .where(eq(surveyResponses.registrationId, registrationId));
  for (const { response, definition } of rows) {
    const texts = new Set(
      allQuestions(definition)
        .filter(({ question }) => question.type === 'short_text' || question.type === 'long_text')
        .map(({ question }) => question.id),
    );
    const answers = Object.fromEntries(Object.entries(response.answers).filter(([id]) => !texts.has(id)));
    await ctx.db.update(surveyResponses).set({ answers }).where(eq(surveyResponses.id, response.id));
  }
}
