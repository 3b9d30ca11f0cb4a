import { boolean, index, integer, jsonb, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id, tstz, updatedAt } from '../../db/columns.js';
import { users } from '../users/users.table.js';

/**
 * Messages waiting to leave or already gone (e-mail, 企业微信/钉钉 robots). Rows are written inside
 * the transaction of the change that causes them and delivered later by the outbox worker.
 */
export const outbox = pgTable(
  'outbox',
  {
    id: id(),
    /** email | wecom | dingtalk */
    channel: text().notNull(),
    /** An e-mail address or a webhook URL. */
    recipient: text().notNull(),
    messageType: text().notNull(),
    locale: text().notNull(),
    /** Rendered from the message template when the message was enqueued. */
    subject: text().notNull(),
    body: text().notNull(),
    /** The placeholder values the message was rendered with. */
    payload: jsonb().$type<Record<string, unknown>>().notNull().default({}),
    /** DingTalk robots with 加签 need the secret to sign each request; never shown in the API. */
    signSecret: text(),
    /** pending | sending | sent | failed | dead */
    status: text().notNull().default('pending'),
    attempts: integer().notNull().default(0),
    /** When the worker may pick it up next (also the lease end while it is being sent). */
    nextAttemptAt: tstz().notNull().defaultNow(),
    lastError: text(),
    sentAt: tstz(),
    /** The event the message is about, when there is one (the events module adds the FK). */
    eventId: uuid(),
    /** Makes an enqueue idempotent: a second message with the same key is not added. */
    dedupeKey: text(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('outbox_due_idx').on(t.status, t.nextAttemptAt),
    index('outbox_created_idx').on(t.createdAt),
    index('outbox_event_idx').on(t.eventId),
    uniqueIndex('outbox_dedupe_key').on(t.dedupeKey),
  ],
);

/** One row per delivery attempt: what the mail server or robot answered. */
export const outboxAttempts = pgTable(
  'outbox_attempts',
  {
    id: id(),
    outboxId: uuid()
      .notNull()
      .references(() => outbox.id, { onDelete: 'cascade' }),
    at: tstz().notNull(),
    ok: boolean().notNull(),
    response: text(),
  },
  (t) => [index('outbox_attempts_outbox_idx').on(t.outboxId, t.at)],
);

/** Admin/staff overrides of the built-in message templates, one per type and language. */
export const messageTemplates = pgTable(
  'message_templates',
  {
    id: id(),
    messageType: text().notNull(),
    locale: text().notNull(),
    subject: text().notNull(),
    body: text().notNull(),
    updatedBy: uuid().references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('message_templates_type_locale_key').on(t.messageType, t.locale)],
);
