import { and, eq, isNull, lt, sql } from 'drizzle-orm';
import type { PassUpdate } from '../../../contract/registrations.js';
import { type Ctx, inTransaction } from '../../core/context.js';
import { conflict } from '../../core/errors.js';
import { checkins } from '../checkin/checkin.table.js';
import { eventSites, events } from '../events/events.table.js';
import { groups } from '../groups/groups.table.js';
import { eraseObservations, exportObservations } from '../observations/observations.privacy.js';
import { eraseQa, exportQa } from '../qa/qa.privacy.js';
import { sites } from '../sites/sites.table.js';
import { passSurveySummary } from '../surveys/surveys.pass-summary.js';
import { eraseSurveyResponse, exportSurveyResponse, stripSurveyTexts } from '../surveys/surveys.privacy.js';
import { users } from '../users/users.table.js';
import { fieldsOf, settingsOf, validateAnswers } from './registration-form.js';
import {
  cancelRegistration,
  lockEvent,
  moveRegistration,
  registrationByToken,
  waitlistPosition,
} from './registrations.service.js';
import { registrations } from './registrations.table.js';

/** The registrant may change or cancel until the deadline, and never after cancelling. */
function assertChangeable(
  ctx: Ctx,
  event: typeof events.$inferSelect,
  reg: typeof registrations.$inferSelect,
) {
  if (reg.status === 'cancelled') throw conflict('registration.already_cancelled');
  if (
    ctx.clock.now() >= event.registrationDeadline ||
    !['published', 'registration_closed'].includes(event.status)
  ) {
    throw conflict('pass.locked');
  }
}

export async function getPass(ctx: Ctx, token: string) {
  const reg = await registrationByToken(ctx, token);
  const [event] = await ctx.db.select().from(events).where(eq(events.id, reg.eventId));
  const [site] = await ctx.db
    .select({ name: sites.name, address: sites.address })
    .from(eventSites)
    .innerJoin(sites, eq(sites.id, eventSites.siteId))
    .where(eq(eventSites.id, reg.eventSiteId));
  const [group] = reg.groupId
    ? await ctx.db
        .select({
          name: groups.name,
          guideName: groups.guideName,
          guidePhone: groups.guidePhone,
          guideUser: users.name,
        })
        .from(groups)
        .leftJoin(users, eq(users.id, groups.guideUserId))
        .where(eq(groups.id, reg.groupId))
    : [];
  const [checkin] = await ctx.db
    .select({ at: checkins.scannedAt })
    .from(checkins)
    .where(and(eq(checkins.registrationId, reg.id), isNull(checkins.undoneAt)));
  const now = ctx.clock.now();
  return {
    registration: {
      id: reg.id,
      status: reg.status,
      waitlistPosition: await waitlistPosition(ctx, reg),
      name: reg.name,
      unitName: reg.unitName,
      memberUnitId: reg.memberUnitId,
      position: reg.position,
      mobile: reg.mobile,
      email: reg.email,
      focusDimensionIds: reg.focusDimensionIds,
      questions: reg.questions,
      answers: reg.answers,
      eventSiteId: reg.eventSiteId,
      siteName: site?.name ?? '',
      siteAddress: site?.address ?? null,
      groupId: reg.groupId,
      groupName: group?.name ?? null,
      guideName: group ? (group.guideUser ?? group.guideName ?? null) : null,
      guidePhone: group?.guidePhone ?? null,
      checkedInAt: checkin?.at.toISOString() ?? null,
      consentedAt: reg.consentedAt?.toISOString() ?? null,
      createdAt: reg.createdAt.toISOString(),
    },
    event: {
      id: event.id,
      slug: event.slug,
      theme: event.theme,
      eventDate: event.eventDate,
      format: event.format,
      status: event.status,
      meetingPoint: event.meetingPoint,
      contactName: event.contactName,
      contactPhone: event.contactPhone,
      notes: event.notes,
      registrationDeadline: event.registrationDeadline.toISOString(),
    },
    canChange:
      reg.status !== 'cancelled' &&
      now < event.registrationDeadline &&
      ['published', 'registration_closed'].includes(event.status),
    retentionDays: (await settingsOf(ctx, event.id)).retentionDays,
    survey: await passSurveySummary(ctx, event.id, reg.id),
  };
}

export async function updatePass(ctx: Ctx, token: string, input: PassUpdate) {
  await inTransaction(ctx, async (tx) => {
    const reg = await registrationByToken(tx, token);
    const event = await lockEvent(tx, reg.eventId);
    assertChangeable(tx, event, reg);
    const answers = input.answers ? validateAnswers(await fieldsOf(tx, event.id), input.answers) : undefined;
    const { eventSiteId, ...fields } = input;
    await tx.db
      .update(registrations)
      .set({ ...fields, ...(answers ? { answers } : {}), updatedAt: tx.clock.now() })
      .where(eq(registrations.id, reg.id));
    if (eventSiteId && eventSiteId !== reg.eventSiteId) await moveRegistration(tx, reg, eventSiteId);
  });
  return getPass(ctx, token);
}

export async function cancelPass(ctx: Ctx, token: string) {
  const reg = await registrationByToken(ctx, token);
  const [event] = await ctx.db.select().from(events).where(eq(events.id, reg.eventId));
  assertChangeable(ctx, event, reg);
  await cancelRegistration(ctx, reg, null);
  return getPass(ctx, token);
}

