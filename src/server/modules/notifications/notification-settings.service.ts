import { eq, sql } from 'drizzle-orm';
import type {
  NotificationSettings,
  NotificationSettingsInput,
  OutboxMessage,
  TestMessageInput,
} from '../../../contract/notifications.js';
import { authorize } from '../../core/access.js';
import { type Ctx, inTransaction } from '../../core/context.js';
import { invalid, notFound } from '../../core/errors.js';
import { associations } from '../association/association.table.js';
import { recordAudit } from '../audit/audit.service.js';
import { notificationsPolicy } from './notifications.policy.js';
import { enqueue, presentMessage } from './outbox.service.js';
import { outbox } from './outbox.table.js';
import { deliverNow } from './outbox.worker.js';
import { EMPTY_WEBHOOK_SETTINGS, type StoredWebhookSettings, webhookSettings } from './webhook-settings.js';
import { maskWebhookUrl } from './webhooks.js';

const present = (s: StoredWebhookSettings): NotificationSettings => ({
  wecomUrl: s.wecomUrl,
  dingtalkUrl: s.dingtalkUrl,
  dingtalkSecretSet: Boolean(s.dingtalkSecret),
});

/** Webhook URLs carry their robot's access token: the audit log keeps them masked. */
const forAudit = (s: StoredWebhookSettings) => ({
  wecomUrl: s.wecomUrl && maskWebhookUrl(s.wecomUrl),
  dingtalkUrl: s.dingtalkUrl && maskWebhookUrl(s.dingtalkUrl),
  dingtalkSecretSet: Boolean(s.dingtalkSecret),
});

export async function getNotificationSettings(ctx: Ctx): Promise<NotificationSettings> {
  authorize(ctx, notificationsPolicy, 'readSettings');
  return present(await webhookSettings(ctx));
}

export async function updateNotificationSettings(
  ctx: Ctx,
  input: NotificationSettingsInput,
): Promise<NotificationSettings> {
  authorize(ctx, notificationsPolicy, 'writeSettings');
  return inTransaction(ctx, async (tx) => {
    const [association] = await tx.db.select().from(associations).limit(1).for('update');
    if (!association) throw notFound('@entities.association');
    const before = {
      ...EMPTY_WEBHOOK_SETTINGS,
      ...((association.settings?.notifications ?? {}) as Partial<StoredWebhookSettings>),
    };
    const after: StoredWebhookSettings = {
      wecomUrl: input.wecomUrl,
      dingtalkUrl: input.dingtalkUrl,
      dingtalkSecret:
        input.dingtalkSecret === undefined ? before.dingtalkSecret : input.dingtalkSecret || null,
    };
    await tx.db
      .update(associations)
      .set({
        settings: sql`${associations.settings} || jsonb_build_object('notifications', ${JSON.stringify(after)}::jsonb)`,
        updatedAt: tx.clock.now(),
      })
      .where(eq(associations.id, association.id));
    await recordAudit(tx, {
      action: 'notification_settings.update',
      entityType: 'association',
      entityId: association.id,
      before: forAudit(before),
      after: forAudit(after),
    });
    return present(after);
  });
}

/**
 * The "send test message" button: enqueues a test message to the configured robot (or the given
 * e-mail address) and delivers it at once, answering with the outcome.
 */
export async function sendTestMessage(ctx: Ctx, input: TestMessageInput): Promise<OutboxMessage> {
  authorize(ctx, notificationsPolicy, 'sendTest');
  const settings = await webhookSettings(ctx);
  const recipient =
    input.channel === 'email'
      ? input.to
      : input.channel === 'wecom'
        ? settings.wecomUrl
        : settings.dingtalkUrl;
  if (!recipient)
    throw invalid('notifications.webhook_not_configured', { channel: `@enums.channel.${input.channel}` });
  const { id } = await inTransaction(ctx, async (tx) => {
    const message = await enqueue(tx, {
      channel: input.channel,
      recipient,
      type: 'test',
      locale: ctx.lang,
      signSecret: input.channel === 'dingtalk' ? settings.dingtalkSecret : null,
      params: { sentAt: formatDateTime(tx.clock.now()) },
    });
    await recordAudit(tx, {
      action: 'notification_settings.test',
      entityType: 'outbox_message',
      entityId: message.id,
      after: { channel: input.channel },
    });
    return message;
  });
  await deliverNow(ctx, id);
  const [row] = await ctx.db.select().from(outbox).where(eq(outbox.id, id));
  return presentMessage(row);
}

/** 2026-11-27 09:00 in China Standard Time. */
function formatDateTime(d: Date): string {
  const cst = new Date(d.getTime() + 8 * 3600_000).toISOString();
  return `${cst.slice(0, 10)} ${cst.slice(11, 16)}`;
}
