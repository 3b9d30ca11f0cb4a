import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUser } from '../../test/factories.js';
import { createTestApp, problem, TEST_NOW, type TestApp, type TestClient } from '../../test/harness.js';
import { applyAgendaTemplate } from '../agenda/agenda.service.js';
import { listAudit } from '../audit/audit.service.js';
import { addTask } from '../checklists/checklists.service.js';
import { applyDefaultRoute } from '../route-stops/route-stops.service.js';
import { templateDimensions, templateVersions } from '../templates/templates.table.js';
import { buildEvent, buildSite, defaultVersionId, eventInput } from './events.factories.js';
import { events } from './events.table.js';

let t: TestApp;
let staff: TestClient;
let member: TestClient;
let host: TestClient;
let versionId: string;

beforeAll(async () => {
  t = await createTestApp();
  t.clock.set(TEST_NOW); // 2026-11-27 09:00 China time
  staff = await t.as(await buildUser(t.database, { role: 'staff' }));
  member = await t.as(await buildUser(t.database, { role: 'member' }));
  host = await t.as(await buildUser(t.database, { role: 'host', memberUnitId: null }));
  versionId = await defaultVersionId(t.ctx());
});
afterAll(() => t.close());

const ID = '00000000-0000-4000-8000-000000000000';

/** An event ready to publish: agenda from the half-day template and the default route per site. */
async function readyEvent(overrides = {}) {
  const { event, ctx } = await buildEvent(t, { templateVersionId: versionId, ...overrides });
  await applyAgendaTemplate(ctx, event.id, 'half_day');
  for (const site of event.sites) await applyDefaultRoute(ctx, event.id, site.id);
  return { event, ctx };
}

describe('refusals on every event route', () => {
  const routes: [string, string, unknown?][] = [
    ['GET', '/api/v1/events/options'],
    ['GET', '/api/v1/events'],
    ['POST', '/api/v1/events', eventInput([ID])],
    ['GET', `/api/v1/events/${ID}`],
    ['PUT', `/api/v1/events/${ID}`, eventInput([ID])],
    ['DELETE', `/api/v1/events/${ID}`],
    ['GET', `/api/v1/events/${ID}/dashboard`],
    ['POST', `/api/v1/events/${ID}/transition`, { to: 'published' }],
    ['POST', `/api/v1/events/${ID}/clone`, { eventDate: '2027-01-08' }],
  ];

  it.each(routes)('%s %s is 401 without a session', async (method, url, body) => {
    const res = await t.anonymous().request(method as 'GET', url, body);
    expect(res.statusCode).toBe(401);
    expect(problem(res).code).toBe('auth.required');
  });

  it.each(routes)('%s %s is 403 for members and hosts', async (method, url, body) => {
    for (const client of [member, host]) {
      const res = await client.request(method as 'GET', url, body);
      expect(res.statusCode).toBe(403);
      expect(problem(res).code).toBe('access.denied');
    }
  });

  it('answers 400 with field errors for a bad event body', async () => {
    const res = await staff.post('/api/v1/events', { theme: '', capacity: -1, fee: 0.001, format: 'week' });
    expect(res.statusCode).toBe(400);
    const paths = problem(res).errors?.map((e) => e.path) ?? [];
    expect(paths).toEqual(
      expect.arrayContaining(['body.theme', 'body.capacity', 'body.fee', 'body.format', 'body.objectives']),
    );
  });

  it('answers 400 for an unknown transition target and a bad clone date', async () => {
    expect((await staff.post(`/api/v1/events/${ID}/transition`, { to: 'cancelled' })).statusCode).toBe(400);
    const clone = await staff.post(`/api/v1/events/${ID}/clone`, { eventDate: '2027-13-01' });
    expect(problem(clone).errors?.[0].path).toBe('body.eventDate');
  });

  it('answers 404 for an unknown event', async () => {
    const res = await staff.get(`/api/v1/events/${ID}`);
    expect(res.statusCode).toBe(404);
    expect(problem(res).detail).toBe('未找到活动');
  });
});

