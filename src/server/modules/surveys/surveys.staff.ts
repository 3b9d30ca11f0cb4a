import { and, asc, eq, isNull } from 'drizzle-orm';
import { maskMobile } from '../../../contract/common.js';
import type { Answers, NonRespondents, StaffResponses, SurveyResults } from '../../../contract/surveys.js';
import { authorize } from '../../core/access.js';
import type { Ctx } from '../../core/context.js';
import { type EventRow, loadEvent } from '../events/events.guard.js';
import { registrations } from '../registrations/registrations.table.js';
import { audienceSize, participation, reachableAudienceWhere, type SurveyRow } from './surveys.audience.js';
import { surveysPolicy } from './surveys.policy.js';
import { computeResults } from './surveys.results.js';
import { ensureSurvey } from './surveys.service.js';
import { surveyInvitations, surveyResponses } from './surveys.table.js';

/**
 * What staff see of the answers. When the survey is anonymous, nothing that ties an answer to
 * a person leaves this file: no names, units, registration or response ids, no submit times
 * (they could be matched with who stood where), and responses in the order of their random ids.
 */
export type StoredResponse = {
  id: string;
  answers: Answers;
  submittedAt: Date;
  name: string;
  unitName: string;
};

export async function loadResponses(ctx: Ctx, survey: SurveyRow): Promise<StoredResponse[]> {
  return ctx.db
    .select({
      id: surveyResponses.id,
      answers: surveyResponses.answers,
      submittedAt: surveyResponses.submittedAt,
      name: registrations.name,
      unitName: registrations.unitName,
    })
    .from(surveyResponses)
    .innerJoin(registrations, eq(registrations.id, surveyResponses.registrationId))
    .where(eq(surveyResponses.surveyId, survey.id))
    .orderBy(
      survey.anonymous ? asc(surveyResponses.id) : asc(surveyResponses.submittedAt),
      asc(surveyResponses.id),
    );
}

export async function staffSurvey(
  ctx: Ctx,
  eventId: string,
): Promise<{ event: EventRow; survey: SurveyRow }> {
  authorize(ctx, surveysPolicy, 'read');
  const event = await loadEvent(ctx, eventId);
  return { event, survey: await ensureSurvey(ctx, event) };
}

export async function buildResults(
  ctx: Ctx,
  survey: SurveyRow,
  rows: StoredResponse[],
): Promise<SurveyResults> {
  const { invited, fromAudience, responseRate } = await participation(ctx, survey);
  const computed = computeResults(
    survey.definition,
    rows.map((r) => ({
      answers: r.answers,
      respondent: survey.anonymous ? null : { name: r.name, unitName: r.unitName },
    })),
  );
  return {
    surveyId: survey.id,
    eventId: survey.eventId,
    status: survey.status,
    anonymous: survey.anonymous,
    audience: survey.audience,
    title: survey.definition.title,
    invited,
    responses: rows.length,
    answered: fromAudience,
    responseRate,
    satisfactionAverage: computed.satisfactionAverage,
    nps: computed.nps,
    sections: survey.definition.sections.map((s) => ({ id: s.id, title: s.title })),
    questions: computed.questions,
    generatedAt: ctx.clock.now().toISOString(),
  };
}

/** `GET /events/:id/survey/results` */
export async function surveyResults(ctx: Ctx, eventId: string): Promise<SurveyResults> {
  const { survey } = await staffSurvey(ctx, eventId);
  return buildResults(ctx, survey, await loadResponses(ctx, survey));
}

export function presentResponses(survey: SurveyRow, rows: StoredResponse[]): StaffResponses {
  return {
    anonymous: survey.anonymous,
    items: rows.map((r) =>
      survey.anonymous
        ? { id: null, respondent: null, submittedAt: null, answers: r.answers }
        : {
            id: r.id,
            respondent: { name: r.name, unitName: r.unitName },
            submittedAt: r.submittedAt.toISOString(),
            answers: r.answers,
          },
    ),
  };
}

/** `GET /events/:id/survey/responses` */
export async function surveyResponsesList(ctx: Ctx, eventId: string): Promise<StaffResponses> {
  const { survey } = await staffSurvey(ctx, eventId);
  return presentResponses(survey, await loadResponses(ctx, survey));
}

/**
 * `GET /events/:id/survey/non-respondents` — who in the audience has not answered (empty until
 * the survey is first opened). Shown also when the survey is anonymous: not having answered is
 * not an answer, and the reminder needs it.
 */
export async function nonRespondents(ctx: Ctx, eventId: string): Promise<NonRespondents> {
  const { survey } = await staffSurvey(ctx, eventId);
  const audience = await audienceSize(ctx, survey.eventId, survey.audience);
  if (!survey.openedAt) return { audience, items: [] };
  const rows = await ctx.db
    .select({ person: registrations, invitation: surveyInvitations })
    .from(registrations)
    .leftJoin(
      surveyInvitations,
      and(eq(surveyInvitations.surveyId, survey.id), eq(surveyInvitations.registrationId, registrations.id)),
    )
    .leftJoin(
      surveyResponses,
      and(eq(surveyResponses.surveyId, survey.id), eq(surveyResponses.registrationId, registrations.id)),
    )
    .where(and(reachableAudienceWhere(survey.eventId, survey.audience), isNull(surveyResponses.id)))
    .orderBy(registrations.unitName, registrations.name, registrations.id);
  return {
    audience,
    items: rows.map(({ person, invitation }) => ({
      registrationId: person.id,
      name: person.name,
      unitName: person.unitName,
      mobileMasked: maskMobile(person.mobile),
      hasEmail: !!person.email,
      invitedAt: invitation?.invitedAt.toISOString() ?? null,
      lastRemindedAt: invitation?.lastRemindedAt?.toISOString() ?? null,
      reminders: invitation?.reminders ?? 0,
    })),
  };
}
