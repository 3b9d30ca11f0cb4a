import { and, eq, inArray, sql } from 'drizzle-orm';
import {
  passSurveyPath,
  REMINDER_COOLDOWN_MINUTES,
  type SendInput,
  type SendResult,
  surveyChannel,
} from '../../../contract/surveys.js';
import { authorize } from '../../core/access.js';
import { type Ctx, inTransaction } from '../../core/context.js';
import { conflict } from '../../core/errors.js';
import { publish } from '../../core/realtime.js';
import { recordAudit } from '../audit/audit.service.js';
import { assertFollowUpEditable, type EventRow, loadEvent } from '../events/events.guard.js';
import { enqueue } from '../notifications/outbox.service.js';
import { webhookSettings } from '../notifications/webhook-settings.js';
import { registrations } from '../registrations/registrations.table.js';
import { audienceSize, reachableAudienceWhere, type SurveyRow } from './surveys.audience.js';
import { surveysPolicy } from './surveys.policy.js';
import { ensureSurvey, findSurvey, openChanges } from './surveys.service.js';
import { surveyInvitations, surveyResponses, surveys } from './surveys.table.js';

type Person = typeof registrations.$inferSelect;

/** What every message of one send or reminder round shares (read once, not per person). */
type Round = { event: EventRow; survey: SurveyRow; associationName: string };

async function round(ctx: Ctx, event: EventRow, survey: SurveyRow): Promise<Round> {
  return { event, survey, associationName: (await webhookSettings(ctx)).associationName ?? '' };
}

/**
 * The e-mail to one person (other channels are group robots, not people). Messages go out in
 * the language of the staff member who sends them, as the other staff-triggered messages do.
 */
async function queueMessage(
  ctx: Ctx,
  { event, survey, associationName }: Round,
  person: Person,
  type: 'survey_invite' | 'survey_reminder',
  dedupeKey: string,
) {
  if (!person.email) return false;
  await enqueue(ctx, {
    channel: 'email',
    recipient: person.email,
    type,
    locale: ctx.lang,
    eventId: event.id,
    dedupeKey,
    params: {
      associationName,
      name: person.name,
      eventTheme: event.theme,
      eventDate: event.eventDate,
      surveyTitle: survey.definition.title,
      surveyUrl: `${ctx.config.publicUrl}${passSurveyPath(person.passToken)}`,
    },
  });
  return true;
}

/** Inserts rows in chunks (one statement per chunk instead of one per person). */
async function insertInvitations(ctx: Ctx, rows: (typeof surveyInvitations.$inferInsert)[]) {
  for (let i = 0; i < rows.length; i += 500)
    await ctx.db
      .insert(surveyInvitations)
      .values(rows.slice(i, i + 500))
      .onConflictDoNothing();
}

/** The audience that can be contacted, with their invitation (if any) and whether they answered. */
async function reachablePeople(ctx: Ctx, survey: SurveyRow) {
  return ctx.db
    .select({ person: registrations, invitation: surveyInvitations, responseId: surveyResponses.id })
    .from(registrations)
    .leftJoin(
      surveyInvitations,
      and(eq(surveyInvitations.surveyId, survey.id), eq(surveyInvitations.registrationId, registrations.id)),
    )
    .leftJoin(
      surveyResponses,
      and(eq(surveyResponses.surveyId, survey.id), eq(surveyResponses.registrationId, registrations.id)),
    )
    .where(reachableAudienceWhere(survey.eventId, survey.audience))
    .orderBy(registrations.unitName, registrations.name, registrations.id);
}

/**
 * `POST /events/:id/survey/send` — "send at closing": opens the survey (from draft or closed)
 * and queues `survey_invite` to every audience member not invited yet. Sending again invites
 * only the newcomers (e.g. walk-ins checked in since), so a double click sends nothing twice.
 */
