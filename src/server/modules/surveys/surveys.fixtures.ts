import { eq } from 'drizzle-orm';
import type { RegistrationStatus } from '../../../contract/registrations.js';
import type { Answers, SurveyDefinition } from '../../../contract/surveys.js';
import type { Database } from '../../db/client.js';
import type { TestApp } from '../../test/harness.js';
import { checkins } from '../checkin/checkin.table.js';
import { buildPass } from '../observations/observations.fixtures.js';
import { buildOpenEvent } from '../registrations/registrations.factories.js';
import { registrations } from '../registrations/registrations.table.js';
import { surveyResponses, surveys } from './surveys.table.js';
import { defaultSurvey } from './surveys.template.js';

/** A published event with one site. */
export async function buildSurveyEvent(t: TestApp) {
  const built = await buildOpenEvent(t);
  return { ...built, eventSiteId: built.event.sites[0].id };
}

/** A confirmed pass (with an e-mail address unless told otherwise), checked in when `arrived`. */
export async function buildAttendee(
  db: Database,
  event: { id: string },
  eventSiteId: string,
  opts: {
    arrived?: boolean;
    status?: RegistrationStatus;
    email?: string | null;
    mobile?: string | null;
  } = {},
) {
  const pass = await buildPass(db, event, eventSiteId, opts.status ?? 'confirmed');
  const [row] = await db.db
    .update(registrations)
    .set({
      email: opts.email === undefined ? `p${pass.id.slice(0, 8)}@example.com` : opts.email,
      mobile: opts.mobile === undefined ? null : opts.mobile,
    })
    .where(eq(registrations.id, pass.id))
    .returning();
  if (opts.arrived ?? true) {
    const now = new Date();
    await db.db.insert(checkins).values({
      eventId: event.id,
      eventSiteId,
      registrationId: pass.id,
      method: 'search',
      scannedAt: now,
      receivedAt: now,
    });
  }
  return row;
}

/** A survey row stored directly (the service tests go through the API instead). */
export async function insertSurvey(
  db: Database,
  eventId: string,
  overrides: Partial<typeof surveys.$inferInsert> = {},
  definition: SurveyDefinition = defaultSurvey('zh-CN', '测试活动'),
) {
  const [row] = await db.db
    .insert(surveys)
    .values({ eventId, definition, status: 'open', openedAt: new Date(), ...overrides })
    .returning();
  return row;
}

export async function insertResponse(
  db: Database,
  surveyId: string,
  registrationId: string,
  answers: Answers,
) {
  await db.db.insert(surveyResponses).values({ surveyId, registrationId, answers, submittedAt: new Date() });
}
