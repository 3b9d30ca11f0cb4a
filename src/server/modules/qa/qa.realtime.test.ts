import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  PassBoard,
  PassQuestion,
  PublicQuestion,
  StaffBoard,
  StaffQuestion,
} from '../../../contract/qa.js';
import { buildUser } from '../../test/factories.js';
import { createTestApp, type TestApp, type TestClient } from '../../test/harness.js';
import { buildQaEvent, openSse, type SseEvent } from './qa.fixtures.js';

/** The Q&A's streams in one process (PGlite by default; PostgreSQL with TEST_DATABASE_URL). */

let t: TestApp;
let base: string;
let staff: TestClient;
let staffCookie: string;
beforeAll(async () => {
  t = await createTestApp();
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  base = `http://127.0.0.1:${(t.app.server.address() as { port: number }).port}/api/v1`;
  staff = await t.as(await buildUser(t.database, { role: 'staff' }));
  staffCookie = `guanmo_session=${staff.cookies.guanmo_session}`;
});
afterAll(() => t.close());

async function ask(token: string, text: string, anonymous = false) {
  const res = await t.anonymous().post(`/api/v1/passes/${token}/qa/questions`, { text, anonymous });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as PassQuestion;
}
async function act(eventId: string, questionId: string, action: string, body?: unknown) {
  const res = await staff.post(`/api/v1/events/${eventId}/qa/questions/${questionId}/${action}`, body);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as StaffQuestion;
}
const questionIds = (events: SseEvent[], type = 'question') =>
  events.filter((e) => e.type === type).map((e) => (e.data as { id: string }).id);

describe('Q&A streams', () => {
  it('a pending or hidden question never reaches the public streams; staff see everything', async () => {
    const { event, a, b } = await buildQaEvent(t);
    const board = (await t.anonymous().get(`/api/v1/passes/${b.passToken}/qa`)).json() as PassBoard;
    const screenKey = ((await staff.get(`/api/v1/events/${event.id}/qa`)).json() as StaffBoard).settings
      .screenKey;
    const attendee = openSse(`${base}/passes/${b.passToken}/qa/stream?since=${board.lastEventId}`);
    const screen = openSse(`${base}/public/events/${event.slug}/qa/stream?key=${screenKey}`);
    const staffStream = openSse(`${base}/events/${event.id}/qa/stream`, { cookie: staffCookie });
    expect([await attendee.opened, await screen.opened, await staffStream.opened]).toEqual([200, 200, 200]);

    await staff.patch(`/api/v1/events/${event.id}/qa/settings`, { preModeration: true });
    const spam = await ask(a.passToken, '一条不该上屏的广告');
    const good = await ask(a.passToken, '设备房的远程监控怎么做?');
    await act(event.id, spam.id, 'hide');
    await act(event.id, good.id, 'approve');
    await staff.patch(`/api/v1/events/${event.id}/qa/settings`, { preModeration: false });
    const secret = await ask(a.passToken, '匿名提一个问题', true);
    await act(event.id, good.id, 'hide');

    for (const stream of [attendee, screen]) {
      const events = await stream.until((list) => list.filter((e) => e.type === 'removed').length === 1);
      expect(events.map((e) => [e.type, (e.data as { id: string }).id])).toEqual([
        ['question', good.id],
        ['question', secret.id],
        ['removed', good.id],
      ]);
      const raw = JSON.stringify(events);
      expect(raw).not.toContain(spam.id);
      expect(raw).not.toContain('广告');
      expect((events[1].data as PublicQuestion).authorName).toBeNull();
    }
    const staffEvents = await staffStream.until((list) => questionIds(list).length === 6);
    expect(questionIds(staffEvents)).toEqual([spam.id, good.id, spam.id, good.id, secret.id, good.id]);
    expect(staffEvents.filter((e) => e.type === 'settings')).toHaveLength(2);
    await Promise.all([attendee.close(), screen.close(), staffStream.close()]);
  });

  it('catches up after Last-Event-ID with exactly what was missed, without repeats', async () => {
    const { a, b } = await buildQaEvent(t);
    const board = (await t.anonymous().get(`/api/v1/passes/${b.passToken}/qa`)).json() as PassBoard;
    const first = openSse(`${base}/passes/${b.passToken}/qa/stream?since=${board.lastEventId}`);
    await first.opened;
    const q1 = await ask(a.passToken, '第一问');
    await first.until((events) => events.length === 1);
    await first.close();
    const q2 = await ask(a.passToken, '第二问');
    const q3 = await ask(a.passToken, '第三问');
    const again = openSse(`${base}/passes/${b.passToken}/qa/stream`, {
      'last-event-id': String(first.lastId),
    });
    await again.until((events) => events.length >= 2);
    const q4 = await ask(a.passToken, '第四问');
    await again.until((events) => events.length >= 3);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(questionIds(first.events)).toEqual([q1.id]);
    expect(questionIds(again.events)).toEqual([q2.id, q3.id, q4.id]);
    await again.close();
  });

  it('refuses streams without access', async () => {
    const { event } = await buildQaEvent(t);
    const member = await t.as(await buildUser(t.database, { role: 'member' }));
    const statuses = await Promise.all(
      [
        openSse(`${base}/passes/${'x'.repeat(30)}/qa/stream`),
        openSse(`${base}/public/events/${event.slug}/qa/stream`),
        openSse(`${base}/public/events/${event.slug}/qa/stream?key=nope`),
        openSse(`${base}/events/${event.id}/qa/stream`),
        openSse(`${base}/events/${event.id}/qa/stream`, {
          cookie: `guanmo_session=${member.cookies.guanmo_session}`,
        }),
      ].map(async (stream) => {
        const status = await stream.opened;
        await stream.close();
        return status;
      }),
    );
    expect(statuses).toEqual([404, 404, 404, 401, 403]);
  });
});