describe('creating and editing an event', () => {
  it('creates a draft with a generated slug, default notes, checklist and materials', async () => {
    const site = await buildSite(t.database);
    const res = await staff.post('/api/v1/events', eventInput([site.id], { fee: 50.5 }));
    expect(res.statusCode).toBe(201);
    const event = res.json();
    expect(event).toMatchObject({
      status: 'draft',
      fee: 50.5,
      notes: expect.stringContaining('保护业主隐私'),
    });
    expect(event.slug).toMatch(/^20261218-[a-z0-9]{4}$/);
    expect(event.sites).toEqual([
      expect.objectContaining({ siteId: site.id, siteName: site.name, capacity: 40 }),
    ]);
    const checklist = (await staff.get(`/api/v1/events/${event.id}/checklist`)).json();
    expect(checklist.tasks).toHaveLength(7);
    const materials = (await staff.get(`/api/v1/events/${event.id}/materials`)).json();
    expect(materials.items.map((m: { name: string }) => m.name)).toContain('会员胸牌');
  });

  it('refuses a registration deadline on or after the event date', async () => {
    const site = await buildSite(t.database);
    const res = await staff.post(
      '/api/v1/events',
      eventInput([site.id], { eventDate: '2026-12-18', registrationDeadline: '2026-12-18T08:00:00+08:00' }),
    );
    expect(res.statusCode).toBe(400);
    const body = problem(res);
    expect(body.code).toBe('events.deadline_not_before_date');
    expect(body.errors?.[0]).toMatchObject({ path: 'body.registrationDeadline' });
  });

  it('accepts a deadline the evening before (China time)', async () => {
    const site = await buildSite(t.database);
    const res = await staff.post(
      '/api/v1/events',
      eventInput([site.id], { eventDate: '2026-12-18', registrationDeadline: '2026-12-17T23:59:00+08:00' }),
    );
    expect(res.statusCode).toBe(201);
  });

  it('refuses more than two sites and the same site twice', async () => {
    const [a, b, c] = [await buildSite(t.database), await buildSite(t.database), await buildSite(t.database)];
    const three = await staff.post('/api/v1/events', eventInput([a.id, b.id, c.id]));
    expect(problem(three).errors?.[0].path).toBe('body.sites');
    const twice = await staff.post('/api/v1/events', eventInput([a.id, a.id]));
    expect(problem(twice).code).toBe('events.duplicate_site');
  });

  it('refuses a site capacity above the event capacity', async () => {
    const site = await buildSite(t.database);
    const res = await staff.post(
      '/api/v1/events',
      eventInput([site.id], { capacity: 30, sites: [{ siteId: site.id, capacity: 31 }] }),
    );
    expect(problem(res).code).toBe('events.site_capacity_exceeds');
  });

  it('accepts only a published template version, and focus dimensions from it', async () => {
    const site = await buildSite(t.database);
    const [draft] = await t.database.db
      .insert(templateVersions)
      .values({
        templateId: (await t.database.db.select().from(templateVersions).limit(1))[0].templateId,
        number: 99,
        status: 'draft',
      })
      .returning();
    const refused = await staff.post(
      '/api/v1/events',
      eventInput([site.id], { templateVersionId: draft.id }),
    );
    expect(problem(refused).code).toBe('events.template_not_published');
    const foreign = await staff.post(
      '/api/v1/events',
      eventInput([site.id], { templateVersionId: versionId, focusDimensionIds: [ID] }),
    );
    expect(problem(foreign).code).toBe('events.focus_not_in_template');
    const dims = await t.database.db
      .select()
      .from(templateDimensions)
      .where(eq(templateDimensions.versionId, versionId));
    const ok = await staff.post(
      '/api/v1/events',
      eventInput([site.id], { templateVersionId: versionId, focusDimensionIds: [dims[0].id] }),
    );
    expect(ok.statusCode).toBe(201);
  });

  it('keeps slugs unique and lets staff edit one', async () => {
    const { event } = await buildEvent(t);
    const input = eventInput(
      event.sites.map((s) => s.siteId),
      { slug: 'smart-2026' },
    );
    const edited = await staff.put(`/api/v1/events/${event.id}`, input);
    expect(edited.json().slug).toBe('smart-2026');
    const { event: other } = await buildEvent(t);
    const clash = await staff.put(
      `/api/v1/events/${other.id}`,
      eventInput(
        other.sites.map((s) => s.siteId),
        { slug: 'smart-2026' },
      ),
    );
    expect(clash.statusCode).toBe(409);
    expect(problem(clash).code).toBe('events.slug_taken');
    const bad = await staff.put(`/api/v1/events/${other.id}`, { ...input, slug: '-Bad slug' });
    expect(problem(bad).errors?.[0].path).toBe('body.slug');
  });

  it('lists events with a text filter', async () => {
    await buildEvent(t, { theme: '打造有温度的社区（列表测试）' });
    const res = await staff.get(`/api/v1/events?q=${encodeURIComponent('列表测试')}`);
    expect(res.json().items.map((e: { theme: string }) => e.theme)).toEqual(['打造有温度的社区（列表测试）']);
  });

  it('offers the seed themes and objectives with their explanations', async () => {
    const res = await (await t.as(await buildUser(t.database, { role: 'admin' }), 'en-US')).get(
      '/api/v1/events/options',
    );
    const zh = (await staff.get('/api/v1/events/options')).json();
    expect(zh.themes).toEqual(['探寻智慧物业，共建美好家园', '精细化服务下的品质生活', '打造有温度的社区']);
    expect(zh.objectives.map((o: { label: string }) => o.label)).toEqual([
      '学习先进经验',
      '促进交流互动',
      '激发创新思维',
      '树立行业标杆',
    ]);
    expect(zh.objectives[0].explanation).toContain(
      '智慧化管理、精细化服务、社区文化建设、成本控制、应急处理',
    );
    expect(res.json().objectives[1].label).toBe('Foster exchange');
  });
});

