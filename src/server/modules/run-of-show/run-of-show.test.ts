import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunOfShow } from '../../../contract/run-of-show.js';
import { realtimeEvents } from '../../core/realtime.table.js';
import { buildUser } from '../../test/factories.js';
import { createTestApp, problem, type TestApp, type TestClient } from '../../test/harness.js';
import { applyAgendaTemplate } from '../agenda/agenda.service.js';
import { buildSite } from '../events/events.factories.js';
import { createGroup } from '../groups/groups.service.js';
import { setEventStatus } from '../observations/observations.fixtures.js';
import { buildOpenEvent } from '../registrations/registrations.factories.js';
import { applyDefaultRoute } from '../route-stops/route-stops.service.js';
import { agendaPunctuality } from './run-of-show.service.js';
import { groupPositions } from './run-of-show.table.js';

const DAY = '2026-12-18';
const cst = (time: string) => `${DAY}T${time}:00+08:00`;

let t: TestApp;
let staff: TestClient;
let member: TestClient;
beforeAll(async () => {
  t = await createTestApp();
  // The event day, before any session is made (sessions follow the app clock).
  t.clock.set(cst('14:20'));
  staff = await t.as(await buildUser(t.database, { role: 'staff' }));
  member = await t.as(await buildUser(t.database, { role: 'member' }));
});
afterAll(() => t.close());

/** A published half-day event (the seed's flow) with the default route and one group. */
async function setup() {
  const { event, ctx } = await buildOpenEvent(t, { eventDate: DAY });
  await applyAgendaTemplate(ctx, event.id, 'half_day');
  const eventSiteId = event.sites[0].id;
  const route = await applyDefaultRoute(ctx, event.id, eventSiteId);
  const overview = await createGroup(ctx, event.id, { eventSiteId, name: '第1组' });
  const show = (await staff.get(`/api/v1/events/${event.id}/run-of-show`)).json() as RunOfShow;
  const item = (title: string) => show.items.find((i) => i.title === title)?.agendaItemId ?? '';
  return {
    event,
    eventSiteId,
    siteId: event.sites[0].siteId,
    stops: route.sites[0].stops,
    groupId: overview.groups[0].id,
    signIn: item('集合签到'),
    welcome: item('欢迎致辞'),
    tour: item('实地参观'),
    url: `/api/v1/events/${event.id}/run-of-show`,
  };
}

describe('run of show refusals', () => {
  it('401 anonymous, 403 member on every route', async () => {
    const { url, welcome, groupId, stops } = await setup();
    for (const client of [t.anonymous(), member]) {
      const expected = client === member ? 403 : 401;
      expect((await client.get(url)).statusCode).toBe(expected);
      expect((await client.get(`${url}/board`)).statusCode).toBe(expected);
      expect((await client.get(`${url}/stream`)).statusCode).toBe(expected);
      expect((await client.post(`${url}/items/${welcome}/start`, {})).statusCode).toBe(expected);
      expect((await client.delete(`${url}/items/${welcome}`)).statusCode).toBe(expected);
      const position = await client.post(`${url}/groups/${groupId}/position`, { routeStopId: stops[0].id });
      expect(position.statusCode).toBe(expected);
    }
  });

  it('a host of another site sees nothing (404); a host may not mark times (403)', async () => {
    const { url, welcome } = await setup();
    const stranger = await t.as(
      await buildUser(t.database, { role: 'host', siteId: (await buildSite(t.database)).id }),
    );
    expect((await stranger.get(url)).statusCode).toBe(404);
    const res = await stranger.post(`${url}/items/${welcome}/start`, {});
    expect(res.statusCode).toBe(403);
  });

  it('400 for a bad time', async () => {
    const { url, welcome } = await setup();
    const res = await staff.post(`${url}/items/${welcome}/start`, { at: 'soon' });
    expect(res.statusCode).toBe(400);
    expect(problem(res).errors?.[0].path).toBe('body.at');
  });

  it('409 run_of_show.not_open for a draft event', async () => {
    const { event, url, welcome } = await setup();
    await setEventStatus(t.database, event.id, 'draft');
    const res = await staff.post(`${url}/items/${welcome}/start`, {});
    expect(problem(res).code).toBe('run_of_show.not_open');
  });

  it('409 run_of_show.not_started when ending an item that never started', async () => {
    const { url, welcome } = await setup();
    const res = await staff.post(`${url}/items/${welcome}/end`, {});
    expect(res.statusCode).toBe(409);
    expect(problem(res).code).toBe('run_of_show.not_started');
  });
});

