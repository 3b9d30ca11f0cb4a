import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildMemberUnit, buildUser } from '../../test/factories.js';
import { createTestApp, problem, type TestApp, type TestClient } from '../../test/harness.js';
import { buildSite } from '../events/events.factories.js';
import { buildOpenEvent, registerInput } from '../registrations/registrations.factories.js';
import { register } from '../registrations/registrations.service.js';
import { hashPassToken } from './checkin.service.js';
import { checkinScans, checkins } from './checkin.table.js';

let t: TestApp;
let staff: TestClient;
let unitId: string;
beforeAll(async () => {
  t = await createTestApp();
  t.clock.set('2026-11-27T09:00:00+08:00');
  staff = await t.as(await buildUser(t.database, { role: 'staff' }));
  unitId = (await buildMemberUnit(t.database)).id;
});
afterAll(() => t.close());

let n = 0;
const nonce = () => `nonce-${Date.now()}-${++n}`;
const scanUrl = (eventId: string) => `/api/v1/events/${eventId}/checkin/scans`;

async function eventWithPeople(count = 1, overrides = {}) {
  const { event } = await buildOpenEvent(t, overrides);
  const regs = [];
  for (let i = 0; i < count; i++)
    regs.push(await register(t.ctx(), event.id, registerInput(unitId, { name: `参会人${i}` })));
  return { event, regs };
}

describe('check-in refusals', () => {
  it('401 anonymous, 403 member and host, 400 without a pass or registration', async () => {
    const { event } = await eventWithPeople(0);
    expect((await t.anonymous().post(scanUrl(event.id), { nonce: nonce(), token: 'x' })).statusCode).toBe(
      401,
    );
    for (const role of ['member', 'host'] as const) {
      const client = await t.as(await buildUser(t.database, { role }));
      expect((await client.post(scanUrl(event.id), { nonce: nonce(), token: 'x' })).statusCode).toBe(403);
      expect((await client.get(`/api/v1/events/${event.id}/checkin/list`)).statusCode).toBe(403);
    }
    const bad = await staff.post(scanUrl(event.id), { nonce: nonce() });
    expect(bad.statusCode).toBe(400);
    expect(problem(bad).errors?.[0].path).toBe('body.token');
  });
});

describe('scanning', () => {
  it('checks in a confirmed pass once, and tells a second scan apart', async () => {
    const { event, regs } = await eventWithPeople(1);
    const first = await staff.post(scanUrl(event.id), {
      nonce: nonce(),
      token: regs[0].passToken,
      deviceId: 'gate-1',
    });
    expect(first.json()).toMatchObject({ code: 'checked_in', registration: { name: '参会人0' } });
    expect(first.json().undoUntil).not.toBeNull();
    const second = await staff.post(scanUrl(event.id), {
      nonce: nonce(),
      token: regs[0].passUrl,
      deviceId: 'gate-2',
    });
    expect(second.json()).toMatchObject({ code: 'already_checked_in', checkin: { deviceId: 'gate-1' } });
    expect(
      await t.database.db.select().from(checkins).where(eq(checkins.registrationId, regs[0].registrationId)),
    ).toHaveLength(1);
  });

  it('answers a repeated nonce with the first result and never checks in twice', async () => {
    const { event, regs } = await eventWithPeople(1);
    const body = { nonce: nonce(), token: regs[0].passToken };
    const [a, b] = await Promise.all([
      staff.post(scanUrl(event.id), body),
      staff.post(scanUrl(event.id), body),
    ]);
    expect(a.json()).toEqual(b.json());
    expect(a.json().code).toBe('checked_in');
    expect(
      await t.database.db.select().from(checkinScans).where(eq(checkinScans.nonce, body.nonce)),
    ).toHaveLength(1);
  });

  it('codes waitlisted, cancelled, pending, other event, other site and unknown passes distinctly', async () => {
    const [a, b] = [await buildSite(t.database), await buildSite(t.database)];
    const { event } = await buildOpenEvent(t, {
      capacity: 10,
      sites: [
        { siteId: a.id, capacity: 1 },
        { siteId: b.id, capacity: 5 },
      ],
    });
    const [siteA, siteB] = event.sites;
    const onA = await register(t.ctx(), event.id, registerInput(unitId, { eventSiteId: siteA.id }));
    const waiting = await register(t.ctx(), event.id, registerInput(unitId, { eventSiteId: siteA.id }));
    const cancelled = await register(t.ctx(), event.id, registerInput(unitId, { eventSiteId: siteB.id }));
    await t.anonymous().post(`/api/v1/passes/${cancelled.passToken}/cancel`);
    const { event: other, regs: otherRegs } = await eventWithPeople(1);
    const code = async (token: string, eventSiteId?: string) =>
      (await staff.post(scanUrl(event.id), { nonce: nonce(), token, eventSiteId })).json().code;
    expect(await code(waiting.passToken)).toBe('waitlisted');
    expect(await code(cancelled.passToken)).toBe('cancelled');
    expect(await code(otherRegs[0].passToken)).toBe('other_event');
    expect(await code(onA.passToken, siteB.id)).toBe('other_site');
    expect(await code('no-such-pass-token-at-all')).toBe('unknown');
    expect(other.id).not.toBe(event.id);

    await staff.put(`/api/v1/events/${event.id}/registration-settings`, {
      unitQuota: null,
      requiresApproval: true,
      allowNonMembers: false,
      retentionDays: 180,
    });
    const pending = await register(t.ctx(), event.id, registerInput(unitId, { eventSiteId: siteB.id }));
    expect(await code(pending.passToken)).toBe('pending');
  });

  it('undoes within a minute, not after', async () => {
    const { event, regs } = await eventWithPeople(2);
    const first = (await staff.post(scanUrl(event.id), { nonce: nonce(), token: regs[0].passToken })).json();
    expect(
      (await staff.post(`/api/v1/events/${event.id}/checkin/checkins/${first.checkin.id}/undo`)).statusCode,
    ).toBe(200);
    const again = await staff.post(scanUrl(event.id), { nonce: nonce(), token: regs[0].passToken });
    expect(again.json().code).toBe('checked_in');

    const late = (await staff.post(scanUrl(event.id), { nonce: nonce(), token: regs[1].passToken })).json();
    t.clock.advance(61_000);
    const refused = await staff.post(`/api/v1/events/${event.id}/checkin/checkins/${late.checkin.id}/undo`);
    expect(problem(refused).code).toBe('checkin.undo_expired');
  });
});

