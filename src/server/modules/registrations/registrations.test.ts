import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildMemberUnit, buildUser } from '../../test/factories.js';
import { createTestApp, problem, type TestApp } from '../../test/harness.js';
import { auditLog } from '../audit/audit.table.js';
import { buildSite } from '../events/events.factories.js';
import { outbox } from '../notifications/outbox.table.js';
import { buildOpenEvent, registerInput, uniqueMobile } from './registrations.factories.js';
import { register } from './registrations.service.js';
import { registrations } from './registrations.table.js';

let t: TestApp;
let unitId: string;
beforeAll(async () => {
  t = await createTestApp();
  t.clock.set('2026-11-27T09:00:00+08:00');
  unitId = (await buildMemberUnit(t.database)).id;
});
afterAll(() => t.close());

const publicUrl = (slug: string) => `/api/v1/public/events/${slug}/registrations`;

describe('public registration', () => {
  it('answers 400 with field errors for a bad body, and refuses without consent', async () => {
    const { event } = await buildOpenEvent(t);
    const bad = await t
      .anonymous()
      .post(publicUrl(event.slug), { ...registerInput(unitId), mobile: '12345', consent: false });
    expect(bad.statusCode).toBe(400);
    const paths = problem(bad).errors!.map((e) => e.path);
    expect(paths).toEqual(expect.arrayContaining(['body.mobile', 'body.consent']));
    expect(problem(bad).errors!.find((e) => e.path === 'body.consent')!.message).toBe(
      '请阅读并同意个人信息处理说明',
    );
  });

  it('registers, stores the consent version and time, returns a pass and queues the confirmation', async () => {
    const { event } = await buildOpenEvent(t);
    const res = await t
      .anonymous()
      .post(publicUrl(event.slug), registerInput(unitId, { email: 'li@example.com' }));
    expect(res.statusCode).toBe(201);
    const body = res.json();
    expect(body).toMatchObject({ status: 'confirmed', waitlistPosition: null });
    expect(body.passUrl).toBe(`http://guanmo.test/p/${body.passToken}`);
    expect(body.passToken.length).toBeGreaterThanOrEqual(40);
    const [row] = await t.database.db
      .select()
      .from(registrations)
      .where(eq(registrations.id, body.registrationId));
    expect(row.consentVersion).toBe('2026-11-v1');
    expect(row.consentedAt?.toISOString()).toBe(t.clock.now().toISOString());
    const mails = await t.database.db.select().from(outbox).where(eq(outbox.recipient, 'li@example.com'));
    expect(mails.map((m) => m.messageType)).toEqual(['confirmation']);
    expect(mails[0].body).toContain(body.passUrl);
  });

  it('is 404 for a draft event and 409 after the deadline', async () => {
    const { event: draft } = await (await import('../events/events.factories.js')).buildEvent(t);
    expect((await t.anonymous().post(publicUrl(draft.slug), registerInput(unitId))).statusCode).toBe(404);
    const { event } = await buildOpenEvent(t, {
      registrationDeadline: '2026-11-27T08:00:00+08:00',
      eventDate: '2026-12-01',
    });
    const late = await t.anonymous().post(publicUrl(event.slug), registerInput(unitId));
    expect(late.statusCode).toBe(409);
    expect(problem(late).code).toBe('registration.deadline_passed');
  });

  it('lets staff register someone after the deadline', async () => {
    const { event } = await buildOpenEvent(t, {
      registrationDeadline: '2026-11-27T08:00:00+08:00',
      eventDate: '2026-12-01',
    });
    const staff = await t.as(await buildUser(t.database, { role: 'staff' }));
    const res = await staff.post(`/api/v1/events/${event.id}/registrations`, registerInput(unitId));
    expect(res.statusCode).toBe(201);
    const audited = await t.database.db
      .select()
      .from(auditLog)
      .where(
        and(eq(auditLog.action, 'registration.create'), eq(auditLog.entityId, res.json().registrationId)),
      );
    expect(audited).toHaveLength(1);
  });

  it('refuses the same mobile twice for one event, with a clear message', async () => {
    const { event } = await buildOpenEvent(t);
    const input = registerInput(unitId);
    expect((await t.anonymous().post(publicUrl(event.slug), input)).statusCode).toBe(201);
    const again = await t.anonymous('en-US').post(publicUrl(event.slug), { ...input, name: '别人' });
    expect(again.statusCode).toBe(409);
    expect(problem(again).code).toBe('registration.duplicate');
    expect(problem(again).detail).toContain('already registered');
  });

  it('refuses non-members unless the event allows them', async () => {
    const { event } = await buildOpenEvent(t);
    const input = registerInput(unitId, { memberUnitId: null, unitName: '外地某物业公司' });
    const res = await t.anonymous().post(publicUrl(event.slug), input);
    expect(problem(res).code).toBe('registration.members_only');
    const staff = await t.as(await buildUser(t.database, { role: 'staff' }));
    await staff.put(`/api/v1/events/${event.id}/registration-settings`, {
      unitQuota: null,
      requiresApproval: false,
      allowNonMembers: true,
      retentionDays: 180,
    });
    expect((await t.anonymous().post(publicUrl(event.slug), input)).statusCode).toBe(201);
  });

  it('enforces the per-unit quota', async () => {
    const { event } = await buildOpenEvent(t);
    const staff = await t.as(await buildUser(t.database, { role: 'staff' }));
    await staff.put(`/api/v1/events/${event.id}/registration-settings`, {
      unitQuota: 2,
      requiresApproval: false,
      allowNonMembers: false,
      retentionDays: 180,
    });
    const unit = (await buildMemberUnit(t.database)).id;
    for (let i = 0; i < 2; i++)
      expect((await t.anonymous().post(publicUrl(event.slug), registerInput(unit))).statusCode).toBe(201);
    const third = await t.anonymous().post(publicUrl(event.slug), registerInput(unit));
    expect(third.statusCode).toBe(409);
    expect(problem(third).detail).toBe('每个会员单位最多报名 2 人，贵单位名额已满');
  });
});

