import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUser } from '../../test/factories.js';
import { createTestApp, problem, TEST_NOW, type TestApp, type TestClient } from '../../test/harness.js';
import { buildEvent } from '../events/events.factories.js';
import { agendaWarnings, shiftPlan } from './agenda.rules.js';

let t: TestApp;
let staff: TestClient;
let member: TestClient;

beforeAll(async () => {
  t = await createTestApp();
  t.clock.set(TEST_NOW);
  staff = await t.as(await buildUser(t.database, { role: 'staff' }));
  member = await t.as(await buildUser(t.database, { role: 'member' }));
});
afterAll(() => t.close());

const ID = '00000000-0000-4000-8000-000000000000';
const item = { start: '09:00', end: '09:30', type: 'welcome', title: '欢迎致辞' };
type Item = { id: string; start: string; end: string; title: string; type: string; notes: string | null };

async function eventWithTemplate(template: 'half_day' | 'full_day' = 'half_day') {
  const { event } = await buildEvent(t);
  const res = await staff.post(`/api/v1/events/${event.id}/agenda/template`, { template });
  return { event, agenda: res.json() as { items: Item[]; warnings: { code: string }[] } };
}

describe('refusals on every agenda route', () => {
  const routes: [string, string, unknown?][] = [
    ['GET', `/api/v1/events/${ID}/agenda`],
    ['POST', `/api/v1/events/${ID}/agenda/template`, { template: 'half_day' }],
    ['POST', `/api/v1/events/${ID}/agenda/items`, item],
    ['PUT', `/api/v1/events/${ID}/agenda/items/${ID}`, item],
    ['PATCH', `/api/v1/events/${ID}/agenda/items/${ID}`, { durationMinutes: 10 }],
    ['DELETE', `/api/v1/events/${ID}/agenda/items/${ID}`],
    ['POST', `/api/v1/events/${ID}/agenda/publish`, {}],
    ['GET', `/api/v1/events/${ID}/agenda/versions`],
  ];

  it.each(routes)('%s %s is 401 without a session and 403 for a member', async (method, url, body) => {
    const anonymous = await t.anonymous().request(method as 'GET', url, body);
    expect(anonymous.statusCode).toBe(401);
    const res = await member.request(method as 'GET', url, body);
    expect(res.statusCode).toBe(403);
    expect(problem(res).code).toBe('access.denied');
  });

  it('answers 400 with field errors for bad items and shifts', async () => {
    const bad = await staff.post(`/api/v1/events/${ID}/agenda/items`, {
      start: '25:00',
      end: '09:00',
      type: 'lunch',
      title: '',
    });
    expect(bad.statusCode).toBe(400);
    expect(problem(bad).errors?.map((e) => e.path)).toEqual(
      expect.arrayContaining(['body.start', 'body.type', 'body.title']),
    );
    const backwards = await staff.post(`/api/v1/events/${ID}/agenda/items`, { ...item, end: '08:00' });
    expect(problem(backwards).errors?.[0]).toMatchObject({
      path: 'body.end',
      message: '结束时间不能早于开始时间',
    });
    const empty = await staff.patch(`/api/v1/events/${ID}/agenda/items/${ID}`, { shiftFollowing: true });
    expect(empty.statusCode).toBe(400);
    const template = await staff.post(`/api/v1/events/${ID}/agenda/template`, { template: 'two_days' });
    expect(problem(template).errors?.[0].path).toBe('body.template');
  });

  it('answers 404 for an item of another event', async () => {
    const { agenda } = await eventWithTemplate();
    const { event: other } = await buildEvent(t);
    const res = await staff.delete(`/api/v1/events/${other.id}/agenda/items/${agenda.items[0].id}`);
    expect(res.statusCode).toBe(404);
    expect(problem(res).detail).toBe('未找到议程环节');
  });
});

