import { z } from 'zod';
import { LANGS, pageQuerySchema } from './common.js';

/** How a message leaves: e-mail over SMTP, or a group robot (企业微信 / 钉钉) webhook. */
export const CHANNELS = ['email', 'wecom', 'dingtalk'] as const;
export type Channel = (typeof CHANNELS)[number];
export const WEBHOOK_CHANNELS = ['wecom', 'dingtalk'] as const;
export type WebhookChannel = (typeof WEBHOOK_CHANNELS)[number];

export const OUTBOX_STATUSES = ['pending', 'sending', 'sent', 'failed', 'dead'] as const;
export type OutboxStatus = (typeof OUTBOX_STATUSES)[number];

/** Every kind of message Guanmo sends; each has a default template per language. */
export const MESSAGE_TYPES = [
  'confirmation',
  'waitlisted',
  'promoted',
  'approved',
  'reminder',
  'agenda_changed',
  'cancelled',
  'survey_invite',
  'survey_reminder',
  'test',
] as const;
export type MessageType = (typeof MESSAGE_TYPES)[number];

export const NOTIFICATION_LIMITS = {
  subject: 200,
  body: 5000,
  webhookUrl: 1000,
  secret: 200,
} as const;

export const langSchema = z.enum(LANGS);

/** Group-robot webhooks are http(s) URLs of bounded length; nothing else is accepted. */
export const webhookUrlSchema = z
  .string()
  .trim()
  .max(NOTIFICATION_LIMITS.webhookUrl)
  .refine(isHttpUrl, { message: 'validation.webhook_url' });

export function isHttpUrl(value: string): boolean {
  if (value.length > NOTIFICATION_LIMITS.webhookUrl) return false;
  try {
    const url = new URL(value);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname.length > 0;
  } catch {
    return false;
  }
}

// ---- outbox ----

export const outboxQuerySchema = pageQuerySchema.extend({
  status: z.enum(OUTBOX_STATUSES).optional(),
  channel: z.enum(CHANNELS).optional(),
  type: z.enum(MESSAGE_TYPES).optional(),
  eventId: z.uuid().optional(),
});
export type OutboxQuery = z.infer<typeof outboxQuerySchema>;

export const outboxMessageSchema = z.object({
  id: z.uuid(),
  channel: z.enum(CHANNELS),
  /** An e-mail address, or a webhook URL with its query string (access token) masked. */
  recipient: z.string(),
  type: z.enum(MESSAGE_TYPES),
  locale: langSchema,
  subject: z.string(),
  body: z.string(),
  status: z.enum(OUTBOX_STATUSES),
  attempts: z.number().int(),
  nextAttemptAt: z.string(),
  lastError: z.string().nullable(),
  sentAt: z.string().nullable(),
  eventId: z.string().nullable(),
  createdAt: z.string(),
});
export type OutboxMessage = z.infer<typeof outboxMessageSchema>;

export const outboxAttemptSchema = z.object({
  id: z.uuid(),
  at: z.string(),
  ok: z.boolean(),
  response: z.string().nullable(),
});
export type OutboxAttempt = z.infer<typeof outboxAttemptSchema>;

export const outboxDetailSchema = outboxMessageSchema.extend({ deliveries: z.array(outboxAttemptSchema) });
export type OutboxDetail = z.infer<typeof outboxDetailSchema>;

export const notificationStatusSchema = z.object({
  smtpConfigured: z.boolean(),
  counts: z.record(z.enum(OUTBOX_STATUSES), z.number().int()),
});
export type NotificationStatus = z.infer<typeof notificationStatusSchema>;

// ---- message templates ----

export const templateParamsSchema = z.object({ type: z.enum(MESSAGE_TYPES), locale: langSchema });

export const messageTemplateInputSchema = z.object({
  subject: z.string().trim().min(1).max(NOTIFICATION_LIMITS.subject),
  body: z.string().trim().min(1).max(NOTIFICATION_LIMITS.body),
});
export type MessageTemplateInput = z.infer<typeof messageTemplateInputSchema>;

export const messageTemplateSchema = z.object({
  type: z.enum(MESSAGE_TYPES),
  locale: langSchema,
  subject: z.string(),
  body: z.string(),
  /** True when an admin/staff override replaces the built-in default. */
  custom: z.boolean(),
  placeholders: z.array(z.string()),
  updatedAt: z.string().nullable(),
});
export type MessageTemplate = z.infer<typeof messageTemplateSchema>;

export const templatePreviewSchema = z.object({
  subject: z.string(),
  text: z.string(),
  html: z.string(),
  markdown: z.string(),
  sample: z.record(z.string(), z.string()),
});
export type TemplatePreview = z.infer<typeof templatePreviewSchema>;

// ---- association webhook settings ----

export const notificationSettingsSchema = z.object({
  wecomUrl: z.string().nullable(),
  dingtalkUrl: z.string().nullable(),
  /** The DingTalk sign secret is never sent back; only whether one is set. */
  dingtalkSecretSet: z.boolean(),
});
export type NotificationSettings = z.infer<typeof notificationSettingsSchema>;

const optionalUrl = z
  .union([webhookUrlSchema, z.literal('')])
  .nullable()
  .transform((v) => (v ? v : null));

export const notificationSettingsInputSchema = z.object({
  wecomUrl: optionalUrl,
  dingtalkUrl: optionalUrl,
  /** Omitted: keep the stored secret; null or '': remove it; a string: replace it. */
  dingtalkSecret: z.string().trim().max(NOTIFICATION_LIMITS.secret).nullable().optional(),
});
export type NotificationSettingsInput = z.infer<typeof notificationSettingsInputSchema>;

export const testMessageInputSchema = z.discriminatedUnion('channel', [
  z.object({ channel: z.literal('wecom') }),
  z.object({ channel: z.literal('dingtalk') }),
  z.object({
    channel: z.literal('email'),
    to: z
      .string()
      .trim()
      .toLowerCase()
      .max(254)
      .pipe(z.email({ message: 'validation.email' })),
  }),
]);
export type TestMessageInput = z.infer<typeof testMessageInputSchema>;
