import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { materialQuantity } from '../../../contract/materials.js';
import { buildUser } from '../../test/factories.js';
import { createTestApp, problem, TEST_NOW, type TestApp, type TestClient } from '../../test/harness.js';
import { buildEvent } from '../events/events.factories.js';

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
const material = { name: '矿泉水', rule: 'per_attendee_spare', baseQuantity: 2, sparePercent: 10 };
type Item = { id: string; name: string; quantity: number; ready: boolean; optional: boolean };

describe('refusals on every materials route', () => {
  const routes: [string, string, unknown?][] = [
    ['GET', `/api/v1/events/${ID}/materials`],
    ['POST', `/api/v1/events/${ID}/materials`, material],
    ['PUT', `/api/v1/events/${ID}/materials/${ID}`, material],
    ['PATCH', `/api/v1/events/${ID}/materials/${ID}`, { ready: true }],
    ['DELETE', `/api/v1/events/${ID}/materials/${ID}`],
  ];

  it.each(routes)('%s %s is 401 without a session and 403 for a member', async (method, url, body) => {
    expect((await t.anonymous().request(method as 'GET', url, body)).statusCode).toBe(401);
    const res = await member.request(method as 'GET', url, body);
    expect(res.statusCode).toBe(403);
    expect(problem(res).code).toBe('access.denied');
  });

  it('answers 400 with field errors for a bad material', async () => {
    const res = await staff.post(`/api/v1/events/${ID}/materials`, {
      name: '',
      rule: 'per_group',
      baseQuantity: -1,
    });
    expect(problem(res).errors?.map((e) => e.path)).toEqual(
      expect.arrayContaining(['body.name', 'body.rule', 'body.baseQuantity']),
    );
    const ready = await staff.patch(`/api/v1/events/${ID}/materials/${ID}`, { ready: 'yes' });
    expect(problem(ready).errors?.[0].path).toBe('body.ready');
  });
});

describe('quantities', () => {
  it("lists the seed's materials with quantities for the capacity (60)", async () => {
    const { event } = await buildEvent(t, { capacity: 60 });
    const res = await staff.get(`/api/v1/events/${event.id}/materials`);
    expect(res.json().expectedAttendance).toBe(60);
    const items = res.json().items as Item[];
    expect(items.map((i) => [i.name, i.quantity])).toEqual([
      ['横幅/背景板', 1],
      ['活动手册/议程表', 66],
      ['会员胸牌', 66],
      ['签到表', 2],
      ['笔', 72],
      ['相机/摄像机', 2],
      ['宣传海报', 2],
      ['纪念品', 63],
    ]);
    expect(items.find((i) => i.name === '纪念品')?.optional).toBe(true);
  });

  it('follows the attendance when the capacity changes', async () => {
    const { event } = await buildEvent(t, { capacity: 60 });
    const added = await staff.post(`/api/v1/events/${event.id}/materials`, material);
    expect(added.statusCode).toBe(201);
    expect(added.json().items.find((i: Item) => i.name === '矿泉水').quantity).toBe(132);
    const { updateEvent } = await import('../events/events.service.js');
    const { buildStaff } = await import('../events/events.factories.js');
    const { ctx } = await buildStaff(t);
    await updateEvent(ctx, event.id, {
      ...event,
      capacity: 25,
      sites: event.sites.map((s) => ({ siteId: s.siteId, capacity: 25 })),
    });
    const res = await staff.get(`/api/v1/events/${event.id}/materials`);
    expect(res.json().items.find((i: Item) => i.name === '矿泉水').quantity).toBe(55);
  });

  it('materialQuantity rounds the spare up and never adds float noise', () => {
    expect(materialQuantity({ rule: 'per_attendee_spare', baseQuantity: 1, sparePercent: 10 }, 100)).toBe(
      110,
    );
    expect(materialQuantity({ rule: 'per_attendee_spare', baseQuantity: 1, sparePercent: 10 }, 31)).toBe(35);
    expect(materialQuantity({ rule: 'per_attendee', baseQuantity: 3, sparePercent: 50 }, 10)).toBe(30);
    expect(materialQuantity({ rule: 'per_event', baseQuantity: 4, sparePercent: 0 }, 500)).toBe(4);
  });
});

describe('checking off and editing', () => {
  it('checks an item off as ready, edits it and deletes it', async () => {
    const { event } = await buildEvent(t);
    const list = (await staff.get(`/api/v1/events/${event.id}/materials`)).json().items as Item[];
    const banner = list[0];
    const ready = await staff.patch(`/api/v1/events/${event.id}/materials/${banner.id}`, { ready: true });
    expect(ready.json().items[0]).toMatchObject({ id: banner.id, ready: true });
    const edited = await staff.put(`/api/v1/events/${event.id}/materials/${banner.id}`, {
      name: '背景板（3×2 米）',
      rule: 'per_event',
      baseQuantity: 2,
      ready: true,
    });
    expect(edited.json().items[0]).toMatchObject({ name: '背景板（3×2 米）', quantity: 2, ready: true });
    const removed = await staff.delete(`/api/v1/events/${event.id}/materials/${banner.id}`);
    expect(removed.json().items).toHaveLength(7);
  });

  it('answers 404 for a material of another event', async () => {
    const { event } = await buildEvent(t);
    const { event: other } = await buildEvent(t);
    const [item] = (await staff.get(`/api/v1/events/${event.id}/materials`)).json().items as Item[];
    const res = await staff.patch(`/api/v1/events/${other.id}/materials/${item.id}`, { ready: true });
    expect(res.statusCode).toBe(404);
  });
});
