import { eq } from 'drizzle-orm';
import type { Ctx } from '../../core/context.js';
import { participation } from './surveys.audience.js';
import { computeResults } from './surveys.results.js';
import { surveyResponses, surveys } from './surveys.table.js';

export type SurveyFigures = {
  /** The audience once the survey was opened (0 while it never was). */
  invited: number;
  /** Every response stored. */
  responses: number;
  /** Responses from the audience ÷ invited, 0–1; null when nobody was invited. */
  responseRate: number | null;
  /** Mean of the rating items normalised to 1–5 (surveys.results.ts); null without answers. */
  satisfactionAverage: number | null;
  /** NPS of the first NPS question, −100…100; null without answers. */
  nps: number | null;
};

/**
 * The survey's headline figures for the retrospective (复盘). No access check: the caller has
 * checked it. An event without a survey answers zeros and nulls.
 */
export async function surveyFigures(ctx: Ctx, eventId: string): Promise<SurveyFigures> {
  const [survey] = await ctx.db.select().from(surveys).where(eq(surveys.eventId, eventId));
  if (!survey) return { invited: 0, responses: 0, responseRate: null, satisfactionAverage: null, nps: null };
  const rows = await ctx.db
    .select({ answers: surveyResponses.answers })
    .from(surveyResponses)
    .where(eq(surveyResponses.surveyId, survey.id));
  const { invited, responseRate } = await participation(ctx, survey);
  const results = computeResults(
    survey.definition,
    rows.map((r) => ({ answers: r.answers, respondent: null })),
  );
  return {
    invited,
    responses: rows.length,
    responseRate,
    satisfactionAverage: results.satisfactionAverage,
    nps: results.nps?.score ?? null,
  };
}