describe('capacity and waitlist', () => {
  it('waitlists when full and promotes in order when someone cancels', async () => {
    const site = await buildSite(t.database);
    const { event } = await buildOpenEvent(t, { capacity: 2, sites: [{ siteId: site.id, capacity: 2 }] });
    const results = [];
    for (let i = 0; i < 4; i++) results.push(await register(t.ctx(), event.id, registerInput(unitId)));
    expect(results.map((r) => r.status)).toEqual(['confirmed', 'confirmed', 'waitlisted', 'waitlisted']);
    expect(results.map((r) => r.waitlistPosition)).toEqual([null, null, 1, 2]);
    const cancel = await t.anonymous().post(`/api/v1/passes/${results[0].passToken}/cancel`);
    expect(cancel.statusCode).toBe(200);
    const status = async (token: string) =>
      (await t.anonymous().get(`/api/v1/passes/${token}`)).json().registration;
    expect((await status(results[2].passToken)).status).toBe('confirmed');
    expect(await status(results[3].passToken)).toMatchObject({ status: 'waitlisted', waitlistPosition: 1 });
  });

  it('with approval on, holds the seat as pending until staff approve', async () => {
    const { event } = await buildOpenEvent(t);
    const staffUser = await buildUser(t.database, { role: 'staff' });
    const staff = await t.as(staffUser);
    await staff.put(`/api/v1/events/${event.id}/registration-settings`, {
      unitQuota: null,
      requiresApproval: true,
      allowNonMembers: false,
      retentionDays: 180,
    });
    const reg = await register(t.ctx(), event.id, registerInput(unitId, { email: 'wait@example.com' }));
    expect(reg.status).toBe('pending');
    const member = await t.as(await buildUser(t.database));
    expect((await member.post(`/api/v1/registrations/${reg.registrationId}/approve`)).statusCode).toBe(403);
    const approved = await staff.post(`/api/v1/registrations/${reg.registrationId}/approve`);
    expect(approved.json().status).toBe('confirmed');
    expect(problem(await staff.post(`/api/v1/registrations/${reg.registrationId}/approve`)).code).toBe(
      'registration.not_pending',
    );
    const types = (
      await t.database.db.select().from(outbox).where(eq(outbox.recipient, 'wait@example.com'))
    ).map((m) => m.messageType);
    expect(types).toEqual(expect.arrayContaining(['confirmation', 'approved']));
  });

  it('asks for a site choice when the event has two, and counts capacity per site', async () => {
    const [a, b] = [await buildSite(t.database), await buildSite(t.database)];
    const { event } = await buildOpenEvent(t, {
      capacity: 10,
      sites: [
        { siteId: a.id, capacity: 1 },
        { siteId: b.id, capacity: 5 },
      ],
    });
    const noChoice = await t.anonymous().post(publicUrl(event.slug), registerInput(unitId));
    expect(problem(noChoice).errors?.[0].path).toBe('body.eventSiteId');
    const [siteA, siteB] = event.sites;
    expect((await register(t.ctx(), event.id, registerInput(unitId, { eventSiteId: siteA.id }))).status).toBe(
      'confirmed',
    );
    expect((await register(t.ctx(), event.id, registerInput(unitId, { eventSiteId: siteA.id }))).status).toBe(
      'waitlisted',
    );
    const onB = await register(t.ctx(), event.id, registerInput(unitId, { eventSiteId: siteB.id }));
    expect(onB.status).toBe('confirmed');
    const form = (await t.anonymous().get(`/api/v1/public/events/${event.slug}/registration-form`)).json();
    expect(form.sites.map((s: { remaining: number }) => s.remaining)).toEqual([0, 4]);
  });

  it('is race-safe: 200 simultaneous registrations for the last 10 seats give 10 confirmed and 190 waitlisted', async () => {
    const site = await buildSite(t.database);
    const { event } = await buildOpenEvent(t, { capacity: 30, sites: [{ siteId: site.id, capacity: 30 }] });
    for (let i = 0; i < 20; i++) await register(t.ctx(), event.id, registerInput(unitId));
    const burst = await Promise.all(
      Array.from({ length: 200 }, () => register(t.ctx(), event.id, registerInput(unitId))),
    );
    const confirmed = burst.filter((r) => r.status === 'confirmed').length;
    expect(confirmed).toBe(10);
    expect(burst.filter((r) => r.status === 'waitlisted').length).toBe(190);
    const positions = burst
      .map((r) => r.waitlistPosition)
      .filter((p) => p !== null)
      .sort((x, y) => x! - y!);
    expect(positions).toEqual(Array.from({ length: 190 }, (_, i) => i + 1));
  }, 120000);
});

