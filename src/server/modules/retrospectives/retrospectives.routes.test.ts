import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Retrospective } from '../../../contract/retrospectives.js';
import { buildUser } from '../../test/factories.js';
import { actorOf, createTestApp, problem, type TestApp, type TestClient } from '../../test/harness.js';
import { applyAgendaTemplate } from '../agenda/agenda.service.js';
import { scan } from '../checkin/checkin.service.js';
import { zipEntry } from '../documents/documents.test-support.js';
import { buildSite } from '../events/events.factories.js';
import { buildPass } from '../observations/observations.fixtures.js';
import { buildOpenEvent } from '../registrations/registrations.factories.js';

let t: TestApp;
let staff: TestClient;
let admin: TestClient;
let member: TestClient;
let host: TestClient;
beforeAll(async () => {
  t = await createTestApp();
  staff = await t.as(await buildUser(t.database, { role: 'staff' }));
  admin = await t.as(await buildUser(t.database, { role: 'admin' }));
  member = await t.as(await buildUser(t.database, { role: 'member' }));
  host = await t.as(await buildUser(t.database, { role: 'host', siteId: (await buildSite(t.database)).id }));
});
afterAll(() => t.close());

const url = (eventId: string) => `/api/v1/events/${eventId}/retrospective`;
const action = { title: '欢迎致辞控制在10分钟内', ownerName: '王老师', dueDate: '2027-01-15' };

describe('refusals first', () => {
  it('401 anonymous and 403 member / host on every route', async () => {
    const { event } = await buildOpenEvent(t);
    const id = randomUUID();
    for (const [client, status] of [
      [t.anonymous(), 401],
      [member, 403],
      [host, 403],
    ] as const) {
      for (const res of [
        await client.get(url(event.id)),
        await client.get(`${url(event.id)}.docx`),
        await client.put(`${url(event.id)}/notes`, { keep: 'x', version: 0 }),
        await client.post(`${url(event.id)}/actions`, action),
        await client.patch(`${url(event.id)}/actions/${id}`, { status: 'done' }),
        await client.delete(`${url(event.id)}/actions/${id}`),
      ]) {
        expect(res.statusCode).toBe(status);
        expect(problem(res).code).toBe(status === 401 ? 'auth.required' : 'access.denied');
      }
    }
  });

  it('400 with translated field errors for bad input', async () => {
    const { event } = await buildOpenEvent(t);
    const res = await staff.post(`${url(event.id)}/actions`, {
      title: '',
      ownerName: 'x'.repeat(101),
      dueDate: '2027-13-45',
      status: 'later',
    });
    expect(res.statusCode).toBe(400);
    const body = problem(res);
    expect(body.errors?.map((e) => e.path)).toEqual(
      expect.arrayContaining(['body.title', 'body.ownerName', 'body.dueDate', 'body.status']),
    );
    expect(body.errors?.find((e) => e.path === 'body.dueDate')?.message).toBe('日期格式应为 YYYY-MM-DD');
    const notes = await staff.put(`${url(event.id)}/notes`, { keep: 'x'.repeat(5001) });
    expect(notes.statusCode).toBe(400);
    expect(problem(notes).errors?.map((e) => e.path)).toEqual(
      expect.arrayContaining(['body.keep', 'body.version']),
    );
    const empty = await staff.patch(`${url(event.id)}/actions/${randomUUID()}`, {});
    expect(empty.statusCode).toBe(400);
  });

  it('404 for an unknown event or action, in the caller’s language', async () => {
    const missing = await staff.get(url(randomUUID()));
    expect(missing.statusCode).toBe(404);
    expect(problem(missing).detail).toBe('未找到活动');
    const { event } = await buildOpenEvent(t);
    const english = await t.as(await buildUser(t.database, { role: 'staff' }), 'en-US');
    const res = await english.patch(`${url(event.id)}/actions/${randomUUID()}`, { status: 'done' });
    expect(res.statusCode).toBe(404);
    expect(problem(res).detail).toBe('improvement action not found');
  });

  it('409 retrospectives.notes_changed for a save on an old version', async () => {
    const { event } = await buildOpenEvent(t);
    expect((await staff.put(`${url(event.id)}/notes`, { keep: '第一稿', version: 0 })).statusCode).toBe(200);
    const res = await admin.put(`${url(event.id)}/notes`, { keep: '另一稿', version: 0 });
    expect(res.statusCode).toBe(409);
    expect(problem(res).code).toBe('retrospectives.notes_changed');
    expect(problem(res).detail).toContain('载入最新内容');
  });
});

