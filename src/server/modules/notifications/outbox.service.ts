import { and, count, desc, eq, type SQL } from 'drizzle-orm';
import { emailSchema, type Lang, type Page } from '../../../contract/common.js';
import {
  type Channel,
  isHttpUrl,
  type MessageType,
  type NotificationStatus,
  OUTBOX_STATUSES,
  type OutboxDetail,
  type OutboxMessage,
  type OutboxQuery,
  type OutboxStatus,
} from '../../../contract/notifications.js';
import { authorize } from '../../core/access.js';
import { type Ctx, inTransaction } from '../../core/context.js';
import { conflict, invalid, notFound } from '../../core/errors.js';
import { recordAudit } from '../audit/audit.service.js';
import { renderTemplate } from './message-templates.js';
import { effectiveTemplate } from './message-templates.service.js';
import { notificationsPolicy } from './notifications.policy.js';
import { outbox, outboxAttempts } from './outbox.table.js';
import { webhookSettings } from './webhook-settings.js';
import { maskWebhookUrl } from './webhooks.js';

export type EnqueueInput = {
  channel: Channel;
  /** An e-mail address (email) or the robot's webhook URL (wecom, dingtalk). */
  recipient: string;
  type: MessageType;
  locale?: Lang;
  /** Placeholder values; `associationName` is filled in when missing. */
  params?: Record<string, string | number | null | undefined>;
  eventId?: string | null;
  /** A second enqueue with the same key adds nothing and returns the first message. */
  dedupeKey?: string | null;
  /** DingTalk 加签 secret for this robot. */
  signSecret?: string | null;
};

type OutboxRow = typeof outbox.$inferSelect;

function checkedRecipient(channel: Channel, recipient: string): string {
  if (channel === 'email') {
    const parsed = emailSchema.safeParse(recipient);
    if (!parsed.success) throw invalid('notifications.invalid_recipient', { recipient });
    return parsed.data;
  }
  const url = recipient.trim();
  if (!isHttpUrl(url)) throw invalid('notifications.invalid_recipient', { recipient: maskWebhookUrl(url) });
  return url;
}

/**
 * Adds a message to the outbox inside the caller's transaction (pass the transaction's ctx): the
 * message commits or rolls back with the change that caused it. Renders the template now; never
 * touches the network — the worker delivers later.
 */
export async function enqueue(ctx: Ctx, input: EnqueueInput): Promise<{ id: string; created: boolean }> {
  const recipient = checkedRecipient(input.channel, input.recipient);
  const locale = input.locale ?? 'zh-CN';
  const params = { ...input.params };
  if (params.associationName === undefined) {
    params.associationName = (await webhookSettings(ctx)).associationName ?? '';
  }
  const rendered = renderTemplate(await effectiveTemplate(ctx, input.type, locale), params);
  const now = ctx.clock.now();
  const [row] = await ctx.db
    .insert(outbox)
    .values({
      channel: input.channel,
      recipient,
      messageType: input.type,
      locale,
      subject: rendered.subject,
      body: rendered.body,
      payload: { params },
      signSecret: input.channel === 'dingtalk' ? (input.signSecret ?? null) : null,
      status: 'pending',
      nextAttemptAt: now,
      eventId: input.eventId ?? null,
      dedupeKey: input.dedupeKey ?? null,
      createdAt: now,
      updatedAt: now,
    })
    .onConflictDoNothing({ target: outbox.dedupeKey })
    .returning({ id: outbox.id });
  if (row) return { id: row.id, created: true };
  const [existing] = await ctx.db
    .select({ id: outbox.id })
    .from(outbox)
    .where(eq(outbox.dedupeKey, input.dedupeKey ?? ''));
  return { id: existing.id, created: false };
}

/**
 * Enqueues the message for each group robot the association has configured (企业微信, 钉钉).
 * Returns the ids of the messages added; none when no robot is set up.
 */