describe('marking times', () => {
  it('start is idempotent: the first time stays; the item becomes current with a countdown', async () => {
    const { url, welcome } = await setup();
    await staff.post(`${url}/items/${welcome}/start`, { at: cst('14:02') });
    const again = (
      await staff.post(`${url}/items/${welcome}/start`, { at: cst('14:09') })
    ).json() as RunOfShow;
    expect(again.current?.agendaItemId).toBe(welcome);
    expect(again.current?.actualStartAt).toBe(new Date(cst('14:02')).toISOString());
    expect(again.current?.startDelayMinutes).toBe(2);
    // Planned end 14:15, now 14:20: five minutes over.
    expect(again.countdown?.remainingSeconds).toBe(-300);
    expect(again.current?.overrunMinutes).toBe(5);
    expect(again.warnings).toContainEqual({ code: 'overrun', agendaItemId: welcome, minutes: 5 });
  });

  it('end records the overrun against the planned end', async () => {
    const { url, welcome } = await setup();
    await staff.post(`${url}/items/${welcome}/start`, { at: cst('14:00') });
    const ended = (await staff.post(`${url}/items/${welcome}/end`, { at: cst('14:25') })).json() as RunOfShow;
    const item = ended.items.find((i) => i.agendaItemId === welcome);
    expect(item).toMatchObject({ state: 'done', overrunMinutes: 10, onTime: false });
    expect(ended.current).toBeNull();
  });

  it('an end before the start is refused', async () => {
    const { url, welcome } = await setup();
    await staff.post(`${url}/items/${welcome}/start`, { at: cst('14:05') });
    const res = await staff.post(`${url}/items/${welcome}/end`, { at: cst('14:00') });
    expect(problem(res).code).toBe('run_of_show.end_before_start');
  });

  it('starting the next item ends the one still running at that moment', async () => {
    const { url, signIn, welcome } = await setup();
    await staff.post(`${url}/items/${signIn}/start`, { at: cst('13:30') });
    const show = (
      await staff.post(`${url}/items/${welcome}/start`, { at: cst('14:01') })
    ).json() as RunOfShow;
    expect(show.items.find((i) => i.agendaItemId === signIn)).toMatchObject({
      state: 'done',
      actualEndAt: new Date(cst('14:01')).toISOString(),
    });
    expect(show.current?.agendaItemId).toBe(welcome);
  });

  it('agendaPunctuality: on-time rate and total overrun over finished items', async () => {
    const { event, url, signIn, welcome } = await setup();
    await staff.post(`${url}/items/${signIn}/start`, { at: cst('13:31') });
    await staff.post(`${url}/items/${signIn}/end`, { at: cst('14:02') });
    await staff.post(`${url}/items/${welcome}/start`, { at: cst('14:03') });
    await staff.post(`${url}/items/${welcome}/end`, { at: cst('14:27') });
    const result = await agendaPunctuality(t.ctx(), event.id);
    expect(result).toMatchObject({ finished: 2, onTime: 1, onTimeRate: 0.5, totalOverrunMinutes: 14 });
    expect(result.items).toBe(5);
  });

  it('a reset clears both times and publishes on the run-of-show channel', async () => {
    const { event, url, welcome } = await setup();
    await staff.post(`${url}/items/${welcome}/start`, { at: cst('14:00') });
    const res = (await staff.delete(`${url}/items/${welcome}`)).json() as RunOfShow;
    expect(res.items.find((i) => i.agendaItemId === welcome)?.state).toBe('pending');
    const events = await t.database.db
      .select()
      .from(realtimeEvents)
      .where(eq(realtimeEvents.channel, `event:${event.id}:run-of-show`));
    expect(events.map((e) => e.type)).toEqual(['item_started', 'item_reset']);
  });
});

