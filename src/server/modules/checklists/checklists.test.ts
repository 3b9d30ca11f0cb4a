import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUser } from '../../test/factories.js';
import { createTestApp, problem, TEST_NOW, type TestApp, type TestClient } from '../../test/harness.js';
import { buildEvent } from '../events/events.factories.js';

let t: TestApp;
let staff: TestClient;
let member: TestClient;

beforeAll(async () => {
  t = await createTestApp();
  t.clock.set(TEST_NOW); // today is 2026-11-27 in China
  staff = await t.as(await buildUser(t.database, { role: 'staff' }));
  member = await t.as(await buildUser(t.database, { role: 'member' }));
});
afterAll(() => t.close());

const ID = '00000000-0000-4000-8000-000000000000';
type Task = {
  id: string;
  offsetDays: number;
  title: string;
  dueDate: string;
  overdue: boolean;
  status: string;
};

describe('refusals on every checklist route', () => {
  const routes: [string, string, unknown?][] = [
    ['GET', '/api/v1/checklists/assignees'],
    ['GET', `/api/v1/events/${ID}/checklist`],
    ['POST', `/api/v1/events/${ID}/checklist`, { offsetDays: -5, title: '确认大巴' }],
    ['PATCH', `/api/v1/events/${ID}/checklist/${ID}`, { status: 'done' }],
    ['DELETE', `/api/v1/events/${ID}/checklist/${ID}`],
  ];

  it.each(routes)('%s %s is 401 without a session and 403 for a member', async (method, url, body) => {
    expect((await t.anonymous().request(method as 'GET', url, body)).statusCode).toBe(401);
    const res = await member.request(method as 'GET', url, body);
    expect(res.statusCode).toBe(403);
    expect(problem(res).code).toBe('access.denied');
  });

  it('answers 400 with field errors for a bad task and an empty patch', async () => {
    const bad = await staff.post(`/api/v1/events/${ID}/checklist`, {
      offsetDays: 1.5,
      title: '',
      status: 'later',
    });
    expect(problem(bad).errors?.map((e) => e.path)).toEqual(
      expect.arrayContaining(['body.offsetDays', 'body.title', 'body.status']),
    );
    const empty = await staff.patch(`/api/v1/events/${ID}/checklist/${ID}`, {});
    expect(empty.statusCode).toBe(400);
  });
});

describe('due dates and overdue', () => {
  it("generates the seed's tasks with due dates relative to the event date", async () => {
    const { event } = await buildEvent(t, {
      eventDate: '2026-12-18',
      registrationDeadline: '2026-12-15T18:00:00+08:00',
    });
    const res = await staff.get(`/api/v1/events/${event.id}/checklist`);
    const tasks = res.json().tasks as Task[];
    expect(tasks.map((k) => [k.offsetDays, k.dueDate])).toEqual([
      [-14, '2026-12-04'],
      [-10, '2026-12-08'],
      [-3, '2026-12-15'],
      [-1, '2026-12-17'],
      [1, '2026-12-19'],
      [3, '2026-12-21'],
      [7, '2026-12-25'],
    ]);
    expect(tasks[0].title).toBe('与被参观方确认流程、讲解人、会议室设备、茶歇，并告知会员单位构成和关注点');
    expect(tasks.map((k) => k.title).slice(1)).toEqual([
      '发布正式通知',
      '准备物料',
      '分组与胸牌',
      '发放满意度调查',
      '完成专题报告',
      '发布新闻稿',
    ]);
    expect(res.json().overdueCount).toBe(0);
  });

  it('a task is overdue once its due date is before today and it is not done', async () => {
    // Event on 2026-12-08: T-14 is 2026-11-24 (overdue), T-10 is 2026-11-28 (not yet).
    const { event } = await buildEvent(t, {
      eventDate: '2026-12-08',
      registrationDeadline: '2026-12-05T18:00:00+08:00',
    });
    const first = (await staff.get(`/api/v1/events/${event.id}/checklist`)).json();
    expect(first.tasks.filter((k: Task) => k.overdue).map((k: Task) => k.offsetDays)).toEqual([-14]);

    t.clock.set('2026-11-28T23:59:00+08:00'); // still the due day of T-10: not overdue
    expect((await staff.get(`/api/v1/events/${event.id}/checklist`)).json().overdueCount).toBe(1);
    t.clock.set('2026-11-29T00:01:00+08:00');
    expect((await staff.get(`/api/v1/events/${event.id}/checklist`)).json().overdueCount).toBe(2);
    t.clock.set(TEST_NOW);

    const done = await staff.patch(`/api/v1/events/${event.id}/checklist/${first.tasks[0].id}`, {
      status: 'done',
    });
    expect(done.json().overdueCount).toBe(0);
    expect(done.json().tasks[0]).toMatchObject({
      status: 'done',
      overdue: false,
      doneAt: expect.any(String),
    });
  });

  it('moving the event date moves every due date', async () => {
    const { event, ctx } = await buildEvent(t);
    const { updateEvent } = await import('../events/events.service.js');
    await updateEvent(ctx, event.id, {
      ...event,
      notes: event.notes,
      sites: event.sites.map((s) => ({ siteId: s.siteId, capacity: s.capacity })),
      eventDate: '2027-01-15',
      registrationDeadline: '2027-01-10T18:00:00+08:00',
    });
    const tasks = (await staff.get(`/api/v1/events/${event.id}/checklist`)).json().tasks as Task[];
    expect(tasks[0].dueDate).toBe('2027-01-01');
  });
});

describe('editing tasks', () => {
  it('adds, assigns, edits and deletes a task, recording the assignee name', async () => {
    const { event } = await buildEvent(t);
    const assignee = await buildUser(t.database, { role: 'staff', name: '李干事' });
    const added = await staff.post(`/api/v1/events/${event.id}/checklist`, {
      offsetDays: -5,
      title: '预订大巴',
      assigneeId: assignee.id,
    });
    expect(added.statusCode).toBe(201);
    const task = (added.json().tasks as (Task & { assigneeName: string })[]).find(
      (k) => k.title === '预订大巴',
    )!;
    expect(task).toMatchObject({ dueDate: '2026-12-13', assigneeName: '李干事', status: 'todo' });
    const edited = await staff.patch(`/api/v1/events/${event.id}/checklist/${task.id}`, {
      offsetDays: -6,
      status: 'doing',
      notes: '两辆 45 座',
    });
    expect(edited.json().tasks.find((k: Task) => k.id === task.id)).toMatchObject({
      dueDate: '2026-12-12',
      status: 'doing',
      notes: '两辆 45 座',
    });
    const removed = await staff.delete(`/api/v1/events/${event.id}/checklist/${task.id}`);
    expect(removed.json().tasks).toHaveLength(7);
  });

  it('refuses to assign a task to a member', async () => {
    const { event } = await buildEvent(t);
    const someone = await buildUser(t.database, { role: 'member' });
    const res = await staff.post(`/api/v1/events/${event.id}/checklist`, {
      offsetDays: -5,
      title: '预订大巴',
      assigneeId: someone.id,
    });
    expect(res.statusCode).toBe(400);
    expect(problem(res).code).toBe('checklists.assignee_invalid');
  });

  it('lists active staff and admins as assignees', async () => {
    const named = await buildUser(t.database, { role: 'admin', name: '赵会长助理' });
    const res = await staff.get('/api/v1/checklists/assignees');
    expect(res.json()).toEqual(expect.arrayContaining([{ id: named.id, name: '赵会长助理' }]));
  });
});