describe('custom fields', () => {
  it('checks required, typed and conditional answers', async () => {
    const { event } = await buildOpenEvent(t);
    const staff = await t.as(await buildUser(t.database, { role: 'staff' }));
    const saved = await staff.put(`/api/v1/events/${event.id}/registration-fields`, [
      { label: '是否需要停车位', type: 'yes_no', required: true },
    ]);
    const parking = saved.json()[0].id;
    const fields = await staff.put(`/api/v1/events/${event.id}/registration-fields`, [
      { id: parking, label: '是否需要停车位', type: 'yes_no', required: true },
      { label: '车牌号', type: 'text', required: true, showIf: { fieldId: parking, equals: 'true' } },
      { label: '用餐', type: 'single_choice', options: ['普通', '清真'], required: false },
    ]);
    const [, plate, meal] = fields.json();
    const missing = await t.anonymous().post(publicUrl(event.slug), registerInput(unitId, { answers: {} }));
    expect(problem(missing).errors?.[0]).toMatchObject({
      path: `body.answers.${parking}`,
      message: '请填写“是否需要停车位”',
    });
    const needPlate = await t
      .anonymous()
      .post(publicUrl(event.slug), registerInput(unitId, { answers: { [parking]: true } }));
    expect(problem(needPlate).errors?.[0].path).toBe(`body.answers.${plate.id}`);
    const badOption = await t
      .anonymous()
      .post(
        publicUrl(event.slug),
        registerInput(unitId, { answers: { [parking]: false, [meal.id]: '素食' } }),
      );
    expect(problem(badOption).errors?.[0].path).toBe(`body.answers.${meal.id}`);
    const ok = await t
      .anonymous()
      .post(
        publicUrl(event.slug),
        registerInput(unitId, { answers: { [parking]: false, [plate.id]: '粤B12345', [meal.id]: '清真' } }),
      );
    expect(ok.statusCode).toBe(201);
    const [row] = await t.database.db
      .select()
      .from(registrations)
      .where(eq(registrations.id, ok.json().registrationId));
    // The hidden field's answer is dropped.
    expect(row.answers).toEqual({ [parking]: false, [meal.id]: '清真' });
  });

  it('only staff manage fields and settings', async () => {
    const { event } = await buildOpenEvent(t);
    expect((await t.anonymous().get(`/api/v1/events/${event.id}/registration-fields`)).statusCode).toBe(401);
    const host = await t.as(await buildUser(t.database, { role: 'host' }));
    expect(
      (
        await host.put(`/api/v1/events/${event.id}/registration-settings`, {
          unitQuota: 1,
          requiresApproval: false,
          allowNonMembers: false,
          retentionDays: 30,
        })
      ).statusCode,
    ).toBe(403);
    expect((await host.get(`/api/v1/events/${event.id}/registrations`)).statusCode).toBe(403);
  });
});

