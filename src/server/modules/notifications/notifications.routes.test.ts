import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MESSAGE_TYPES } from '../../../contract/notifications.js';
import { buildAssociation, buildUser } from '../../test/factories.js';
import { createTestApp, problem, type TestApp, type TestClient } from '../../test/harness.js';
import { auditLog } from '../audit/audit.table.js';
import { enqueue } from './outbox.service.js';
import { outbox } from './outbox.table.js';
import { runOnce } from './outbox.worker.js';
import { startWebhookPeer, type WebhookPeer } from './test-peers.js';

let t: TestApp;
let hooks: WebhookPeer;
let admin: TestClient;
let staff: TestClient;
let member: TestClient;
let host: TestClient;

beforeAll(async () => {
  t = await createTestApp();
  hooks = await startWebhookPeer();
  await buildAssociation(t.database);
  admin = await t.as(await buildUser(t.database, { role: 'admin' }));
  staff = await t.as(await buildUser(t.database, { role: 'staff' }));
  member = await t.as(await buildUser(t.database, { role: 'member' }));
  host = await t.as(await buildUser(t.database, { role: 'host' }));
});
afterAll(async () => {
  await hooks.close();
  await t.close();
});

const ID = '00000000-0000-4000-8000-000000000000';
const draft = { subject: '报名成功：{{eventTheme}}', body: '{{name}}，您好！凭证：{{passUrl}}' };

/** Each route with a valid request, for the refusal checks. */
const ROUTES: {
  name: string;
  call: (c: TestClient) => ReturnType<TestClient['get']>;
  staffAllowed: boolean;
}[] = [
  { name: 'GET /outbox', call: (c) => c.get('/api/v1/outbox'), staffAllowed: true },
  { name: 'GET /outbox/status', call: (c) => c.get('/api/v1/outbox/status'), staffAllowed: true },
  { name: 'GET /outbox/:id', call: (c) => c.get(`/api/v1/outbox/${ID}`), staffAllowed: true },
  { name: 'POST /outbox/:id/resend', call: (c) => c.post(`/api/v1/outbox/${ID}/resend`), staffAllowed: true },
  { name: 'GET /message-templates', call: (c) => c.get('/api/v1/message-templates'), staffAllowed: true },
  {
    name: 'PUT /message-templates/:type/:locale',
    call: (c) => c.put('/api/v1/message-templates/confirmation/zh-CN', draft),
    staffAllowed: true,
  },
  {
    name: 'DELETE /message-templates/:type/:locale',
    call: (c) => c.delete('/api/v1/message-templates/confirmation/zh-CN'),
    staffAllowed: true,
  },
  {
    name: 'POST /message-templates/:type/:locale/preview',
    call: (c) => c.post('/api/v1/message-templates/confirmation/zh-CN/preview', draft),
    staffAllowed: true,
  },
  {
    name: 'GET /notification-settings',
    call: (c) => c.get('/api/v1/notification-settings'),
    staffAllowed: true,
  },
  {
    name: 'PUT /notification-settings',
    call: (c) => c.put('/api/v1/notification-settings', { wecomUrl: null, dingtalkUrl: null }),
    staffAllowed: false,
  },
  {
    name: 'POST /notification-settings/test',
    call: (c) => c.post('/api/v1/notification-settings/test', { channel: 'wecom' }),
    staffAllowed: true,
  },
];