/** 个人信息导出: everything stored about the person for this registration. */
export async function exportPass(ctx: Ctx, token: string) {
  const pass = await getPass(ctx, token);
  const reg = await registrationByToken(ctx, token);
  return {
    exportedAt: ctx.clock.now().toISOString(),
    event: pass.event,
    registration: {
      ...pass.registration,
      consentVersion: reg.consentVersion,
      updatedAt: reg.updatedAt.toISOString(),
    },
    observations: await exportObservations(ctx, reg.id),
    qa: await exportQa(ctx, reg.id),
    survey: await exportSurveyResponse(ctx, reg.id),
  };
}

const ERASED_NAME = '（已删除）';

/** Replaces the personal data of the given registrations; the seat statistics stay. */
async function anonymise(ctx: Ctx, where: ReturnType<typeof eq>) {
  return ctx.db
    .update(registrations)
    .set({
      name: ERASED_NAME,
      mobile: null,
      email: null,
      position: null,
      questions: null,
      answers: {},
      passToken: sql`'erased-' || gen_random_uuid()`,
      anonymizedAt: ctx.clock.now(),
      updatedAt: ctx.clock.now(),
    })
    .where(where)
    .returning({ id: registrations.id });
}

/** 删除个人信息 at the person's request: cancels first when the seat is still active. */
export async function erasePass(ctx: Ctx, token: string) {
  const reg = await registrationByToken(ctx, token);
  if (reg.status !== 'cancelled') {
    const [event] = await ctx.db.select().from(events).where(eq(events.id, reg.eventId));
    if (event.status === 'published' || event.status === 'registration_closed')
      await cancelRegistration(ctx, reg, 'erased');
  }
  const { removeBytes } = await inTransaction(ctx, async (tx) => {
    const erased = await eraseObservations(tx, reg.id);
    await eraseQa(tx, reg.id);
    await eraseSurveyResponse(tx, reg.id);
    await anonymise(tx, eq(registrations.id, reg.id));
    return erased;
  });
  await removeBytes();
}

/**
 * The retention job: erases personal data of events whose date plus the event's retention period
 * has passed. Idempotent; run daily by the server and testable with a frozen clock.
 */
export async function eraseExpiredPersonalData(ctx: Ctx) {
  const today = ctx.clock.now();
  const due = await ctx.db
    .select({ id: events.id, eventDate: events.eventDate })
    .from(events)
    .where(lt(events.eventDate, today.toISOString().slice(0, 10)));
  let erased = 0;
  for (const event of due) {
    const { retentionDays } = await settingsOf(ctx, event.id);
    const expiresAt = new Date(`${event.eventDate}T00:00:00+08:00`).getTime() + retentionDays * 86400000;
    if (expiresAt > today.getTime()) continue;
    const pending = and(eq(registrations.eventId, event.id), isNull(registrations.anonymizedAt))!;
    const { rows, removals } = await inTransaction(ctx, async (tx) => {
      const people = await tx.db.select({ id: registrations.id }).from(registrations).where(pending);
      const removals = [];
      for (const person of people) {
        removals.push(await eraseObservations(tx, person.id));
        await eraseQa(tx, person.id);
        await stripSurveyTexts(tx, person.id);
      }
      return { rows: await anonymise(tx, pending), removals };
    });
    for (const removal of removals) await removal.removeBytes();
    erased += rows.length;
  }
  return { erased };
}

/** A calendar entry (RFC 5545) for the pass holder. */
export function passCalendar(
  pass: Awaited<ReturnType<typeof getPass>>,
  passUrl: string,
  startMinute: number | null,
  endMinute: number | null,
) {
  const day = pass.event.eventDate.replaceAll('-', '');
  const time = (m: number) =>
    `${String(Math.floor(m / 60)).padStart(2, '0')}${String(m % 60).padStart(2, '0')}00`;
  const start = startMinute ?? (pass.event.format === 'half_day' ? 13 * 60 + 30 : 9 * 60);
  const end = endMinute ?? 17 * 60;
  const icsText = (s: string) => s.replace(/([,;\\])/g, '\\$1').replace(/\n/g, '\\n');
  return [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Guanmo//Pass//ZH',
    'CALSCALE:GREGORIAN',
    'BEGIN:VTIMEZONE',
    'TZID:Asia/Shanghai',
    'BEGIN:STANDARD',
    'DTSTART:19700101T000000',
    'TZOFFSETFROM:+0800',
    'TZOFFSETTO:+0800',
    'TZNAME:CST',
    'END:STANDARD',
    'END:VTIMEZONE',
    'BEGIN:VEVENT',
    `UID:${pass.registration.id}@guanmo`,
    `DTSTAMP:${new Date().toISOString().replace(/[-:]/g, '').slice(0, 15)}Z`,
    `DTSTART;TZID=Asia/Shanghai:${day}T${time(start)}`,
    `DTEND;TZID=Asia/Shanghai:${day}T${time(end)}`,
    `SUMMARY:${icsText(pass.event.theme)}`,
    `LOCATION:${icsText(pass.event.meetingPoint ?? pass.registration.siteAddress ?? pass.registration.siteName)}`,
    `DESCRIPTION:${icsText(`${pass.registration.siteName}\n${passUrl}`)}`,
    `URL:${passUrl}`,
    'END:VEVENT',
    'END:VCALENDAR',
    '',
  ].join('\r\n');
}