describe('access by role (run-of-show.policy.ts)', () => {
  /** A two-site event: the host of site A, the host of site B, a host of a third site, a host without a site. */
  async function twoSites() {
    const [siteA, siteB, siteC] = [
      await buildSite(t.database),
      await buildSite(t.database),
      await buildSite(t.database),
    ];
    const { event, ctx } = await buildOpenEvent(t, {
      eventDate: DAY,
      sites: [
        { siteId: siteA.id, capacity: 30 },
        { siteId: siteB.id, capacity: 30 },
      ],
    });
    await applyAgendaTemplate(ctx, event.id, 'half_day');
    const [esA, esB] = event.sites.map((s) => s.id);
    const stopsA = (await applyDefaultRoute(ctx, event.id, esA)).sites.find(
      (s) => s.eventSiteId === esA,
    )!.stops;
    const stopsB = (await applyDefaultRoute(ctx, event.id, esB)).sites.find(
      (s) => s.eventSiteId === esB,
    )!.stops;
    await createGroup(ctx, event.id, { eventSiteId: esA, name: 'A组' });
    const groups = (await createGroup(ctx, event.id, { eventSiteId: esB, name: 'B组' })).groups;
    const groupA = groups.find((g) => g.name === 'A组')!.id;
    const groupB = groups.find((g) => g.name === 'B组')!.id;
    const host = async (siteId: string | null) => t.as(await buildUser(t.database, { role: 'host', siteId }));
    const url = `/api/v1/events/${event.id}/run-of-show`;
    const show = (await staff.get(url)).json() as RunOfShow;
    return {
      url,
      itemId: show.items[1].agendaItemId,
      groupA,
      groupB,
      stopsA,
      stopsB,
      hostA: await host(siteA.id),
      hostB: await host(siteB.id),
      hostC: await host(siteC.id),
      hostless: await host(null),
    };
  }

  /** Status of opening the SSE stream (the body is left unread). */
  async function streamStatus(client: TestClient, url: string) {
    const address = t.app.server.address();
    if (!address || typeof address === 'string') await t.app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = t.app.server.address() as { port: number };
    const controller = new AbortController();
    const cookie = Object.entries(client.cookies)
      .map(([k, v]) => `${k}=${v}`)
      .join('; ');
    const res = await fetch(`http://127.0.0.1:${port}${url}/stream`, {
      headers: { cookie },
      signal: controller.signal,
    });
    controller.abort();
    return res.status;
  }

  it('admin and staff: console, board, stream, report any group, mark and reset', async () => {
    const s = await twoSites();
    const admin = await t.as(await buildUser(t.database, { role: 'admin' }));
    for (const client of [admin, staff]) {
      expect((await client.get(s.url)).statusCode).toBe(200);
      expect((await client.get(`${s.url}/board`)).json().groups).toHaveLength(2);
      expect(await streamStatus(client, s.url)).toBe(200);
      for (const [groupId, stop] of [
        [s.groupA, s.stopsA[0]],
        [s.groupB, s.stopsB[0]],
      ] as const)
        expect(
          (await client.post(`${s.url}/groups/${groupId}/position`, { routeStopId: stop.id })).statusCode,
        ).toBe(200);
      expect((await client.post(`${s.url}/items/${s.itemId}/start`, {})).statusCode).toBe(200);
      expect((await client.delete(`${s.url}/items/${s.itemId}`)).statusCode).toBe(200);
    }
  });

  it("a host of one of the event's sites: the console and its own groups; never agenda times", async () => {
    const s = await twoSites();
    const show = await s.hostA.get(s.url);
    expect(show.statusCode).toBe(200);
    expect((show.json() as RunOfShow).theme).toBeTruthy();
    const board = (await s.hostA.get(`${s.url}/board`)).json();
    expect(board.groups.map((g: { name: string }) => g.name)).toEqual(['A组']);
    expect(board.sites).toHaveLength(1);
    expect(await streamStatus(s.hostA, s.url)).toBe(200);
    const own = await s.hostA.post(`${s.url}/groups/${s.groupA}/position`, { routeStopId: s.stopsA[1].id });
    expect(own.statusCode).toBe(200);
    expect(own.json().current.routeStopId).toBe(s.stopsA[1].id);
    // The other site's group of the same event: refused.
    const other = await s.hostA.post(`${s.url}/groups/${s.groupB}/position`, { routeStopId: s.stopsB[0].id });
    expect(other.statusCode).toBe(403);
    // Agenda actuals stay with staff.
    for (const res of [
      await s.hostA.post(`${s.url}/items/${s.itemId}/start`, {}),
      await s.hostA.post(`${s.url}/items/${s.itemId}/end`, {}),
      await s.hostA.delete(`${s.url}/items/${s.itemId}`),
    ]) {
      expect(res.statusCode).toBe(403);
      expect(problem(res).code).toBe('access.denied');
    }
    // The other site's host sees its own group only.
    expect((await s.hostB.get(`${s.url}/board`)).json().groups.map((g: { name: string }) => g.name)).toEqual([
      'B组',
    ]);
  });

  it('a host of another site, or without a site, does not learn the event exists (404)', async () => {
    const s = await twoSites();
    for (const host of [s.hostC, s.hostless]) {
      expect((await host.get(s.url)).statusCode).toBe(404);
      expect((await host.get(`${s.url}/board`)).statusCode).toBe(404);
      expect(await streamStatus(host, s.url)).toBe(404);
      const res = await host.post(`${s.url}/groups/${s.groupA}/position`, { routeStopId: s.stopsA[0].id });
      expect(res.statusCode).toBe(404);
      expect(problem(res).code).toBe('not_found');
      // Marking is refused by role before the event is looked at.
      expect((await host.post(`${s.url}/items/${s.itemId}/start`, {})).statusCode).toBe(403);
    }
  });
});

