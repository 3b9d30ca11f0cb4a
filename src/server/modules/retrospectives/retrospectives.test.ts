import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../../../contract/common.js';
import type { Retrospective } from '../../../contract/retrospectives.js';
import type { Ctx } from '../../core/context.js';
import { AppError } from '../../core/errors.js';
import { buildUser } from '../../test/factories.js';
import { actorOf, createTestApp, type TestApp } from '../../test/harness.js';
import { applyAgendaTemplate } from '../agenda/agenda.service.js';
import { auditLog } from '../audit/audit.table.js';
import { scan } from '../checkin/checkin.service.js';
import { buildSite } from '../events/events.factories.js';
import { files } from '../files/files.table.js';
import { buildObservedEvent, buildPass, setEventStatus } from '../observations/observations.fixtures.js';
import { deleteNote, putNote, putObservation } from '../observations/observations.service.js';
import { notePhotos } from '../observations/observations.table.js';
import { qaQuestions } from '../qa/qa.table.js';
import { buildOpenEvent } from '../registrations/registrations.factories.js';
import { getRunOfShow, markItem } from '../run-of-show/run-of-show.service.js';
import { insertResponse, insertSurvey } from '../surveys/surveys.fixtures.js';
import {
  addAction,
  deleteAction,
  getRetrospective,
  saveNotes,
  updateAction,
} from './retrospectives.service.js';

const DAY = '2026-12-18';
const cst = (time: string) => `${DAY}T${time}:00+08:00`;

let t: TestApp;
let staffCtx: Ctx;
beforeAll(async () => {
  t = await createTestApp();
  // The evening of the event day: every scan and mark below lies in the past.
  t.clock.set(cst('18:00'));
  staffCtx = t.ctx(actorOf(await buildUser(t.database, { role: 'staff' })));
});
afterAll(() => t.close());

const ctxAs = async (role: Role, overrides: Record<string, unknown> = {}) =>
  t.ctx(actorOf(await buildUser(t.database, { role, ...overrides })));

async function codeOf(promise: Promise<unknown>) {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AppError) return `${error.status} ${error.code}`;
    throw error;
  }
  return 'ok';
}

/** A photo row of a note (the file's bytes are not needed to count it). */
async function attachPhoto(noteId: string, registrationId: string, position: number) {
  const [file] = await t.database.db
    .insert(files)
    .values({
      storageKey: `retro-test/${randomUUID()}.jpg`,
      mime: 'image/jpeg',
      bytes: 1000,
      sha256: randomUUID().replaceAll('-', ''),
    })
    .returning();
  await t.database.db
    .insert(notePhotos)
    .values({ id: randomUUID(), noteId, registrationId, fileId: file.id, position });
}

let tick = 0;
const clientTime = () => new Date(Date.parse(cst('15:00')) + ++tick * 1000).toISOString();

/**
 * The seed's half-day agenda (集合签到 13:30–14:00 first); 7 registrations: 4 confirmed, one each
 * cancelled, waitlisted and pending. Three confirmed check in (13:40, 13:55, and 14:10 — late); the
 * fourth never comes. Three items are marked: on time, 10 minutes over, 3 minutes late both ends.
 * Two attendees observe: 4 ratings, 3 live notes (one deleted note left out), 2 photos. Two
 * questions asked (one answered, 3 votes), a third hidden. The survey: two of the three arrived answer.
 */
