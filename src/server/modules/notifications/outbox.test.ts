import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { fixedClock } from '../../core/clock.js';
import type { Ctx } from '../../core/context.js';
import { buildAssociation, buildUser } from '../../test/factories.js';
import { actorOf, openTestDatabase, TEST_NOW, type TestDb, testConfig } from '../../test/harness.js';
import { associations } from '../association/association.table.js';
import { enqueue, enqueueForAssociationRobots, resendMessage } from './outbox.service.js';
import { outbox, outboxAttempts } from './outbox.table.js';
import {
  LEASE_MS,
  MAX_ATTEMPTS,
  RETRY_DELAYS_MINUTES,
  runOnce,
  SMTP_NOT_CONFIGURED,
  startOutboxWorker,
} from './outbox.worker.js';
import { type SmtpPeer, startSmtpPeer, startWebhookPeer, type WebhookPeer } from './test-peers.js';
import { dingtalkSign } from './webhooks.js';

let db: TestDb;
let smtp: SmtpPeer;
let rejecting: SmtpPeer;
let hooks: WebhookPeer;
let clock: ReturnType<typeof fixedClock>;

beforeAll(async () => {
  db = await openTestDatabase();
  await buildAssociation(db);
  [smtp, rejecting, hooks] = await Promise.all([
    startSmtpPeer(),
    startSmtpPeer({ reject: true }),
    startWebhookPeer(),
  ]);
});
afterAll(async () => {
  await Promise.all([smtp.close(), rejecting.close(), hooks.close()]);
  await db.dispose();
});
beforeEach(async () => {
  // Each test starts with an empty outbox, fresh peers' logs and the clock at TEST_NOW.
  await db.db.delete(outbox);
  smtp.messages.length = 0;
  hooks.requests.length = 0;
  hooks.answer = { status: 200, body: { errcode: 0, errmsg: 'ok' } };
  clock = fixedClock(TEST_NOW);
});

const ctxWith = (smtpConfig: SmtpPeer['config'] | null = smtp.config): Ctx => ({
  db: db.db,
  actor: null,
  clock,
  lang: 'zh-CN',
  config: testConfig({ smtp: smtpConfig }),
});

const confirmationParams = {
  name: '张伟',
  eventTheme: '探寻智慧物业，共建美好家园',
  eventDate: '2026年11月27日',
  eventTime: '13:30–17:00',
  place: '阳光花园营销中心',
  siteName: '阳光花园',
  passUrl: 'https://guanmo.test/pass/abc',
  eventUrl: 'https://guanmo.test/e/1',
};

async function row(id: string) {
  const [r] = await db.db.select().from(outbox).where(eq(outbox.id, id));
  return r;
}

describe('enqueue', () => {
  it('renders the template in the message language and leaves the message pending', async () => {
    const { id } = await enqueue(ctxWith(), {
      channel: 'email',
      recipient: 'Zhang.Wei@Example.com',
      type: 'confirmation',
      params: confirmationParams,
    });
    const message = await row(id);
    expect(message).toMatchObject({
      status: 'pending',
      attempts: 0,
      recipient: 'zhang.wei@example.com',
      locale: 'zh-CN',
      subject: '报名成功：探寻智慧物业，共建美好家园',
    });
    expect(message.body).toContain('张伟，您好！');
    expect(message.body).toContain('示例市物业管理协会');
    expect(message.nextAttemptAt.toISOString()).toBe(new Date(TEST_NOW).toISOString());
  });

  it('adds nothing when the caller transaction rolls back', async () => {
    const ctx = ctxWith();
    await expect(
      db.db.transaction(async (tx) => {
        await enqueue(
          { ...ctx, db: tx },
          { channel: 'email', recipient: 'a@example.com', type: 'confirmation' },
        );
        throw new Error('registration failed');
      }),
    ).rejects.toThrow('registration failed');
    expect(await db.db.select().from(outbox)).toHaveLength(0);
  });

  it('adds one message for a repeated dedupe key', async () => {
    const input = {
      channel: 'email',
      recipient: 'a@example.com',
      type: 'reminder',
      dedupeKey: 'reminder:r1',
    } as const;
    const first = await enqueue(ctxWith(), input);
    const second = await enqueue(ctxWith(), input);
    expect(second).toEqual({ id: first.id, created: false });
    expect(await db.db.select().from(outbox)).toHaveLength(1);
  });

  it('refuses a webhook URL that is not http(s)', async () => {
    await expect(
      enqueue(ctxWith(), { channel: 'wecom', recipient: 'file:///etc/passwd', type: 'test' }),
    ).rejects.toMatchObject({ code: 'notifications.invalid_recipient', status: 400 });
  });

  it('refuses an e-mail recipient that is not an address', async () => {
    await expect(
      enqueue(ctxWith(), { channel: 'email', recipient: 'not an address', type: 'test' }),
    ).rejects.toMatchObject({ code: 'notifications.invalid_recipient' });
  });

  it('enqueues one message per configured association robot, with the DingTalk secret', async () => {
    await db.db.update(associations).set({
      settings: {
        notifications: {
          wecomUrl: hooks.url('/wecom?key=k'),
          dingtalkUrl: hooks.url('/ding?access_token=t'),
          dingtalkSecret: 'SECx',
        },
      },
    });
    const ids = await enqueueForAssociationRobots(ctxWith(), { type: 'test', params: { sentAt: 'now' } });
    expect(ids).toHaveLength(2);
    const rows = await db.db.select().from(outbox);
    expect(rows.map((r) => [r.channel, r.signSecret]).sort()).toEqual([
      ['dingtalk', 'SECx'],
      ['wecom', null],
    ]);
    await db.db.update(associations).set({ settings: {} });
  });
});