describe('refusals', () => {
  for (const route of ROUTES) {
    it(`${route.name} answers 401 without a session`, async () => {
      const res = await route.call(t.anonymous());
      expect(res.statusCode).toBe(401);
      expect(problem(res).code).toBe('auth.required');
    });
    it(`${route.name} answers 403 to members and hosts${route.staffAllowed ? '' : ' and staff'}`, async () => {
      for (const client of route.staffAllowed ? [member, host] : [member, host, staff]) {
        const res = await route.call(client);
        expect(res.statusCode).toBe(403);
        expect(problem(res).code).toBe('access.denied');
      }
    });
  }

  it('GET /outbox answers 400 for an unknown status filter', async () => {
    const res = await staff.get('/api/v1/outbox?status=lost');
    expect(res.statusCode).toBe(400);
    expect(problem(res).errors?.map((e) => e.path)).toContain('querystring.status');
  });

  it('PUT /message-templates answers 400 for an unknown message type', async () => {
    const res = await staff.put('/api/v1/message-templates/birthday/zh-CN', draft);
    expect(res.statusCode).toBe(400);
    expect(problem(res).errors?.map((e) => e.path)).toContain('params.type');
  });

  it('PUT /message-templates answers 400 with field errors for an empty subject and body', async () => {
    const res = await staff.put('/api/v1/message-templates/confirmation/zh-CN', { subject: ' ', body: '' });
    expect(res.statusCode).toBe(400);
    expect(problem(res).errors?.map((e) => e.path)).toEqual(
      expect.arrayContaining(['body.subject', 'body.body']),
    );
  });

  it('PUT /message-templates answers 400 naming each unknown placeholder and its field', async () => {
    const res = await staff.put('/api/v1/message-templates/confirmation/zh-CN', {
      subject: '{{eventTitle}}',
      body: '{{name}} {{seat}}',
    });
    expect(res.statusCode).toBe(400);
    const body = problem(res);
    expect(body.code).toBe('notifications.unknown_placeholder');
    expect(body.detail).toBe('模板中有未知的占位符：eventTitle, seat');
    expect(body.errors?.map((e) => e.path)).toEqual(['body.subject', 'body.body']);
    expect(body.errors?.[1].message).toContain('未知的占位符 seat');
  });

  it('POST preview answers 400 for an unknown placeholder, in English for an English caller', async () => {
    const english = await t.as(await buildUser(t.database, { role: 'staff' }), 'en-US');
    const res = await english.post('/api/v1/message-templates/waitlisted/en-US/preview', {
      subject: 'Hi',
      body: '{{passUrl}}',
    });
    expect(res.statusCode).toBe(400);
    expect(problem(res).detail).toBe('The template uses unknown placeholders: passUrl');
  });

  it('PUT /notification-settings answers 400 for a webhook URL that is not http(s)', async () => {
    const res = await admin.put('/api/v1/notification-settings', {
      wecomUrl: 'javascript:alert(1)',
      dingtalkUrl: `https://oapi.dingtalk.com/robot/send?access_token=${'x'.repeat(1000)}`,
    });
    expect(res.statusCode).toBe(400);
    const body = problem(res);
    expect(body.errors?.map((e) => e.path)).toEqual(
      expect.arrayContaining(['body.wecomUrl', 'body.dingtalkUrl']),
    );
    expect(body.errors?.[0].message).toContain('http://');
  });

  it('POST /notification-settings/test answers 400 for an e-mail test without an address', async () => {
    const res = await staff.post('/api/v1/notification-settings/test', { channel: 'email', to: 'nobody' });
    expect(res.statusCode).toBe(400);
    expect(problem(res).errors?.map((e) => e.path)).toContain('body.to');
  });

  it('GET /outbox/:id answers 404 for an unknown message', async () => {
    const res = await staff.get(`/api/v1/outbox/${ID}`);
    expect(res.statusCode).toBe(404);
    expect(problem(res).detail).toBe('未找到消息');
  });
});

describe('outbox', () => {
  it('lists messages filtered by status, channel and type, with webhook tokens masked', async () => {
    const ctx = t.ctx();
    await enqueue(ctx, { channel: 'email', recipient: 'a@example.com', type: 'confirmation' });
    await enqueue(ctx, { channel: 'wecom', recipient: hooks.url('/send?key=secret-key'), type: 'reminder' });
    const all = await staff.get('/api/v1/outbox');
    expect(all.statusCode).toBe(200);
    expect(all.json().total).toBeGreaterThanOrEqual(2);
    const wecom = await staff.get('/api/v1/outbox?channel=wecom&type=reminder&status=pending');
    expect(wecom.json().items).toHaveLength(1);
    expect(wecom.json().items[0].recipient).toMatch(/key=\*\*\*\*$/);
    expect(wecom.body).not.toContain('secret-key');
  });

  it('shows a message with its delivery log and resends it', async () => {
    hooks.answer = { status: 200, body: { errcode: 310000, errmsg: 'keywords not in content' } };
    const { id } = await enqueue(t.ctx(), {
      channel: 'dingtalk',
      recipient: hooks.url('/d?access_token=t'),
      type: 'test',
    });
    await runOnce(t.ctx(), { onlyId: id });
    const detail = await staff.get(`/api/v1/outbox/${id}`);
    expect(detail.statusCode).toBe(200);
    expect(detail.json()).toMatchObject({ status: 'failed', attempts: 1 });
    expect(detail.json().deliveries).toEqual([
      expect.objectContaining({ ok: false, response: expect.stringContaining('310000') }),
    ]);
    const resent = await staff.post(`/api/v1/outbox/${id}/resend`);
    expect(resent.statusCode).toBe(200);
    expect(resent.json()).toMatchObject({ status: 'pending', attempts: 0, lastError: null });
    const [audit] = await t.database.db.select().from(auditLog).where(eq(auditLog.entityId, id));
    expect(audit.action).toBe('outbox.resend');
    hooks.answer = { status: 200, body: { errcode: 0, errmsg: 'ok' } };
  });

  it('refuses to resend a message that is being sent', async () => {
    const { id } = await enqueue(t.ctx(), { channel: 'email', recipient: 'b@example.com', type: 'test' });
    await t.database.db.update(outbox).set({ status: 'sending' }).where(eq(outbox.id, id));
    const res = await staff.post(`/api/v1/outbox/${id}/resend`);
    expect(res.statusCode).toBe(409);
    expect(problem(res).code).toBe('notifications.message_sending');
  });

  it('reports that SMTP is not configured, with counts per status', async () => {
    const res = await staff.get('/api/v1/outbox/status');
    expect(res.statusCode).toBe(200);
    expect(res.json().smtpConfigured).toBe(false);
    expect(Object.keys(res.json().counts).sort()).toEqual(['dead', 'failed', 'pending', 'sending', 'sent']);
  });
});