export async function enqueueForAssociationRobots(
  ctx: Ctx,
  input: Omit<EnqueueInput, 'channel' | 'recipient' | 'signSecret'>,
): Promise<string[]> {
  const settings = await webhookSettings(ctx);
  const ids: string[] = [];
  const targets = [
    { channel: 'wecom' as const, url: settings.wecomUrl, secret: null },
    { channel: 'dingtalk' as const, url: settings.dingtalkUrl, secret: settings.dingtalkSecret },
  ];
  for (const target of targets) {
    if (!target.url) continue;
    const { id } = await enqueue(ctx, {
      ...input,
      channel: target.channel,
      recipient: target.url,
      signSecret: target.secret,
      dedupeKey: input.dedupeKey ? `${input.dedupeKey}:${target.channel}` : null,
      params: { associationName: settings.associationName ?? '', ...input.params },
    });
    ids.push(id);
  }
  return ids;
}

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export function presentMessage(row: OutboxRow): OutboxMessage {
  return {
    id: row.id,
    channel: row.channel as Channel,
    recipient: row.channel === 'email' ? row.recipient : maskWebhookUrl(row.recipient),
    type: row.messageType as MessageType,
    locale: row.locale as Lang,
    subject: row.subject,
    body: row.body,
    status: row.status as OutboxStatus,
    attempts: row.attempts,
    nextAttemptAt: row.nextAttemptAt.toISOString(),
    lastError: row.lastError,
    sentAt: iso(row.sentAt),
    eventId: row.eventId,
    createdAt: row.createdAt.toISOString(),
  };
}

export async function listOutbox(ctx: Ctx, query: OutboxQuery): Promise<Page<OutboxMessage>> {
  authorize(ctx, notificationsPolicy, 'readOutbox');
  const conditions: SQL[] = [];
  if (query.status) conditions.push(eq(outbox.status, query.status));
  if (query.channel) conditions.push(eq(outbox.channel, query.channel));
  if (query.type) conditions.push(eq(outbox.messageType, query.type));
  if (query.eventId) conditions.push(eq(outbox.eventId, query.eventId));
  const where = conditions.length ? and(...conditions) : undefined;
  const [rows, [{ total }]] = await Promise.all([
    ctx.db
      .select()
      .from(outbox)
      .where(where)
      .orderBy(desc(outbox.createdAt), desc(outbox.id))
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize),
    ctx.db.select({ total: count() }).from(outbox).where(where),
  ]);
  return { items: rows.map(presentMessage), total, page: query.page, pageSize: query.pageSize };
}

async function findMessage(ctx: Ctx, id: string, lock = false): Promise<OutboxRow> {
  const query = ctx.db.select().from(outbox).where(eq(outbox.id, id));
  const [row] = lock ? await query.for('update') : await query;
  if (!row) throw notFound('@entities.outbox_message');
  return row;
}

export async function getOutboxMessage(ctx: Ctx, id: string): Promise<OutboxDetail> {
  authorize(ctx, notificationsPolicy, 'readOutbox');
  const row = await findMessage(ctx, id);
  const attempts = await ctx.db
    .select()
    .from(outboxAttempts)
    .where(eq(outboxAttempts.outboxId, id))
    .orderBy(desc(outboxAttempts.at), desc(outboxAttempts.id));
  return {
    ...presentMessage(row),
    deliveries: attempts.map((a) => ({ id: a.id, at: a.at.toISOString(), ok: a.ok, response: a.response })),
  };
}

/** Puts a message back in the queue as new: due now, attempts counted from zero. */
export async function resendMessage(ctx: Ctx, id: string): Promise<OutboxMessage> {
  authorize(ctx, notificationsPolicy, 'resend');
  return inTransaction(ctx, async (tx) => {
    const before = await findMessage(tx, id, true);
    if (before.status === 'sending') throw conflict('notifications.message_sending');
    const [after] = await tx.db
      .update(outbox)
      .set({
        status: 'pending',
        attempts: 0,
        nextAttemptAt: tx.clock.now(),
        lastError: null,
        updatedAt: tx.clock.now(),
      })
      .where(eq(outbox.id, id))
      .returning();
    await recordAudit(tx, {
      action: 'outbox.resend',
      entityType: 'outbox_message',
      entityId: id,
      before: { status: before.status, attempts: before.attempts, lastError: before.lastError },
      after: { status: after.status },
    });
    return presentMessage(after);
  });
}

export async function notificationStatus(ctx: Ctx): Promise<NotificationStatus> {
  authorize(ctx, notificationsPolicy, 'readOutbox');
  const rows = await ctx.db.select({ status: outbox.status, n: count() }).from(outbox).groupBy(outbox.status);
  const counts = Object.fromEntries(OUTBOX_STATUSES.map((s) => [s, 0])) as Record<OutboxStatus, number>;
  for (const r of rows) if (r.status in counts) counts[r.status as OutboxStatus] = r.n;
  return { smtpConfigured: Boolean(ctx.config.smtp), counts };
}
