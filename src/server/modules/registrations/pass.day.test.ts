import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildMemberUnit, buildUser } from '../../test/factories.js';
import { createTestApp, type TestApp, type TestClient } from '../../test/harness.js';
import { buildOpenEvent, registerInput } from './registrations.factories.js';
import { register } from './registrations.service.js';

/** The pass on the event day: the check-in time and the survey as GET /passes/:token reports them. */
let t: TestApp;
let staff: TestClient;
let client: TestClient;
let unitId: string;
beforeAll(async () => {
  t = await createTestApp();
  staff = await t.as(await buildUser(t.database, { role: 'staff' }));
  client = t.anonymous();
  unitId = (await buildMemberUnit(t.database)).id;
});
afterAll(() => t.close());

let n = 0;
const nonce = () => `pass-day-${Date.now()}-${++n}`;
const passOf = async (token: string) => (await client.get(`/api/v1/passes/${token}`)).json();

async function eventWithPass() {
  const { event } = await buildOpenEvent(t);
  const reg = await register(t.ctx(), event.id, registerInput(unitId));
  return { event, reg };
}

describe('pass: check-in', () => {
  it('carries the check-in time once scanned, and none again after an undo', async () => {
    const { event, reg } = await eventWithPass();
    expect((await passOf(reg.passToken)).registration.checkedInAt).toBeNull();

    const at = new Date('2026-11-27T06:05:00.000Z'); // 14:05 in China
    t.clock.set(at);
    try {
      const scanned = (
        await staff.post(`/api/v1/events/${event.id}/checkin/scans`, { nonce: nonce(), token: reg.passToken })
      ).json();
      expect(scanned.code).toBe('checked_in');
      expect((await passOf(reg.passToken)).registration.checkedInAt).toBe(at.toISOString());

      const undo = await staff.post(`/api/v1/events/${event.id}/checkin/checkins/${scanned.checkin.id}/undo`);
      expect(undo.statusCode).toBe(200);
      expect((await passOf(reg.passToken)).registration.checkedInAt).toBeNull();
    } finally {
      t.clock.set(new Date());
    }
  });
});

describe('pass: survey', () => {
  const survey = (eventId: string, rest = '') => `/api/v1/events/${eventId}/survey${rest}`;

  it('is null without a survey or while it is a draft, then open, answered and closed', async () => {
    const { event, reg } = await eventWithPass();
    expect((await passOf(reg.passToken)).survey).toBeNull();

    // Opening the builder creates the draft: still nothing on the pass.
    expect((await staff.get(survey(event.id))).statusCode).toBe(200);
    expect((await passOf(reg.passToken)).survey).toBeNull();

    expect((await staff.post(survey(event.id, '/open'))).statusCode).toBe(200);
    expect((await passOf(reg.passToken)).survey).toEqual({ status: 'open', responded: false });

    // The default audience is the people who checked in.
    await staff.post(`/api/v1/events/${event.id}/checkin/scans`, { nonce: nonce(), token: reg.passToken });
    const answers = {
      overall: 5,
      organisation: { notice: 5, signin: 4, schedule: 3, route: 4, service: 5 },
      content_value: 4,
      gain_level: 'great',
      nps: 9,
    };
    expect((await client.put(`/api/v1/passes/${reg.passToken}/survey`, { answers })).statusCode).toBe(200);
    expect((await passOf(reg.passToken)).survey).toEqual({ status: 'open', responded: true });

    expect((await staff.post(survey(event.id, '/close'))).statusCode).toBe(200);
    expect((await passOf(reg.passToken)).survey).toEqual({ status: 'closed', responded: true });

    // Another pass of the same event never answered.
    const other = await register(t.ctx(), event.id, registerInput(unitId));
    expect((await passOf(other.passToken)).survey).toEqual({ status: 'closed', responded: false });
  });
});
