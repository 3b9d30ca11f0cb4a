import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUser } from '../../test/factories.js';
import { createTestApp, problem, TEST_NOW, type TestApp, type TestClient } from '../../test/harness.js';
import { buildEvent, defaultVersionId } from '../events/events.factories.js';

let t: TestApp;
let staff: TestClient;
let member: TestClient;
let versionId: string;

beforeAll(async () => {
  t = await createTestApp();
  t.clock.set(TEST_NOW);
  staff = await t.as(await buildUser(t.database, { role: 'staff' }));
  member = await t.as(await buildUser(t.database, { role: 'member' }));
  versionId = await defaultVersionId(t.ctx());
});
afterAll(() => t.close());

const ID = '00000000-0000-4000-8000-000000000000';
type Point = { id: string; title: string };
type Stop = { name: string; minutes: number; pointIds: string[]; dimensionIds: string[] };

describe('refusals on every route-stop route', () => {
  const routes: [string, string, unknown?][] = [
    ['GET', `/api/v1/events/${ID}/route`],
    ['GET', `/api/v1/events/${ID}/route/points`],
    ['PUT', `/api/v1/events/${ID}/sites/${ID}/route`, { stops: [] }],
    ['POST', `/api/v1/events/${ID}/sites/${ID}/route/default`, {}],
  ];

  it.each(routes)('%s %s is 401 without a session and 403 for a member', async (method, url, body) => {
    expect((await t.anonymous().request(method as 'GET', url, body)).statusCode).toBe(401);
    const res = await member.request(method as 'GET', url, body);
    expect(res.statusCode).toBe(403);
    expect(problem(res).code).toBe('access.denied');
  });

  it('answers 400 with field errors for bad stops', async () => {
    const res = await staff.put(`/api/v1/events/${ID}/sites/${ID}/route`, {
      stops: [{ name: '', minutes: 0, pointIds: ['x'] }],
    });
    expect(res.statusCode).toBe(400);
    expect(problem(res).errors?.map((e) => e.path)).toEqual(
      expect.arrayContaining(['body.stops.0.name', 'body.stops.0.minutes', 'body.stops.0.pointIds.0']),
    );
  });

  it('answers 404 for a site of another event', async () => {
    const { event } = await buildEvent(t);
    const { event: other } = await buildEvent(t);
    const res = await staff.post(`/api/v1/events/${other.id}/sites/${event.sites[0].id}/route/default`, {});
    expect(res.statusCode).toBe(404);
    expect(problem(res).code).toBe('not_found');
  });
});

describe('default route', () => {
  it("is the seed's six stops with the matching template points", async () => {
    const { event } = await buildEvent(t, { templateVersionId: versionId });
    const points = (await staff.get(`/api/v1/events/${event.id}/route/points`)).json() as Point[];
    const title = new Map(points.map((p) => [p.id, p.title]));
    const res = await staff.post(`/api/v1/events/${event.id}/sites/${event.sites[0].id}/route/default`, {});
    expect(res.statusCode).toBe(200);
    const stops = res.json().sites[0].stops as Stop[];
    expect(stops.map((s) => s.name)).toEqual([
      '入口大堂',
      '智慧监控中心/设备房',
      '园林景观',
      '社区活动中心',
      '地下车库/充电桩',
      '样板间/入户大堂',
    ]);
    const titles = stops.map((s) => s.pointIds.map((id) => title.get(id)));
    expect(titles[0]).toContain('智能门禁/人脸识别');
    expect(titles[1]).toContain('智能设备房');
    expect(titles[2]).toContain('绿化养护');
    expect(titles[3]).toContain('社区活动');
    expect(titles[4]).toContain('消防管理');
    expect(titles[5]).toContain('线上服务平台');
    expect(stops[0].dimensionIds.length).toBeGreaterThan(0);
  });

  it('fits the half-day tour slot exactly (75 minutes)', async () => {
    const { event } = await buildEvent(t, { templateVersionId: versionId });
    await staff.post(`/api/v1/events/${event.id}/agenda/template`, { template: 'half_day' });
    const res = await staff.post(`/api/v1/events/${event.id}/sites/${event.sites[0].id}/route/default`, {});
    expect(res.json().sites[0]).toMatchObject({ totalMinutes: 75, tourMinutes: 75, exceedsTour: false });
  });
});

describe('editing a route', () => {
  it('replaces the stops in the given order and warns when they exceed the tour slot', async () => {
    const { event } = await buildEvent(t, { templateVersionId: versionId });
    await staff.post(`/api/v1/events/${event.id}/agenda/template`, { template: 'half_day' });
    const points = (await staff.get(`/api/v1/events/${event.id}/route/points`)).json() as Point[];
    const res = await staff.put(`/api/v1/events/${event.id}/sites/${event.sites[0].id}/route`, {
      stops: [
        { name: '园林景观', minutes: 40, pointIds: [points[5].id], guideNotes: '看修剪' },
        { name: '入口大堂', minutes: 40, pointIds: [] },
      ],
    });
    expect(res.statusCode).toBe(200);
    const site = res.json().sites[0];
    expect(site.stops.map((s: Stop) => s.name)).toEqual(['园林景观', '入口大堂']);
    expect(site).toMatchObject({ totalMinutes: 80, tourMinutes: 75, exceedsTour: true });
  });

  it('refuses points that are not in the event template version', async () => {
    const { event } = await buildEvent(t, { templateVersionId: versionId });
    const res = await staff.put(`/api/v1/events/${event.id}/sites/${event.sites[0].id}/route`, {
      stops: [{ name: '入口大堂', minutes: 10, pointIds: [ID] }],
    });
    expect(res.statusCode).toBe(400);
    expect(problem(res).code).toBe('route_stops.point_not_in_template');
  });
});
