import { and, eq } from 'drizzle-orm';
import type { Lang } from '../../../contract/common.js';
import { LANGS } from '../../../contract/common.js';
import {
  MESSAGE_TYPES,
  type MessageTemplate,
  type MessageTemplateInput,
  type MessageType,
  type TemplatePreview,
} from '../../../contract/notifications.js';
import { authorize } from '../../core/access.js';
import { type Ctx, inTransaction } from '../../core/context.js';
import { AppError } from '../../core/errors.js';
import { recordAudit } from '../audit/audit.service.js';
import {
  DEFAULT_TEMPLATES,
  PLACEHOLDERS,
  renderTemplate,
  SAMPLE_VALUES,
  type TemplateText,
  textToHtml,
  textToMarkdown,
  unknownPlaceholders,
} from './message-templates.js';
import { notificationsPolicy } from './notifications.policy.js';
import { messageTemplates } from './outbox.table.js';

type Override = typeof messageTemplates.$inferSelect;

function present(type: MessageType, locale: Lang, override: Override | undefined): MessageTemplate {
  const text = override ?? DEFAULT_TEMPLATES[type][locale];
  return {
    type,
    locale,
    subject: text.subject,
    body: text.body,
    custom: Boolean(override),
    placeholders: [...PLACEHOLDERS[type]],
    updatedAt: override ? override.updatedAt.toISOString() : null,
  };
}

/** The template a message of this type and language is rendered with: the override, else the default. */
export async function effectiveTemplate(ctx: Ctx, type: MessageType, locale: Lang): Promise<TemplateText> {
  const [override] = await ctx.db
    .select()
    .from(messageTemplates)
    .where(and(eq(messageTemplates.messageType, type), eq(messageTemplates.locale, locale)));
  return override ?? DEFAULT_TEMPLATES[type][locale];
}

export async function listMessageTemplates(ctx: Ctx): Promise<MessageTemplate[]> {
  authorize(ctx, notificationsPolicy, 'readTemplates');
  const overrides = await ctx.db.select().from(messageTemplates);
  const byKey = new Map(overrides.map((o) => [`${o.messageType}/${o.locale}`, o]));
  return MESSAGE_TYPES.flatMap((type) =>
    LANGS.map((locale) => present(type, locale, byKey.get(`${type}/${locale}`))),
  );
}

/** Refuses a template that uses placeholders its message type does not provide. */
function assertKnownPlaceholders(type: MessageType, input: MessageTemplateInput) {
  const fieldErrors = (['subject', 'body'] as const).flatMap((field) =>
    unknownPlaceholders(type, input[field]).map((placeholder) => ({
      path: `body.${field}`,
      key: 'validation.unknown_placeholder',
      params: { placeholder, allowed: PLACEHOLDERS[type].join(', ') },
    })),
  );
  if (fieldErrors.length) {
    throw new AppError(
      'notifications.unknown_placeholder',
      400,
      { placeholders: [...new Set(fieldErrors.map((f) => f.params.placeholder))].join(', ') },
      fieldErrors,
    );
  }
}

export async function saveMessageTemplate(
  ctx: Ctx,
  type: MessageType,
  locale: Lang,
  input: MessageTemplateInput,
): Promise<MessageTemplate> {
  const actor = authorize(ctx, notificationsPolicy, 'writeTemplates');
  assertKnownPlaceholders(type, input);
  return inTransaction(ctx, async (tx) => {
    const before = await effectiveTemplate(tx, type, locale);
    const now = tx.clock.now();
    const [row] = await tx.db
      .insert(messageTemplates)
      .values({
        messageType: type,
        locale,
        ...input,
        updatedBy: actor.userId,
        createdAt: now,
        updatedAt: now,
      })
      .onConflictDoUpdate({
        target: [messageTemplates.messageType, messageTemplates.locale],
        set: { ...input, updatedBy: actor.userId, updatedAt: now },
      })
      .returning();
    await recordAudit(tx, {
      action: 'message_template.update',
      entityType: 'message_template',
      entityId: row.id,
      before: { type, locale, subject: before.subject, body: before.body },
      after: { type, locale, ...input },
    });
    return present(type, locale, row);
  });
}

/** Drops the override: the built-in default applies again. */
export async function resetMessageTemplate(
  ctx: Ctx,
  type: MessageType,
  locale: Lang,
): Promise<MessageTemplate> {
  authorize(ctx, notificationsPolicy, 'writeTemplates');
  return inTransaction(ctx, async (tx) => {
    const [removed] = await tx.db
      .delete(messageTemplates)
      .where(and(eq(messageTemplates.messageType, type), eq(messageTemplates.locale, locale)))
      .returning();
    if (removed) {
      await recordAudit(tx, {
        action: 'message_template.reset',
        entityType: 'message_template',
        entityId: removed.id,
        before: { type, locale, subject: removed.subject, body: removed.body },
        after: { type, locale, ...DEFAULT_TEMPLATES[type][locale] },
      });
    }
    return present(type, locale, undefined);
  });
}

/** Renders a template (the given draft, else the one in force) with sample data. */
export async function previewMessageTemplate(
  ctx: Ctx,
  type: MessageType,
  locale: Lang,
  draft?: MessageTemplateInput,
): Promise<TemplatePreview> {
  authorize(ctx, notificationsPolicy, 'readTemplates');
  if (draft) assertKnownPlaceholders(type, draft);
  const template = draft ?? (await effectiveTemplate(ctx, type, locale));
  const sample = Object.fromEntries(
    PLACEHOLDERS[type].map((name) => [name, SAMPLE_VALUES[locale][name] ?? '']),
  );
  const rendered = renderTemplate(template, sample);
  return {
    subject: rendered.subject,
    text: rendered.body,
    html: textToHtml(rendered.subject, rendered.body),
    markdown: textToMarkdown(rendered.subject, rendered.body),
    sample,
  };
}