describe('templates', () => {
  it("the half-day template is the seed's flow, item for item", async () => {
    const { agenda } = await eventWithTemplate('half_day');
    expect(agenda.items.map((i) => [i.start, i.end, i.type, i.title])).toEqual([
      ['13:30', '14:00', 'sign_in', '集合签到'],
      ['14:00', '14:15', 'welcome', '欢迎致辞'],
      ['14:15', '15:30', 'tour', '实地参观'],
      ['15:30', '16:30', 'sharing', '经验分享会'],
      ['16:30', '17:00', 'qa', '互动问答与交流'],
      ['17:00', '17:00', 'closing', '活动结束'],
    ]);
    expect(agenda.items.map((i) => i.notes)).toEqual([
      '在项目营销中心或指定地点集合，发放参观资料、胸牌。',
      '协会领导、项目总经理简短发言，介绍活动目的和项目概况。',
      '分组进行，由项目负责人引导。',
      '返回会议室，进行专题分享。\n· 项目负责人介绍管理理念、服务体系、运营数据。\n· 专题分享（如：智慧物业系统如何提升效率、如何组织社区文化活动、增值服务案例等）。',
      '会员单位自由提问，与项目方深入交流。',
      '合影留念，发放满意度调查问卷。',
    ]);
    expect(agenda.warnings).toEqual([]);
  });

  it('the full-day template runs 09:00–16:30 with lunch and no warnings', async () => {
    const { agenda } = await eventWithTemplate('full_day');
    expect(agenda.items[0].start).toBe('09:00');
    expect(agenda.items.at(-1)?.end).toBe('16:30');
    expect(agenda.items.some((i) => i.type === 'break' && i.title.includes('午餐'))).toBe(true);
    expect(agenda.warnings.map((w) => w.code)).toEqual(['span_exceeds_format']); // the event is half-day
  });

  it('speaks the caller language', async () => {
    const { event } = await buildEvent(t);
    const en = await t.as(await buildUser(t.database, { role: 'staff' }), 'en-US');
    const res = await en.post(`/api/v1/events/${event.id}/agenda/template`, { template: 'half_day' });
    expect(res.json().items[2].title).toBe('Site tour');
  });
});