describe('lifecycle', () => {
  const transition = (id: string, to: string) => staff.post(`/api/v1/events/${id}/transition`, { to });

  it('refuses to publish without agenda items, routes and notice fields, and says why', async () => {
    const { event } = await buildEvent(t, { meetingPoint: null, contactPhone: null });
    const res = await transition(event.id, 'published');
    expect(res.statusCode).toBe(409);
    const body = problem(res);
    expect(body.code).toBe('events.transition_blocked');
    expect(body.errors?.map((e) => e.path)).toEqual([
      'blockers.no_agenda_items',
      'blockers.route_missing',
      'blockers.template_missing',
      'blockers.notice_place',
      'blockers.notice_contact',
    ]);
    expect(body.errors?.[1].message).toContain(event.sites[0].siteName);
  });

  it('refuses to publish while one of two sites has no route', async () => {
    const [a, b] = [await buildSite(t.database), await buildSite(t.database)];
    const { event, ctx } = await buildEvent(t, {
      templateVersionId: versionId,
      sites: [
        { siteId: a.id, capacity: 30 },
        { siteId: b.id, capacity: 30 },
      ],
    });
    await applyAgendaTemplate(ctx, event.id, 'half_day');
    await applyDefaultRoute(ctx, event.id, event.sites[0].id);
    const body = problem(await transition(event.id, 'published'));
    expect(body.errors?.map((e) => e.path)).toEqual(['blockers.route_missing']);
    expect(body.errors?.[0].message).toContain(b.name);
  });

  it('refuses to publish after the registration deadline', async () => {
    const { event } = await readyEvent({
      eventDate: '2026-11-28',
      registrationDeadline: '2026-11-26T18:00:00+08:00',
    });
    const body = problem(await transition(event.id, 'published'));
    expect(body.errors?.map((e) => e.path)).toEqual(['blockers.deadline_passed']);
  });

  it('publishes a complete event, snapshotting the agenda as version 1, and audits it', async () => {
    const { event } = await readyEvent();
    const res = await transition(event.id, 'published');
    expect(res.statusCode).toBe(200);
    expect(res.json().status).toBe('published');
    expect((await staff.get(`/api/v1/events/${event.id}/agenda`)).json().publishedVersion).toBe(1);
    const audit = await listAudit(
      t.ctx({ userId: ID, name: 'a', role: 'admin', memberUnitId: null, siteId: null }),
      {
        entityId: event.id,
        action: 'event.transition',
        page: 1,
        pageSize: 10,
      },
    );
    expect(audit.items[0]).toMatchObject({ before: { status: 'draft' }, after: { status: 'published' } });
  });

  it('goes back from published to draft while nobody registered', async () => {
    const { event } = await readyEvent();
    await transition(event.id, 'published');
    const res = await transition(event.id, 'draft');
    expect(res.json().status).toBe('draft');
  });

  it('refuses every other way back and any skipped step', async () => {
    const { event } = await readyEvent();
    const skip = await transition(event.id, 'in_progress');
    expect(skip.statusCode).toBe(409);
    expect(problem(skip).code).toBe('events.transition_not_allowed');
    expect(problem(skip).detail).toBe('活动不能从“草稿”变为“进行中”');
    await transition(event.id, 'published');
    await transition(event.id, 'registration_closed');
    expect(problem(await transition(event.id, 'published')).code).toBe('events.transition_not_allowed');
    expect(problem(await transition(event.id, 'draft')).code).toBe('events.transition_not_allowed');
  });

  it('starts only on the event day, then completes and archives', async () => {
    const { event } = await readyEvent({
      eventDate: '2026-11-30',
      registrationDeadline: '2026-11-28T18:00:00+08:00',
    });
    await transition(event.id, 'published');
    await transition(event.id, 'registration_closed');
    const early = problem(await transition(event.id, 'in_progress'));
    expect(early.errors?.map((e) => e.path)).toEqual(['blockers.before_event_day']);
    t.clock.set('2026-11-30T08:30:00+08:00');
    try {
      expect((await transition(event.id, 'in_progress')).json().status).toBe('in_progress');
      expect((await transition(event.id, 'completed')).json().status).toBe('completed');
      expect((await transition(event.id, 'archived')).json().status).toBe('archived');
      expect(problem(await transition(event.id, 'completed')).code).toBe('events.transition_not_allowed');
    } finally {
      t.clock.set(TEST_NOW);
    }
  });

  it('freezes the plan of a completed event', async () => {
    const { event } = await readyEvent({
      eventDate: '2026-11-27',
      registrationDeadline: '2026-11-26T08:00:00+08:00',
    });
    // moved on straight in the database: publishing needs a deadline still ahead
    await t.database.db.update(events).set({ status: 'in_progress' }).where(eq(events.id, event.id));
    await transition(event.id, 'completed');
    const edit = await staff.put(
      `/api/v1/events/${event.id}`,
      eventInput(
        event.sites.map((s) => s.siteId),
        { eventDate: '2026-11-27', registrationDeadline: '2026-11-26T08:00:00+08:00' },
      ),
    );
    expect(problem(edit).code).toBe('events.locked');
    const agenda = await staff.post(`/api/v1/events/${event.id}/agenda/template`, { template: 'full_day' });
    expect(problem(agenda).code).toBe('events.locked');
  });

  it('refuses to change the template version after publishing', async () => {
    const { event } = await readyEvent();
    await transition(event.id, 'published');
    const res = await staff.put(
      `/api/v1/events/${event.id}`,
      eventInput(
        event.sites.map((s) => s.siteId),
        { templateVersionId: null },
      ),
    );
    expect(problem(res).code).toBe('events.template_locked');
  });

  it('deletes a never-published draft but not a published one', async () => {
    const { event } = await buildEvent(t);
    expect((await staff.delete(`/api/v1/events/${event.id}`)).statusCode).toBe(204);
    const { event: published } = await readyEvent();
    await transition(published.id, 'published');
    await transition(published.id, 'draft');
    expect(problem(await staff.delete(`/api/v1/events/${published.id}`)).code).toBe(
      'events.delete_not_draft',
    );
  });
});

