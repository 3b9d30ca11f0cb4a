import { and, eq } from 'drizzle-orm';
import type { Ctx } from '../../core/context.js';
import { surveyResponses, surveys } from './surveys.table.js';

/** What the pass page needs to know about the event's survey; null while there is none or it is a draft. */
export type PassSurveySummary = { status: 'open' | 'closed'; responded: boolean } | null;

export async function passSurveySummary(
  ctx: Ctx,
  eventId: string,
  registrationId: string,
): Promise<PassSurveySummary> {
  const [row] = await ctx.db
    .select({ status: surveys.status, responseId: surveyResponses.id })
    .from(surveys)
    .leftJoin(
      surveyResponses,
      and(eq(surveyResponses.surveyId, surveys.id), eq(surveyResponses.registrationId, registrationId)),
    )
    .where(eq(surveys.eventId, eventId));
  if (!row || row.status === 'draft') return null;
  return { status: row.status, responded: row.responseId !== null };
}
