import { and, eq, sql } from 'drizzle-orm';
import { type PassSurvey, type ResponseInput, surveyChannel } from '../../../contract/surveys.js';
import { type Ctx, inTransaction } from '../../core/context.js';
import { AppError, conflict } from '../../core/errors.js';
import { publish } from '../../core/realtime.js';
import { type Pass, passOf } from '../observations/observations.pass.js';
import { isInAudience, type SurveyRow } from './surveys.audience.js';
import { findSurvey } from './surveys.service.js';
import { surveyResponses, surveys } from './surveys.table.js';
import { checkAnswers, toFieldErrors } from './surveys.validate.js';

type Reason = NonNullable<PassSurvey['reason']>;

/**
 * Why this pass may not answer now; null when it may. A draft survey is invisible; an archived
 * event counts as closed; only the survey's audience answers (a confirmed pass that never
 * checked in, when the audience is `arrived`, is told `not_invited`).
 */
async function refusal(ctx: Ctx, pass: Pass, survey: SurveyRow | null): Promise<Reason | null> {
  if (!survey || survey.status === 'draft') return 'not_open';
  if (survey.status === 'closed' || pass.event.status === 'archived') return 'closed';
  if (!(await isInAudience(ctx, survey, pass.reg.id))) return 'not_invited';
  return null;
}

async function present(ctx: Ctx, pass: Pass, survey: SurveyRow | null): Promise<PassSurvey> {
  const visible = survey && survey.status !== 'draft' ? survey : null;
  const [response] = visible
    ? await ctx.db
        .select()
        .from(surveyResponses)
        .where(and(eq(surveyResponses.surveyId, visible.id), eq(surveyResponses.registrationId, pass.reg.id)))
    : [];
  const reason = await refusal(ctx, pass, survey);
  return {
    event: { id: pass.event.id, theme: pass.event.theme, slug: pass.event.slug },
    registration: { id: pass.reg.id, name: pass.reg.name },
    survey: visible
      ? {
          id: visible.id,
          status: visible.status as 'open' | 'closed',
          anonymous: visible.anonymous,
          definition: visible.definition,
        }
      : null,
    response: response
      ? {
          id: response.id,
          answers: response.answers,
          submittedAt: response.submittedAt.toISOString(),
          updatedAt: response.updatedAt.toISOString(),
        }
      : null,
    canRespond: reason === null,
    reason,
  };
}

/** `GET /passes/:token/survey` */
export async function getPassSurvey(ctx: Ctx, token: string): Promise<PassSurvey> {
  const pass = await passOf(ctx, token);
  return present(ctx, pass, await findSurvey(ctx, pass.event.id));
}

const REFUSALS: Record<Reason, () => AppError> = {
  not_open: () => conflict('surveys.not_open'),
  closed: () => conflict('surveys.closed'),
  not_invited: () => new AppError('surveys.not_invited', 403),
};

/**
 * `PUT /passes/:token/survey` — one response per pass (unique survey + registration), replaced
 * by every later submit until the survey closes. The survey row is share-locked so a submit and
 * a close never cross: a response is either in before the close or refused.
 */
export async function submitPassSurvey(ctx: Ctx, token: string, input: ResponseInput): Promise<PassSurvey> {
  return inTransaction(ctx, async (tx) => {
    const pass = await passOf(tx, token, true);
    const [survey] = await tx.db
      .select()
      .from(surveys)
      .where(eq(surveys.eventId, pass.event.id))
      .for('share');
    const reason = await refusal(tx, pass, survey ?? null);
    if (reason) throw REFUSALS[reason]();
    const { answers, issues } = checkAnswers(survey.definition, input.answers);
    if (issues.length) throw new AppError('surveys.invalid_answers', 400, {}, toFieldErrors(issues));
    const now = tx.clock.now();
    await tx.db
      .insert(surveyResponses)
      .values({ surveyId: survey.id, registrationId: pass.reg.id, answers, submittedAt: now, updatedAt: now })
      .onConflictDoUpdate({
        target: [surveyResponses.surveyId, surveyResponses.registrationId],
        set: { answers: sql`excluded.answers`, updatedAt: now },
      });
    // A hint without data: the results page refetches (and learns nothing about who answered).
    await publish(tx, surveyChannel(pass.event.id), 'survey', { kind: 'response' });
    return present(tx, pass, survey);
  });
}