async function scenario() {
  const { event, eventSiteId, version } = await buildObservedEvent(t);
  await applyAgendaTemplate(staffCtx, event.id, 'half_day');
  const pass = (status?: 'cancelled' | 'waitlisted' | 'pending') =>
    buildPass(t.database, event, eventSiteId, status);
  const [a, b, c, d] = [await pass(), await pass(), await pass(), await pass()];
  await pass('cancelled');
  await pass('waitlisted');
  await pass('pending');

  for (const [reg, time] of [
    [a, '13:40'],
    [b, '13:55'],
    [c, '14:10'],
  ] as const) {
    const result = await scan(staffCtx, event.id, {
      nonce: `retro-${randomUUID()}`,
      registrationId: reg.id,
      method: 'search',
      scannedAt: cst(time),
    });
    expect(result.code).toBe('checked_in');
  }

  const show = await getRunOfShow(staffCtx, event.id);
  const item = (title: string) => show.items.find((i) => i.title === title)?.agendaItemId ?? '';
  const mark = (title: string, edge: 'start' | 'end', time: string) =>
    markItem(staffCtx, event.id, item(title), edge, { at: cst(time) });
  await mark('集合签到', 'start', '13:30');
  await mark('集合签到', 'end', '14:00'); // on time
  await mark('欢迎致辞', 'start', '14:02');
  await mark('欢迎致辞', 'end', '14:25'); // planned end 14:15: 10 minutes over
  await mark('实地参观', 'start', '14:18');
  await mark('实地参观', 'end', '15:33'); // 3 late, 3 over: within the 5-minute tolerance

  const points = version.dimensions.flatMap((dim) => dim.points);
  const observe = (token: string, pointId: string, score: number | null, na = false) =>
    putObservation(staffCtx, token, randomUUID(), {
      pointId,
      score,
      na,
      answers: [],
      updatedAt: clientTime(),
    });
  await observe(a.passToken, points[0].id, 4);
  await observe(a.passToken, points[1].id, 5);
  await observe(a.passToken, points[2].id, null, true); // N/A counts as a rating
  await observe(b.passToken, points[0].id, 3);
  await observe(b.passToken, points[3].id, null); // neither scored nor N/A: not a rating

  const note = async (token: string, kind: 'highlight' | 'problem' | 'suggestion') => {
    const id = randomUUID();
    await putNote(staffCtx, token, id, {
      kind,
      text: `${kind} 的记录`,
      shared: true,
      pointId: points[0].id,
      routeStopId: null,
      sentToQa: false,
      updatedAt: clientTime(),
    });
    return id;
  };
  const highlight = await note(a.passToken, 'highlight');
  await note(a.passToken, 'problem');
  await note(b.passToken, 'suggestion');
  const gone = await note(b.passToken, 'problem');
  await deleteNote(staffCtx, b.passToken, gone);
  await attachPhoto(highlight, a.id, 0);
  await attachPhoto(highlight, a.id, 1);

  // Q&A rows as the Q&A module stores them: a hidden question does not count as asked.
  await t.database.db.insert(qaQuestions).values([
    { eventId: event.id, source: 'live', text: '如何平衡服务品质与运营成本？', status: 'answered', votes: 2 },
    { eventId: event.id, source: 'registration', text: '智慧平台投入多少？', status: 'approved', votes: 1 },
    { eventId: event.id, source: 'live', text: '广告', status: 'hidden', votes: 0 },
  ]);

  // The default survey, opened to the arrived (a, b, c); a and b answer.
  const survey = await insertSurvey(t.database, event.id);
  const grid = { notice: 5, signin: 5, schedule: 3, route: 4, service: 5 };
  await insertResponse(t.database, survey.id, a.id, {
    overall: 5,
    organisation: grid,
    content_value: 4,
    gain_level: 'great',
    nps: 10,
  });
  await insertResponse(t.database, survey.id, b.id, {
    overall: 3,
    organisation: grid,
    content_value: 2,
    gain_level: 'some',
    nps: 6,
  });
  return { event, eventSiteId, a, b, c, d };
}

describe('figures from a real scenario', () => {
  let retro: Retrospective;
  beforeAll(async () => {
    const { event } = await scenario();
    retro = await getRetrospective(staffCtx, event.id);
  });

  it('registrations → confirmed → arrived, with rates', () => {
    expect(retro.figures.attendance).toMatchObject({
      registered: 7,
      cancelled: 1,
      waitlisted: 1,
      pending: 1,
      confirmed: 4,
      arrived: 3,
      confirmedRate: 0.571, // 4 / 7
      arrivalRate: 0.75, // 3 / 4
    });
  });

  it('late arrivals: checked in after the sign-in slot ended (14:00)', () => {
    expect(retro.figures.attendance.lateAfter).toBe('14:00');
    expect(retro.figures.attendance.late).toBe(1);
    expect(retro.figures.attendance.lateRate).toBe(0.333);
  });

  it('agenda on-time rate and total overrun come from the run of show', () => {
    expect(retro.figures.agenda).toEqual({
      items: 5, // 17:00 活动结束 has no duration
      finished: 3,
      onTime: 2,
      onTimeRate: 0.667,
      totalOverrunMinutes: 13, // 0 + 10 + 3
    });
  });

  it('observations, notes by kind and photos, per arrived attendee', () => {
    expect(retro.figures.observations).toEqual({
      observers: 2,
      ratings: 4,
      notes: 3,
      highlights: 1,
      problems: 1,
      suggestions: 1,
      photos: 2,
      observerRate: 0.667, // 2 of 3 arrived
      ratingsPerAttendee: 1.33,
      notesPerAttendee: 1,
      photosPerAttendee: 0.67,
    });
  });

  it('questions asked and answered come from the Q&A module', () => {
    expect(retro.figures.qa).toEqual({
      asked: 2,
      answered: 1,
      answeredRate: 0.5,
      votes: 3,
      bySource: { prepared: 0, registration: 1, observation: 0, live: 1 },
    });
  });
  it('survey response rate, satisfaction average and NPS come from the survey module', () => {
    expect(retro.figures.survey).toEqual({
      invited: 3, // the arrived
      responses: 2,
      responseRate: 0.667,
      // overall mean 4, content mean 3, matrix rows 5 5 3 4 5: 29 / 7
      satisfactionAverage: 4.14,
      nps: 0, // one promoter (10), one detractor (6) of two
    });
  });
});