describe('e-mail delivery', () => {
  it('delivers a Chinese message to a real SMTP server with text and HTML bodies', async () => {
    const { id } = await enqueue(ctxWith(), {
      channel: 'email',
      recipient: 'zhang.wei@example.com',
      type: 'confirmation',
      params: confirmationParams,
    });
    expect(await runOnce(ctxWith())).toEqual({ sent: 1, failed: 0, dead: 0 });
    expect(smtp.messages).toHaveLength(1);
    const mail = smtp.messages[0];
    expect(mail.subject).toBe('报名成功：探寻智慧物业，共建美好家园');
    expect(mail.text).toContain('您已成功报名“探寻智慧物业，共建美好家园”观摩活动。');
    expect(mail.html).toContain('<a href="https://guanmo.test/pass/abc">');
    expect(mail.from?.text).toContain('noreply@guanmo.test');
    const sent = await row(id);
    expect(sent).toMatchObject({ status: 'sent', attempts: 1, lastError: null });
    expect(sent.sentAt?.toISOString()).toBe(new Date(TEST_NOW).toISOString());
  });

  it('keeps e-mails pending with "SMTP not configured" and still delivers webhooks', async () => {
    const mail = await enqueue(ctxWith(null), { channel: 'email', recipient: 'a@example.com', type: 'test' });
    const hook = await enqueue(ctxWith(null), { channel: 'wecom', recipient: hooks.url(), type: 'test' });
    expect(await runOnce(ctxWith(null))).toEqual({ sent: 1, failed: 0, dead: 0 });
    expect(await row(mail.id)).toMatchObject({
      status: 'pending',
      attempts: 0,
      lastError: SMTP_NOT_CONFIGURED,
    });
    expect(await row(hook.id)).toMatchObject({ status: 'sent' });
    expect(
      await db.db.select().from(outboxAttempts).where(eq(outboxAttempts.outboxId, mail.id)),
    ).toHaveLength(0);
  });

  it('sends a waiting e-mail once SMTP is configured', async () => {
    const { id } = await enqueue(ctxWith(null), {
      channel: 'email',
      recipient: 'a@example.com',
      type: 'test',
    });
    await runOnce(ctxWith(null));
    await runOnce(ctxWith());
    expect(await row(id)).toMatchObject({ status: 'sent', lastError: null });
    expect(smtp.messages).toHaveLength(1);
  });

  it('retries a rejected e-mail with growing delays and gives up after the last attempt', async () => {
    const ctx = ctxWith(rejecting.config);
    const { id } = await enqueue(ctx, { channel: 'email', recipient: 'a@example.com', type: 'test' });
    for (const [i, minutes] of RETRY_DELAYS_MINUTES.entries()) {
      expect(await runOnce(ctx)).toEqual({ sent: 0, failed: 1, dead: 0 });
      const failed = await row(id);
      expect(failed).toMatchObject({ status: 'failed', attempts: i + 1 });
      expect(failed.lastError).toContain('550');
      expect(failed.nextAttemptAt.getTime() - clock.now().getTime()).toBe(minutes * 60_000);
      clock.advance(minutes * 60_000 - 1000);
      expect(await runOnce(ctx)).toEqual({ sent: 0, failed: 0, dead: 0 }); // not due yet
      clock.advance(1000);
    }
    expect(await runOnce(ctx)).toEqual({ sent: 0, failed: 0, dead: 1 });
    expect(await row(id)).toMatchObject({ status: 'dead', attempts: MAX_ATTEMPTS });
    const log = await db.db.select().from(outboxAttempts).where(eq(outboxAttempts.outboxId, id));
    expect(log).toHaveLength(MAX_ATTEMPTS);
    expect(log.every((a) => !a.ok)).toBe(true);
    clock.advance(24 * 3600_000);
    expect(await runOnce(ctx)).toEqual({ sent: 0, failed: 0, dead: 0 }); // dead stays dead
  });

  it('resend puts a dead message back in the queue and it is delivered', async () => {
    const { id } = await enqueue(ctxWith(), { channel: 'email', recipient: 'a@example.com', type: 'test' });
    await db.db
      .update(outbox)
      .set({ status: 'dead', attempts: MAX_ATTEMPTS, lastError: 'x' })
      .where(eq(outbox.id, id));
    const staff = actorOf(await buildUser(db, { role: 'staff' }));
    const resent = await resendMessage({ ...ctxWith(), actor: staff }, id);
    expect(resent).toMatchObject({ status: 'pending', attempts: 0, lastError: null });
    await runOnce(ctxWith());
    expect(await row(id)).toMatchObject({ status: 'sent', attempts: 1 });
  });

  it('takes back a message whose worker died while sending once the lease has run out', async () => {
    const { id } = await enqueue(ctxWith(), { channel: 'email', recipient: 'a@example.com', type: 'test' });
    await db.db
      .update(outbox)
      .set({ status: 'sending', nextAttemptAt: new Date(clock.now().getTime() + LEASE_MS) })
      .where(eq(outbox.id, id));
    expect(await runOnce(ctxWith())).toEqual({ sent: 0, failed: 0, dead: 0 });
    clock.advance(LEASE_MS);
    expect(await runOnce(ctxWith())).toEqual({ sent: 1, failed: 0, dead: 0 });
  });
});