describe('the pass', () => {
  it('shows status and event, lets the person change until the deadline, then locks', async () => {
    const { event } = await buildOpenEvent(t, {
      eventDate: '2026-12-20',
      registrationDeadline: '2026-12-10T18:00:00+08:00',
    });
    const reg = await register(t.ctx(), event.id, registerInput(unitId));
    const pass = await t.anonymous().get(`/api/v1/passes/${reg.passToken}`);
    expect(pass.json()).toMatchObject({
      registration: { status: 'confirmed' },
      event: { theme: event.theme },
      canChange: true,
    });
    const changed = await t
      .anonymous()
      .patch(`/api/v1/passes/${reg.passToken}`, { position: '品质总监', questions: '如何控制能耗？' });
    expect(changed.json().registration).toMatchObject({ position: '品质总监', questions: '如何控制能耗？' });
    t.clock.set('2026-12-11T09:00:00+08:00');
    try {
      const locked = await t.anonymous().post(`/api/v1/passes/${reg.passToken}/cancel`);
      expect(problem(locked).code).toBe('pass.locked');
      expect((await t.anonymous().get(`/api/v1/passes/${reg.passToken}`)).json().canChange).toBe(false);
    } finally {
      t.clock.set('2026-11-27T09:00:00+08:00');
    }
  });

  it('answers 404 for an unknown token', async () => {
    const res = await t.anonymous().get(`/api/v1/passes/${'x'.repeat(43)}`);
    expect(res.statusCode).toBe(404);
    expect(problem(res).code).toBe('pass.not_found');
  });

  it('substitution gives the seat to a colleague with a new pass; the old pass stops working', async () => {
    const { event } = await buildOpenEvent(t);
    const reg = await register(t.ctx(), event.id, registerInput(unitId));
    const staff = await t.as(await buildUser(t.database, { role: 'staff' }));
    const res = await staff.post(`/api/v1/registrations/${reg.registrationId}/substitute`, {
      name: '王同事',
      position: '客服经理',
      mobile: uniqueMobile(),
    });
    expect(res.json()).toMatchObject({ name: '王同事', status: 'confirmed' });
    expect((await t.anonymous().get(`/api/v1/passes/${reg.passToken}`)).statusCode).toBe(404);
  });

  it('exports the person data and erases it on request', async () => {
    const { event } = await buildOpenEvent(t);
    const reg = await register(t.ctx(), event.id, registerInput(unitId, { name: '赵隐私' }));
    const exported = await t.anonymous().get(`/api/v1/passes/${reg.passToken}/export`);
    expect(exported.json().registration).toMatchObject({ name: '赵隐私', consentVersion: '2026-11-v1' });
    expect(exported.headers['content-disposition']).toContain('attachment');
    expect(exported.json().observations).toMatchObject({ notes: [] });
    expect((await t.anonymous().post(`/api/v1/passes/${reg.passToken}/erase`)).statusCode).toBe(200);
    const [row] = await t.database.db
      .select()
      .from(registrations)
      .where(eq(registrations.id, reg.registrationId));
    expect(row).toMatchObject({ name: '（已删除）', mobile: null, email: null, status: 'cancelled' });
    expect((await t.anonymous().get(`/api/v1/passes/${reg.passToken}`)).statusCode).toBe(404);
  });

  it('offers an .ics calendar file', async () => {
    const { event } = await buildOpenEvent(t);
    const reg = await register(t.ctx(), event.id, registerInput(unitId));
    const res = await t.anonymous().get(`/api/v1/passes/${reg.passToken}/calendar.ics`);
    expect(res.headers['content-type']).toContain('text/calendar');
    expect(res.body).toContain('BEGIN:VEVENT');
    expect(res.body).toContain(`DTSTART;TZID=Asia/Shanghai:${event.eventDate.replaceAll('-', '')}T`);
  });
});