describe('edge cases', () => {
  it('an event nobody registered for: zeros, and rates null (not NaN)', async () => {
    const { event } = await buildOpenEvent(t);
    const { figures } = await getRetrospective(staffCtx, event.id);
    expect(figures.attendance).toEqual({
      registered: 0,
      cancelled: 0,
      waitlisted: 0,
      pending: 0,
      confirmed: 0,
      arrived: 0,
      late: null, // no agenda: nothing to be late against
      lateAfter: null,
      confirmedRate: null,
      arrivalRate: null,
      lateRate: null,
    });
    expect(figures.agenda).toEqual({
      items: 0,
      finished: 0,
      onTime: 0,
      onTimeRate: null,
      totalOverrunMinutes: 0,
    });
    expect(figures.observations.observerRate).toBeNull();
    expect(figures.observations.ratingsPerAttendee).toBeNull();
    expect(figures.observations.photosPerAttendee).toBeNull();
    expect(figures.qa).toMatchObject({ asked: 0, answered: 0, answeredRate: null });
    expect(figures.survey).toEqual({
      invited: 0,
      responses: 0,
      responseRate: null,
      satisfactionAverage: null,
      nps: null,
    });
    expect(JSON.stringify(figures)).not.toContain('NaN');
  });

  it('confirmed but nobody arrived: arrival rate 0, late rate null', async () => {
    const { event, eventSiteId } = await buildObservedEvent(t);
    await applyAgendaTemplate(staffCtx, event.id, 'half_day');
    await buildPass(t.database, event, eventSiteId);
    const { attendance } = (await getRetrospective(staffCtx, event.id)).figures;
    expect(attendance).toMatchObject({ confirmed: 1, arrived: 0, arrivalRate: 0, late: 0, lateRate: null });
  });

  it('without a sign-in item, late means after the first item started', async () => {
    const { event, eventSiteId } = await buildObservedEvent(t);
    const { addAgendaItem } = await import('../agenda/agenda.service.js');
    await addAgendaItem(staffCtx, event.id, {
      start: '09:00',
      end: '09:30',
      type: 'welcome',
      title: '开场',
      speaker: null,
      place: null,
      notes: null,
    });
    const reg = await buildPass(t.database, event, eventSiteId);
    await scan(staffCtx, event.id, {
      nonce: `retro-${randomUUID()}`,
      registrationId: reg.id,
      method: 'search',
      scannedAt: cst('09:01'),
    });
    const { attendance } = (await getRetrospective(staffCtx, event.id)).figures;
    expect(attendance).toMatchObject({ lateAfter: '09:00', arrived: 1, late: 1, lateRate: 1 });
  });
});

describe('notes', () => {
  it('saves keep / improve / summary with a version; a stale version is refused (409)', async () => {
    const { event } = await buildOpenEvent(t);
    const first = await saveNotes(staffCtx, event.id, {
      keep: '签到分流顺畅',
      improve: '欢迎致辞超时',
      summary: null,
      version: 0,
    });
    expect(first.notes).toMatchObject({
      keep: '签到分流顺畅',
      improve: '欢迎致辞超时',
      summary: null,
      version: 1,
    });
    expect(first.notes.updatedByName).toBe(staffCtx.actor?.name);
    const second = await saveNotes(staffCtx, event.id, {
      keep: '签到分流顺畅',
      improve: null,
      summary: '总体顺利',
      version: 1,
    });
    expect(second.notes).toMatchObject({ improve: null, summary: '总体顺利', version: 2 });
    expect(await codeOf(saveNotes(staffCtx, event.id, { keep: '旧稿', version: 1 }))).toBe(
      '409 retrospectives.notes_changed',
    );
    expect((await getRetrospective(staffCtx, event.id)).notes.keep).toBe('签到分流顺畅');
    const audits = await t.database.db
      .select()
      .from(auditLog)
      .where(
        and(eq(auditLog.action, 'retrospectives.save_notes'), eq(auditLog.actorId, staffCtx.actor!.userId)),
      );
    expect(audits.length).toBeGreaterThanOrEqual(2);
  });

  it('an archived event is read-only (409 events.locked)', async () => {
    const { event } = await buildOpenEvent(t);
    await setEventStatus(t.database, event.id, 'archived');
    expect(await codeOf(saveNotes(staffCtx, event.id, { keep: 'x', version: 0 }))).toBe('409 events.locked');
    const retro = await getRetrospective(staffCtx, event.id);
    expect(retro.editable).toBe(false);
  });
});

