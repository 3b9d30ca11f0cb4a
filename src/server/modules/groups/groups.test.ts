import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildMemberUnit, buildUser } from '../../test/factories.js';
import { createTestApp, problem, type TestApp, type TestClient } from '../../test/harness.js';
import { buildOpenEvent, registerInput } from '../registrations/registrations.factories.js';
import { register } from '../registrations/registrations.service.js';
import { registrations } from '../registrations/registrations.table.js';

let t: TestApp;
let staff: TestClient;
beforeAll(async () => {
  t = await createTestApp();
  t.clock.set('2026-11-27T09:00:00+08:00');
  staff = await t.as(await buildUser(t.database, { role: 'staff' }));
});
afterAll(() => t.close());

async function eventWith(units: number[]) {
  const { event } = await buildOpenEvent(t);
  for (const size of units) {
    const unit = (await buildMemberUnit(t.database)).id;
    for (let i = 0; i < size; i++) await register(t.ctx(), event.id, registerInput(unit));
  }
  return event;
}

describe('groups', () => {
  it('refuses anonymous (401) and members/hosts (403), and a bad body (400)', async () => {
    const event = await eventWith([1]);
    expect((await t.anonymous().get(`/api/v1/events/${event.id}/groups`)).statusCode).toBe(401);
    const host = await t.as(await buildUser(t.database, { role: 'host' }));
    expect(
      (
        await host.post(`/api/v1/events/${event.id}/groups/auto`, {
          eventSiteId: event.sites[0].id,
          mode: 'size',
          value: 5,
        })
      ).statusCode,
    ).toBe(403);
    const bad = await staff.post(`/api/v1/events/${event.id}/groups/auto`, {
      eventSiteId: event.sites[0].id,
      mode: 'size',
      value: 0,
    });
    expect(problem(bad).errors?.[0].path).toBe('body.value');
  });

  it('groups confirmed registrants automatically, spreading units', async () => {
    const event = await eventWith([4, 4, 3, 1]);
    const res = await staff.post(`/api/v1/events/${event.id}/groups/auto`, {
      eventSiteId: event.sites[0].id,
      mode: 'size',
      value: 4,
    });
    const body = res.json();
    expect(body.groups.map((g: { name: string }) => g.name)).toEqual(['第1组', '第2组', '第3组']);
    expect(body.groups.map((g: { members: unknown[] }) => g.members.length)).toEqual([4, 4, 4]);
    expect(body.ungrouped).toHaveLength(0);
    for (const group of body.groups) {
      const units = group.members.map((m: { unitName: string }) => m.unitName);
      expect(new Set(units).size).toBeGreaterThanOrEqual(3);
    }
  });

  it('assigns a guide, moves people by hand, and refuses a member as guide', async () => {
    const event = await eventWith([2, 2]);
    const planned = (
      await staff.post(`/api/v1/events/${event.id}/groups/auto`, {
        eventSiteId: event.sites[0].id,
        mode: 'count',
        value: 2,
      })
    ).json();
    const [g1, g2] = planned.groups;
    const guide = await buildUser(t.database, { role: 'host', name: '项目经理张' });
    const withGuide = (await staff.patch(`/api/v1/groups/${g1.id}`, { guideUserId: guide.id })).json();
    expect(withGuide.groups[0].guideName).toBe('项目经理张');
    // Each person sees their group and guide on the pass.
    const [member0] = await t.database.db
      .select()
      .from(registrations)
      .where(eq(registrations.id, g1.members[0].registrationId));
    const pass = (await t.anonymous().get(`/api/v1/passes/${member0.passToken}`)).json();
    expect(pass.registration).toMatchObject({ groupName: '第1组', guideName: '项目经理张' });
    const member = await buildUser(t.database, { role: 'member' });
    expect(problem(await staff.patch(`/api/v1/groups/${g1.id}`, { guideUserId: member.id })).code).toBe(
      'groups.guide_invalid',
    );
    const moved = (
      await staff.post(`/api/v1/events/${event.id}/groups/move`, {
        registrationIds: [g1.members[0].registrationId],
        groupId: g2.id,
      })
    ).json();
    expect(moved.groups.map((g: { members: unknown[] }) => g.members.length)).toEqual([1, 3]);
    const out = (
      await staff.post(`/api/v1/events/${event.id}/groups/move`, {
        registrationIds: [g1.members[1].registrationId],
        groupId: null,
      })
    ).json();
    expect(out.ungrouped).toHaveLength(1);
  });

  it('says clearly when nobody is confirmed yet', async () => {
    const event = await eventWith([]);
    const res = await staff.post(`/api/v1/events/${event.id}/groups/auto`, {
      eventSiteId: event.sites[0].id,
      mode: 'size',
      value: 5,
    });
    expect(res.statusCode).toBe(409);
    expect(problem(res).code).toBe('groups.nobody_confirmed');
  });
});
