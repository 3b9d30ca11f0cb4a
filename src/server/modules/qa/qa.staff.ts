import { eq } from 'drizzle-orm';
import {
  type EditQuestionInput,
  type PreparedInput,
  QA_STATUSES,
  type QaSettings,
  type QaSettingsInput,
  type QaSort,
  qaStaffChannel,
  type StaffBoard,
  type StaffQuestion,
} from '../../../contract/qa.js';
import { authorize } from '../../core/access.js';
import { newToken } from '../../core/auth/tokens.js';
import { type Ctx, inTransaction } from '../../core/context.js';
import { conflict } from '../../core/errors.js';
import { publish } from '../../core/realtime.js';
import { recordAudit } from '../audit/audit.service.js';
import { assertFollowUpEditable, loadEvent } from '../events/events.guard.js';
import { announceQuestion } from './qa.announce.js';
import { qaPolicy } from './qa.policy.js';
import {
  isVisible,
  lastEventIdOf,
  presentStaff,
  questionOf,
  questionsOf,
  sortQuestions,
} from './qa.present.js';
import { lockQa, presentSettings, settingsOf } from './qa.settings.js';
import { qaQuestions, qaSettings } from './qa.table.js';

/** `GET /events/:id/qa`: every question of the event, for moderation. */
export async function staffBoard(ctx: Ctx, eventId: string, sort: QaSort): Promise<StaffBoard> {
  authorize(ctx, qaPolicy, 'read');
  const event = await loadEvent(ctx, eventId);
  const settings = await settingsOf(ctx, eventId);
  const lastEventId = await lastEventIdOf(ctx, qaStaffChannel(eventId));
  const questions = (await questionsOf(ctx, eventId)).map(presentStaff);
  const counts = Object.fromEntries(QA_STATUSES.map((s) => [s, 0])) as StaffBoard['counts'];
  for (const q of questions) counts[q.status] += 1;
  return {
    eventId,
    slug: event.slug,
    theme: event.theme,
    settings: presentSettings(settings),
    counts,
    lastEventId,
    questions: sortQuestions(questions, sort),
  };
}

/**
 * Opens a staff write: role, event (404), not archived, and the event's Q&A lock (every Q&A write
 * takes it first, see lockQa).
 */
export async function staffWrite<T>(
  ctx: Ctx,
  eventId: string,
  fn: (tx: Ctx, settings: Awaited<ReturnType<typeof lockQa>>) => Promise<T>,
): Promise<T> {
  authorize(ctx, qaPolicy, 'moderate');
  return inTransaction(ctx, async (tx) => {
    assertFollowUpEditable(await loadEvent(tx, eventId));
    return fn(tx, await lockQa(tx, eventId));
  });
}

async function saveSettings(tx: Ctx, eventId: string, values: Partial<typeof qaSettings.$inferInsert>) {
  const [row] = await tx.db
    .update(qaSettings)
    .set({ ...values, updatedAt: tx.clock.now() })
    .where(eq(qaSettings.eventId, eventId))
    .returning();
  const settings = presentSettings(row);
  await publish(tx, qaStaffChannel(eventId), 'settings', settings);
  return settings;
}

/** `PATCH /events/:id/qa/settings` */
export async function updateSettings(ctx: Ctx, eventId: string, input: QaSettingsInput): Promise<QaSettings> {
  return staffWrite(ctx, eventId, async (tx, before) => {
    const settings = await saveSettings(tx, eventId, input);
    await recordAudit(tx, {
      action: 'qa.settings',
      entityType: 'event',
      entityId: eventId,
      before: { preModeration: before.preModeration, open: before.open },
      after: { preModeration: settings.preModeration, open: settings.open },
    });
    return settings;
  });
}

/** `POST /events/:id/qa/settings/screen-key`: the old presenter link stops working. */
export async function rotateScreenKey(ctx: Ctx, eventId: string): Promise<QaSettings> {
  return staffWrite(ctx, eventId, async (tx) => {
    const settings = await saveSettings(tx, eventId, { screenKey: newToken() });
    await recordAudit(tx, { action: 'qa.screen_key', entityType: 'event', entityId: eventId });
    return settings;
  });
}

/** `POST /events/:id/qa/questions`: the association's own prepared question, shown at once. */
export async function addPrepared(ctx: Ctx, eventId: string, input: PreparedInput): Promise<StaffQuestion> {
  return staffWrite(ctx, eventId, async (tx) => {
    const now = tx.clock.now();
    const [row] = await tx.db
      .insert(qaQuestions)
      .values({
        eventId,
        source: 'prepared',
        createdBy: tx.actor?.userId ?? null,
        text: input.text,
        status: 'approved',
        approvedAt: now,
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    await recordAudit(tx, { action: 'qa.add', entityType: 'qa_question', entityId: row.id, after: input });
    return presentStaff(await announceQuestion(tx, eventId, row.id, false));
  });
}

/** `PATCH /events/:id/qa/questions/:questionId`: corrects the text (not of a merged duplicate). */
export async function editQuestion(
  ctx: Ctx,
  eventId: string,
  questionId: string,
  input: EditQuestionInput,
): Promise<StaffQuestion> {
  return staffWrite(ctx, eventId, async (tx) => {
    const before = await questionOf(tx, eventId, questionId);
    if (before.status === 'merged') throw conflict('qa.question_merged');
    if (before.text === input.text) return presentStaff(before);
    await tx.db
      .update(qaQuestions)
      .set({ text: input.text, updatedAt: tx.clock.now() })
      .where(eq(qaQuestions.id, questionId));
    await recordAudit(tx, {
      action: 'qa.edit',
      entityType: 'qa_question',
      entityId: questionId,
      before: { text: before.text },
      after: { text: input.text },
    });
    return presentStaff(await announceQuestion(tx, eventId, questionId, isVisible(before.status)));
  });
}