describe('actions', () => {
  it('add, edit, mark done (doneAt kept), reopen, delete — audited; overdue when open and past due', async () => {
    const { event } = await buildOpenEvent(t);
    const owner = await buildUser(t.database, { role: 'staff' });
    let retro = await addAction(staffCtx, event.id, {
      title: '致辞控制在10分钟内',
      ownerName: owner.name,
      ownerUserId: owner.id,
      dueDate: '2026-12-01', // before today (2026-12-18)
      status: 'open',
    });
    retro = await addAction(staffCtx, event.id, {
      title: '提前一天确认设备',
      ownerName: '项目经理王工',
      dueDate: '2027-01-10',
      status: 'open',
    });
    expect(retro.actions.map((a) => [a.title, a.overdue])).toEqual([
      ['致辞控制在10分钟内', true],
      ['提前一天确认设备', false],
    ]);
    const id = retro.actions[0].id;
    retro = await updateAction(staffCtx, event.id, id, { status: 'done' });
    const done = retro.actions.find((a) => a.id === id)!;
    expect(done).toMatchObject({ status: 'done', overdue: false, ownerUserId: owner.id });
    expect(done.doneAt).toBe(t.clock.now().toISOString());
    retro = await updateAction(staffCtx, event.id, id, { title: '致辞控制在8分钟内' });
    expect(retro.actions.find((a) => a.id === id)?.doneAt).toBe(done.doneAt);
    retro = await updateAction(staffCtx, event.id, id, { status: 'open', ownerUserId: null });
    expect(retro.actions.find((a) => a.id === id)).toMatchObject({
      status: 'open',
      doneAt: null,
      ownerUserId: null,
    });
    retro = await deleteAction(staffCtx, event.id, id);
    expect(retro.actions.map((a) => a.title)).toEqual(['提前一天确认设备']);
    const actions = (
      await t.database.db.select({ action: auditLog.action }).from(auditLog).where(eq(auditLog.entityId, id))
    ).map((r) => r.action);
    expect(actions).toEqual(
      expect.arrayContaining([
        'retrospectives.add_action',
        'retrospectives.update_action',
        'retrospectives.delete_action',
      ]),
    );
  });

  it('an owner user must be active staff or admin (400 retrospectives.owner_invalid)', async () => {
    const { event } = await buildOpenEvent(t);
    const member = await buildUser(t.database, { role: 'member' });
    const disabled = await buildUser(t.database, { role: 'staff', disabledAt: new Date() });
    for (const userId of [member.id, disabled.id, randomUUID()]) {
      const input = {
        title: '改进',
        ownerName: '某人',
        ownerUserId: userId,
        dueDate: DAY,
        status: 'open' as const,
      };
      expect(await codeOf(addAction(staffCtx, event.id, input))).toBe('400 retrospectives.owner_invalid');
    }
  });

  it('an action of another event is 404', async () => {
    const one = await buildOpenEvent(t);
    const other = await buildOpenEvent(t);
    const retro = await addAction(staffCtx, one.event.id, {
      title: '改进',
      ownerName: '某人',
      dueDate: DAY,
      status: 'open',
    });
    const id = retro.actions[0].id;
    expect(await codeOf(updateAction(staffCtx, other.event.id, id, { status: 'done' }))).toBe(
      '404 not_found',
    );
    expect(await codeOf(deleteAction(staffCtx, other.event.id, id))).toBe('404 not_found');
  });
});

describe('policy per role', () => {
  it('admin and staff read and write; member and host are refused (403); nobody signed in is 401', async () => {
    const { event } = await buildOpenEvent(t);
    const host = await ctxAs('host', { siteId: (await buildSite(t.database)).id });
    const cases: [Ctx, string, string][] = [
      [await ctxAs('admin'), 'ok', 'ok'],
      [staffCtx, 'ok', 'ok'],
      [await ctxAs('member'), '403 access.denied', '403 access.denied'],
      [host, '403 access.denied', '403 access.denied'],
      [t.ctx(null), '401 auth.required', '401 auth.required'],
    ];
    for (const [ctx, read, write] of cases) {
      expect(await codeOf(getRetrospective(ctx, event.id))).toBe(read);
      const version = (await getRetrospective(staffCtx, event.id)).notes.version;
      expect(await codeOf(saveNotes(ctx, event.id, { keep: '保持', version }))).toBe(write);
      expect(
        await codeOf(addAction(ctx, event.id, { title: 'x', ownerName: 'y', dueDate: DAY, status: 'open' })),
      ).toBe(write);
    }
  });

  it('an unknown event is 404', async () => {
    expect(await codeOf(getRetrospective(staffCtx, randomUUID()))).toBe('404 not_found');
  });
});