describe('retention', () => {
  it('erases personal data once the retention period after the event has passed', async () => {
    const { event } = await buildOpenEvent(t, {
      eventDate: '2026-12-20',
      registrationDeadline: '2026-12-10T18:00:00+08:00',
    });
    const staff = await t.as(await buildUser(t.database, { role: 'staff' }));
    await staff.put(`/api/v1/events/${event.id}/registration-settings`, {
      unitQuota: null,
      requiresApproval: false,
      allowNonMembers: false,
      retentionDays: 30,
    });
    const reg = await register(t.ctx(), event.id, registerInput(unitId, { name: '钱保留' }));
    const { eraseExpiredPersonalData } = await import('./pass.service.js');
    const nameNow = async () =>
      (await t.database.db.select().from(registrations).where(eq(registrations.id, reg.registrationId)))[0];
    t.clock.set('2027-01-18T12:00:00+08:00'); // 29 days after the event: kept
    try {
      await eraseExpiredPersonalData(t.ctx());
      expect((await nameNow()).name).toBe('钱保留');
      t.clock.set('2027-01-19T00:00:01+08:00'); // 30 days: erased
      const { erased } = await eraseExpiredPersonalData(t.ctx());
      expect(erased).toBeGreaterThanOrEqual(1);
      expect(await nameNow()).toMatchObject({ name: '（已删除）', mobile: null, email: null });
      expect((await nameNow()).anonymizedAt).not.toBeNull();
      expect((await eraseExpiredPersonalData(t.ctx())).erased).toBe(0);
    } finally {
      t.clock.set('2026-11-27T09:00:00+08:00');
    }
  });
});

describe('reminders', () => {
  it('queues one T-1 reminder per confirmed registrant, however often the job runs', async () => {
    const { event } = await buildOpenEvent(t, {
      eventDate: '2026-12-05',
      registrationDeadline: '2026-12-01T18:00:00+08:00',
    });
    await register(t.ctx(), event.id, registerInput(unitId, { email: 'remind-me@example.com' }));
    const { sendReminders } = await import('./registrations.jobs.js');
    const reminders = async () =>
      (await t.database.db.select().from(outbox).where(eq(outbox.recipient, 'remind-me@example.com'))).filter(
        (m) => m.messageType === 'reminder',
      );
    t.clock.set('2026-12-03T10:00:00+08:00'); // two days before: nothing yet
    try {
      await sendReminders(t.ctx());
      expect(await reminders()).toHaveLength(0);
      t.clock.set('2026-12-04T08:00:00+08:00');
      await sendReminders(t.ctx());
      await sendReminders(t.ctx());
      expect(await reminders()).toHaveLength(1);
    } finally {
      t.clock.set('2026-11-27T09:00:00+08:00');
    }
  });
});

describe('agenda changes', () => {
  it('tells registrants when a re-published agenda changed, with what changed', async () => {
    const { applyAgendaTemplate, publishAgenda, shiftAgendaItem, itemRows } = await import(
      '../agenda/agenda.service.js'
    );
    const { event, ctx: staffCtx } = await buildOpenEvent(t);
    await applyAgendaTemplate(staffCtx, event.id, 'half_day');
    await publishAgenda(staffCtx, event.id);
    await register(t.ctx(), event.id, registerInput(unitId, { email: 'agenda-watcher@example.com' }));
    const mails = async () =>
      (
        await t.database.db.select().from(outbox).where(eq(outbox.recipient, 'agenda-watcher@example.com'))
      ).filter((m) => m.messageType === 'agenda_changed');
    expect(await mails()).toHaveLength(0);
    const [first] = await itemRows(staffCtx, event.id);
    await shiftAgendaItem(staffCtx, event.id, first.id, { start: '13:45', shiftFollowing: true });
    await publishAgenda(staffCtx, event.id);
    const sent = await mails();
    expect(sent).toHaveLength(1);
    expect(sent[0].body).toContain('调整：集合签到');
    expect(sent[0].body).toContain('13:45');
  });
});
