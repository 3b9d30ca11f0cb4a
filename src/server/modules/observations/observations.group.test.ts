import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Scorecard } from '../../../contract/observations.js';
import { buildUser } from '../../test/factories.js';
import { createTestApp, problem, type TestApp, type TestClient } from '../../test/harness.js';
import { createGroup, moveMembers } from '../groups/groups.service.js';
import { applyDefaultRoute } from '../route-stops/route-stops.service.js';
import { groupWhereabouts } from '../run-of-show/run-of-show.positions.js';
import { buildObservedEvent, buildPass } from './observations.fixtures.js';

/** The scorecard knows where the attendee's group is, and streams the guide's next reports. */
let t: TestApp;
let staff: TestClient;
let base: string;
beforeAll(async () => {
  t = await createTestApp();
  staff = await t.as(await buildUser(t.database, { role: 'staff' }));
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  base = `http://127.0.0.1:${(t.app.server.address() as { port: number }).port}`;
});
afterAll(() => t.close());

async function setup() {
  const built = await buildObservedEvent(t);
  const { event, eventSiteId, staffCtx } = built;
  const overview = await createGroup(staffCtx, event.id, { eventSiteId, name: '第2组' });
  const groupId = overview.groups[0].id;
  const inGroup = await buildPass(t.database, event, eventSiteId);
  const alone = await buildPass(t.database, event, eventSiteId);
  await moveMembers(staffCtx, event.id, [inGroup.id], groupId);
  const card = async (token: string) =>
    (await t.anonymous().get(`/api/v1/passes/${token}/scorecard`)).json() as Scorecard;
  const report = (routeStopId: string, at?: string) =>
    staff.post(`/api/v1/events/${event.id}/run-of-show/groups/${groupId}/position`, {
      routeStopId,
      ...(at ? { at } : {}),
    });
  return { ...built, groupId, inGroup, alone, card, report, stops: (await card(inGroup.passToken)).stops };
}

/** Reads an SSE response until `count` events arrived (or 4 s passed). */
async function readSse(url: string, count: number) {
  const controller = new AbortController();
  const res = await fetch(url, { signal: controller.signal });
  const events: { type: string; data: Record<string, unknown> }[] = [];
  if (!res.ok || !res.body)
    return { status: res.status, events, contentType: res.headers.get('content-type') };
  const reader = res.body.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  const deadline = Date.now() + 4000;
  const timer = setTimeout(() => controller.abort(), 4000);
  try {
    while (events.length < count && Date.now() < deadline) {
      const { value, done } = await reader.read();
      if (done) break;
      buffer += decoder.decode(value, { stream: true });
      for (let end = buffer.indexOf('\n\n'); end >= 0; end = buffer.indexOf('\n\n')) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const type = /^event: (.*)$/m.exec(block)?.[1];
        const data = /^data: (.*)$/m.exec(block)?.[1];
        if (type && data) events.push({ type, data: JSON.parse(data) });
      }
    }
  } catch {
    // aborted at the deadline
  } finally {
    clearTimeout(timer);
    controller.abort();
  }
  return { status: res.status, events, contentType: res.headers.get('content-type') };
}

describe("the scorecard's group position", () => {
  it('is null without a group, and the group without a report', async () => {
    const { inGroup, alone, card, groupId } = await setup();
    expect((await card(alone.passToken)).group).toBeNull();
    expect((await card(inGroup.passToken)).group).toEqual({ id: groupId, name: '第2组', current: null });
  });

  it("follows the guide's latest report (by reported time, a late offline report does not win)", async () => {
    const { inGroup, alone, card, report, stops } = await setup();
    const now = t.clock.now().getTime();
    const iso = (minutesAgo: number) => new Date(now - minutesAgo * 60_000).toISOString();
    expect((await report(stops[1].id, iso(20))).statusCode).toBe(200);
    expect((await report(stops[2].id, iso(5))).statusCode).toBe(200);
    // Sent late from a phone that was offline: reported at an earlier time than the last one.
    expect((await report(stops[0].id, iso(10))).statusCode).toBe(200);
    const { group } = await card(inGroup.passToken);
    expect(group?.current).toEqual({ routeStopId: stops[2].id, stopName: stops[2].name, at: iso(5) });
    // Only the group's members see it.
    expect((await card(alone.passToken)).group).toBeNull();
  });

  it('keeps the stop name when the route is edited after the report', async () => {
    const { event, eventSiteId, staffCtx, inGroup, card, report, stops, groupId } = await setup();
    await report(stops[3].id);
    await applyDefaultRoute(staffCtx, event.id, eventSiteId);
    const current = (await card(inGroup.passToken)).group?.current;
    expect(current?.stopName).toBe(stops[3].name);
    // The stop rows were replaced: the report no longer points at a stop id.
    expect(current?.routeStopId).not.toBe(stops[3].id);
    expect(await groupWhereabouts(t.ctx(), groupId)).toMatchObject({ current: { stopName: stops[3].name } });
  });
});

describe('GET /passes/:token/stream', () => {
  it('404 pass.not_found for an unknown pass; 404 observations.no_group without a group', async () => {
    const { alone } = await setup();
    const unknown = await t.anonymous().get(`/api/v1/passes/${randomBytes(24).toString('base64url')}/stream`);
    expect(problem(unknown).code).toBe('pass.not_found');
    const res = await t.anonymous().get(`/api/v1/passes/${alone.passToken}/stream`);
    expect(res.statusCode).toBe(404);
    expect(problem(res).code).toBe('observations.no_group');
  });

  it("streams the group's position reports to its member, not other groups' reports", async () => {
    const { event, eventSiteId, staffCtx, inGroup, report, stops, groupId } = await setup();
    const other = (await createGroup(staffCtx, event.id, { eventSiteId, name: '第3组' })).groups.find(
      (g) => g.name === '第3组',
    )!;
    const reading = readSse(`${base}/api/v1/passes/${inGroup.passToken}/stream`, 2);
    await new Promise((r) => setTimeout(r, 200));
    await staff.post(`/api/v1/events/${event.id}/run-of-show/groups/${other.id}/position`, {
      routeStopId: stops[0].id,
    });
    await report(stops[1].id);
    await report(stops[2].id);
    const { status, contentType, events } = await reading;
    expect(status).toBe(200);
    expect(contentType).toContain('text/event-stream');
    expect(events.map((e) => e.type)).toEqual(['group_position', 'group_position']);
    expect(events.map((e) => e.data.routeStopId)).toEqual([stops[1].id, stops[2].id]);
    expect(events.every((e) => e.data.groupId === groupId && typeof e.data.at === 'string')).toBe(true);
  });
});