describe('the retrospective through HTTP', () => {
  it('GET answers figures, notes and actions; notes and actions change through PUT/POST/PATCH/DELETE', async () => {
    const { event } = await buildOpenEvent(t);
    const first = (await staff.get(url(event.id))).json() as Retrospective;
    expect(first).toMatchObject({
      eventId: event.id,
      editable: true,
      notes: { version: 0, keep: null },
      actions: [],
      links: { docx: `${url(event.id)}.docx` },
    });
    expect(first.figures.attendance.arrivalRate).toBeNull();

    const saved = await staff.put(`${url(event.id)}/notes`, {
      keep: '  签到分流顺畅  ',
      improve: '',
      summary: '总体顺利',
      version: 0,
    });
    expect(saved.statusCode).toBe(200);
    expect((saved.json() as Retrospective).notes).toMatchObject({
      keep: '签到分流顺畅',
      improve: null,
      summary: '总体顺利',
      version: 1,
    });

    const created = await staff.post(`${url(event.id)}/actions`, action);
    expect(created.statusCode).toBe(201);
    const [added] = (created.json() as Retrospective).actions;
    expect(added).toMatchObject({ ...action, status: 'open', ownerUserId: null, overdue: false });

    const patched = await admin.patch(`${url(event.id)}/actions/${added.id}`, { status: 'done' });
    expect((patched.json() as Retrospective).actions[0].status).toBe('done');
    const removed = await staff.delete(`${url(event.id)}/actions/${added.id}`);
    expect((removed.json() as Retrospective).actions).toEqual([]);
  });
});

describe('GET /events/:id/retrospective.docx', () => {
  it('is a real DOCX with the title, figures, notes and actions in Chinese', async () => {
    const { event, ctx } = await buildOpenEvent(t, { eventDate: '2026-12-18' });
    await applyAgendaTemplate(ctx, event.id, 'half_day');
    const eventSiteId = event.sites[0].id;
    const reg = await buildPass(t.database, event, eventSiteId);
    await buildPass(t.database, event, eventSiteId);
    const staffCtx = t.ctx(actorOf(await buildUser(t.database, { role: 'staff' })));
    await scan(staffCtx, event.id, {
      nonce: `retro-${randomUUID()}`,
      registrationId: reg.id,
      method: 'search',
      scannedAt: '2026-12-18T13:45:00+08:00',
    });
    await staff.put(`${url(event.id)}/notes`, {
      keep: '签到分流顺畅\n讲解员准备充分',
      improve: '欢迎致辞超时',
      version: 0,
    });
    await staff.post(`${url(event.id)}/actions`, action);

    const res = await staff.get(`${url(event.id)}.docx`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe(
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    );
    expect(res.headers['content-disposition']).toContain(
      `filename*=UTF-8''${encodeURIComponent('“探寻智慧物业，共建美好家园”观摩活动复盘报告.docx')}`,
    );
    expect(res.rawPayload.subarray(0, 4).toString('latin1')).toBe('PK\u0003\u0004');
    const xml = zipEntry(res.rawPayload, 'word/document.xml')?.toString('utf8') ?? '';
    for (const text of [
      '“探寻智慧物业，共建美好家园”观摩活动复盘报告',
      '数据指标',
      '2人（其中取消0人、候补0人、待审核0人）',
      '1人（到场率50.0%）',
      '签到分流顺畅',
      '讲解员准备充分',
      '欢迎致辞超时',
      '（未填写）', // the summary was left empty
      '欢迎致辞控制在10分钟内',
      '王老师',
      '2027年1月15日',
      '进行中',
      '未发放问卷', // no survey for this event
    ])
      expect(xml, text).toContain(text);
    // The official-document fonts, for every script (digits too), as the notice has them.
    expect(xml).toContain('w:eastAsia="仿宋_GB2312"');
    expect(xml).toContain('w:ascii="仿宋_GB2312"');
  });

  it('answers in English for an English caller', async () => {
    const { event } = await buildOpenEvent(t);
    const english = await t.as(await buildUser(t.database, { role: 'admin' }), 'en-US');
    const res = await english.get(`${url(event.id)}.docx`);
    expect(res.statusCode).toBe(200);
    const xml = zipEntry(res.rawPayload, 'word/document.xml')?.toString('utf8') ?? '';
    expect(xml).toContain('Retrospective of “探寻智慧物业，共建美好家园”');
    expect(xml).toContain('No improvement actions.');
  });
});