describe('dashboard', () => {
  it('shows the next moves with their blockers and the overdue tasks', async () => {
    const { event, ctx } = await buildEvent(t, {
      eventDate: '2026-12-05',
      registrationDeadline: '2026-12-01T18:00:00+08:00',
    });
    await addTask(ctx, event.id, { offsetDays: -10, title: '已过期的任务', status: 'todo' });
    const res = await staff.get(`/api/v1/events/${event.id}/dashboard`);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.transitions).toEqual([
      expect.objectContaining({ to: 'published', allowed: false, blockers: expect.any(Array) }),
    ]);
    // T-14 (2026-11-21) and the new T-10 (2026-11-25) are before today 2026-11-27; T-10 of the defaults too.
    expect(body.overdueTasks.map((o: { dueDate: string }) => o.dueDate)).toEqual([
      '2026-11-21',
      '2026-11-25',
      '2026-11-25',
    ]);
    expect(body.expectedAttendance).toBe(60);
  });
});

describe('clone', () => {
  it('copies sites, agenda, route, checklist offsets and materials into a new draft', async () => {
    const { event } = await readyEvent({ seriesName: '标杆小区观摩', issueNumber: 3 });
    await staff.post(`/api/v1/events/${event.id}/transition`, { to: 'published' });
    const checklist = (await staff.get(`/api/v1/events/${event.id}/checklist`)).json();
    await staff.patch(`/api/v1/events/${event.id}/checklist/${checklist.tasks[0].id}`, { status: 'done' });

    const res = await staff.post(`/api/v1/events/${event.id}/clone`, { eventDate: '2027-03-19' });
    expect(res.statusCode).toBe(201);
    const copy = res.json();
    expect(copy).toMatchObject({
      status: 'draft',
      eventDate: '2027-03-19',
      theme: event.theme,
      issueNumber: 4,
      clonedFromId: event.id,
      registrationDeadline: new Date('2027-03-16T18:00:00+08:00').toISOString(),
    });
    expect(copy.slug).not.toBe(event.slug);
    expect(copy.sites.map((s: { siteId: string }) => s.siteId)).toEqual(event.sites.map((s) => s.siteId));
    const agenda = (await staff.get(`/api/v1/events/${copy.id}/agenda`)).json();
    expect(agenda.items.map((i: { title: string }) => i.title)).toContain('实地参观');
    expect(agenda.publishedVersion).toBeNull();
    const route = (await staff.get(`/api/v1/events/${copy.id}/route`)).json();
    expect(route.sites[0].stops).toHaveLength(6);
    const tasks = (await staff.get(`/api/v1/events/${copy.id}/checklist`)).json().tasks;
    expect(tasks[0]).toMatchObject({ offsetDays: -14, status: 'todo', dueDate: '2027-03-05' });
    const materials = (await staff.get(`/api/v1/events/${copy.id}/materials`)).json().items;
    expect(materials).toHaveLength(8);
  });

  it('refuses a clone whose given deadline is not before the new date', async () => {
    const { event } = await buildEvent(t);
    const res = await staff.post(`/api/v1/events/${event.id}/clone`, {
      eventDate: '2027-03-19',
      registrationDeadline: '2027-03-19T10:00:00+08:00',
    });
    expect(problem(res).code).toBe('events.deadline_not_before_date');
  });
});

describe('demo event', () => {
  it('is published three weeks ahead at the demo host site with the seed agenda and routes', async () => {
    const site = await buildSite(t.database);
    await buildSite(t.database, { willingness: 'yes' });
    await buildUser(t.database, { role: 'admin' });
    await buildUser(t.database, {
      role: 'host',
      email: 'host@demo.guanmo.cn',
      siteId: site.id,
      memberUnitId: null,
    });
    const { loadDemoEvent } = await import('./events.demo.js');
    const id = await loadDemoEvent(t.ctx());
    const event = (await staff.get(`/api/v1/events/${id}`)).json();
    expect(event).toMatchObject({
      status: 'published',
      eventDate: '2026-12-18',
      theme: '探寻智慧物业，共建美好家园',
    });
    expect(event.sites[0].siteId).toBe(site.id);
    const route = (await staff.get(`/api/v1/events/${id}/route`)).json();
    expect(route.sites.every((s: { stops: unknown[] }) => s.stops.length === 6)).toBe(true);
  });
});