describe('group-robot webhooks', () => {
  it('posts a 企业微信 markdown message', async () => {
    await enqueue(ctxWith(), {
      channel: 'wecom',
      recipient: hooks.url(),
      type: 'confirmation',
      params: confirmationParams,
    });
    await runOnce(ctxWith());
    expect(hooks.requests).toHaveLength(1);
    const [request] = hooks.requests;
    expect(request.query.get('key')).toBe('test-key');
    const body = request.body as { msgtype: string; markdown: { content: string } };
    expect(Object.keys(body).sort()).toEqual(['markdown', 'msgtype']);
    expect(body.msgtype).toBe('markdown');
    expect(Object.keys(body.markdown)).toEqual(['content']);
    expect(body.markdown.content).toMatch(/^### 报名成功：探寻智慧物业，共建美好家园\n\n张伟，您好！/);
  });

  it('posts a 钉钉 markdown message signed with the robot secret', async () => {
    const secret = 'SEC0123456789abcdef';
    await enqueue(ctxWith(), {
      channel: 'dingtalk',
      recipient: hooks.url('/robot/send?access_token=tok'),
      type: 'test',
      signSecret: secret,
      params: { sentAt: '2026-11-27 09:00' },
    });
    expect(await runOnce(ctxWith())).toEqual({ sent: 1, failed: 0, dead: 0 });
    const [request] = hooks.requests;
    expect(request.query.get('access_token')).toBe('tok');
    const timestamp = Number(request.query.get('timestamp'));
    expect(timestamp).toBe(new Date(TEST_NOW).getTime());
    // Verify the signature as DingTalk does: HMAC-SHA256 over "timestamp\nsecret", Base64.
    const { createHmac } = await import('node:crypto');
    const expected = createHmac('sha256', secret).update(`${timestamp}\n${secret}`).digest('base64');
    expect(request.query.get('sign')).toBe(expected);
    expect(dingtalkSign(secret, timestamp)).toBe(expected);
    const body = request.body as { msgtype: string; markdown: { title: string; text: string } };
    expect(body.msgtype).toBe('markdown');
    expect(body.markdown.title).toBe('观摩平台测试消息');
    expect(body.markdown.text).toContain('示例市物业管理协会');
  });

  it('sends no signature to a 钉钉 robot without a secret', async () => {
    await enqueue(ctxWith(), {
      channel: 'dingtalk',
      recipient: hooks.url('/robot/send?access_token=tok'),
      type: 'test',
    });
    await runOnce(ctxWith());
    expect(hooks.requests[0].query.has('sign')).toBe(false);
  });

  it('counts an answer with a non-zero errcode as a failure to retry', async () => {
    hooks.answer = { status: 200, body: { errcode: 310000, errmsg: 'sign not match' } };
    const { id } = await enqueue(ctxWith(), {
      channel: 'dingtalk',
      recipient: hooks.url('/robot/send?access_token=t'),
      type: 'test',
    });
    expect(await runOnce(ctxWith())).toEqual({ sent: 0, failed: 1, dead: 0 });
    const failed = await row(id);
    expect(failed).toMatchObject({ status: 'failed', attempts: 1 });
    expect(failed.lastError).toContain('310000');
    expect(failed.nextAttemptAt.getTime() - clock.now().getTime()).toBe(60_000);
  });

  it('counts a non-2xx answer as a failure', async () => {
    hooks.answer = { status: 502, body: { message: 'bad gateway' } };
    const { id } = await enqueue(ctxWith(), { channel: 'wecom', recipient: hooks.url(), type: 'test' });
    await runOnce(ctxWith());
    expect((await row(id)).lastError).toContain('HTTP 502');
  });

  it('counts an unreachable robot as a failure, not an error of the worker', async () => {
    const closed = await startWebhookPeer();
    const url = closed.url();
    await closed.close();
    const { id } = await enqueue(ctxWith(), { channel: 'wecom', recipient: url, type: 'test' });
    expect(await runOnce(ctxWith())).toEqual({ sent: 0, failed: 1, dead: 0 });
    expect((await row(id)).lastError).toMatch(/ECONNREFUSED|fetch failed/);
  });
});

describe('several workers', () => {
  it('two concurrent runs never deliver a message twice', async () => {
    const count = 12;
    for (let i = 0; i < count; i++) {
      await enqueue(ctxWith(), { channel: 'wecom', recipient: hooks.url(`/hook?key=${i}`), type: 'test' });
      await enqueue(ctxWith(), { channel: 'email', recipient: `u${i}@example.com`, type: 'test' });
    }
    const results = await Promise.all([
      runOnce(ctxWith(), { batchSize: 7 }),
      runOnce(ctxWith(), { batchSize: 7 }),
      runOnce(ctxWith(), { batchSize: 7 }),
      runOnce(ctxWith(), { batchSize: 7 }),
    ]);
    expect(results.reduce((n, r) => n + r.sent, 0)).toBe(count * 2);
    expect(hooks.requests.map((r) => r.query.get('key')).sort()).toEqual(
      Array.from({ length: count }, (_, i) => String(i)).sort(),
    );
    expect(smtp.messages.map((m) => (m.to && 'text' in m.to ? m.to.text : '')).sort()).toEqual(
      Array.from({ length: count }, (_, i) => `u${i}@example.com`).sort(),
    );
    const statuses = await db.db.select({ status: outbox.status }).from(outbox);
    expect(statuses.every((s) => s.status === 'sent')).toBe(true);
  });
});

describe('the background worker', () => {
  it('delivers due messages on its own and stops when asked', async () => {
    const { id } = await enqueue(ctxWith(), { channel: 'wecom', recipient: hooks.url(), type: 'test' });
    const worker = startOutboxWorker(ctxWith(), { intervalMs: 20 });
    for (let i = 0; i < 200 && (await row(id)).status !== 'sent'; i++)
      await new Promise((r) => setTimeout(r, 25));
    await worker.stop();
    expect((await row(id)).status).toBe('sent');
    const later = await enqueue(ctxWith(), { channel: 'wecom', recipient: hooks.url(), type: 'test' });
    await new Promise((r) => setTimeout(r, 150));
    expect((await row(later.id)).status).toBe('pending');
  });
});
