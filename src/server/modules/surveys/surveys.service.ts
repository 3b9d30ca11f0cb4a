import { count, eq } from 'drizzle-orm';
import type { Lang } from '../../../contract/common.js';
import {
  passSurveyPath,
  type SurveyDefinition,
  type SurveyDetail,
  type SurveyInput,
  surveyChannel,
  type ValidationResult,
} from '../../../contract/surveys.js';
import { authorize } from '../../core/access.js';
import { type Ctx, inTransaction } from '../../core/context.js';
import { AppError, conflict } from '../../core/errors.js';
import { t } from '../../core/i18n.js';
import { publish } from '../../core/realtime.js';
import { recordAudit } from '../audit/audit.service.js';
import { assertFollowUpEditable, type EventRow, loadEvent } from '../events/events.guard.js';
import { participation, type SurveyRow } from './surveys.audience.js';
import { surveysPolicy } from './surveys.policy.js';
import { surveyResponses, surveys } from './surveys.table.js';
import { defaultSurvey } from './surveys.template.js';
import { breakingChanges, definitionIssues, type Issue, toFieldErrors } from './surveys.validate.js';

/** The event's survey row, if any (locked inside a write when `forUpdate`). */
export async function findSurvey(ctx: Ctx, eventId: string, forUpdate = false): Promise<SurveyRow | null> {
  const query = ctx.db.select().from(surveys).where(eq(surveys.eventId, eventId));
  const [row] = forUpdate ? await query.for('update') : await query;
  return row ?? null;
}

/** The survey of the event, created from the default template (in the caller's language) the first time. */
export async function ensureSurvey(ctx: Ctx, event: EventRow): Promise<SurveyRow> {
  const existing = await findSurvey(ctx, event.id);
  if (existing) return existing;
  await ctx.db
    .insert(surveys)
    .values({
      eventId: event.id,
      definition: defaultSurvey(ctx.lang, event.theme),
      createdBy: ctx.actor?.userId ?? null,
      createdAt: ctx.clock.now(),
      updatedAt: ctx.clock.now(),
    })
    .onConflictDoNothing({ target: surveys.eventId });
  return (await findSurvey(ctx, event.id))!;
}

export async function responseCount(ctx: Ctx, surveyId: string) {
  const [row] = await ctx.db
    .select({ n: count() })
    .from(surveyResponses)
    .where(eq(surveyResponses.surveyId, surveyId));
  return row.n;
}

export async function presentSurvey(ctx: Ctx, event: EventRow, survey: SurveyRow): Promise<SurveyDetail> {
  const { invited } = await participation(ctx, survey);
  return {
    id: survey.id,
    eventId: survey.eventId,
    status: survey.status,
    anonymous: survey.anonymous,
    audience: survey.audience,
    definition: survey.definition,
    responses: await responseCount(ctx, survey.id),
    invited,
    openedAt: survey.openedAt?.toISOString() ?? null,
    closedAt: survey.closedAt?.toISOString() ?? null,
    sentAt: survey.sentAt?.toISOString() ?? null,
    passPath: passSurveyPath('{token}'),
    slidePath: `/e/${event.slug}/survey`,
    updatedAt: survey.updatedAt.toISOString(),
  };
}

/** `GET /events/:id/survey` */
export async function getSurvey(ctx: Ctx, eventId: string): Promise<SurveyDetail> {
  authorize(ctx, surveysPolicy, 'read');
  const event = await loadEvent(ctx, eventId);
  return presentSurvey(ctx, event, await ensureSurvey(ctx, event));
}

