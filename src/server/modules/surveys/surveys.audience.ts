import { and, count, eq, isNull, type SQL, sql } from 'drizzle-orm';
import type { SurveyAudience } from '../../../contract/surveys.js';
import type { Ctx } from '../../core/context.js';
import { checkins } from '../checkin/checkin.table.js';
import { registrations } from '../registrations/registrations.table.js';
import { surveyResponses, type surveys } from './surveys.table.js';

export type SurveyRow = typeof surveys.$inferSelect;

/**
 * The audience of a survey: the confirmed registrations of the event (`confirmed`), or only
 * those with an effective check-in (`arrived`, the default: the people who were there).
 * Registrations erased later stay in the counts (they were invited) but are never contacted
 * or listed by name.
 */
export function audienceWhere(eventId: string, audience: SurveyAudience): SQL {
  const confirmed = and(eq(registrations.eventId, eventId), eq(registrations.status, 'confirmed'))!;
  if (audience === 'confirmed') return confirmed;
  return and(
    confirmed,
    sql`exists (select 1 from ${checkins} where ${checkins.registrationId} = ${registrations.id} and ${checkins.undoneAt} is null)`,
  )!;
}

/** The audience that may still be contacted (not erased). */
export const reachableAudienceWhere = (eventId: string, audience: SurveyAudience) =>
  and(audienceWhere(eventId, audience), isNull(registrations.anonymizedAt))!;

export async function audienceSize(ctx: Ctx, eventId: string, audience: SurveyAudience) {
  const [row] = await ctx.db
    .select({ n: count() })
    .from(registrations)
    .where(audienceWhere(eventId, audience));
  return row.n;
}

/** Responses whose pass belongs to the audience (the numerator of the response rate). */
export async function audienceResponses(ctx: Ctx, survey: SurveyRow) {
  const [row] = await ctx.db
    .select({ n: count() })
    .from(surveyResponses)
    .innerJoin(registrations, eq(registrations.id, surveyResponses.registrationId))
    .where(and(eq(surveyResponses.surveyId, survey.id), audienceWhere(survey.eventId, survey.audience)));
  return row.n;
}

export async function isInAudience(ctx: Ctx, survey: SurveyRow, registrationId: string) {
  const [row] = await ctx.db
    .select({ id: registrations.id })
    .from(registrations)
    .where(and(eq(registrations.id, registrationId), audienceWhere(survey.eventId, survey.audience)));
  return !!row;
}

/**
 * Invited = the audience once the survey has been opened (never opened: nobody was asked, 0).
 * Response rate = responses from the audience ÷ invited, 0–1; null when nobody was invited.
 */
export async function participation(ctx: Ctx, survey: SurveyRow | null) {
  if (!survey?.openedAt) return { invited: 0, fromAudience: 0, responseRate: null as number | null };
  const invited = await audienceSize(ctx, survey.eventId, survey.audience);
  const fromAudience = await audienceResponses(ctx, survey);
  return { invited, fromAudience, responseRate: invited ? fromAudience / invited : null };
}