describe('group positions', () => {
  it('staff report a stop; the board shows it with the time there', async () => {
    const { url, groupId, stops } = await setup();
    const res = await staff.post(`${url}/groups/${groupId}/position`, {
      routeStopId: stops[1].id,
      at: cst('14:10'),
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().current).toMatchObject({ routeStopId: stops[1].id, minutesThere: 10 });
    const board = (await staff.get(`${url}/board`)).json();
    expect(board.groups[0].current.stopName).toBe(stops[1].name);
    expect(board.sites[0].stops).toHaveLength(stops.length);
  });

  it('a host reports for a group of their own site; a repeat with the same clientId is one report', async () => {
    const { url, groupId, stops, siteId } = await setup();
    const host = await t.as(await buildUser(t.database, { role: 'host', siteId }));
    const clientId = randomUUID();
    for (let i = 0; i < 2; i++) {
      const res = await host.post(`${url}/groups/${groupId}/position`, {
        routeStopId: stops[0].id,
        clientId,
      });
      expect(res.statusCode).toBe(200);
    }
    const rows = await t.database.db.select().from(groupPositions).where(eq(groupPositions.groupId, groupId));
    expect(rows).toHaveLength(1);
  });

  it('a stop of another route is refused', async () => {
    const { url, groupId } = await setup();
    const other = await setup();
    const res = await staff.post(`${url}/groups/${groupId}/position`, { routeStopId: other.stops[0].id });
    expect(res.statusCode).toBe(400);
    expect(problem(res).code).toBe('run_of_show.stop_not_on_site');
  });

  it('a group of another event is 404', async () => {
    const { url, stops } = await setup();
    const other = await setup();
    const res = await staff.post(`${url}/groups/${other.groupId}/position`, { routeStopId: stops[0].id });
    expect(res.statusCode).toBe(404);
  });
});