describe('offline devices', () => {
  it('gives the scanner list with token hashes, and a batch upload resolves conflicts to the earliest scan', async () => {
    const { event, regs } = await eventWithPeople(3);
    const list = (await staff.get(`/api/v1/events/${event.id}/checkin/list`)).json();
    expect(list).toHaveLength(3);
    const entry = list.find((e: { registrationId: string }) => e.registrationId === regs[0].registrationId);
    expect(entry.tokenHash).toBe(hashPassToken(regs[0].passToken));
    expect(entry.mobileLast4).toHaveLength(4);

    // Device B syncs first a scan made at 13:40; device A later syncs its 13:35 scan of the same person.
    t.clock.set('2026-11-27T14:00:00+08:00');
    const b = await staff.post(`${scanUrl(event.id)}/batch`, {
      scans: [
        {
          nonce: nonce(),
          registrationId: regs[0].registrationId,
          scannedAt: '2026-11-27T13:40:00+08:00',
          deviceId: 'B',
        },
      ],
    });
    expect(b.json().results[0].code).toBe('checked_in');
    const aScans = [
      {
        nonce: nonce(),
        registrationId: regs[0].registrationId,
        scannedAt: '2026-11-27T13:35:00+08:00',
        deviceId: 'A',
      },
      {
        nonce: nonce(),
        registrationId: regs[1].registrationId,
        scannedAt: '2026-11-27T13:36:00+08:00',
        deviceId: 'A',
      },
    ];
    try {
      const a = (await staff.post(`${scanUrl(event.id)}/batch`, { scans: aScans })).json();
      expect(a.results.map((r: { code: string }) => r.code)).toEqual(['already_checked_in', 'checked_in']);
      // Retrying the same batch (the connection dropped before the answer) changes nothing.
      const retry = (await staff.post(`${scanUrl(event.id)}/batch`, { scans: aScans })).json();
      expect(retry.results).toEqual(a.results);
    } finally {
      t.clock.set('2026-11-27T09:00:00+08:00');
    }
    const [effective] = await t.database.db
      .select()
      .from(checkins)
      .where(and(eq(checkins.registrationId, regs[0].registrationId)));
    expect(effective.deviceId).toBe('A');
    expect(effective.scannedAt.toISOString()).toBe(new Date('2026-11-27T13:35:00+08:00').toISOString());
    const log = (await staff.get(`/api/v1/events/${event.id}/checkin/log`)).json();
    expect(
      log.filter((s: { registrationId: string }) => s.registrationId === regs[0].registrationId),
    ).toHaveLength(2);
    const stats = (await staff.get(`/api/v1/events/${event.id}/checkin/stats`)).json();
    expect(stats).toMatchObject({ expected: 3, arrived: 2 });
  });
});

describe('device clocks', () => {
  it('never records a scan in the future: a device clock ahead of the server is capped at the server time', async () => {
    const { event, regs } = await eventWithPeople(1);
    const res = await staff.post(scanUrl(event.id), {
      nonce: nonce(),
      registrationId: regs[0].registrationId,
      scannedAt: '2030-01-01T00:00:00+08:00',
    });
    expect(res.json().checkin.at).toBe(t.clock.now().toISOString());
  });
});