describe('message templates', () => {
  it('lists every type in both languages, built-in by default', async () => {
    const res = await staff.get('/api/v1/message-templates');
    expect(res.statusCode).toBe(200);
    const list = res.json() as { type: string; locale: string; custom: boolean; placeholders: string[] }[];
    expect(list).toHaveLength(MESSAGE_TYPES.length * 2);
    expect(new Set(list.map((x) => x.type))).toEqual(new Set(MESSAGE_TYPES));
    const confirmation = list.find((x) => x.type === 'confirmation' && x.locale === 'zh-CN');
    expect(confirmation?.custom).toBe(false);
    expect(confirmation?.placeholders).toEqual(expect.arrayContaining(['name', 'eventTheme', 'passUrl']));
  });

  it('previews a draft with sample data as text, HTML and markdown', async () => {
    const res = await staff.post('/api/v1/message-templates/confirmation/zh-CN/preview', draft);
    expect(res.statusCode).toBe(200);
    const preview = res.json();
    expect(preview.subject).toBe('报名成功：探寻智慧物业，共建美好家园');
    expect(preview.text).toBe('张伟，您好！凭证：https://guanmo.example.cn/pass/8f3k2m9q');
    expect(preview.html).toContain('<a href="https://guanmo.example.cn/pass/8f3k2m9q">');
    expect(preview.markdown).toMatch(/^### 报名成功/);
  });

  it('saves an override that new messages use, audited, and resets it to the default', async () => {
    const saved = await staff.put('/api/v1/message-templates/reminder/zh-CN', {
      subject: '明天见：{{eventTheme}}',
      body: '{{name}}，明天 {{eventTime}} 在 {{place}} 集合。',
    });
    expect(saved.statusCode).toBe(200);
    expect(saved.json()).toMatchObject({ custom: true, subject: '明天见：{{eventTheme}}' });
    const { id } = await enqueue(t.ctx(), {
      channel: 'email',
      recipient: 'c@example.com',
      type: 'reminder',
      params: { name: '李娜', eventTheme: '精细化服务下的品质生活', eventTime: '13:30', place: '营销中心' },
    });
    const [message] = await t.database.db.select().from(outbox).where(eq(outbox.id, id));
    expect(message.subject).toBe('明天见：精细化服务下的品质生活');
    expect(message.body).toBe('李娜，明天 13:30 在 营销中心 集合。');
    const audits = await t.database.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, 'message_template.update'));
    expect(audits).toHaveLength(1);

    const reset = await staff.delete('/api/v1/message-templates/reminder/zh-CN');
    expect(reset.statusCode).toBe(200);
    expect(reset.json()).toMatchObject({ custom: false, subject: '明日活动提醒：{{eventTheme}}' });
  });
});

describe('association webhook settings', () => {
  it('saves the robots; the DingTalk secret is kept but never returned', async () => {
    const res = await admin.put('/api/v1/notification-settings', {
      wecomUrl: hooks.url('/cgi-bin/webhook/send?key=wk'),
      dingtalkUrl: hooks.url('/robot/send?access_token=dt'),
      dingtalkSecret: 'SECabc',
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ dingtalkSecretSet: true });
    expect(res.body).not.toContain('SECabc');
    const kept = await admin.put('/api/v1/notification-settings', {
      wecomUrl: hooks.url('/cgi-bin/webhook/send?key=wk'),
      dingtalkUrl: hooks.url('/robot/send?access_token=dt'),
    });
    expect(kept.json().dingtalkSecretSet).toBe(true);
    const read = await staff.get('/api/v1/notification-settings');
    expect(read.json()).toMatchObject({
      wecomUrl: hooks.url('/cgi-bin/webhook/send?key=wk'),
      dingtalkSecretSet: true,
    });
  });

  it('sends a signed test message to the DingTalk robot right away', async () => {
    hooks.requests.length = 0;
    const res = await staff.post('/api/v1/notification-settings/test', { channel: 'dingtalk' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'sent', type: 'test', channel: 'dingtalk' });
    expect(hooks.requests).toHaveLength(1);
    expect(hooks.requests[0].query.get('sign')).toBeTruthy();
    expect((hooks.requests[0].body as { markdown: { title: string } }).markdown.title).toBe(
      '观摩平台测试消息',
    );
  });

  it('answers with the failure when the test e-mail cannot be sent (no SMTP)', async () => {
    const res = await staff.post('/api/v1/notification-settings/test', {
      channel: 'email',
      to: 'me@example.com',
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'pending', lastError: 'SMTP not configured' });
  });

  it('refuses a test to a robot that is not configured', async () => {
    await admin.put('/api/v1/notification-settings', {
      wecomUrl: '',
      dingtalkUrl: null,
      dingtalkSecret: null,
    });
    const res = await staff.post('/api/v1/notification-settings/test', { channel: 'wecom' });
    expect(res.statusCode).toBe(400);
    expect(problem(res).detail).toBe('尚未配置企业微信群机器人地址');
  });
});