/** A write on the survey: staff only, not on archived events, the survey row locked. */
async function writeSurvey(
  ctx: Ctx,
  eventId: string,
  action: string,
  change: (tx: Ctx, event: EventRow, survey: SurveyRow) => Promise<Partial<typeof surveys.$inferInsert>>,
): Promise<SurveyDetail> {
  authorize(ctx, surveysPolicy, 'manage');
  return inTransaction(ctx, async (tx) => {
    const event = await loadEvent(tx, eventId);
    assertFollowUpEditable(event);
    await ensureSurvey(tx, event);
    const before = (await findSurvey(tx, eventId, true))!;
    const set = await change(tx, event, before);
    const [after] = await tx.db
      .update(surveys)
      .set({ ...set, updatedAt: tx.clock.now() })
      .where(eq(surveys.id, before.id))
      .returning();
    await recordAudit(tx, {
      action,
      entityType: 'survey',
      entityId: before.id,
      before: { status: before.status, anonymous: before.anonymous, audience: before.audience },
      after: { status: after.status, anonymous: after.anonymous, audience: after.audience },
    });
    await publish(tx, surveyChannel(eventId), 'survey', {
      kind: 'definition' in set ? 'definition' : 'status',
    });
    return presentSurvey(tx, event, after);
  });
}

function assertValidDefinition(definition: SurveyDefinition) {
  const issues = definitionIssues(definition);
  if (issues.length) throw new AppError('surveys.invalid_definition', 400, {}, toFieldErrors(issues));
}

/** `PUT /events/:id/survey` — see the contract for what may change once responses exist. */
export async function updateSurvey(ctx: Ctx, eventId: string, input: SurveyInput): Promise<SurveyDetail> {
  return writeSurvey(ctx, eventId, 'survey.update', async (tx, _event, survey) => {
    assertValidDefinition(input.definition);
    if ((await responseCount(tx, survey.id)) > 0) {
      if (survey.anonymous && !input.anonymous) throw conflict('surveys.anonymity_locked');
      const breaking = breakingChanges(survey.definition, input.definition);
      if (breaking.length)
        throw new AppError('surveys.change_breaks_responses', 409, {}, toFieldErrors(breaking));
    }
    return { definition: input.definition, anonymous: input.anonymous, audience: input.audience };
  });
}

/** `POST /events/:id/survey/validate` — the definition's issues, translated; nothing stored. */
export async function validateSurvey(
  ctx: Ctx,
  eventId: string,
  definition: SurveyDefinition,
): Promise<ValidationResult> {
  authorize(ctx, surveysPolicy, 'manage');
  const event = await loadEvent(ctx, eventId);
  const survey = await findSurvey(ctx, event.id);
  const issues: Issue[] = definitionIssues(definition);
  if (survey && (await responseCount(ctx, survey.id)) > 0)
    issues.push(...breakingChanges(survey.definition, definition));
  return {
    valid: issues.length === 0,
    errors: issues.map((i) => ({
      path: i.path,
      code: i.code,
      message: t(ctx.lang, `errors.${i.code}`, i.params),
    })),
  };
}

/** `POST /events/:id/survey/reset` — the default template again, in `lang`; only before any response. */
export async function resetSurvey(ctx: Ctx, eventId: string, lang: Lang): Promise<SurveyDetail> {
  return writeSurvey(ctx, eventId, 'survey.reset', async (tx, event, survey) => {
    if ((await responseCount(tx, survey.id)) > 0) throw conflict('surveys.has_responses');
    return { definition: defaultSurvey(lang, event.theme) };
  });
}

/** Opening needs a published event and a valid definition; reopening a closed survey is allowed. */
export function openChanges(
  ctx: Ctx,
  event: EventRow,
  survey: SurveyRow,
): Partial<typeof surveys.$inferInsert> {
  if (event.status === 'draft') throw conflict('surveys.event_not_published');
  assertValidDefinition(survey.definition);
  if (survey.status === 'open') return {};
  return { status: 'open', openedAt: survey.openedAt ?? ctx.clock.now(), closedAt: null };
}

export async function openSurvey(ctx: Ctx, eventId: string): Promise<SurveyDetail> {
  return writeSurvey(ctx, eventId, 'survey.open', async (tx, event, survey) =>
    openChanges(tx, event, survey),
  );
}

export async function closeSurvey(ctx: Ctx, eventId: string): Promise<SurveyDetail> {
  return writeSurvey(ctx, eventId, 'survey.close', async (tx, _event, survey) => {
    if (survey.status === 'closed') return {};
    if (survey.status !== 'open') throw conflict('surveys.not_open');
    return { status: 'closed', closedAt: tx.clock.now() };
  });
}