describe('editing and warnings', () => {
  it('lengthening an item shifts every following item by the same minutes', async () => {
    const { event, agenda } = await eventWithTemplate();
    const tour = agenda.items[2];
    const res = await staff.patch(`/api/v1/events/${event.id}/agenda/items/${tour.id}`, {
      durationMinutes: 90,
      shiftFollowing: true,
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().items.map((i: Item) => `${i.start}-${i.end}`)).toEqual([
      '13:30-14:00',
      '14:00-14:15',
      '14:15-15:45',
      '15:45-16:45',
      '16:45-17:15',
      '17:15-17:15',
    ]);
    expect(res.json().warnings).toEqual([]);
  });

  it('moving an item earlier without shifting the rest leaves a gap warning', async () => {
    const { event, agenda } = await eventWithTemplate();
    const welcome = agenda.items[1];
    const res = await staff.patch(`/api/v1/events/${event.id}/agenda/items/${welcome.id}`, {
      durationMinutes: 5,
      shiftFollowing: false,
    });
    expect(res.json().warnings).toEqual([
      { code: 'gap', itemIds: [welcome.id, agenda.items[2].id], minutes: 10 },
    ]);
  });

  it('an added item that collides with another gives an overlap warning', async () => {
    const { event, agenda } = await eventWithTemplate();
    const res = await staff.post(`/api/v1/events/${event.id}/agenda/items`, {
      start: '15:00',
      end: '15:40',
      type: 'break',
      title: '茶歇',
    });
    expect(res.statusCode).toBe(201);
    const warnings = res.json().warnings as { code: string; itemIds: string[]; minutes: number }[];
    expect(warnings[0]).toMatchObject({ code: 'overlap', minutes: 30 });
    expect(warnings[0].itemIds[0]).toBe(agenda.items[2].id);
  });

  it('warns about items outside the day', async () => {
    const { event } = await buildEvent(t);
    const res = await staff.post(`/api/v1/events/${event.id}/agenda/items`, {
      start: '06:00',
      end: '06:30',
      type: 'tour',
      title: '晨间巡查',
    });
    expect(res.json().warnings.map((w: { code: string }) => w.code)).toEqual(['outside_day']);
  });

  it('refuses a shift that pushes items past midnight', async () => {
    const { event, agenda } = await eventWithTemplate();
    const res = await staff.patch(`/api/v1/events/${event.id}/agenda/items/${agenda.items[0].id}`, {
      start: '22:00',
      shiftFollowing: true,
    });
    expect(res.statusCode).toBe(400);
    expect(problem(res).code).toBe('agenda.out_of_day');
  });

  it('shiftPlan moves an item and all later ones by the change of its end', () => {
    const items = [
      { id: 'a', startMinute: 600, endMinute: 630, position: 0 },
      { id: 'b', startMinute: 630, endMinute: 700, position: 1 },
      { id: 'c', startMinute: 700, endMinute: 720, position: 2 },
    ];
    const plan = shiftPlan(items, 'a', { start: '10:15', shiftFollowing: true });
    expect([...plan.entries()]).toEqual([
      ['a', { startMinute: 615, endMinute: 645 }],
      ['b', { startMinute: 645, endMinute: 715 }],
      ['c', { startMinute: 715, endMinute: 735 }],
    ]);
  });

  it('agendaWarnings flags a span too long for half a day', () => {
    const items = [
      { id: 'a', startMinute: 480, endMinute: 600, position: 0, type: 'tour' },
      { id: 'b', startMinute: 600, endMinute: 800, position: 1, type: 'sharing' },
    ];
    expect(agendaWarnings(items, 'half_day')).toEqual([
      { code: 'span_exceeds_format', itemIds: [], minutes: 320 },
    ]);
    expect(agendaWarnings(items, 'full_day')).toEqual([]);
  });
});

describe('versions and changelog', () => {
  it('publishing stores a snapshot; the changelog lists what changed since', async () => {
    const { event, agenda } = await eventWithTemplate();
    const first = await staff.post(`/api/v1/events/${event.id}/agenda/publish`, {});
    expect(first.json()).toMatchObject({ publishedVersion: 1, changes: [] });
    const again = await staff.post(`/api/v1/events/${event.id}/agenda/publish`, {});
    expect(problem(again).code).toBe('agenda.unchanged');

    const [, welcome, tour, , qa] = agenda.items;
    await staff.put(`/api/v1/events/${event.id}/agenda/items/${welcome.id}`, {
      ...welcome,
      title: '开幕致辞',
    });
    await staff.patch(`/api/v1/events/${event.id}/agenda/items/${tour.id}`, {
      durationMinutes: 60,
      shiftFollowing: false,
    });
    await staff.delete(`/api/v1/events/${event.id}/agenda/items/${qa.id}`);
    const added = await staff.post(`/api/v1/events/${event.id}/agenda/items`, {
      start: '15:15',
      end: '15:30',
      type: 'break',
      title: '茶歇',
    });
    const changes = added.json().changes as { kind: string; title: string; fields: { field: string }[] }[];
    expect(changes.map((c) => [c.kind, c.title, c.fields.map((f) => f.field)])).toEqual([
      ['changed', '开幕致辞', ['title']],
      ['changed', '实地参观', ['end']],
      ['added', '茶歇', []],
      ['removed', '互动问答与交流', []],
    ]);

    await staff.post(`/api/v1/events/${event.id}/agenda/publish`, {});
    const versions = (await staff.get(`/api/v1/events/${event.id}/agenda/versions`)).json();
    expect(versions.map((v: { version: number }) => v.version)).toEqual([2, 1]);
    expect(versions[1].items.map((i: Item) => i.title)).toContain('欢迎致辞');
    expect(versions[0].items.map((i: Item) => i.title)).toContain('开幕致辞');
    expect(versions[0].publishedByName).toEqual(expect.any(String));
  });

  it('refuses to publish an empty agenda', async () => {
    const { event } = await buildEvent(t);
    const res = await staff.post(`/api/v1/events/${event.id}/agenda/publish`, {});
    expect(res.statusCode).toBe(409);
    expect(problem(res).code).toBe('agenda.empty');
  });
});

describe('overlap arithmetic', () => {
  it('counts only the minutes two items share, and ignores a moment inside another item', () => {
    const items = [
      { id: 'talk', startMinute: 945, endMinute: 1005, position: 0, type: 'tour' },
      { id: 'tea', startMinute: 960, endMinute: 980, position: 1, type: 'break' },
      { id: 'photo', startMinute: 990, endMinute: 990, position: 2, type: 'closing' },
    ];
    expect(agendaWarnings(items, 'half_day')).toEqual([
      { code: 'overlap', itemIds: ['talk', 'tea'], minutes: 20 },
    ]);
  });
});