export async function sendSurvey(ctx: Ctx, eventId: string, input: SendInput): Promise<SendResult> {
  authorize(ctx, surveysPolicy, 'manage');
  return inTransaction(ctx, async (tx) => {
    const event = await loadEvent(tx, eventId);
    assertFollowUpEditable(event);
    await ensureSurvey(tx, event);
    let survey = (await findSurvey(tx, eventId, true))!;
    const now = tx.clock.now();
    [survey] = await tx.db
      .update(surveys)
      .set({
        ...openChanges(tx, event, survey),
        ...(input.audience ? { audience: input.audience } : {}),
        sentAt: now,
        updatedAt: now,
      })
      .where(eq(surveys.id, survey.id))
      .returning();

    const people = await reachablePeople(tx, survey);
    const newcomers = people.filter((p) => !p.invitation).map((p) => p.person);
    await insertInvitations(
      tx,
      newcomers.map((person) => ({ surveyId: survey.id, registrationId: person.id, invitedAt: now })),
    );
    const shared = await round(tx, event, survey);
    let queued = 0;
    for (const person of newcomers)
      if (await queueMessage(tx, shared, person, 'survey_invite', `survey_invite:${survey.id}:${person.id}`))
        queued++;
    const skipped = people.length - newcomers.length;
    const unreachable = newcomers.length - queued;
    const result: SendResult = {
      status: survey.status,
      audience: await audienceSize(tx, eventId, survey.audience),
      queued,
      skipped,
      unreachable,
    };
    await recordAudit(tx, {
      action: 'survey.send',
      entityType: 'survey',
      entityId: survey.id,
      after: result,
    });
    await publish(tx, surveyChannel(eventId), 'survey', { kind: 'status' });
    return result;
  });
}

/**
 * `POST /events/:id/survey/remind` — queues `survey_reminder` to the audience members who have
 * not answered, except those messaged (invited or reminded) in the last
 * REMINDER_COOLDOWN_MINUTES: pressing the button twice sends one reminder.
 */
export async function remindNonRespondents(ctx: Ctx, eventId: string): Promise<SendResult> {
  authorize(ctx, surveysPolicy, 'manage');
  return inTransaction(ctx, async (tx) => {
    const event = await loadEvent(tx, eventId);
    assertFollowUpEditable(event);
    const survey = await findSurvey(tx, eventId, true);
    if (survey?.status !== 'open') throw conflict('surveys.not_open');
    const now = tx.clock.now();
    const since = now.getTime() - REMINDER_COOLDOWN_MINUTES * 60_000;

    let skipped = 0;
    let unreachable = 0;
    const due: { person: Person; invitation: typeof surveyInvitations.$inferSelect | null }[] = [];
    for (const { person, invitation, responseId } of await reachablePeople(tx, survey)) {
      if (responseId) continue;
      const last = invitation
        ? Math.max(invitation.invitedAt.getTime(), invitation.lastRemindedAt?.getTime() ?? 0)
        : 0;
      // No address is the lasting reason: waiting out the cooldown would not reach them either.
      if (!person.email) unreachable++;
      else if (last > since) skipped++;
      else due.push({ person, invitation });
    }
    const shared = await round(tx, event, survey);
    for (const { person, invitation } of due) {
      const number = (invitation?.reminders ?? 0) + 1;
      await queueMessage(
        tx,
        shared,
        person,
        'survey_reminder',
        `survey_reminder:${survey.id}:${person.id}:${number}`,
      );
    }
    const invited = due.flatMap((d) => (d.invitation ? [d.invitation.id] : []));
    for (let i = 0; i < invited.length; i += 500)
      await tx.db
        .update(surveyInvitations)
        .set({ reminders: sql`${surveyInvitations.reminders} + 1`, lastRemindedAt: now })
        .where(inArray(surveyInvitations.id, invited.slice(i, i + 500)));
    await insertInvitations(
      tx,
      due
        .filter((d) => !d.invitation)
        .map(({ person }) => ({
          surveyId: survey.id,
          registrationId: person.id,
          invitedAt: now,
          lastRemindedAt: now,
          reminders: 1,
        })),
    );
    const queued = due.length;
    const result: SendResult = {
      status: survey.status,
      audience: await audienceSize(tx, eventId, survey.audience),
      queued,
      skipped,
      unreachable,
    };
    await recordAudit(tx, {
      action: 'survey.remind',
      entityType: 'survey',
      entityId: survey.id,
      after: result,
    });
    return result;
  });
}
